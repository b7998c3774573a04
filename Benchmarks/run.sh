#!/usr/bin/env bash
# Runs Redress's benchmarks and ../shared/bench's comparators in one go and prints the ratios.
# Usage: Benchmarks/run.sh RELEASE_DIR SHARED_BENCH_DIR
set -euo pipefail
release=$1 shared=$2

echo "== Calendar: add_working_days over 1,000,000 (date, n) pairs, england-and-wales"
ours=$("$release/redress-bench" calendar)
echo "$ours"
numpy=$(python3 "$shared/numpy_baseline.py")
echo "$numpy"
ours_ns=$(echo "$ours" | sed -n 's/.*n in 0\.\.40 .*(\([0-9.]*\) ns\/pair.*/\1/p')
ours_signed_ns=$(echo "$ours" | sed -n 's/.*n in -40\.\.40.*(\([0-9.]*\) ns\/pair.*/\1/p')
numpy_ns=$(echo "$numpy" | sed -n 's/.*vectorised.*(\([0-9.]*\) ns\/pair).*/\1/p')
awk -v a="$ours_ns" -v s="$ours_signed_ns" -v b="$numpy_ns" 'BEGIN {
  printf "ratio: numpy vectorised %s ns/pair vs redress %s ns/pair (same n range) = %.1fx; with n in -40..40 (%s ns) = %.1fx (budget: >= 10x)\n", b, a, b / a, s, b / s }'
