#!/usr/bin/env bash
# The main job, for now: the working-day calendar that every complaint deadline depends on,
# from the command line and from Lua.
# (The workbench REPL on a demo store built from Samples replaces this as it lands.)
set -euo pipefail
redress=${1:-redress}

echo "Redress $("$redress" --version): complaint deadlines on UK working days"
echo
echo "A stage 1 complaint received Tuesday 22 December 2026 (Housing Ombudsman Code: acknowledge"
echo "within 5 working days, respond within 10 working days of acknowledging):"
ack=$("$redress" calendar add 2026-12-22 5)
echo "  acknowledge by    $ack"
echo "  respond by        $("$redress" calendar add "$ack" 10)"
echo "  with extension    $("$redress" calendar add "$("$redress" calendar add "$ack" 10)" 10)"
echo
for region in england-and-wales scotland northern-ireland; do
  echo "Bank holidays 2026, $region:"
  "$redress" calendar holidays 2026 --region "$region" | sed 's/^/  /'
done
echo
echo "Working days in December 2026 (england-and-wales): $("$redress" calendar between 2026-11-30 2026-12-31)"
echo "Is 28 December 2026 a working day? $("$redress" calendar is-working-day 2026-12-28)"
echo
echo "The same from Lua, as an analyst scripts it (Samples/scripts/code-deadlines.lua):"
"$redress" run "$(dirname "$0")/scripts/code-deadlines.lua"
