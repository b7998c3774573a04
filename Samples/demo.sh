#!/usr/bin/env bash
# The main job: a case store for each of the five landlords whose policies Redress runs, built
# from Samples/intake, worked as each complaints team would, then the reports an analyst runs on
# them, and the workbench REPL on one of them (at a terminal, it stays open).
#
#   Samples/demo.sh [REDRESS_BINARY] [FOLDER]     (FOLDER: where the stores go; default a temp dir)
set -euo pipefail
redress=${1:-redress}
here=$(cd "$(dirname "$0")" && pwd)
folder=${2:-$(mktemp -d)}
today=2027-01-04      # the demo's "today", the first working day of 2027: the intake runs to 31 December 2026
packs=(winchester southern-charity wdh willow-tree halton)
export REDRESS_USER=demo

indent() { sed "s/^/${1:-   }/"; }
each() {   # each SCRIPT [ARGS...]: run an analyst script on every landlord's store
  local script=$1; shift
  for pack in "${packs[@]}"; do
    echo "   $pack:"
    "$redress" run --db "$folder/$pack.sqlite" --as-of "$today" "$here/scripts/$script" "$@" | indent "     "
  done
}

echo "Redress $("$redress" --version): housing complaints on UK working days, five landlords' policies"
echo
echo "1. A store for each landlord, bound to its policy pack (Scripts/policies/PACK.lua), and its intake"
echo "   (Samples/intake/PACK.csv, from Samples/make-intake.py), each row triaged by the pack:"
for pack in "${packs[@]}"; do
  db="$folder/$pack.sqlite"
  rm -f "$db" "$db-wal" "$db-shm"
  "$redress" init --policy "$pack" --db "$db" | indent
  "$redress" import --db "$db" "$here/intake/$pack.csv" | indent "     "
done
echo
echo "2. Each team's casework up to $today (Samples/scripts/casework.lua): acknowledgements, calls and"
echo "   visits, extensions, responses with the remedy each pack computes, escalations (a late one refused"
echo "   where the policy says so), closures; a restriction where the policy has them, and the contact it flags:"
each casework.lua
echo
echo "3. This week's deadlines (Samples/scripts/overdue-this-week.lua 3):"
each overdue-this-week.lua 3
echo
echo "4. Compensation offered, by category (Samples/scripts/compensation-by-category.lua):"
each compensation-by-category.lua
echo
echo "5. Near a time bar: raising a complaint, and the window to escalate (Samples/scripts/near-time-bar.lua 21):"
each near-time-bar.lua 21
echo
echo "6. One case from Lua: the latest complaint of WDH's restricted resident, and its audit trail:"
"$redress" --db "$folder/wdh.sqlite" --as-of "$today" -e '
  local ref = sql([[SELECT c.ref FROM cases c JOIN parties p ON p.id = c.complainant_id
                    WHERE p.email = ? ORDER BY c.received DESC LIMIT 1]], "trevor.demowood@example.org")[1].ref
  local c = cases.get(ref)
  print("   " .. tostring(c))
  for _, e in ipairs(c:history()) do
    local data = e.data or {}
    print(("     %s  %-16s by %s%s"):format(tostring(e.on), e.type, e.actor or "?",
      data.flag and (": " .. data.flag) or data.clock and (", meets " .. data.clock) or ""))
  end'
echo
echo "7. Deadlines around Christmas in each region (Samples/scripts/code-deadlines.lua):"
"$redress" run "$here/scripts/code-deadlines.lua" 2026-12-22 | indent
echo
echo "8. The workbench REPL on the WDH store, fed a session from a file (Samples/workbench.session): the"
echo "   most overdue cases, a call logged on the first, its response with the remedy WDH's pack computes,"
echo "   the remedy as CSV:"
"$redress" --db "$folder/wdh.sqlite" --as-of "$today" < "$here/workbench.session" | indent
echo
echo "9. The day's scheduled jobs on each store (Scripts/jobs): deadlines per officer and stage, remedy offers"
echo "   lapsing, complaints closed when their escalation window passes, restriction reviews due, samples:"
for pack in "${packs[@]}"; do
  echo "   $pack:"
  "$redress" jobs run --db "$folder/$pack.sqlite" --as-of "$today" | sed "s|$folder/||" | indent "     "
done
echo
echo "10. WDH's Tenant Satisfaction Measures so far in 2026/27, for a landlord of 31,000 homes, and its annual report:"
"$redress" settings set homes 31000 --db "$folder/wdh.sqlite"
"$redress" report tsm --db "$folder/wdh.sqlite" --as-of "$today" | sed -n '1,11p' | indent
"$redress" report annual --db "$folder/wdh.sqlite" --as-of "$today" --output "$folder/wdh-annual-report.html" | sed "s|$folder/||" | indent
echo
echo "11. southern-charity's restriction on contact: the notice to the resident (redress letter restriction),"
echo "    then a copy of the store a year on, when the yearly review falls due (the restriction-reviews job"
echo "    runs the pack's review hook, records the outcome and writes the review letter):"
sc="$folder/southern-charity.sqlite"
restriction=$("$redress" --db "$sc" -e 'print(sql("SELECT id FROM restrictions WHERE kind <> ? ORDER BY id LIMIT 1", "warning")[1].id)')
due=$("$redress" --db "$sc" -e "print(restrictions.get($restriction).review_due)")
"$redress" letter restriction --restriction "$restriction" --db "$sc" --as-of "$today" --preview | sed -n '/^## How/,/^## The Housing/p' | indent
later="$folder/southern-charity-$due.sqlite"
for suffix in "" -wal -shm; do [ -e "$sc$suffix" ] && cp "$sc$suffix" "$later$suffix"; done
"$redress" jobs run restriction-reviews --db "$later" --as-of "$due" | tail -n 4 | sed "s|$folder/||" | indent
sed -n '3,$p' "$folder/southern-charity-$due-reports/restriction-reviews/$due.txt" | indent
sed -n '/^## Our review/,/^We will review the arrangement again/p' "$folder/southern-charity-$due-reports/letters/restriction-$restriction/$due-restriction-review.txt" | indent
echo
echo "The stores are in $folder (one per landlord): open them with sqlite3, or"
echo "\`redress export cases --db $folder/wdh.sqlite\`."
if [ -t 0 ]; then
  echo
  echo "The workbench on the WDH store (.help for help, .open $folder/halton.sqlite for another, Ctrl-D to leave):"
  exec "$redress" --db "$folder/wdh.sqlite" --as-of "$today"
fi
