-- The reference pack: the Housing Ombudsman's Complaint Handling Code 2024 itself, statutory
-- from 1 April 2024 (Social Housing (Regulation) Act 2023). A new store uses it unless
-- `redress init --policy` names another pack; `redress check --code PACK` compares packs with it.
-- Clause numbers and quotations: shared/research/domain.md section 1 (2024 numbering).
local ombudsman = require "lib.ombudsman"

local function months_before(d, n) return date(d):add_months(-n) end

return {
  name = "hos-code",
  title = "Housing Ombudsman Complaint Handling Code 2024",

  -- The Code does not define "working day"; England and Wales bank holidays, receipt day not
  -- counted, a weekend or holiday receipt rolled to the next working day (domain.md Q3).
  calendar = { region = "england-and-wales" },

  -- 2.3 "Landlords must accept complaints referred to them within 12 months of the issue
  -- occurring or the resident becoming aware of the issue".
  acceptance = { months = 12 },

  -- 5.2/5.3: exactly two stages; "A process with more than two stages is not acceptable under
  -- any circumstances".
  stages = {
    { name = "1", clocks = {
        -- 6.2 "acknowledged, defined and logged ... within five working days of the complaint
        -- being received"
        acknowledge = { working_days = 5, from = "received" },
        -- 6.3 "respond to the complaint within 10 working days of the complaint being
        -- acknowledged"; 6.4 an extension "no more than 10 working days without good reason"
        -- (the Code asks for good reason, not the resident's agreement, beyond that).
        respond = { working_days = 10, from = "acknowledged",
                    extension = { working_days = 10, beyond = "customer_agreement" } },
    } },
    { name = "2", clocks = {
        -- 6.11 "acknowledged, defined and logged ... within five working days of the escalation
        -- request being received"
        acknowledge = { working_days = 5, from = "escalated" },
        -- 6.14 "within 20 working days of the complaint being acknowledged"; 6.15 an extension
        -- "no more than 20 working days without good reason" (domain.md Q2: one source says 10).
        respond = { working_days = 20, from = "acknowledged",
                    extension = { working_days = 20, beyond = "customer_agreement" } },
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
    if started and date(started) < months_before(intake.received, 12) then
      return { exclude = "the issue arose more than 12 months before the complaint (" .. date(started)
                 .. "); we will consider accepting it if there are good reasons it was not raised sooner",
               clause = "Code 2.2(a), 2.3", signpost = ombudsman.signpost }
    end
    return { kind = "complaint", stage = "1" }
  end,
}
