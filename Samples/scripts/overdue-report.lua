-- Which complaints are late, and where: the report a complaints manager reads on Monday.
--
--   redress run --as-of 2026-11-23 Samples/scripts/overdue-report.lua [LIMIT]
--
-- Reads only (sql() refuses writes); the counts come from the store's views.

local limit = tonumber(arg[1]) or 10
local today = tostring(date.today())

print("Open cases by kind and stage:")
for _, row in ipairs(sql([[
    SELECT kind, coalesce(stage, '-') AS stage, count(*) AS n FROM cases WHERE status = 'open'
    GROUP BY kind, stage ORDER BY kind, stage]])) do
  print(("  %-16s stage %-2s %6d"):format(row.kind, row.stage, row.n))
end

print(("Clocks met late so far: %d of %d met"):format(
  sql("SELECT count(*) AS n FROM clocks WHERE met_late = 1")[1].n,
  sql("SELECT count(*) AS n FROM clocks WHERE met IS NOT NULL")[1].n))

print(("Overdue as of %s, by clock and category:"):format(today))
for _, row in ipairs(sql([[
    SELECT s.clock, c.category, count(*) AS n FROM clock_status s JOIN cases c ON c.id = s.case_id
    WHERE s.met IS NULL AND s.status = 'open' AND s.due_now < ? GROUP BY s.clock, c.category ORDER BY n DESC]], today)) do
  print(("  %-12s %-24s %5d"):format(row.clock, row.category or "-", row.n))
end

print(("The %d most overdue:"):format(limit))
for _, row in ipairs(sql([[
    SELECT ref, clock, due_now FROM clock_status
    WHERE met IS NULL AND status = 'open' AND due_now < ? ORDER BY due_now, ref LIMIT ?]], today, limit)) do
  local c = cases.get(row.ref)
  print(("  %s  %-12s due %s (%3d working days late)  %s"):format(row.ref, row.clock, row.due_now,
    calendar:working_days_between(row.due_now, today), c.summary or ""))
end
