-- The clocks a complaints team must meet this week: every deadline of an open case that is
-- overdue or falls due in the working week of "today" (--as-of), counted by stage and clock,
-- then listed, most overdue first.
--
--   redress run --db wdh.sqlite --as-of 2027-01-04 Samples/scripts/overdue-this-week.lua [LIMIT]
--
-- LIMIT (default 10) caps each list. Only the current stage's clocks count: a clock left unmet
-- at an earlier stage can no longer be met. A customer's escalation window is not the team's
-- deadline (see near-time-bar.lua). Reads only: sql() refuses writes.

local limit = tonumber(arg[1]) or 10
local today = date.today()
local monday = today - (today:weekday_number() - 1)
local friday = monday + 4

local function short(text, width)
  text = text or ""
  return #text > width and text:sub(1, width - 1) .. "…" or text
end

local rows = sql([[
  SELECT s.ref, s.kind, s.stage, s.clock, s.due_now AS due, c.category, c.summary
  FROM clock_status s JOIN cases c ON c.id = s.case_id
  WHERE s.status = 'open' AND s.met IS NULL AND s.stage = s.case_stage
    AND s.clock <> 'escalation_window' AND s.due_now <= ?
  ORDER BY s.due_now, s.ref]], tostring(friday))

-- the week's days, with any bank holiday named
local days, heading = {}, {}
for i = 0, 4 do
  local d = monday + i
  days[#days + 1] = d
  heading[#heading + 1] = ("%-3s %2d"):format(d:weekday():sub(1, 3), d.day)
end
local closed = {}
for _, d in ipairs(days) do
  if not calendar:is_working_day(d) then closed[#closed + 1] = d:weekday() .. " " .. d.day .. ": " .. (calendar:holiday(d) or "closed") end
end

local MONTHS = { "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December" }
print(("Clocks overdue or due in the week of Monday %d %s %d (as of %s)%s"):format(monday.day, MONTHS[monday.month],
  monday.year, tostring(today), #closed > 0 and ("; not working days: " .. table.concat(closed, ", ")) or ""))

-- counts by stage and clock: overdue (due before today), then each day of the week
local groups, order = {}, {}
for _, row in ipairs(rows) do
  local key = row.stage .. "\0" .. row.clock
  local g = groups[key]
  if not g then
    g = { stage = row.stage, clock = row.clock, overdue = 0, total = 0 }
    groups[key] = g
    order[#order + 1] = g
  end
  if row.due < tostring(today) then
    g.overdue = g.overdue + 1
  else
    g[row.due] = (g[row.due] or 0) + 1
  end
  g.total = g.total + 1
end
table.sort(order, function(a, b) if a.stage ~= b.stage then return a.stage < b.stage end return a.clock < b.clock end)

if #order == 0 then
  print("Nothing is overdue or due this week.")
  return
end
print(("%-16s %-12s %7s  %s  %5s"):format("stage", "clock", "overdue", table.concat(heading, "  "), "total"))
local totals = { overdue = 0, total = 0 }
for _, g in ipairs(order) do
  local cells = {}
  for _, d in ipairs(days) do
    local n = g[tostring(d)] or 0
    totals[tostring(d)] = (totals[tostring(d)] or 0) + n
    cells[#cells + 1] = ("%6s"):format(n > 0 and n or "-")
  end
  totals.overdue, totals.total = totals.overdue + g.overdue, totals.total + g.total
  print(("%-16s %-12s %7s  %s  %5d"):format(g.stage, g.clock, g.overdue > 0 and g.overdue or "-", table.concat(cells, "  "), g.total))
end
local cells = {}
for _, d in ipairs(days) do cells[#cells + 1] = ("%6d"):format(totals[tostring(d)] or 0) end
print(("%-16s %-12s %7d  %s  %5d"):format("all", "", totals.overdue, table.concat(cells, "  "), totals.total))

local function list(title, keep, describe)
  local shown, count = 0, 0
  for _, row in ipairs(rows) do
    if keep(row) then
      count = count + 1
      if shown < limit then
        if shown == 0 then print(title) end
        shown = shown + 1
        print(("  %s  %-16s %-12s %-34s  %-22s %s"):format(row.ref, row.stage, row.clock, describe(row),
          short(row.category, 22), short(row.summary, 40)))
      end
    end
  end
  if count > shown then print(("  ... and %d more"):format(count - shown)) end
end

print()
list("Overdue, most overdue first:", function(row) return row.due < tostring(today) end, function(row)
  return ("due %s, %3d working days late"):format(row.due, calendar:working_days_between(row.due, today))
end)
list("Due this week:", function(row) return row.due >= tostring(today) end, function(row)
  local d = date(row.due)
  return ("due %s %s"):format(d:weekday():sub(1, 3), row.due)
end)
