-- The reference pack: the Housing Ombudsman's Complaint Handling Code 2024 itself, statutory
-- from 1 April 2024 (Social Housing (Regulation) Act 2023). A new store uses it unless
-- `redress init --policy` names another pack; `redress check --code PACK` compares packs with it.
-- Clause numbers and quotations: shared/research/domain.md section 1 (2024 numbering).
local ombudsman = require "lib.ombudsman"

return {
  name = "hos-code",
  title = "Housing Ombudsman Complaint Handling Code 2024",

  -- The Code does not define "working day"; England and Wales bank holidays, receipt day not
  -- counted, a weekend or holiday receipt rolled to the next working day (domain.md Q3).
  calendar = { region = "england-and-wales" },

  -- 2.3 "Landlords must accept complaints referred to them within 12 months of the issue
  -- occurring or the resident becoming aware of the issue": from the later of the two (domain.md
  -- 1.3), to the same day 12 months on, which is inside. The lifecycle applies it whatever
  -- triage answers.
  acceptance = { months = 12, from = { "event_date", "aware_date" }, clause = "Code 2.3", signpost = ombudsman.signpost },

  -- 5.2/5.3: exactly two stages; "A process with more than two stages is not acceptable under
  -- any circumstances".
  stages = {
    { name = "1", clause = "Code 6.1-6.9", clocks = {
        -- 6.2 "acknowledged, defined and logged ... within five working days of the complaint
        -- being received"
        acknowledge = { working_days = 5, from = "received", clause = "Code 6.2" },
        -- 6.3 "respond to the complaint within 10 working days of the complaint being
        -- acknowledged"; 6.4 an extension "no more than 10 working days without good reason"
        -- (the Code asks for good reason, not the resident's agreement, beyond that).
        respond = { working_days = 10, from = "acknowledged", clause = "Code 6.3",
                    extension = { working_days = 10, beyond = "customer_agreement", clause = "Code 6.4" } },
    } },
    -- 6.10 "Stage 2 is the landlord's final response"; the HOS: "no less than and no more than
    -- 2 stages".
    { name = "2", clause = "Code 5.2, 5.3, 6.10", clocks = {
        -- 6.11 "acknowledged, defined and logged ... within five working days of the escalation
        -- request being received"
        acknowledge = { working_days = 5, from = "escalated", clause = "Code 6.11" },
        -- 6.14 "within 20 working days of the complaint being acknowledged"; 6.15 an extension
        -- "no more than 20 working days without good reason" (domain.md Q2: one source says 10).
        respond = { working_days = 20, from = "acknowledged", clause = "Code 6.14",
                    extension = { working_days = 20, beyond = "customer_agreement", clause = "Code 6.15" } },
    } },
  },

  -- Decides what a contact is. intake: received, event_date or aware_date, category, and flags
  -- legal_proceedings, previously_considered, service_request (a first report asking for
  -- something to be put right), dissatisfied (the resident is unhappy with how it was handled),
  -- asked_for_complaint, compliment, enquiry.
  triage = function(intake)
    if intake.compliment then return { kind = "compliment" } end
    if intake.enquiry and not intake.dissatisfied then return { kind = "enquiry" } end

    -- 1.4 "A service request is a request from a resident to the landlord requiring action to
    -- be taken to put something right. Service requests are not complaints". FAQ: a first-time
    -- report may be handled as a service request; 1.3 "Whenever a resident expresses
    -- dissatisfaction landlords must give them the choice to make complaint".
    if intake.service_request and not intake.dissatisfied and not intake.asked_for_complaint then
      return { kind = "service_request" }
    end

    -- 2.2(b) "Legal proceedings have started. This is defined as details of the claim, such as
    -- the Claim Form and Particulars of Claim, having been filed at court."
    if intake.legal_proceedings then
      return { exclude = "legal proceedings about this matter have started (a claim has been filed at court)",
               clause = "Code 2.2(b)", signpost = ombudsman.signpost }
    end
    -- 2.2(c) "Matters that have previously been considered under the complaints policy."
    if intake.previously_considered then
      return { exclude = "this matter has already been considered under the complaints policy",
               clause = "Code 2.2(c)", signpost = ombudsman.signpost }
    end
    -- 2.2(a) and 2.3: twelve months from the later of the issue and the resident learning of it;
    -- 2.3 also asks landlords to consider discretion, so the exclusion says it may be reviewed.
    local started = intake.aware_date or intake.event_date
    if intake.aware_date and intake.event_date and date(intake.event_date) > date(intake.aware_date) then
      started = intake.event_date
    end
    if started and date(started):add_months(12) < date(intake.received) then
      return { exclude = "the issue arose more than 12 months before the complaint (" .. date(started)
                 .. "); we will consider accepting it if there are good reasons it was not raised sooner",
               clause = "Code 2.2(a), 2.3", signpost = ombudsman.signpost }
    end
    return { kind = "complaint", stage = "1" }
  end,

  -- Each expected date is worked by hand from the Code's timescale and GOV.UK's England and
  -- Wales bank holidays: 2026 Good Friday 3 April, Easter Monday 6 April, spring 25 May, summer
  -- 31 August, Christmas Friday 25 December, Boxing Day substitute Monday 28 December; 2027 New
  -- Year's Day Friday 1 January, Good Friday 26 March, Easter Monday 29 March, early May 3 May,
  -- spring 31 May. The receipt day is not counted; a receipt on a holiday rolls forward.
  scenarios = {
    { name = "stage 1 acknowledged within 5 working days, over Christmas 2026", clause = "Code 6.2",
      -- from Tue 22 Dec: 23, 24, (25, 26-27, 28), 29, 30, 31
      intake = { received = "2026-12-22", channel = "email", category = "repairs" },
      expect = { kind = "complaint", stage = "1", status = "open", due = { acknowledge = "2026-12-31", respond = false } } },

    { name = "a complaint received on Christmas Day counts from the next working day", clause = "Code 6.2",
      -- 25 Dec rolls to Tue 29 Dec (28 Dec is Boxing Day's substitute); then 30, 31, (1 Jan), 4, 5, 6
      intake = { received = "2026-12-25", channel = "web" },
      expect = { due = { acknowledge = "2027-01-06" } } },

    { name = "stage 1 response 10 working days from acknowledgement, over New Year 2027", clause = "Code 6.3",
      -- from Tue 29 Dec: 30, 31, (1 Jan), 4, 5, 6, 7, 8, 11, 12, 13
      intake = { received = "2026-12-22", channel = "email" },
      steps = { { "acknowledge", { on = "2026-12-29" } } },
      expect = { due = { respond = "2027-01-13" }, met_late = { acknowledge = false } } },

    { name = "a late acknowledgement is late, and the response counts from it", clause = "Code 6.2, 6.3",
      -- acknowledgement was due 31 Dec; from Mon 4 Jan: 5, 6, 7, 8, 11, 12, 13, 14, 15, 18
      intake = { received = "2026-12-22", channel = "letter" },
      steps = { { "acknowledge", { on = "2027-01-04" } } },
      expect = { due = { respond = "2027-01-18" }, met_late = { acknowledge = true } } },

    { name = "stage 1 acknowledged over Easter 2026", clause = "Code 6.2",
      -- from Wed 1 Apr: 2, (3 Good Friday, 4-5, 6 Easter Monday), 7, 8, 9, 10
      intake = { received = "2026-04-01", channel = "phone" },
      expect = { due = { acknowledge = "2026-04-10" } } },

    { name = "stage 1 response over Easter 2027", clause = "Code 6.3",
      -- from Tue 16 Mar: 17, 18, 19, 22, 23, 24, 25, (26 Good Friday, 27-28, 29 Easter Monday), 30, 31, 1 Apr
      intake = { received = "2027-03-15", channel = "email" },
      steps = { { "acknowledge", { on = "2027-03-16" } } },
      expect = { due = { respond = "2027-04-01" } } },

    { name = "a stage 1 extension of 10 working days", clause = "Code 6.4",
      -- from Thu 1 Apr 2027: 2, 5, 6, 7, 8, 9, 12, 13, 14, 15
      intake = { received = "2027-03-15", channel = "email" },
      steps = { { "acknowledge", { on = "2027-03-16" } },
                { "extend", { clock = "respond", working_days = 10, reason = "specialist survey", on = "2027-03-30" } } },
      expect = { due = { respond = "2027-04-15" } } },

    { name = "extending stage 1 past 10 working days needs the resident's agreement", clause = "Code 6.4",
      -- 10 to 15 Apr, then 5 more with agreement: 16, 19, 20, 21, 22
      intake = { received = "2027-03-15", channel = "email" },
      steps = { { "acknowledge", { on = "2027-03-16" } },
                { "extend", { clock = "respond", working_days = 10, reason = "specialist survey", on = "2027-03-30" } },
                { "extend", { clock = "respond", working_days = 5, reason = "contractor report", on = "2027-04-14" },
                  refused = "needs the customer's agreement" },
                { "extend", { clock = "respond", working_days = 5, reason = "contractor report", agreed = true, on = "2027-04-14" } } },
      expect = { due = { respond = "2027-04-22" } } },

    { name = "stage 1 response across the early May 2027 holiday", clause = "Code 6.3",
      -- from Fri 30 Apr: (3 May), 4, 5, 6, 7, 10, 11, 12, 13, 14, 17
      intake = { received = "2027-04-28", channel = "in_person" },
      steps = { { "acknowledge", { on = "2027-04-30" } } },
      expect = { due = { respond = "2027-05-17" } } },

    { name = "stage 2 acknowledged within 5 working days of the request, over the late May 2026 holiday", clause = "Code 6.11",
      -- from Wed 20 May: 21, 22, (25 spring bank holiday), 26, 27, 28
      intake = { received = "2026-05-11", channel = "email" },
      steps = { { "acknowledge", { on = "2026-05-12" } },
                { "respond", { on = "2026-05-19", outcome = "not_upheld" } },
                { "escalate", { on = "2026-05-20", reason = "disagrees with the outcome" } } },
      expect = { stage = "2", status = "open", due = { acknowledge = "2026-05-28", respond = false } } },

    { name = "stage 2 final response 20 working days from acknowledgement, across August 2026", clause = "Code 6.14",
      -- from Wed 12 Aug: 13, 14, 17-21, 24-28, (31 Aug), 1-4 Sep, 7, 8, 9, 10
      intake = { received = "2026-07-20", channel = "email" },
      steps = { { "acknowledge", { on = "2026-07-21" } },
                { "respond", { on = "2026-08-04", outcome = "partly_upheld" } },
                { "escalate", { on = "2026-08-10" } },
                { "acknowledge", { on = "2026-08-12" } } },
      expect = { stage = "2", due = { respond = "2026-09-10" }, met_late = { acknowledge = false } } },

    { name = "a stage 2 extension of 20 working days", clause = "Code 6.15",
      -- from Thu 10 Sep: 11, 14-18, 21-25, 28, 29, 30, 1 Oct, 2, 5, 6, 7, 8
      intake = { received = "2026-07-20", channel = "email" },
      steps = { { "acknowledge", { on = "2026-07-21" } },
                { "respond", { on = "2026-08-04", outcome = "partly_upheld" } },
                { "escalate", { on = "2026-08-10" } },
                { "acknowledge", { on = "2026-08-12" } },
                { "extend", { clock = "respond", working_days = 20, reason = "independent surveyor", on = "2026-09-01" } },
                { "extend", { clock = "respond", working_days = 1, reason = "one more day", on = "2026-09-02" },
                  refused = "needs the customer's agreement" } },
      expect = { due = { respond = "2026-10-08" } } },

    { name = "stage 2 is the final response: there is no third stage", clause = "Code 5.3, 6.10",
      intake = { received = "2026-05-11", channel = "email" },
      steps = { { "acknowledge", { on = "2026-05-12" } },
                { "respond", { on = "2026-05-19", outcome = "not_upheld" } },
                { "escalate", { on = "2026-05-20" } },
                { "acknowledge", { on = "2026-05-21" } },
                { "respond", { on = "2026-06-10", outcome = "not_upheld" } },
                { "escalate", { on = "2026-06-15" }, refused = "stage 2 is the pack's last stage" } },
      expect = { stage = "2", status = "open" } },

    { name = "stage 1 is acknowledged before it is answered", clause = "Code 6.2, 6.3",
      intake = { received = "2026-12-22", channel = "email" },
      steps = { { "respond", { on = "2026-12-23", outcome = "upheld" }, refused = "must be acknowledged before it is answered" } },
      expect = { stage = "1", due = { acknowledge = "2026-12-31" } } },

    { name = "escalation comes after the stage 1 response", clause = "Code 6.10",
      intake = { received = "2026-12-22", channel = "email" },
      steps = { { "acknowledge", { on = "2026-12-23" } },
                { "escalate", { on = "2026-12-24" }, refused = "has not been answered yet" } },
      expect = { stage = "1" } },

    { name = "excluded: the issue arose more than 12 months before the complaint", clause = "Code 2.2(a), 2.3",
      intake = { received = "2026-12-22", channel = "letter", event_date = "2025-12-21" },
      expect = { status = "excluded", exclusion = "more than 12 months", clause = "Code 2.2(a)" } },

    { name = "accepted: the issue arose exactly 12 months before", clause = "Code 2.3",
      intake = { received = "2026-12-22", channel = "letter", event_date = "2025-12-22" },
      expect = { status = "open", due = { acknowledge = "2026-12-31" } } },

    { name = "accepted: an old issue the resident learned of within 12 months", clause = "Code 2.3",
      intake = { received = "2026-12-22", channel = "letter", event_date = "2025-01-10", aware_date = "2026-03-01" },
      expect = { status = "open", kind = "complaint" } },

    { name = "excluded: legal proceedings have started", clause = "Code 2.2(b)",
      intake = { received = "2026-12-22", channel = "email", legal_proceedings = true },
      expect = { status = "excluded", exclusion = "filed at court", clause = "Code 2.2(b)" } },

    { name = "excluded: already considered under the complaints policy", clause = "Code 2.2(c)",
      intake = { received = "2026-12-22", channel = "email", previously_considered = true },
      expect = { status = "excluded", exclusion = "already been considered", clause = "Code 2.2(c)" } },

    { name = "a first report asking for a repair is a service request, with no stage", clause = "Code 1.4",
      intake = { received = "2026-12-22", channel = "phone", category = "repairs", service_request = true },
      expect = { kind = "service_request", stage = false, status = "open", due = { acknowledge = false } } },

    { name = "dissatisfaction with a service request is a complaint", clause = "Code 1.5",
      intake = { received = "2026-12-22", channel = "phone", service_request = true, dissatisfied = true },
      expect = { kind = "complaint", stage = "1", due = { acknowledge = "2026-12-31" } } },

    { name = "a compliment is recorded as a compliment", clause = "Code 1.2",
      intake = { received = "2026-12-22", channel = "web", compliment = true },
      expect = { kind = "compliment", stage = false } },
  },
}
