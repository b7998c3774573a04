#!/usr/bin/env bash
# Runs Redress's benchmarks and ../shared/bench's comparators in one go and prints the ratios.
# Usage: Benchmarks/run.sh RELEASE_DIR SHARED_BENCH_DIR
#   RELEASE_DIR holds redress-bench and redress (release builds: `make bench` builds both).
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
calendar_ratio=$(awk -v a="$ours_ns" -v s="$ours_signed_ns" -v b="$numpy_ns" 'BEGIN {
  printf "ratio: numpy vectorised %s ns/pair vs redress %s ns/pair (same n range) = %.1fx; with n in -40..40 (%s ns) = %.1fx (budget: >= 10x)\n", b, a, b / a, s, b / s }')
echo "$calendar_ratio"

echo
echo "== Lua calls: calendar:add_working_days from Lua, against pure Lua and against Swift"
lua_calls=$("$release/redress-bench" lua-calls)
echo "$lua_calls"

echo
echo "== Start-up: redress -e '' and redress calendar add, 50 runs each"
startup=$("$release/redress-bench" startup 50 "$release/redress")
echo "$startup"

echo
echo "== Intake: ${INTAKE_CONTACTS:=1000000} synthetic contacts through hos-code (redress sample --seed 7), then python_intake_baseline.py"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$release/redress" sample --contacts "$INTAKE_CONTACTS" --seed 7 --output "$work/intake.csv"
intake=$("$release/redress-bench" intake "$work/intake.csv" "$work")
echo "$intake"
python_intake=$(N=$INTAKE_CONTACTS python3 "$shared/python_intake_baseline.py")
echo "$python_intake"
ours_s=$(echo "$intake" | sed -n 's/^redress intake: [0-9]* contacts in \([0-9.]*\) s.*/\1/p')
python_s=$(echo "$python_intake" | sed -n 's/.* contacts in \([0-9.]*\) s .*/\1/p')
intake_ratio=$(awk -v a="$ours_s" -v b="$python_s" -v n="$INTAKE_CONTACTS" 'BEGIN {
  printf "python %s s vs redress %s s for %d contacts = %.2fx (goal: >= 5x; budget: under 10 s for 1,000,000)\n", b, a, n, b / a }')
echo "ratio: $intake_ratio"

echo
echo "== Budgets"
echo "calendar vs numpy: ${calendar_ratio#ratio: }"
echo "$lua_calls" | sed -n 's/^ratio/lua-calls: ratio/p'
echo "$startup" | grep budget
echo "intake vs python: $intake_ratio"
echo "$intake" | grep -E "^  (split|overdue)|^raw sqlite|^schema floor|^row floor"
