-- {{name}}: a complaints policy as a Redress policy pack.
--
-- Written by `redress pack new {{name}}` from the Housing Ombudsman's Complaint Handling Code
-- 2024 (statutory from 1 April 2024): every rule below is the Code's, beside the clause it
-- implements. Make it your landlord's policy by changing each rule and its `clause` to your
-- policy's wording, and keep a scenario for each rule you change. Then:
--
--   redress check ./{{name}}.lua           runs the scenarios at the end of this file
--   redress check --code ./{{name}}.lua    lists where the pack departs from the Code
--   redress init --policy ./{{name}}.lua   makes a case store that follows it
--
-- The pack author's guide is docs/packs.md. An editor with the Lua language server (LuaLS)
-- completes and checks every field from the annotations in Scripts/types (.luarc.json).
local ombudsman = require "lib.ombudsman"         -- the Ombudsman's contact details
local compensation = require "lib.compensation"   -- remedy items, the Ombudsman's 2026 sums

-- The time bar, and the clause that sets it. Code 2.3: "Landlords must accept complaints
-- referred to them within 12 months of the issue occurring or the resident becoming aware of
-- the issue"; 2.2(a) lets a policy exclude an issue that "occurred over twelve months ago".
local TIME_BAR = { months = 12, clause = "Code 2.2(a), 2.3" }

---@type redress.Pack
local pack = {
  name = "{{name}}",
  title = "{{name}} complaints policy",

  -- Working days are counted on England and Wales bank holidays (or "scotland",
  -- "northern-ireland"). Days the office is shut go in closures: { "2026-12-29", ... }.
  calendar = { region = "england-and-wales", closures = {} },

  -- The time bar, as above: Redress applies this window at intake to every complaint triage
  -- accepts; the triage below says the same, so its reason is the one the customer reads.
  acceptance = { months = TIME_BAR.months, clause = TIME_BAR.clause },

  -- Code 5.2, 5.3: two stages; "A process with more than two stages is not acceptable under
  -- any circumstances". Each clock is a duration (working_days, days, weeks or months) from an
  -- event: received, logged, acknowledged, escalated, decision_sent.
  stages = {
    { name = "1", clause = "Code 6.1-6.9", clocks = {
        -- 6.2: "acknowledged, defined and logged ... within five working days of the complaint
        -- being received"
        acknowledge = { working_days = 5, from = "received", clause = "Code 6.2" },
        -- 6.3: "within 10 working days of the complaint being acknowledged"; 6.4: an
        -- extension of "no more than 10 working days without good reason"
        respond = { working_days = 10, from = "acknowledged", clause = "Code 6.3",
                    extension = { working_days = 10, beyond = "customer_agreement", clause = "Code 6.4" } },
    } },
    { name = "2", clause = "Code 6.10-6.19", clocks = {
        -- 6.11: "within five working days of the escalation request being received"
        acknowledge = { working_days = 5, from = "escalated", clause = "Code 6.11" },
        -- 6.14: "within 20 working days of the complaint being acknowledged"; 6.15: an
        -- extension of "no more than 20 working days without good reason"
        respond = { working_days = 20, from = "acknowledged", clause = "Code 6.14",
                    extension = { working_days = 20, beyond = "customer_agreement", clause = "Code 6.15" } },
    } },
  },

  -- What a contact is. `intake` holds the fields given to cases.intake (or the columns of an
  -- imported CSV): received, event_date and aware_date as dates, and the facts this triage
  -- reads: legal_proceedings, previously_considered (true or false).
  triage = function(intake)
    -- 2.2(b): "Legal proceedings have started. This is defined as details of the claim, such
    -- as the Claim Form and Particulars of Claim, having been filed at court."
    if intake.legal_proceedings then
      return { exclude = "legal proceedings about this matter have started (a claim has been filed at court)",
               clause = "Code 2.2(b)", signpost = ombudsman.signpost }
    end
    -- 2.2(c): "Matters that have previously been considered under the complaints policy."
    if intake.previously_considered then
      return { exclude = "this matter has already been considered under the complaints policy",
               clause = "Code 2.2(c)", signpost = ombudsman.signpost }
    end
    -- The time bar, from the later of the issue and the resident learning of it, counted
    -- forward as the acceptance window is (to the same day, or the month's end): a complaint
    -- made after the last day is excluded.
    local started = intake.aware_date or intake.event_date
    if intake.event_date and started < intake.event_date then started = intake.event_date end
    if started and started:add_months(TIME_BAR.months) < intake.received then
      return { exclude = ("the issue arose more than %d months before the complaint (%s)"):format(TIME_BAR.months, started),
               clause = TIME_BAR.clause, signpost = ombudsman.signpost }
    end
    return { kind = "complaint", stage = "1" }
  end,

  -- Code 7.1: where something has gone wrong, acknowledge it, apologise and put it right; 7.4:
  -- "take account of the guidance issued by the Ombudsman when deciding on appropriate
  -- remedies". c:respond{ outcome = "upheld", findings = { ... } } calls this with the findings:
  -- apology (what for), put_right (the action), and the guidance's facts
  -- (days_without_heating, missed_appointments...: Scripts/lib/compensation.lua). Amounts are
  -- in pence.
  remedy = function(case, findings)
    if type(findings) ~= "table" then findings = { apology = findings } end
    local items = { compensation.apology(findings.apology or ("for what went wrong in " .. case.ref)) }
    if findings.put_right then items[#items + 1] = compensation.action(findings.put_right) end
    for _, item in ipairs(compensation.guidance_items(findings)) do items[#items + 1] = item end
    return items
  end,

  -- Each scenario shows one rule through the real host: `redress check` records its intake,
  -- runs its steps and compares the case with `expect`. Work each expected date out by hand
  -- from the rule and GOV.UK's bank holidays (2026: Christmas Friday 25 December, Boxing Day
  -- substitute Monday 28 December; 2027: New Year's Day Friday 1 January).
  scenarios = {
    { name = "stage 1 acknowledged in 5 working days and answered in 10, over Christmas 2026", clause = "Code 6.2, 6.3",
      -- acknowledge from Tue 22 Dec: 23, 24, (25, 28), 29, 30, 31;
      -- respond from Tue 29 Dec: 30, 31, (1 Jan), 4, 5, 6, 7, 8, 11, 12, 13
      intake = { received = "2026-12-22", channel = "email", category = "repairs" },
      steps = { { "acknowledge", { on = "2026-12-29" } } },
      expect = { kind = "complaint", stage = "1", status = "open",
                 due = { acknowledge = "2026-12-31", respond = "2027-01-13" } } },

    { name = "excluded: the issue arose more than 12 months before the complaint", clause = "Code 2.2(a), 2.3",
      -- 12 months from 21 Dec 2025 end on 21 Dec 2026; the complaint came the day after
      intake = { received = "2026-12-22", channel = "letter", event_date = "2025-12-21" },
      expect = { status = "excluded", exclusion = "more than 12 months", clause = "Code 2.2(a)" } },

    { name = "an upheld complaint: an apology and £15 a day without heating", clause = "Code 7.1, 7.4",
      -- 3 days at £15 (1500 pence) a day: 4500 pence
      intake = { received = "2026-12-22", channel = "phone" },
      steps = { { "acknowledge", { on = "2026-12-23" } },
                { "respond", { on = "2027-01-05", outcome = "upheld", findings = { days_without_heating = 3 } } } },
      expect = { remedy = { pence = 4500, kinds = { "apology", "loss_of_amenity" } } } },
  },
}

return pack
