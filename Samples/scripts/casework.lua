-- A complaints team's casework, from each contact's arrival up to "today" (--as-of), on the
-- store of any of the five demo landlords: acknowledge, log calls and visits, extend, respond
-- (the pack's remedy hook turns the findings into the remedy), escalate, close; and, where the
-- landlord's policy restricts contact for unreasonable behaviour, warn and restrict one resident
-- and log the contacts that follow, which the pack flags.
--
--   redress run --db wdh.sqlite --as-of 2027-01-04 Samples/scripts/casework.lua
--
-- Every change goes through the cases and restrictions API, so the pack decides each deadline,
-- refuses what its policy does not allow (a late review request at Halton or Willow Tree) and
-- computes the remedy, and the store's audit log records it all. What the team does to each
-- case (answered on time or late, extended, upheld, escalated) is the demo's choice, made from
-- the case's number so a run is the same every time: it is not a policy.

local compensation = require "lib.compensation"

local today = date.today()
local policy = sql("SELECT value FROM settings WHERE key = 'policy'")[1].value
local pack = require("policies." .. policy)

local function wd(day, n) return calendar:add_working_days(day, n) end
local function latest(a, b) if b and a < b then return b end return a end
local function number(c) return tonumber(c.ref:match("%d+$")) end

-- What went wrong and how it was put right, by category: the findings every team writes.
local PUT_RIGHT = {
  repairs = { "the repair took too long and appointments were missed", "repair completed by a second contractor" },
  heating_and_hot_water = { "the heating and hot water were left broken for days", "boiler repaired and its replacement booked" },
  damp_and_mould = { "the cause of the damp was not investigated", "damp survey done, gutter and extractor fan repaired, mould treated" },
  anti_social_behaviour = { "your reports were not followed up", "a named officer and an action plan for the case" },
  rent_and_charges = { "your rent account was wrong", "account corrected and the arrears letter withdrawn" },
  service_charges = { "you were charged for a service that was not delivered", "service charge corrected for the year" },
  estate_services = { "the estate service you pay for was missed", "service schedule restored and checked weekly" },
  staff_conduct = { "a member of staff did not treat you with respect", "the officer has been spoken to" },
  communication = { "we did not reply to you", "a named contact, and replies within 5 working days" },
  lettings = { "your new home was not ready when the tenancy started", "the home made ready and the double rent refunded" },
  tenancy_management = { "the notice was sent without a visit", "notice withdrawn until a visit has been made" },
}

local function put_right(c)
  local p = PUT_RIGHT[c.category] or { "we did not get this right", "the matter put right" }
  return p[1], p[2]
end

-- The Ombudsman's fixed sums (Scripts/lib/compensation.lua) for what a complaint's category
-- usually involves: for the two landlords whose policies set no remedies of their own.
local function guidance_remedy(c, n)
  local wrong, action = put_right(c)
  local items = { compensation.apology(wrong), compensation.action(action) }
  if c.category == "heating_and_hot_water" then
    items[#items + 1] = compensation.loss_of_heating(2 + n % 4)
  elseif c.category == "repairs" then
    items[#items + 1] = compensation.missed_appointments(1 + n % 2)
  end
  if n % 3 == 0 then
    items[#items + 1] = compensation.item("time_and_trouble", 2500, "time spent chasing the complaint")
  end
  return items
end

-- How each landlord's team works. Per team:
--   answer_in    working days to an answer in the stages whose policy gives no response time
--   escalate     one case in `escalate` goes on from stage 1, one in escalate^2 from stage 2...
--   extension    per stage, the extension a complex case takes (nil: the policy allows none),
--                and `agreed`: working days more that some customers agree to
--   contacts     clocks met by a logged contact: the channel and what was said
--   meet         clocks met by naming them (c:meet): the reason recorded
--   findings     the facts the pack's remedy hook reads; or remedy, the items themselves
--   logged       the pack counts from the complaint being logged: log it when acknowledging
--   restriction  one resident's warning, restriction and the contacts that follow
local TEAMS = {}

TEAMS.winchester = {
  -- Stage 1 is early resolution: the officer speaks to the complainant and resolves it if they can.
  answer_in = { ["1"] = 2, review = 10, senior_management = 10, board = 20 },
  escalate = 3,
  contacts = {},
  remedy = guidance_remedy,
}

TEAMS["southern-charity"] = {
  answer_in = {},
  escalate = 4,
  extension = { ["1"] = { days = 10 }, review = { days = 30 } },
  contacts = {},
  -- How we'll try to put things right: an apology and the fix; a small goodwill gesture when it
  -- took too long; compensation for financial loss.
  findings = function(c, n)
    local wrong, action = put_right(c)
    local f = { apology = wrong, put_right = action }
    if n % 2 == 0 then
      f.took_too_long = true
      f.goodwill = { pence = 1500 + 500 * (n % 5), disruption = "several visits and days at home waiting",
                     time_to_put_right = (3 + n % 6) .. " weeks", distress = n % 4 == 0 }
    end
    if c.category == "service_charges" then
      f.financial_loss = { { pence = 1200 * (1 + n % 4), reason = "window cleaning charged but not done" } }
    elseif c.category == "damp_and_mould" then
      f.financial_loss = { { pence = 6500, reason = "rug and curtains spoiled by mould" } }
    end
    return f
  end,
  -- "ask them to only contact us using a channel of our choice"; reviewed each year; one challenge.
  restriction = {
    email = "graham.sampleford@example.org",
    restrict = { kind = "single_channel", detail = "email", on = "2026-11-09",
                 reasons = "Calls most days to several teams about the same service charge points after written answers" },
    challenge = { outcome = "continue", on = "2026-11-30",
                  reasons = "Email reaches the team that answers service charge questions; the restriction is proportionate" },
    contacts = { { channel = "phone", summary = "Rang the repairs line about the communal lights", at = "2026-12-15T09:40",
                   staff = "K Jones" },
                 { channel = "email", summary = "Emailed photos of the communal lights", at = "2026-12-16T19:05" } },
  },
}

TEAMS.wdh = {
  answer_in = {},
  escalate = 4,
  -- "log and acknowledge the complaint and allocate it to an appropriate officer"
  logged = true,
  officers = { "J Brown", "A Khan", "S Patel" },
  -- up to 10 working days more; "Further extensions will only be made in exceptional
  -- circumstances and in agreement with the customer" (agreed: working days more)
  extension = { ["1"] = { working_days = 10, agreed = 5 }, ["2"] = { working_days = 10, agreed = 5 } },
  contacts = {
    contact = { channel = "phone", complaint = "Investigating officer called to introduce themselves and agree the complaint",
                service_request = "Service recovery: called to agree what will be done and when" },
  },
  -- Putting things right: the Ombudsman's sums, time and trouble, distress, evidenced losses
  -- only, offset against arrears, paid to the rent account where chosen.
  findings = function(c, n)
    local wrong, action = put_right(c)
    local f = { apology = wrong, action = action,
                time_and_trouble = { pence = 2500 * (1 + n % 3), reason = "calls and emails chasing the complaint" } }
    if c.category == "heating_and_hot_water" then
      f.days_without_heating = 2 + n % 6
      f.losses = { { pence = 3999, reason = "electric heater bought (receipt)", evidenced = true },
                   { pence = 6000, reason = "extra electricity (no bills provided)", evidenced = false } }
    elseif c.category == "repairs" then
      f.missed_appointments = 1 + n % 3
    elseif c.category == "damp_and_mould" then
      f.distress = { pence = 5000 + 2500 * (n % 3), reason = "mould in the children's bedroom for months" }
      f.rooms_unusable = { rooms = 1, of = 4, days = 14 + n % 20, weekly_rent = 11250 }
    end
    if n % 5 == 0 then f.arrears = 4500 end
    f.rent_account = n % 2 == 0
    return f
  end,
  late_request = "exceptional circumstances: the customer was in hospital when the decision letter came",
  -- A warning, then "place restrictions on their communications with us".
  restriction = {
    email = "trevor.demowood@example.org",
    warn = { on = "2026-10-28", reasons = "Shouted at the investigating officer and rang five teams a day about one repair" },
    restrict = { kind = "communications", detail = "email", on = "2026-11-18",
                 reasons = "The calls and the shouting continued after the warning of 28 October" },
    contacts = { { channel = "phone", summary = "Rang the investigating officer about the boiler", at = "2026-12-08T08:55" },
                 { channel = "email", summary = "Emailed the engineer's job sheet", at = "2026-12-09T14:20" } },
  },
}

TEAMS["willow-tree"] = {
  answer_in = {},
  escalate = 4,
  contacts = {},
  remedy = guidance_remedy,
}

TEAMS.halton = {
  answer_in = { review = 20, hearing = 20 },
  escalate = 4,
  extension = { ["1"] = { working_days = 5 } },   -- the holding letter
  contacts = {
    meeting = { channel = "visit", complaint = "Face-to-face meeting with the customer at home" },
    relay = { channel = "email", compliment = "Thanks passed to the employee and to the customer" },
    -- A formal enquiry is answered by letter; the letter meets the enquiry's respond clock.
    respond = { channel = "letter", enquiry = "Replied with the progress of the case" },
  },
  meet = { file = "uploaded to the employee's personal file" },
  -- The review meeting's notification names its date: 12 working days ahead (the policy asks
  -- for at least 10 working days' notice).
  notice = { notify = 12 },
  -- Compensation "only where the customer has suffered actual monetary loss or considerable
  -- delay in an action being carried out".
  findings = function(c, n)
    local wrong, action = put_right(c)
    local f = { mistake = wrong, put_right = action }
    if c.category == "heating_and_hot_water" then
      f.considerable_delay = "the boiler repair"
      f.days_without_heating = 3 + n % 5
    elseif c.category == "repairs" and n % 2 == 0 then
      f.considerable_delay = "the repair"
      f.missed_appointments = 1 + n % 2
    elseif c.category == "damp_and_mould" then
      f.monetary_loss = { { pence = 8500, reason = "clothes and bedding spoiled by mould (receipts)" } }
    elseif c.category == "lettings" then
      f.monetary_loss = { { pence = 21000, reason = "two weeks' double rent" } }
    end
    return f
  end,
}

local team = TEAMS[policy]
if not team then
  error("casework.lua knows the teams of the five demo landlords (winchester, southern-charity, wdh, willow-tree, "
    .. "halton); this store's pack is " .. policy, 0)
end

local stage_index = {}
for i, stage in ipairs(pack.stages) do stage_index[stage.name] = i end

local done = { accepted = 0, declined = 0, acknowledged = 0, acknowledged_late = 0, logged = 0, met = 0, extended = 0, agreed = 0, answered = 0,
               answered_late = 0, escalated = 0, late_recorded = 0, refused = 0, closed = 0, withdrawn = 0 }
local refusals = {}

-- the unmet clock of the case's current stage (or track) that is due first; the customer's
-- escalation window is theirs, not the team's, and is left to `finish`
local function next_clock(c)
  local first
  for _, k in ipairs(c.clocks) do
    if k.stage == c.stage and not k.met and k.name ~= "escalation_window" and (not first or k.due < first.due) then
      first = k
    end
  end
  return first
end

local function window(c)
  for _, k in ipairs(c.clocks) do
    if k.stage == c.stage and k.name == "escalation_window" and not k.met then return k end
  end
end

local function answered(c)
  return sql([[SELECT count(*) AS n FROM decisions d JOIN cases c ON c.id = d.case_id
               WHERE c.ref = ? AND d.stage = ?]], c.ref, c.stage)[1].n > 0
end

local OUTCOMES = { "upheld", "partly_upheld", "not_upheld" }

local function respond(c, n, on)
  local outcome = OUTCOMES[n % 3 + 1]
  local answer = { on = on, outcome = outcome }
  if team.findings then
    answer.findings = team.findings(c, n)         -- the pack's remedy hook decides the remedy
  else
    local wrong, action = put_right(c)
    answer.findings = outcome == "not_upheld" and "the service was delivered as the policy sets out"
      or (wrong .. "; " .. action)
    if outcome ~= "not_upheld" then answer.remedy = team.remedy(c, n) end
  end
  c:respond(answer)
  done.answered = done.answered + 1
  -- The customer answers most offers within a fortnight: three in four accepted, one in eight
  -- declined, the rest still waiting (the remedy-offers job chases those with a deadline).
  local offer = c.remedy
  if offer and offer.state == "open" and offer.pence > 0 then
    local answered_on = on + (7 + n % 7)
    if answered_on <= today and n % 8 ~= 5 then
      if n % 8 == 3 then
        c:decline_remedy{ on = answered_on, reason = "the customer wants the Ombudsman to look at the amount" }
        done.declined = done.declined + 1
      else
        c:accept_remedy{ on = answered_on }
        done.accepted = done.accepted + 1
      end
    end
  end
end

-- The day the team meets clock `k` of case number n (nil: not yet, or never).
local function plan(c, k, n, last)
  if k.name == "acknowledge" then
    if n % 11 == 0 then return wd(k.due, 2) end
    return latest(wd(k.started, 1), last)
  elseif k.name == "respond" and c.kind == "complaint" then
    if n % 13 == 0 then return nil end                    -- the officer has lost track of it
    if n % 9 == 0 then return wd(k.due, 3) end            -- answered late
    return latest(wd(k.due, -(n % 3)), last)
  elseif k.name == "file" then
    return n % 4 == 0 and wd(k.due, 1) or wd(k.started, 2)
  end
  return n % 6 == 0 and wd(k.due, 1) or latest(wd(k.started, 1), last)
end

-- Meet clock `k` on `on`; returns the day of the last thing done, or nil to stop for now.
local function meet(c, k, n, on)
  local rule = (pack.stages[stage_index[c.stage]] or {}).clocks
  rule = rule and rule[k.name]
  if type(rule) == "table" and rule.met_by == "assignment" then
    -- the pack's clock for allocating the case (WDH's five working days): assigning it meets it
    local officers = team.officers or { "case officer" }
    c:assign{ officer = officers[n % #officers + 1], on = on }
    done.met = done.met + 1
  elseif k.name == "acknowledge" then
    c:acknowledge{ on = on }
    if team.logged then c:logged{ on = on } end
    done.acknowledged = done.acknowledged + 1
    if on > k.due then done.acknowledged_late = done.acknowledged_late + 1 end
  elseif k.name == "respond" and c.kind == "complaint" then
    local extension = team.extension and team.extension[c.stage]
    if extension and n % 7 == 0 and k.due == k.first_due then
      local ask = { clock = "respond", reason = "complex: a specialist survey and the contractor's report are needed",
                    on = wd(k.due, -1) }
      for _, unit in ipairs({ "working_days", "days" }) do ask[unit] = extension[unit] end
      if ask.on > today then return nil end
      c:extend(ask)
      done.extended = done.extended + 1
      local due = c.due.respond
      if n % 14 == 0 and extension.agreed then          -- more time, with the customer's agreement
        c:extend{ clock = "respond", working_days = extension.agreed, agreed = true, on = wd(due, -1),
                  reason = "the customer agreed to wait for the surveyor's report" }
        done.agreed = done.agreed + 1
        due = c.due.respond
      end
      on = wd(due, -1)
      if on > today then return nil end
    end
    if n % 5 == 2 and wd(k.started, 3) < on then
      c:log{ channel = "phone", direction = "in", at = wd(k.started, 3), summary = "Rang for an update on the complaint" }
      done.logged = done.logged + 1
    end
    local due = c.due.respond
    respond(c, n, on)
    if on > due then done.answered_late = done.answered_late + 1 end
  elseif team.notice and team.notice[k.name] then
    c:meet{ clock = k.name, on = on, date = wd(on, team.notice[k.name]) }
    done.met = done.met + 1
  elseif team.meet and team.meet[k.name] then
    c:meet{ clock = k.name, on = on, reason = team.meet[k.name] }
    done.met = done.met + 1
  elseif k.name == "meeting" and n % 4 == 0 then
    c:meet{ clock = "meeting", on = wd(k.started, 1), reason = "the customer said a meeting is not required" }
    done.met = done.met + 1
  else
    local how = team.contacts[k.name]
    if not how then error(("casework.lua: the %s team has no way to meet clock %s of %s"):format(policy, k.name, c.ref), 0) end
    c:log{ channel = how.channel, direction = "out", at = on, staff = "case officer", summary = how[c.kind] or how.complaint,
           meets = k.name }
    done.logged = done.logged + 1
  end
  return on
end

-- Every clock of the stage is met and it has been answered: escalate, or close once the
-- customer's window has closed. Returns the day of what was done, or nil to stop for now.
local function finish(c, n, last)
  local index = stage_index[c.stage]
  local open = window(c)
  if index < #pack.stages and n % math.floor(team.escalate ^ index) == 1 then
    local on = last + (3 + n % 5)
    if on > today then return nil end
    c:escalate{ on = on, reason = index == 1 and "the customer is unhappy with the response" or "still unhappy; asks for the next stage" }
    done.escalated = done.escalated + 1
    return on
  elseif open and n % 10 == 3 then
    -- a request to escalate that comes after the window has closed
    local on = open.due + 2
    if on > today then return nil end
    local ok, why = pcall(c.escalate, c, { on = on, reason = team.late_request or "asks for the next stage" })
    if ok then
      done.late_recorded = done.late_recorded + 1
    else
      done.refused = done.refused + 1
      refusals[#refusals + 1] = why
      c:close{ on = on, reason = "the request to escalate came after the window closed" }
      done.closed = done.closed + 1
    end
    return on
  elseif open then
    local on = open.due + 1
    if on > today then return nil end
    c:close{ on = on, reason = "no request to escalate within the window" }
    done.closed = done.closed + 1
    return on
  end
  local on = wd(last, 5)
  if on > today then return nil end
  c:close{ on = on, reason = "resolved: the customer is satisfied with the response" }
  done.closed = done.closed + 1
  return on
end

-- One case, from its arrival to today or as far as the team has got.
local function work(c)
  local n = number(c)
  local last = c.received                           -- the day of the latest thing done on the case
  for _, e in ipairs(c:history()) do last = latest(last, date(e.on)) end
  for _ = 1, 40 do
    if c.status ~= "open" then return end
    if c.kind == "complaint" and n % 31 == 0 and wd(c.received, 3) <= today then
      c:withdraw{ on = wd(c.received, 3), reason = "the customer withdrew the complaint: the repair was done" }
      done.withdrawn = done.withdrawn + 1
      return
    end
    local k = next_clock(c)
    local on
    if k then
      on = plan(c, k, n, last)
      if not on or on > today then return end
      on = meet(c, k, n, on)
    elseif c.kind == "complaint" and not answered(c) then
      on = wd(last, team.answer_in[c.stage] or 5)
      if on > today then return end
      respond(c, n, on)
    elseif c.kind == "complaint" then
      on = finish(c, n, last)
    else
      on = wd(last, 2)   -- a service request passed on, an enquiry answered, a compliment filed
      if on > today then return end
      c:close{ on = on, reason = c.kind == "service_request" and "passed to the service area and resolved" or "done" }
      done.closed = done.closed + 1
    end
    if not on then return end
    last = on
  end
  error("casework.lua: " .. c.ref .. " did not settle in 40 steps", 0)
end

-- The restriction first, so the contacts logged after it are flagged as they are recorded (once:
-- a later run, with a later --as-of, goes on from where this one stopped).
local restricted, their_cases = nil, {}
local r = team.restriction
local party = r and sql("SELECT id, name FROM parties WHERE lower(email) = ?", r.email)[1]
if party and #restrictions.of(party.id) == 0 then
  if r.warn then restrictions.warn{ party = party.id, on = r.warn.on, reasons = r.warn.reasons } end
  local added = restrictions.add{ party = party.id, kind = r.restrict.kind, detail = r.restrict.detail,
                                  reasons = r.restrict.reasons, on = r.restrict.on }
  if r.challenge then
    restrictions.challenge{ id = added.id, outcome = r.challenge.outcome, reasons = r.challenge.reasons, on = r.challenge.on }
  end
  for _, contact in ipairs(r.contacts) do
    local ref = sql([[SELECT c.ref FROM cases c JOIN parties p ON p.id = c.complainant_id
                      WHERE lower(p.email) = ? AND c.received <= ? ORDER BY c.received DESC LIMIT 1]],
                    r.email, contact.at:sub(1, 10))[1].ref
    local c = cases.get(ref)
    c:log{ channel = contact.channel, direction = "in", at = contact.at, staff = contact.staff, summary = contact.summary }
    done.logged = done.logged + 1
  end
end
if party then
  local now
  for _, each in ipairs(restrictions.of(party.id)) do
    if each.kind ~= "warning" then now = each end
  end
  local review = now.review_due and tostring(now.review_due) or "none (the policy sets no review)"
  local challenge = now.challenged and (", challenged " .. tostring(now.challenged) .. ": " .. now.challenge_outcome) or ""
  restricted = ("%s: %srestricted from %s (%s: %s); review due %s%s"):format(party.name,
    r.warn and ("warned " .. r.warn.on .. ", ") or "", tostring(now.starts), now.kind, now.detail or "-", review, challenge)
  for _, row in ipairs(sql([[SELECT c.ref FROM cases c JOIN parties p ON p.id = c.complainant_id
                             WHERE lower(p.email) = ? ORDER BY c.received]], r.email)) do
    their_cases[#their_cases + 1] = row.ref
  end
end

for _, c in ipairs(cases.find{ status = "open" }) do work(c) end

local title = sql("SELECT value FROM settings WHERE key = 'policy_title'")[1].value
local still = sql("SELECT kind, count(*) AS n FROM cases WHERE status = 'open' GROUP BY kind ORDER BY kind")
local open = {}
for _, row in ipairs(still) do open[#open + 1] = row.kind .. " " .. row.n end
print(("Casework to %s, %s:"):format(tostring(today), title))
print(("  acknowledged %d (%d late); logged %d contacts; met %d clocks by name (a visit not wanted, a compliment filed)")
  :format(done.acknowledged, done.acknowledged_late, done.logged, done.met))
print(("  extended %d (%d further with the customer's agreement); answered %d (%d late); escalated %d")
  :format(done.extended, done.agreed, done.answered, done.answered_late, done.escalated))
print(("  late requests to escalate: %d recorded late, %d refused; closed %d; withdrawn %d; still open: %s")
  :format(done.late_recorded, done.refused, done.closed, done.withdrawn, table.concat(open, ", ")))
print(("  remedy offers answered: %d accepted, %d declined"):format(done.accepted, done.declined))
for _, why in ipairs(refusals) do print("  refused: " .. why:gsub("^case:escalate: ", "")) end
if restricted then print("  " .. restricted) end
for _, ref in ipairs(their_cases) do
  for _, flag in ipairs(restrictions.flags(ref)) do print("    flagged on " .. ref .. ": " .. tostring(flag)) end
end
