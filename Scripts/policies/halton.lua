-- Halton Housing Trust: Enquiries, Complaints and Compliments policy, issue 3.0, September 2011
-- (shared/seeds/004_d3c2bf2d46e6c9b8.txt). Each rule below quotes the clause it implements;
-- clause names are the policy's headings ("Policy Statement", "Service Standards").
--
-- The facts triage reads (besides cases.intake's received, event_date, aware_date, channel):
--   compliment              an expression of satisfaction
--   via                     mp, councillor, board_member or advocate: who the contact came through
--   dissatisfied            the customer is dissatisfied (a complaint, however it arrives)
--   enquiry, service_request  a request for information, or a first request for service
--   contacted_before        the customer contacted the Trust about the issue within 12 months
--   appeal_of_other_policy  an appeal against action taken under another Trust policy
--   behaviour_exclusion     the Chief Executive or an Executive Director decided to exclude it
--                           for unacceptable behaviour
local ombudsman = require "lib.ombudsman"
local compensation = require "lib.compensation"

local VIA = { mp = true, councillor = true, board_member = true, advocate = true }

return {
  name = "halton",
  title = "Halton Housing Trust Enquiries, Complaints and Compliments Policy (2011)",
  calendar = { region = "england-and-wales" },

  -- "If the issue raised as a complaint is more than 12 months old, or the customer has been
  -- aware of the issue for more than 12 months and no contact has been made with the Trust, the
  -- customer will be informed that the Trust views the matter as being time-barred" (Service
  -- Standards, Complaints)
  -- From when the customer became aware of it (the later date, when both are given); the
  -- policy time-bars it only "where no contact has been made with the Trust" (Policy
  -- Statement), so contact within the 12 months lets it in.
  acceptance = { months = 12, from = { "event_date", "aware_date" }, clause = "Service Standards: Complaints",
                 signpost = ombudsman.signpost,
                 exceptions = {
                   contacted_before = { text = "the Trust will not consider complaints where customers are aware of the issue "
                                          .. "for over 12 months where no contact has been made with the Trust",
                                        clause = "Policy Statement: Complaints" },
                 } },

  stages = {
    { name = "1", clause = "Service Standards: Complaints", clocks = {
        -- "Responses to any complaint received as part of the formal procedure should be made
        -- within 10 working days." "If the Investigating Officer determines the issues raised to
        -- be of a complicated nature ... a second holding letter will be sent to the customer.
        -- This will advise that the response will be provided within a maximum of a further five
        -- working days."
        respond = { working_days = 10, from = "received", clause = "Service Standards: Complaints",
                    extension = { working_days = 5, clause = "Service Standards: Complaints (holding letter)" } },
        -- "The Investigating Officer will arrange to carry out an in person, face to face meeting
        -- at a location of the customer's choice within three working days of receiving the
        -- complaint unless the customer states this part of the procedure is not required." Met
        -- by the visit (c:log{ channel = "visit", meets = "meeting" }), or c:meet{ clock =
        -- "meeting", reason = "not required" } when the customer says so.
        meeting = { working_days = 3, from = "received", clause = "Service Standards: Complaints" },
        -- "Customers wishing to progress to the next stage of the formal complaints procedure
        -- must make a request within 28 calendar days of receiving the decision letter of the
        -- preceding stage"; the Trust "will not consider complaints where ... a request for
        -- review is submitted outside the 28 calendar day deadline" (Policy Statement).
        escalation_window = { days = 28, from = "decision_sent", late = "refused", clause = "Service Standards: Complaints" },
    } },
    { name = "review", clause = "Service Standards: Complaints", clocks = {
        -- "Notification of any review meetings arranged in response to a successful request for
        -- a review will be made within 10 working days of receipt of the request. Any such
        -- notification will give the customer at least 10 working days notice of the date, time
        -- and venue of the meeting and every attempt will be made to meet the customer's
        -- preferences in setting these dates." The notification is c:meet{ clock = "notify",
        -- on =, date = the meeting's date }: a date less than 10 working days after the
        -- notification is refused (the meeting may be on the tenth working day after it, counted
        -- as every due date is). A review without a meeting is recorded with the reason instead
        -- of a date.
        notify = { working_days = 10, from = "escalated", notice = { working_days = 10 }, clause = "Service Standards: Complaints" },
        escalation_window = { days = 28, from = "decision_sent", late = "refused", clause = "Service Standards: Complaints" },
    } },
    -- "This Policy will be reviewed following the completion of three Stage 3 hearings"
    -- (Performance Measures): the third stage, a hearing; the policy sets it no timescale.
    { name = "hearing", clause = "Performance Measures / Monitoring" },
  },

  -- "If at any stage the Trust deems its complaints process to have been exhausted, it will refer
  -- the customer to the Housing Ombudsman Service using a 'fast track' mechanism." (Policy
  -- Statement: Complaints): c:close{ on =, outcome = "ombudsman_fast_track", reason = }, at any
  -- stage.
  closings = {
    ombudsman_fast_track = { text = "the Trust's complaints process is exhausted: the customer is referred to the "
                               .. ombudsman.name .. " by its 'fast track' mechanism", clause = "Policy Statement: Complaints" },
  },

  kinds = {
    -- "Responses to any formal enquiries received as part of the formal procedure should be made
    -- within 10 working days. If the issues raised are of a complicated nature ... the customer
    -- will be informed of an anticipated date when this can be provided." (Service Standards:
    -- Formal Enquiries)
    enquiry = { clause = "Service Standards: Formal Enquiries", clocks = {
        respond = { working_days = 10, from = "received", clause = "Service Standards: Formal Enquiries",
                    extension = { unlimited = true, clause = "Service Standards: Formal Enquiries" } },
    } },
    -- "The Trust will ensure that any positive feedback on an individual's or team's
    -- performance is relayed to both the customer and relevant employees within three working
    -- days. This information will be uploaded to the employee's personal files within five
    -- working days of receipt" (Service Standards: Compliments). Relaying is a logged contact
    -- (meets = "relay"); filing is c:meet{ clock = "file" }.
    compliment = { clause = "Service Standards: Compliments", clocks = {
        relay = { working_days = 3, from = "received", clause = "Service Standards: Compliments" },
        file = { working_days = 5, from = "received", clause = "Service Standards: Compliments" },
    } },
  },

  triage = function(intake)
    -- "The Trust regards a compliment as an expression of satisfaction received from a customer"
    if intake.compliment then return { kind = "compliment" } end
    -- "a formal enquiry to be a formal request from a customer for information about the
    -- progress of a particular issue, case or application via local MP's, Councillors, Board
    -- Members or Independent 3rd Party Advocates" (Policy Statement: Formal Enquiries). A
    -- complaint that comes the same way is still a complaint.
    local via = VIA[intake.via] or intake.channel == "mp_or_councillor"
    if via and not intake.dissatisfied then return { kind = "enquiry" } end
    -- "In most cases general enquiries will be forwarded to the relevant Service Areas as a
    -- first request for service e.g. a customer reporting a leaking tap for the first time."
    if (intake.enquiry or intake.service_request) and not intake.dissatisfied then
      return { kind = "service_request" }
    end
    -- "it should not and cannot be used as an appeals mechanism against action taken under any
    -- other Trust policy." (Policy Statement: Complaints)
    if intake.appeal_of_other_policy then
      return { exclude = "the complaints policy cannot be used to appeal against action taken under another Trust policy; "
                 .. "that policy's own appeal route applies", clause = "Policy Statement: Complaints", signpost = ombudsman.signpost }
    end
    -- "Any customers whose behaviour is not in the spirit of the Trust's Customer Code of Conduct
    -- will be deemed to be unacceptable and may be excluded ... Any decisions relating to this
    -- issue will be made by or in consultation with the Chief Executive or Executive Directors"
    if intake.behaviour_exclusion then
      return { exclude = "the Trust has decided, with its Chief Executive or an Executive Director, that this complaint "
                 .. "cannot be pursued because of behaviour contrary to the Customer Code of Conduct",
               clause = "Policy Statement: Complaints", signpost = ombudsman.signpost }
    end
    -- Time-barred: known to the customer (from the awareness date, else the issue's date) for
    -- more than 12 months with no contact made with the Trust about it (Service Standards; the
    -- Policy Statement: "where customers are aware of the issue for over 12 months where no
    -- contact has been made with the Trust").
    local known = intake.aware_date or intake.event_date
    if known and date(known):add_months(12) < date(intake.received) and not intake.contacted_before then
      return { exclude = "the Trust views the matter as time-barred: you have been aware of it for more than 12 months ("
                 .. tostring(date(known)) .. ") without contacting the Trust, so it cannot be dealt with under this policy",
               clause = "Service Standards: Complaints", signpost = ombudsman.signpost }
    end
    -- "Complaints will always be dealt with in confidence." (Policy Statement)
    return { kind = "complaint", stage = "1", confidential = true }
  end,

  -- "Where mistakes have occurred, the Trust will not only apologise, but wherever possible seek
  -- to put the customer in the position they enjoyed before the mistake was made. This may
  -- include the offer of a payment for compensation. Such an offer will normally only be made
  -- where the Trust feels that the customer has suffered actual monetary loss or considerable
  -- delay in an action being carried out." findings: mistake (what went wrong), put_right (the
  -- action), monetary_loss = { { pence =, reason = } }, considerable_delay (what was delayed),
  -- and for a delay the guidance's facts (days_without_heating...; lib/compensation.lua).
  remedy = function(case, findings)
    local items = { compensation.apology(findings.mistake or ("for the mistake in " .. case.ref)) }
    if findings.put_right then items[#items + 1] = compensation.action(findings.put_right) end
    for _, loss in ipairs(findings.monetary_loss or {}) do
      items[#items + 1] = compensation.item("evidenced_loss", loss.pence, loss.reason)
    end
    if findings.considerable_delay then
      for _, item in ipairs(compensation.guidance_items(findings)) do
        item.reason = item.reason .. "; delayed: " .. findings.considerable_delay
        items[#items + 1] = item
      end
    end
    return items
  end,

  -- Expected dates are worked by hand from Halton's timescales and GOV.UK's England and Wales
  -- bank holidays: 2026 spring 25 May, summer 31 August, Christmas Friday 25 December, Boxing
  -- Day substitute Monday 28 December; 2027 New Year's Day Friday 1 January, Good Friday 26
  -- March, Easter Monday 29 March.
  scenarios = {
    { name = "a complaint is answered within 10 working days of receipt, over Christmas 2026", clause = "Service Standards: Complaints",
      -- from Mon 21 Dec: 22, 23, 24, (25, 28), 29, 30, 31, (1 Jan), 4, 5, 6, 7
      intake = { received = "2026-12-21", channel = "letter", category = "repairs", dissatisfied = true },
      expect = { kind = "complaint", stage = "1", due = { respond = "2027-01-07" }, confidential = true } },

    { name = "the face-to-face meeting within 3 working days of receipt", clause = "Service Standards: Complaints",
      -- from Mon 21 Dec: 22, 23, 24
      intake = { received = "2026-12-21", channel = "phone", dissatisfied = true },
      steps = { { "log", { channel = "visit", direction = "out", summary = "Met the customer at home", at = "2026-12-24T10:00",
                           meets = "meeting" } } },
      expect = { due = { meeting = "2026-12-24" }, met_late = { meeting = false } } },

    { name = "the customer says a meeting is not required", clause = "Service Standards: Complaints",
      intake = { received = "2026-12-21", channel = "phone", dissatisfied = true },
      steps = { { "meet", { clock = "meeting", on = "2026-12-22", reason = "customer said a meeting is not required" } } },
      expect = { met_late = { meeting = false } } },

    { name = "a holding letter extends the response by at most 5 working days", clause = "Service Standards: Complaints",
      -- from Thu 7 Jan 2027: 8, 11, 12, 13, 14
      intake = { received = "2026-12-21", channel = "letter", dissatisfied = true },
      steps = { { "extend", { clock = "respond", working_days = 5, reason = "holding letter: complicated", on = "2027-01-06" } },
                { "extend", { clock = "respond", working_days = 1, reason = "another day", agreed = true, on = "2027-01-13" },
                  refused = "may be extended by 5 working days at most" } },
      expect = { due = { respond = "2027-01-14" } } },

    { name = "a review may be asked for within 28 calendar days of the decision letter", clause = "Service Standards: Complaints",
      -- decision Fri 18 Dec 2026 + 28 days: Fri 15 Jan 2027
      intake = { received = "2026-12-07", channel = "letter", dissatisfied = true },
      steps = { { "respond", { on = "2026-12-18", outcome = "not_upheld" } } },
      expect = { stage = "1", due = { escalation_window = "2027-01-15" } } },

    { name = "a review asked for on day 28; its meeting is notified within 10 working days", clause = "Service Standards: Complaints",
      -- request Fri 15 Jan 2027: 18-22, 25-29
      intake = { received = "2026-12-07", channel = "letter", dissatisfied = true },
      steps = { { "respond", { on = "2026-12-18", outcome = "not_upheld" } },
                { "escalate", { on = "2027-01-15", reason = "wants a review" } } },
      expect = { stage = "review", due = { notify = "2027-01-29" }, met_late = { escalation_window = false } } },

    { name = "the notification gives at least 10 working days' notice of the meeting", clause = "Service Standards: Complaints",
      -- notified Wed 20 Jan 2027: 21, 22, 25-29, 1, 2, 3 Feb; a meeting on Tue 2 Feb is refused
      intake = { received = "2026-12-07", channel = "letter", dissatisfied = true },
      steps = { { "respond", { on = "2026-12-18", outcome = "not_upheld" } },
                { "escalate", { on = "2027-01-15", reason = "wants a review" } },
                { "meet", { clock = "notify", on = "2027-01-20" }, refused = "give the date (date =)" },
                { "meet", { clock = "notify", on = "2027-01-20", date = "2027-02-02" },
                  refused = "date: 2027-02-02 gives less than 10 working days' notice from 2027-01-20; clock notify needs a date on or after 2027-02-03" },
                { "meet", { clock = "notify", on = "2027-01-20", date = "2027-02-03", reason = "the customer's preferred afternoon" } } },
      expect = { stage = "review", met_late = { notify = false } } },

    { name = "review meeting notice across Easter 2027", clause = "Service Standards: Complaints",
      -- notified Thu 25 Mar 2027: (26, 29), 30, 31, 1 Apr, 2, 5-9, 12: the earliest meeting Mon 12 Apr
      intake = { received = "2027-03-01", channel = "email", dissatisfied = true },
      steps = { { "respond", { on = "2027-03-12", outcome = "partly_upheld" } },
                { "escalate", { on = "2027-03-22" } },
                { "meet", { clock = "notify", on = "2027-03-25", date = "2027-04-09" }, refused = "on or after 2027-04-12" },
                { "meet", { clock = "notify", on = "2027-03-25", date = "2027-04-12" } } },
      expect = { met_late = { notify = false } } },

    { name = "a review notified late: recorded as late", clause = "Service Standards: Complaints",
      -- request Fri 15 Jan 2027: notification due Fri 29 Jan; made Mon 1 Feb for a meeting on Mon 15 Feb
      intake = { received = "2026-12-07", channel = "letter", dissatisfied = true },
      steps = { { "respond", { on = "2026-12-18", outcome = "not_upheld" } },
                { "escalate", { on = "2027-01-15" } },
                { "meet", { clock = "notify", on = "2027-02-01", date = "2027-02-15" } } },
      expect = { met_late = { notify = true } } },

    { name = "the complaints process exhausted: the customer is fast-tracked to the Ombudsman", clause = "Policy Statement: Complaints",
      intake = { received = "2027-03-01", channel = "email", dissatisfied = true },
      steps = { { "respond", { on = "2027-03-12", outcome = "not_upheld" } },
                { "close", { on = "2027-03-15", outcome = "ombudsman", reason = "exhausted" }, refused = "unknown outcome 'ombudsman'" },
                { "close", { on = "2027-03-15", outcome = "ombudsman_fast_track",
                             reason = "the same issue decided twice; nothing more the Trust can do" } } },
      expect = { status = "closed", stage = "1", closure = { by = "closed", outcome = "ombudsman_fast_track", reason = "decided twice" } } },

    { name = "a review asked for on day 29 is not considered", clause = "Policy Statement: Complaints",
      intake = { received = "2026-12-07", channel = "letter", dissatisfied = true },
      steps = { { "respond", { on = "2026-12-18", outcome = "not_upheld" } },
                { "escalate", { on = "2027-01-16" }, refused = "too late: clock escalation_window of stage 1" } },
      expect = { stage = "1", status = "open" } },

    { name = "review meeting notification over Easter 2027", clause = "Service Standards: Complaints",
      -- request Mon 22 Mar 2027: 23, 24, 25, (26, 29), 30, 31, 1 Apr, 2, 5, 6, 7
      intake = { received = "2027-03-01", channel = "email", dissatisfied = true },
      steps = { { "respond", { on = "2027-03-12", outcome = "partly_upheld" } },
                { "escalate", { on = "2027-03-22" } } },
      expect = { stage = "review", due = { notify = "2027-04-07" } } },

    { name = "a stage 3 hearing follows the review; there is no fourth stage", clause = "Performance Measures / Monitoring",
      intake = { received = "2027-03-01", channel = "email", dissatisfied = true },
      steps = { { "respond", { on = "2027-03-12", outcome = "partly_upheld" } },
                { "escalate", { on = "2027-03-22" } },
                { "meet", { clock = "notify", on = "2027-03-25", date = "2027-04-12" } },
                { "respond", { on = "2027-04-20", outcome = "not_upheld" } },
                { "escalate", { on = "2027-05-18", reason = "asks for a hearing" } },
                { "respond", { on = "2027-06-15", outcome = "not_upheld" } },
                { "escalate", { on = "2027-06-16" }, refused = "stage hearing is the pack's last stage" } },
      expect = { stage = "hearing", status = "open" } },

    { name = "mediation may be offered at any stage; the review's clock runs on", clause = "Service Standards: Complaints",
      intake = { received = "2027-03-01", channel = "email", dissatisfied = true },
      steps = { { "respond", { on = "2027-03-12", outcome = "partly_upheld" } },
                { "escalate", { on = "2027-03-22" } },
                { "log", { channel = "letter", direction = "out", summary = "Offered to refer the matter to mediation",
                           at = "2027-03-23" } } },
      expect = { stage = "review", due = { notify = "2027-04-07" } } },

    { name = "time-barred: known for more than 12 months with no contact", clause = "Service Standards: Complaints",
      intake = { received = "2026-12-22", channel = "letter", dissatisfied = true, event_date = "2025-11-01",
                 aware_date = "2025-12-01" },
      expect = { status = "excluded", exclusion = "time-barred", clause = "Service Standards" } },

    { name = "not time-barred: the customer contacted the Trust about it in time", clause = "Service Standards: Complaints",
      intake = { received = "2026-12-22", channel = "letter", dissatisfied = true, event_date = "2025-11-01",
                 contacted_before = true },
      expect = { status = "open", kind = "complaint" } },

    { name = "not time-barred: an old issue the customer learned of within 12 months", clause = "Service Standards: Complaints",
      intake = { received = "2026-12-22", channel = "letter", dissatisfied = true, event_date = "2024-05-01",
                 aware_date = "2026-02-01" },
      expect = { status = "open", kind = "complaint" } },

    { name = "a formal enquiry through an MP is answered within 10 working days, over the late May 2026 holiday", clause = "Service Standards: Formal Enquiries",
      -- from Wed 20 May: 21, 22, (25), 26, 27, 28, 29, 1 Jun, 2, 3, 4
      intake = { received = "2026-05-20", channel = "mp_or_councillor", via = "mp", summary = "How long until rehoused?" },
      expect = { kind = "enquiry", stage = "enquiry", due = { respond = "2026-06-04" } } },

    { name = "a complicated formal enquiry: the customer is told an anticipated date", clause = "Service Standards: Formal Enquiries",
      -- 4 Jun + 14 days: Thu 18 Jun 2026
      intake = { received = "2026-05-20", channel = "email", via = "advocate" },
      steps = { { "extend", { clock = "respond", days = 14, reason = "anticipated date given: waiting list review", on = "2026-06-03" } } },
      expect = { kind = "enquiry", due = { respond = "2026-06-18" } } },

    { name = "a complaint through a councillor is still a complaint", clause = "Policy Statement: Complaints",
      intake = { received = "2026-05-20", channel = "mp_or_councillor", via = "councillor", dissatisfied = true },
      expect = { kind = "complaint", stage = "1" } },

    { name = "a first report of a leaking tap goes to the service area", clause = "Policy Statement: General Enquiries",
      intake = { received = "2026-12-22", channel = "phone", category = "repairs", service_request = true },
      expect = { kind = "service_request", stage = false } },

    { name = "a compliment is relayed in 3 and filed in 5 working days, across the August 2026 holiday", clause = "Service Standards: Compliments",
      -- from Thu 27 Aug: 28, (31 Aug), 1, 2 Sep (relay); 3, 4 Sep (file)
      intake = { received = "2026-08-27", channel = "web", compliment = true },
      expect = { kind = "compliment", stage = "compliment", due = { relay = "2026-09-02", file = "2026-09-04" } } },

    { name = "a compliment relayed on time and filed late", clause = "Service Standards: Compliments",
      intake = { received = "2026-08-27", channel = "web", compliment = true },
      steps = { { "log", { channel = "email", direction = "out", summary = "Thanks passed to the caretaker and the customer",
                           at = "2026-09-01", meets = "relay" } },
                { "meet", { clock = "file", on = "2026-09-07", reason = "uploaded to the caretaker's personal file" } } },
      expect = { met_late = { relay = false, file = true } } },

    { name = "excluded: an appeal against action under another policy", clause = "Policy Statement: Complaints",
      intake = { received = "2026-12-22", channel = "letter", dissatisfied = true, appeal_of_other_policy = true },
      expect = { status = "excluded", exclusion = "another Trust policy" } },

    { name = "excluded for unacceptable behaviour by an executive decision", clause = "Policy Statement: Complaints",
      intake = { received = "2026-12-22", channel = "letter", dissatisfied = true, behaviour_exclusion = true },
      expect = { status = "excluded", exclusion = "Customer Code of Conduct" } },

    { name = "compensation for actual monetary loss, with an apology", clause = "Policy Statement: Complaints",
      -- £60 monetary loss; heating days count only for a considerable delay
      intake = { received = "2026-12-21", channel = "letter", dissatisfied = true },
      steps = { { "respond", { on = "2027-01-06", outcome = "upheld", findings = {
                  mistake = "the contractor damaged a carpet", put_right = "carpet cleaned",
                  monetary_loss = { { pence = 6000, reason = "cleaning bill" } }, days_without_heating = 3 } } } },
      expect = { remedy = { pence = 6000, kinds = { "apology", "practical_action", "evidenced_loss" } } } },

    { name = "compensation for a considerable delay, at the Ombudsman's sums", clause = "Policy Statement: Complaints",
      -- 10 days without heating at £15: £150
      intake = { received = "2026-12-21", channel = "letter", dissatisfied = true },
      steps = { { "respond", { on = "2027-01-06", outcome = "upheld", findings = {
                  mistake = "the boiler repair was not chased", considerable_delay = "boiler repair waited 10 days",
                  days_without_heating = 10 } } } },
      expect = { remedy = { pence = 15000, kinds = { "apology", "loss_of_amenity" } } } },
  },
}
