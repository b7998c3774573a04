-- Cases near a time bar, the two a landlord's policy sets:
--   1. the time for raising a complaint (WDH six months, Halton and Willow Tree 12 months from
--      the problem): contacts accepted with few days to spare, accepted although the problem's
--      date is past the bar, and those excluded as out of time;
--   2. the customer's window to escalate (WDH 10 working days from the stage 1 letter, Willow
--      Tree 14 days, Halton 28 calendar days): windows closing in the next DAYS days, and open
--      cases whose window has closed with no request.
--
--   redress run --db halton.sqlite --as-of 2027-01-04 Samples/scripts/near-time-bar.lua [DAYS]
--
-- DAYS (default 28) is how near counts as near. The bar is read from the store's pack
-- (`acceptance`, `escalation_window`). The store keeps a case's event date but not the date the
-- customer became aware of the problem, so a case accepted on its awareness date shows here as
-- past the bar on its event date. Reads only.

local near = tonumber(arg[1]) or 28
local today = date.today()
local name = sql("SELECT value FROM settings WHERE key = 'policy'")[1].value
local pack = require("policies." .. name)

local function short(text, width)
  text = text or ""
  return #text > width and text:sub(1, width - 1) .. "…" or text
end

-- 1. raising a complaint --------------------------------------------------------------------
local acceptance = pack.acceptance
if not acceptance then
  print(("%s sets no time limit for raising a complaint."):format(name))
else
  local length, unit
  for _, u in ipairs({ "months", "weeks", "days" }) do
    if acceptance[u] then length, unit = acceptance[u], u end
  end
  local function bar(event)
    local d = date(event)
    if unit == "months" then return d:add_months(length) end
    if unit == "weeks" then return d:add_weeks(length) end
    return d + length
  end
  print(("Complaints must be raised within %d %s of the problem (%s): the bar is the event date + %d %s."):format(
    length, unit, acceptance.clause or name, length, unit))

  local spare, past, barred = {}, {}, {}
  for _, c in ipairs(sql([[SELECT ref, kind, status, received, event_date, category, summary, exclusion_reason
                           FROM cases WHERE event_date IS NOT NULL ORDER BY received, ref]])) do
    local limit = bar(c.event_date)
    local days = limit - date(c.received)          -- days to spare when it was received; negative: past the bar
    c.limit, c.days = limit, days
    if c.status == "excluded" and days <= 0 then
      barred[#barred + 1] = c
    elseif c.status ~= "excluded" and c.kind == "complaint" and days <= 0 then
      past[#past + 1] = c
    elseif c.status ~= "excluded" and c.kind == "complaint" and days <= near then
      spare[#spare + 1] = c
    end
  end
  local function show(title, list, describe)
    print(("%s: %d"):format(title, #list))
    for _, c in ipairs(list) do
      print(("  %s  received %s  event %s  bar %s  %-20s %-10s %s"):format(c.ref, c.received, c.event_date, tostring(c.limit),
        describe(c), c.status, short(c.summary, 40)))
    end
  end
  show(("Accepted with %d days or fewer to spare"):format(near), spare, function(c) return c.days .. " days to spare" end)
  show("Accepted although the event date is past the bar (aware later, or contact made in time)", past,
    function(c) return -c.days .. " days past" end)
  print(("Excluded, received after the bar: %d"):format(#barred))
  for _, c in ipairs(barred) do
    print(("  %s  received %s  event %s  bar %s  %4d days past  %s"):format(c.ref, c.received, c.event_date, tostring(c.limit),
      -c.days, short(c.exclusion_reason, 60)))
  end
end

-- 2. the escalation window -------------------------------------------------------------------
print()
local windows = {}
for _, stage in ipairs(pack.stages) do
  local w = stage.clocks and stage.clocks.escalation_window
  if w then
    local length = w.working_days and (w.working_days .. " working days") or w.days and (w.days .. " days")
      or w.weeks and (w.weeks .. " weeks") or (w.months .. " months")
    windows[#windows + 1] = ("stage %s: %s from the decision%s"):format(stage.name, length,
      w.late == "refused" and ", then refused" or ", later requests recorded as late")
  end
end
if #windows == 0 then
  print(("%s sets no window for asking to escalate."):format(name))
  return
end
print("Escalation windows (" .. table.concat(windows, "; ") .. "):")

local rows = sql([[
  SELECT s.ref, s.stage, s.anchor_date AS decided, s.due_now AS closes, c.category, c.summary
  FROM clock_status s JOIN cases c ON c.id = s.case_id
  WHERE s.status = 'open' AND s.met IS NULL AND s.clock = 'escalation_window' AND s.stage = s.case_stage
  ORDER BY s.due_now, s.ref]])
local closing, closed = {}, {}
for _, row in ipairs(rows) do
  local left = date(row.closes) - today
  row.left = left
  if left >= 0 and left <= near then closing[#closing + 1] = row elseif left < 0 then closed[#closed + 1] = row end
end
print(("Closing in the next %d days: %d"):format(near, #closing))
for _, row in ipairs(closing) do
  print(("  %s  stage %-8s decided %s  closes %s %s  %2d days left  %-22s %s"):format(row.ref, row.stage, row.decided,
    date(row.closes):weekday():sub(1, 3), row.closes, row.left, short(row.category, 22), short(row.summary, 36)))
end
print(("Closed with no request, the case still open (close it or record the request): %d"):format(#closed))
for _, row in ipairs(closed) do
  print(("  %s  stage %-8s decided %s  closed %s  %-22s %s"):format(row.ref, row.stage, row.decided, row.closes,
    short(row.category, 22), short(row.summary, 36)))
end
