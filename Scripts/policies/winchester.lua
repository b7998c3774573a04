-- Winchester Housing Trust: Complaints Policy & Procedure (created October 2017, review date
-- January 2024; shared/seeds/000_cd624b828d4eeea4.txt). Each rule below quotes the clause it
-- implements; clause names are the policy's headings and numbered steps.
--
-- The facts triage reads are declared in `facts` below; cases.intake and redress import refuse
-- any other field beyond the standard ones (received, channel, complainant...).
--
-- "All complaints should then be accurately logged and monitored within our customer database
-- (Arthur)." and "Irrespective of the stage in which the complaint is escalated, all dealings
-- and forms of communication relating, must be accurately and efficiently recorded": the case
-- store is that record (every change is an event; c:log records each communication).
-- The policy sets no time limit for raising a complaint, no exclusions and no remedies; its only
-- signpost is Citizens Advice ("For further assistance or advice you may want to contact your
-- local Citizens Advice Bureau ... 0800 144 8848").

-- Stage 1, 1. "All relevant details to be taken and recorded within (Arthur), including contact
-- details for the complainant along with a detailed description of the nature of the complaint."
local function has_contact_details(intake)
  local c = intake.complainant
  if type(c) == "table" then return c.email or c.phone or c.address end
  return intake.complainant_email or intake.complainant_phone or math.type(c) == "integer"
end

return {
  name = "winchester",
  title = "Winchester Housing Trust Complaints Policy & Procedure (2017)",
  calendar = { region = "england-and-wales" },

  stages = {
    -- Stage 1: early resolution. "Staff are required to resolve complaints as promptly as
    -- possible and where it is appropriate to apply early resolution, staff are expected to do
    -- so. This is done by: Speaking directly to the complainant and doing everything within their
    -- ability to resolve the problem to the satisfaction of the customer." The early resolution
    -- is the stage's answer (c:respond); "If staff are unable to resolve an issue in this way,
    -- stage 2 of the complaints procedure will apply" (c:escalate). "Where a complaint is
    -- resolved quickly via the early resolution stage, WHT will continue to hold and where
    -- necessary, monitor this information": a resolved complaint is closed, never removed.
    { name = "1", clause = "Stage 1", clocks = {
        -- Stage 1, 2. "All complaints to be acknowledged within 2 working days. This may be in the
        -- form of an email, phone call or letter."
        acknowledge = { working_days = 2, from = "received", clause = "Stage 1, 2." },
    } },
    { name = "2", clause = "Stage 2", clocks = {
        -- Stage 2, 1. "staff will gather all necessary information and investigate the nature of
        -- the complaint and communicate back to the customer within 5 working days, advising
        -- them on what has been explored and what outcome has been achieved." 2. "Where a
        -- solution has not been found or the complaint requires further activity, this will be
        -- explained to the complainant ensuring they are informed of progress (still within 5
        -- days)."
        respond = { working_days = 5, from = "escalated", clause = "Stage 2, 1.-2." },
    } },
    -- Stage 2, 4. "Where the complainant is dissatisfied with the outcome of the investigation,
    -- they may request for their complaint to be reviewed. This request can be in any form" and
    -- 6. "Where staff handling the complaint feel a review is ineffective or unproductive, this
    -- will be discussed with senior management who will advise of next steps."
    { name = "review", clause = "Stage 2, 4.-6.", clocks = {
        -- Stage 2, 5. "The review must be acknowledged within 5 working days of the date that the
        -- review was requested."
        acknowledge = { working_days = 5, from = "escalated", clause = "Stage 2, 5." },
    } },
    -- Stage 2, 7. "Where a complainant remains unsatisfied with the outcome of a complaint,
    -- despite first and second stages, their complaint will be escalated to senior management."
    { name = "senior_management", clause = "Stage 2, 7." },
    -- Stage 2, 8. "Where senior management feel it is necessary, or where the complainant still
    -- feels the issue has not been addressed satisfactorily, it may be that the Board are called
    -- upon to give a final decision of the outcome."
    { name = "board", clause = "Stage 2, 8." },
  },

  facts = {
    -- Objectives: "... should they feel their experience of WHT has failed or exceeded their
    -- expectations."
    compliment = { type = "boolean", meaning = "the feedback is that the Trust exceeded the customer's expectations", clause = "Objectives" },
  },

  triage = function(intake)
    -- Objectives: "Ensure anyone who uses our service knows how to give feedback (including
    -- complaints) of any nature should they feel their experience of WHT has failed or exceeded
    -- their expectations."
    if intake.compliment then return { kind = "compliment" } end
    if not has_contact_details(intake) then
      refuse("Stage 1, 1.: a complaint is recorded with the complainant's contact details "
        .. "(give complainant = { name =, email = | phone = | address = })")
    end
    -- Definition: "a complaint would be receiving negative feedback on the way a service has been
    -- delivered or aspects of a service that is affecting others in a negative way." The policy
    -- "applies to anyone who has been directly or adversely affected by us, our homes or
    -- services. This could be tenants, home owners, external agencies and/or the general public."
    return { kind = "complaint", stage = "1" }
  end,

  -- Expected dates are worked by hand from Winchester's timescales and GOV.UK's England and
  -- Wales bank holidays: 2026 spring 25 May, summer 31 August, Christmas Friday 25 December,
  -- Boxing Day substitute Monday 28 December; 2027 New Year's Day Friday 1 January, Good Friday
  -- 26 March, Easter Monday 29 March.
  scenarios = {
    { name = "acknowledged within 2 working days, over Christmas 2026", clause = "Stage 1, 2.",
      -- from Wed 23 Dec: 24, (25, 28), 29
      intake = { received = "2026-12-23", channel = "email", complainant = { name = "A Tenant", email = "a@example.org" } },
      expect = { kind = "complaint", stage = "1", due = { acknowledge = "2026-12-29" } } },

    { name = "a complaint on Christmas Eve is acknowledged by 30 December", clause = "Stage 1, 2.",
      -- from Thu 24 Dec: (25, 28), 29, 30
      intake = { received = "2026-12-24", channel = "letter", complainant = { name = "A Tenant", address = "1 High Street" } },
      expect = { due = { acknowledge = "2026-12-30" } } },

    { name = "acknowledged within 2 working days, over Easter 2027", clause = "Stage 1, 2.",
      -- from Thu 25 Mar: (26 Good Friday, 29 Easter Monday), 30, 31
      intake = { received = "2027-03-25", channel = "email", complainant = { name = "A Tenant", email = "a@example.org" } },
      expect = { due = { acknowledge = "2027-03-31" } } },

    { name = "an acknowledgement on the third working day is late", clause = "Stage 1, 2.",
      intake = { received = "2026-12-23", channel = "email", complainant = { name = "A Tenant", email = "a@example.org" } },
      steps = { { "acknowledge", { on = "2026-12-30" } } },
      expect = { met_late = { acknowledge = true } } },

    { name = "a phone complaint is taken, with the complainant's contact details", clause = "Complaints Procedure",
      intake = { received = "2026-12-22", channel = "phone", complainant = { name = "A Tenant", phone = "01962 000000" } },
      expect = { kind = "complaint", stage = "1", due = { acknowledge = "2026-12-24" } } },

    { name = "a complaint without the complainant's contact details is not recorded", clause = "Stage 1, 1.",
      intake = { received = "2026-12-22", channel = "phone", complainant = "A Tenant" },
      expect = { error = "recorded with the complainant's contact details" } },

    { name = "anyone affected may complain: a member of the public", clause = "Introduction",
      intake = { received = "2026-12-22", channel = "email",
                 complainant = { name = "A Neighbour", role = "member_of_public", email = "n@example.org" } },
      expect = { kind = "complaint", stage = "1" } },

    { name = "the policy sets no time limit: an old issue is a complaint", clause = "Complaints Procedure",
      intake = { received = "2026-12-22", channel = "email", event_date = "2023-06-01", complainant_email = "a@example.org" },
      expect = { kind = "complaint", status = "open" } },

    { name = "feedback that the Trust exceeded expectations is a compliment", clause = "Objectives",
      intake = { received = "2026-12-22", channel = "email", compliment = true },
      expect = { kind = "compliment", stage = false } },

    { name = "resolved by early resolution: closed, and still held", clause = "Stage 1, 3.-5.",
      intake = { received = "2026-12-22", channel = "phone", complainant = { name = "A Tenant", phone = "01962 000000" } },
      steps = { { "acknowledge", { on = "2026-12-23" } },
                { "log", { channel = "phone", direction = "out", summary = "Spoke to the customer; repair booked", at = "2026-12-23T11:00" } },
                { "respond", { on = "2026-12-23", outcome = "upheld", reasons = "resolved by early resolution" } },
                { "close", { on = "2026-12-23", reason = "resolved at early resolution" } } },
      expect = { status = "closed", stage = "1" } },

    { name = "stage 2 applies only once early resolution has been tried", clause = "Stage 1, 4.",
      intake = { received = "2026-12-22", channel = "email", complainant_email = "a@example.org" },
      steps = { { "acknowledge", { on = "2026-12-23" } },
                { "escalate", { on = "2026-12-24" }, refused = "has not been answered yet" } },
      expect = { stage = "1" } },

    { name = "the stage 2 investigation reports back within 5 working days, over the August 2026 holiday", clause = "Stage 2, 1.",
      -- from Fri 28 Aug: (31 Aug), 1, 2, 3, 4, 7 Sep
      intake = { received = "2026-08-24", channel = "email", complainant_email = "a@example.org" },
      steps = { { "acknowledge", { on = "2026-08-25" } },
                { "respond", { on = "2026-08-27", outcome = "not_upheld", reasons = "early resolution not possible" } },
                { "escalate", { on = "2026-08-28", reason = "early resolution not possible" } } },
      expect = { stage = "2", due = { respond = "2026-09-07" } } },

    { name = "the stage 2 investigation over the late May 2026 holiday", clause = "Stage 2, 1.",
      -- from Thu 21 May: 22, (25), 26, 27, 28, 29
      intake = { received = "2026-05-18", channel = "email", complainant_email = "a@example.org" },
      steps = { { "acknowledge", { on = "2026-05-19" } },
                { "respond", { on = "2026-05-20", outcome = "not_upheld" } },
                { "escalate", { on = "2026-05-21" } } },
      expect = { stage = "2", due = { respond = "2026-05-29" } } },

    { name = "a review is acknowledged within 5 working days of the request, over Christmas 2026", clause = "Stage 2, 5.",
      -- from Mon 21 Dec: 22, 23, 24, (25, 28), 29, 30
      intake = { received = "2026-08-24", channel = "email", complainant_email = "a@example.org" },
      steps = { { "acknowledge", { on = "2026-08-25" } },
                { "respond", { on = "2026-08-27", outcome = "not_upheld" } },
                { "escalate", { on = "2026-08-28" } },
                { "respond", { on = "2026-09-04", outcome = "not_upheld", reasons = "investigation outcome" } },
                { "escalate", { on = "2026-12-21", reason = "dissatisfied with the investigation; asks for a review" } } },
      expect = { stage = "review", due = { acknowledge = "2026-12-30", respond = false } } },

    { name = "still unsatisfied after the review: senior management, with no timescale", clause = "Stage 2, 7.",
      intake = { received = "2026-08-24", channel = "email", complainant_email = "a@example.org" },
      steps = { { "acknowledge", { on = "2026-08-25" } },
                { "respond", { on = "2026-08-27", outcome = "not_upheld" } },
                { "escalate", { on = "2026-08-28" } },
                { "respond", { on = "2026-09-04", outcome = "not_upheld" } },
                { "escalate", { on = "2026-09-07" } },
                { "acknowledge", { on = "2026-09-08" } },
                { "respond", { on = "2026-09-21", outcome = "not_upheld" } },
                { "escalate", { on = "2026-09-22", reason = "remains unsatisfied" } } },
      expect = { stage = "senior_management", due = { acknowledge = false, respond = false } } },

    { name = "the Board gives the final decision; nothing follows it", clause = "Stage 2, 8.",
      intake = { received = "2026-08-24", channel = "email", complainant_email = "a@example.org" },
      steps = { { "acknowledge", { on = "2026-08-25" } },
                { "respond", { on = "2026-08-27", outcome = "not_upheld" } },
                { "escalate", { on = "2026-08-28" } },
                { "respond", { on = "2026-09-04", outcome = "not_upheld" } },
                { "escalate", { on = "2026-09-07" } },
                { "acknowledge", { on = "2026-09-08" } },
                { "respond", { on = "2026-09-21", outcome = "not_upheld" } },
                { "escalate", { on = "2026-09-22" } },
                { "respond", { on = "2026-10-05", outcome = "not_upheld" } },
                { "escalate", { on = "2026-10-06", reason = "senior management referred it to the Board" } },
                { "respond", { on = "2026-11-10", outcome = "partly_upheld", reasons = "the Board's final decision" } },
                { "escalate", { on = "2026-11-11" }, refused = "stage board is the pack's last stage" } },
      expect = { stage = "board", status = "open" } },
  },
}
