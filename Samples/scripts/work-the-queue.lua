-- A complaints officer's morning, scripted: acknowledge what is waiting, answer what has been
-- investigated, log the calls, extend where a survey is needed, and escalate the one the resident
-- is unhappy with. Every change goes through the cases API, so the store's audit log records it.
--
--   redress run --as-of 2026-11-23 Samples/scripts/work-the-queue.lua
--
-- The decisions are the demo's (every third acknowledged complaint is answered, and so on), not
-- a policy: the pack decides the deadlines, the script only records what the officer did.

local today = date.today()
local acknowledged, answered, extended, escalated, logged = 0, 0, 0, 0, 0

-- Acknowledge every stage 1 complaint received up to yesterday, on the day it came in or the
-- next working day, as a good team does; a few are acknowledged late, to show late clocks.
for i, c in ipairs(cases.find{ status = "open", kind = "complaint", stage = "1" }) do
  if c.received < today and not c.clocks[1].met then
    local on = calendar:add_working_days(c.received, i % 17 == 0 and 7 or 1)
    if on <= today then
      c:acknowledge{ on = on }
      acknowledged = acknowledged + 1
      if i % 5 == 0 then
        c:log{ channel = "phone", direction = "out", at = on, staff = "officer",
               summary = "Called the resident to agree what the complaint is about" }
        logged = logged + 1
      end
    end
  end
end

-- Answer every third acknowledged complaint whose response is due by today; extend some others.
for i, c in ipairs(cases.find{ status = "open", kind = "complaint", stage = "1" }) do
  local due = c.due.respond
  if due and due <= today + 7 then
    if i % 3 == 0 then
      local on = due <= today and due or today
      local upheld = i % 2 == 0
      c:respond{ on = on, outcome = upheld and "upheld" or "not_upheld",
                 findings = upheld and "The repair was not completed within the published timescale" or "Repair completed on time",
                 remedy = upheld and { { kind = "apology", reason = "missed repair appointment" },
                                       { kind = "time_and_trouble", pence = 5000, reason = "time spent chasing the repair" } } or nil }
      answered = answered + 1
      if i % 9 == 0 then
        c:escalate{ on = today, reason = "The resident wants the compensation reviewed" }
        escalated = escalated + 1
      end
    elseif i % 7 == 0 then
      c:extend{ clock = "respond", working_days = 10, reason = "A specialist damp survey is needed", on = today }
      extended = extended + 1
    end
  end
end

-- Enquiries and compliments are answered and closed within the week; service requests go to
-- the repairs team (they are not complaints, so no complaint clock runs on them).
local closed = 0
for _, kind in ipairs({ "enquiry", "compliment" }) do
  for _, c in ipairs(cases.find{ status = "open", kind = kind, received_to = today - 7 }) do
    c:close{ on = calendar:add_working_days(c.received, 3), reason = "answered" }
    closed = closed + 1
  end
end

print(("As of %s: closed %d enquiries and compliments; "):format(tostring(today), closed)
  .. ("acknowledged %d complaints, logged %d calls, answered %d, extended %d, escalated %d")
  :format(acknowledged, logged, answered, extended, escalated))
