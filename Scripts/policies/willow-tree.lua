-- Willow Tree Housing Partnership: Complaints Policy v5 (approved by the Executive March 2024,
-- the Board April 2024; shared/seeds/003_24cb78047866e687.txt). Each rule below quotes the
-- clause it implements; clause names are the policy's headings.
--
-- The facts triage reads (besides cases.intake's received, event_date, aware_date, channel,
-- representative...):
--   service_request         a specific request for action to put something right
--   dissatisfied            the resident expresses dissatisfaction (with or without the word)
--   declined_complaint      offered the choice, the resident chose not to make a formal complaint
--   asked_for_complaint     the resident asked to make a formal complaint
--   survey                  the dissatisfaction was expressed through a survey
--   compliment              praise
--   and the Code's exclusion facts (legal_proceedings, previously_considered; hos-code.lua).
--
-- The quarterly samples (Performance Standards) are the `jobs.sampling` declaration below, drawn
-- by Scripts/jobs/sampling.lua; the annual report of complaints and compliments to the Audit and
-- Risk Committee (Statement of Intent) is `redress report annual`.
local code = require "policies.hos-code"
local ombudsman = require "lib.ombudsman"

return {
  name = "willow-tree",
  title = "Willow Tree Housing Partnership Complaints Policy v5 (2024)",
  calendar = { region = "england-and-wales" },

  -- Performance Standards: "Contact a minimum of 10% of all complainants every quarter for
  -- feedback on their experience of the complaint process." "CEO, MRC and Resident Scrutiny
  -- Panel to undertake learning sessions on a minimum of 25% of all Stage 2 complaints received."
  jobs = { sampling = {
    { purpose = "feedback", share = 0.10, of = "complainants", clause = "Performance Standards" },
    { purpose = "learning", share = 0.25, of = { stage = "2" }, clause = "Performance Standards" },
  } },

  -- The Code's acceptable exclusions apply (see triage): 2.3's twelve months.
  acceptance = { months = 12, from = { "event_date", "aware_date" }, clause = "Statement of Intent (Code 2.3)",
                 signpost = ombudsman.signpost },

  -- "WTHP has a two-stage procedure that provides for clear stages of progression" (Statement
  -- of Intent). The policy sets no extensions.
  stages = {
    { name = "1", clause = "Response Time scales: Stage 1", clocks = {
        -- "Acknowledgement within 5 working days of receipt."
        acknowledge = { working_days = 5, from = "received", clause = "Response Time scales: Stage 1" },
        -- "Respond in full within 10 working days of acknowledgement."
        respond = { working_days = 10, from = "acknowledged", clause = "Response Time scales: Stage 1" },
        -- "Review the request to escalate a complaint to Stage 2, providing that the request is
        -- received within 14 days of the formal complaint response being received. If no request
        -- is received within 14 days, the complaint will be closed." A later request is refused;
        -- the complaint is then closed (c:close).
        escalation_window = { days = 14, from = "decision_sent", late = "refused", clause = "Statement of Intent" },
    } },
    { name = "2", clause = "Response Time scales: Stage 2", clocks = {
        -- "Acknowledgement within 5 working days of receipt of request to escalate."
        acknowledge = { working_days = 5, from = "escalated", clause = "Response Time scales: Stage 2" },
        -- "Respond in full within 20 working days of the complaint being escalated."
        respond = { working_days = 20, from = "escalated", clause = "Response Time scales: Stage 2" },
    } },
  },

  triage = function(intake)
    -- "Details of all complaints and compliments received is presented annually to WTHP's
    -- Audit and Risk Committee": compliments are recorded too.
    if intake.compliment then return { kind = "compliment" } end
    -- "Inform residents and set out the circumstances where complaints cannot be processed as a
    -- formal complaint or escalated to the next stage when acceptable exclusions apply": the
    -- policy was "developed in accordance with the statutory obligations set out in the Housing
    -- Ombudsman Complaint Handling Code", so the exclusions are the Code's (2.2, 2.3), with the
    -- Ombudsman's details ("Provide contact details of the Housing Ombudsman in all formal
    -- complaint responses").
    local verdict = code.triage(intake)
    if verdict.exclude then
      return { exclude = verdict.exclude, clause = "Statement of Intent (" .. verdict.clause .. ")", signpost = ombudsman.signpost }
    end
    -- "Review and follow up all dissatisfaction expressed through surveys and make residents
    -- aware of how they can pursue this through the formal complaints process if required."
    if intake.survey and not intake.asked_for_complaint then return { kind = "service_request" } end
    -- "Whenever a resident expresses dissatisfaction but does not use the word 'complaint' they
    -- will be given the choice to make a formal complaint through the complaints process."
    -- "Treat all complaints confidentially, respecting privacy and sensitivity."
    if intake.asked_for_complaint or (intake.dissatisfied and not intake.declined_complaint) then
      return { kind = "complaint", stage = "1", confidential = true }
    end
    -- "WTHP defines a request for service as a specific request from a resident requiring action
    -- to be taken to put something right. This is not a complaint but will be recorded,
    -- monitored, and reviewed." "Try to resolve issues at the earliest stage possible preferably
    -- informally as part of usual day to day business."
    if intake.service_request or intake.declined_complaint then return { kind = "service_request" } end
    -- "WTHP defines a complaint as an expression of dissatisfaction, however made".
    return { kind = "complaint", stage = "1", confidential = true }
  end,

  -- Expected dates are worked by hand from Willow Tree's timescales and GOV.UK's England and
  -- Wales bank holidays: 2026 spring 25 May, Christmas Friday 25 December, Boxing Day substitute
  -- Monday 28 December; 2027 New Year's Day Friday 1 January, Good Friday 26 March, Easter Monday
  -- 29 March.
  scenarios = {
    { name = "stage 1 acknowledged within 5 working days of receipt, over Christmas 2026", clause = "Response Time scales: Stage 1",
      -- from Tue 22 Dec: 23, 24, (25, 28), 29, 30, 31
      intake = { received = "2026-12-22", channel = "email", asked_for_complaint = true },
      expect = { kind = "complaint", stage = "1", due = { acknowledge = "2026-12-31", respond = false }, confidential = true } },

    { name = "stage 1 answered within 10 working days of acknowledgement, over New Year", clause = "Response Time scales: Stage 1",
      -- from Tue 29 Dec: 30, 31, (1 Jan), 4, 5, 6, 7, 8, 11, 12, 13
      intake = { received = "2026-12-22", channel = "email", asked_for_complaint = true },
      steps = { { "acknowledge", { on = "2026-12-29" } } },
      expect = { due = { respond = "2027-01-13" } } },

    { name = "stage 1 answered over Easter 2027", clause = "Response Time scales: Stage 1",
      -- from Tue 16 Mar: 17, 18, 19, 22, 23, 24, 25, (26, 29), 30, 31, 1 Apr
      intake = { received = "2027-03-15", channel = "phone", dissatisfied = true },
      steps = { { "acknowledge", { on = "2027-03-16" } } },
      expect = { due = { respond = "2027-04-01" } } },

    { name = "escalation may be asked for within 14 days of the stage 1 response", clause = "Statement of Intent",
      -- response Tue 15 Dec 2026 + 14 days: Tue 29 Dec
      intake = { received = "2026-12-01", channel = "email", asked_for_complaint = true },
      steps = { { "acknowledge", { on = "2026-12-02" } }, { "respond", { on = "2026-12-15", outcome = "not_upheld" } } },
      expect = { stage = "1", due = { escalation_window = "2026-12-29" } } },

    { name = "escalated on day 14: stage 2 acknowledged in 5 and answered in 20 working days of escalation", clause = "Response Time scales: Stage 2",
      -- from Tue 29 Dec: acknowledge 30, 31, 4, 5, 6 Jan; respond 30, 31, 4-8, 11-15, 18-22, 25, 26, 27 Jan
      intake = { received = "2026-12-01", channel = "email", asked_for_complaint = true },
      steps = { { "acknowledge", { on = "2026-12-02" } }, { "respond", { on = "2026-12-15", outcome = "not_upheld" } },
                { "escalate", { on = "2026-12-29", reason = "disagrees" } } },
      expect = { stage = "2", due = { acknowledge = "2027-01-06", respond = "2027-01-27" } } },

    { name = "no request within 14 days: escalation is refused and the complaint closes", clause = "Statement of Intent",
      intake = { received = "2026-12-01", channel = "email", asked_for_complaint = true },
      steps = { { "acknowledge", { on = "2026-12-02" } }, { "respond", { on = "2026-12-15", outcome = "not_upheld" } },
                { "escalate", { on = "2026-12-30" }, refused = "too late: clock escalation_window of stage 1" },
                { "close", { on = "2026-12-30", reason = "no request to escalate within 14 days" } } },
      expect = { stage = "1", status = "closed" } },

    { name = "stage 2 over the late May 2026 holiday", clause = "Response Time scales: Stage 2",
      -- from Wed 20 May: acknowledge 21, 22, (25), 26, 27, 28; respond ... 29, 1-5, 8-12, 15, 16, 17, 18 Jun
      intake = { received = "2026-04-27", channel = "letter", asked_for_complaint = true },
      steps = { { "acknowledge", { on = "2026-04-28" } }, { "respond", { on = "2026-05-12", outcome = "partly_upheld" } },
                { "escalate", { on = "2026-05-20" } } },
      expect = { stage = "2", due = { acknowledge = "2026-05-28", respond = "2026-06-18" } } },

    { name = "the stage 2 response counts from escalation, not acknowledgement", clause = "Response Time scales: Stage 2",
      intake = { received = "2026-04-27", channel = "letter", asked_for_complaint = true },
      steps = { { "acknowledge", { on = "2026-04-28" } }, { "respond", { on = "2026-05-12", outcome = "partly_upheld" } },
                { "escalate", { on = "2026-05-20" } }, { "acknowledge", { on = "2026-06-01" } } },
      expect = { due = { respond = "2026-06-18" }, met_late = { acknowledge = true } } },

    { name = "the policy allows no extensions", clause = "Response Time scales",
      intake = { received = "2026-12-22", channel = "email", asked_for_complaint = true },
      steps = { { "acknowledge", { on = "2026-12-29" } },
                { "extend", { clock = "respond", working_days = 5, reason = "survey", on = "2027-01-11" },
                  refused = "the pack allows no extension of clock respond" } },
      expect = { due = { respond = "2027-01-13" } } },

    { name = "two stages: stage 2 is the last", clause = "Statement of Intent",
      intake = { received = "2026-04-27", channel = "letter", asked_for_complaint = true },
      steps = { { "acknowledge", { on = "2026-04-28" } }, { "respond", { on = "2026-05-12", outcome = "partly_upheld" } },
                { "escalate", { on = "2026-05-20" } }, { "acknowledge", { on = "2026-05-21" } },
                { "respond", { on = "2026-06-10", outcome = "not_upheld" } },
                { "escalate", { on = "2026-06-11" }, refused = "stage 2 is the pack's last stage" } },
      expect = { stage = "2" } },

    { name = "a request for service is recorded, not a complaint", clause = "Statement of Intent",
      intake = { received = "2026-12-22", channel = "phone", service_request = true, category = "repairs" },
      expect = { kind = "service_request", stage = false } },

    { name = "dissatisfaction without the word 'complaint': the resident chooses a formal complaint", clause = "Statement of Intent",
      intake = { received = "2026-12-22", channel = "phone", service_request = true, dissatisfied = true },
      expect = { kind = "complaint", stage = "1" } },

    { name = "offered the choice, the resident chooses not to complain formally", clause = "Statement of Intent",
      intake = { received = "2026-12-22", channel = "phone", dissatisfied = true, declined_complaint = true },
      expect = { kind = "service_request", stage = false } },

    { name = "dissatisfaction in a survey is followed up", clause = "Statement of Intent",
      intake = { received = "2026-12-22", channel = "web", survey = true, dissatisfied = true },
      expect = { kind = "service_request" } },

    { name = "a compliment is recorded for the annual report", clause = "Statement of Intent",
      intake = { received = "2026-12-22", channel = "email", compliment = true },
      expect = { kind = "compliment", stage = false } },

    { name = "excluded under the Code: raised more than 12 months after the issue", clause = "Statement of Intent",
      intake = { received = "2026-12-22", channel = "letter", asked_for_complaint = true, event_date = "2025-11-30" },
      expect = { status = "excluded", clause = "Code 2.2(a)", exclusion = "Housing Ombudsman Service" } },

    { name = "excluded under the Code: legal proceedings have started", clause = "Statement of Intent",
      intake = { received = "2026-12-22", channel = "letter", asked_for_complaint = true, legal_proceedings = true },
      expect = { status = "excluded", clause = "Code 2.2(b)" } },

    { name = "a nominated representative may make the complaint", clause = "Statement of Intent",
      intake = { received = "2026-12-22", channel = "email", asked_for_complaint = true,
                 representative = { name = "A Daughter", role = "representative", email = "d@example.org" } },
      expect = { kind = "complaint", stage = "1" } },
  },
}
