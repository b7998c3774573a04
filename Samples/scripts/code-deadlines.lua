-- Housing Ombudsman Complaint Handling Code (2024) deadlines for complaints received around
-- Christmas and Easter, in each UK region's working days.
--
--   redress run Samples/scripts/code-deadlines.lua [RECEIVED...]
--
-- Stage 1: acknowledge within 5 working days of receipt (Code 6.2), respond within 10 working
-- days of acknowledgement (6.3), extension at most 10 more (6.4). Stage 2: acknowledge within 5
-- working days of the escalation request (6.11), respond within 20 of acknowledgement (6.14),
-- extension at most 20 more (6.15). (These timescales move into the hos-code policy pack when
-- the case store lands; this script only shows the calendar at work.)

local received = { ... }
if #received == 0 then
  received = { "2025-12-17", "2026-03-12", "2026-06-12", "2026-12-22", "2026-12-24" }
end

local regions = { "england-and-wales", "scotland", "northern-ireland" }

local function row(cells, widths)
  local out = {}
  for i, cell in ipairs(cells) do
    local text = tostring(cell)
    out[i] = i < #cells and text .. string.rep(" ", widths[i] - #text) or text
  end
  return table.concat(out, "  ")
end

local widths = { 18, 11, 10, 11, 11, 11 }
print(row({ "region", "received", "weekday", "acknowledge", "respond", "extended" }, widths))
print(row({ ("-"):rep(18), ("-"):rep(11), ("-"):rep(10), ("-"):rep(11), ("-"):rep(11), ("-"):rep(11) }, widths))
for _, text in ipairs(received) do
  local day = date(text)
  for _, name in ipairs(regions) do
    local cal = calendar.region(name)
    local acknowledge = cal:add_working_days(day, 5)
    local respond = cal:add_working_days(acknowledge, 10)
    local extended = cal:add_working_days(respond, 10)
    print(row({ name, day, day:weekday(), acknowledge, respond, extended }, widths))
  end
end

-- Which holidays did those deadlines step over?
print()
local first, last = date(received[1]), date(received[#received]) + 45
for _, name in ipairs(regions) do
  local crossed = {}
  for year = first.year, last.year do
    for _, holiday in ipairs(calendar.region(name):holidays(year)) do
      if holiday.date >= first and holiday.date <= last then
        crossed[#crossed + 1] = holiday.date .. " " .. holiday.name
      end
    end
  end
  print(name .. " bank holidays in that span: " .. #crossed)
  for _, line in ipairs(crossed) do print("  " .. line) end
end
