#!/usr/bin/env bash
# The main job: a demo case store built from Samples, worked as a complaints team would, then
# the reports an analyst runs on it, and the workbench REPL on it (at a terminal, it stays open).
#
#   Samples/demo.sh [REDRESS_BINARY] [FOLDER]     (FOLDER: where demo.sqlite goes; default a temp dir)
set -euo pipefail
redress=${1:-redress}
here=$(cd "$(dirname "$0")" && pwd)
folder=${2:-$(mktemp -d)}
db="$folder/demo.sqlite"
rm -f "$db" "$db-wal" "$db-shm"
today=2026-11-23      # the demo data's "today": the intake runs to 20 November 2026
export REDRESS_USER=demo

echo "Redress $("$redress" --version): housing complaints on UK working days"
echo
echo "1. A store bound to the Housing Ombudsman's Complaint Handling Code 2024 (Scripts/policies/hos-code.lua):"
"$redress" init --db "$db" | sed 's/^/   /'
echo
echo "2. Three months of intake (Samples/intake.csv: \`redress sample --contacts 600 --seed 7 --from 2026-08-24 --to 2026-11-20\`),"
echo "   each row triaged by the pack: complaints, service requests, enquiries, compliments, exclusions:"
"$redress" import --db "$db" "$here/intake.csv" | sed 's/^/   /'
echo
echo "3. The team's work, scripted (Samples/scripts/work-the-queue.lua):"
"$redress" run --db "$db" --as-of "$today" "$here/scripts/work-the-queue.lua" | sed 's/^/   /'
echo
echo "4. Monday's report (Samples/scripts/overdue-report.lua):"
"$redress" run --db "$db" --as-of "$today" "$here/scripts/overdue-report.lua" 8 | sed 's/^/   /'
echo
echo "5. One case, from Lua:"
"$redress" --db "$db" --as-of "$today" -e '
  local c = cases.find{ status = "open", stage = "2", limit = 1 }[1] or cases.find{ kind = "complaint", limit = 1 }[1]
  print("   " .. tostring(c))
  for _, e in ipairs(c:history()) do
    print(("     %s  %-12s by %s (%s)"):format(tostring(e.on), e.type, e.actor or "?", e.script or "?"))
  end' 
echo
echo "6. Deadlines around Christmas in each region (Samples/scripts/code-deadlines.lua):"
"$redress" run "$here/scripts/code-deadlines.lua" 2026-12-22 | sed 's/^/   /'
echo
echo "7. The workbench REPL, fed a session from a file (Samples/workbench.session): the most overdue"
echo "   cases, a contact logged on one, its remedy computed and offered, the remedies as CSV:"
"$redress" --db "$db" --as-of "$today" < "$here/workbench.session" | sed 's/^/   /'
echo
echo "8. The morning's scheduled jobs (Scripts/jobs: deadlines per officer and stage, remedy offers, closures, samples):"
"$redress" jobs run --db "$db" --as-of "$today" | sed 's/^/   /'
echo
echo "9. The Tenant Satisfaction Measures so far this year, for a landlord of 2,400 homes:"
"$redress" settings set homes 2400 --db "$db"
"$redress" report tsm --db "$db" --as-of "$today" | sed -n '1,11p' | sed 's/^/   /'
"$redress" report annual --db "$db" --as-of "$today" --output "$folder/annual-report.html" | sed 's/^/   /'
echo
echo "The store is $db: open it with sqlite3, or \`redress export cases --db $db\`."
if [ -t 0 ]; then
  echo
  echo "The workbench on the demo store (.help for help, Ctrl-D to leave):"
  exec "$redress" --db "$db" --as-of "$today"
fi
