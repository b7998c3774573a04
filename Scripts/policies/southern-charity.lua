-- A charitable landlord in the south of England (its name is not in the text): Complaints policy,
-- review January 2022 (shared/seeds/001_3837ce41d0e560ef.txt). Each rule below quotes the clause
-- it implements; clause names are the policy's headings.
--
-- The facts triage reads are declared in `facts` below, each beside the clause it serves;
-- cases.intake and redress import refuse any other field beyond the standard ones (received,
-- channel, category, anonymous, confidential, safeguarding, complainant, complainant_role...).
local compensation = require "lib.compensation"
local ombudsman = require "lib.ombudsman"
local long_date = require("lib.letters").long_date

-- When we can't reach an agreement: "they can ask a 'designated person' (MP or a local
-- councillor) to get involved, or wait eight weeks and ask the Housing Ombudsman Service to look
-- at their complaint."
local routes = "You can ask a designated person (your MP or a local councillor) to get involved, or wait eight weeks "
  .. "and ask the " .. ombudsman.name .. " to look at your complaint: " .. ombudsman.email .. ", " .. ombudsman.phone
  .. ", " .. ombudsman.address .. "."

-- "First Tier Tribunal (property Chamber) Southern region. For shared owners and long
-- leaseholders who have complaints about service charges and the terms of their leases.
-- Residential Property, Havant Justice Centre, The Court House, Elmleigh Road, Havant, Hampshire
-- PO9 2AL. Email: rpsouthern@hmcts.gsi.gov.uk. Phone: 01243 779394" (When we can't reach an
-- agreement), as published.
local tribunal = "As a shared owner or long leaseholder, you can take a complaint about service charges or the terms of "
  .. "your lease to the First Tier Tribunal (Property Chamber) Southern region: Residential Property, Havant Justice Centre, "
  .. "The Court House, Elmleigh Road, Havant, Hampshire PO9 2AL; rpsouthern@hmcts.gsi.gov.uk; 01243 779394."

-- "Financial Ombudsman Service. Complaints over debt advice for 3rd party creditors only.
-- Housing Ombudsman Service, PO Box 152, Liverpool L33 7WQ. Email:
-- complaint.info@financial-ombudsman.org.uk. Phone: 020 7964 10000" (When we can't reach an
-- agreement). The postal address printed under this heading is the Housing Ombudsman's, and the
-- phone number has one digit too many: both look like slips in the published text, so the
-- signpost gives the Financial Ombudsman's email only, as published.
local financial = "For a complaint over debt advice as a third-party creditor, you can go to the Financial Ombudsman "
  .. "Service: complaint.info@financial-ombudsman.org.uk."

-- Where the customer can take a decision: the designated person or the Housing Ombudsman,
-- and the Tribunal or the Financial Ombudsman where the complaint is one of theirs.
local function signpost(intake)
  local text = routes
  local complainant = type(intake.complainant) == "table" and intake.complainant or {}
  local leaseholder = intake.shared_owner or intake.leaseholder or complainant.role == "leaseholder"
    or intake.complainant_role == "leaseholder"
  if leaseholder and (intake.service_charges or intake.lease_terms or intake.category == "service_charges") then
    text = text .. " " .. tribunal
  end
  if intake.debt_advice then text = text .. " " .. financial end
  return text
end

return {
  name = "southern-charity",
  title = "Complaints policy of a charitable landlord in the south of England (review January 2022)",
  calendar = { region = "england-and-wales" },

  -- Anonymous complaints: "If a customer makes a complaint in confidence, their identity will
  -- only be known to the person who received the complaint and to a member of the Resolution
  -- team." The store withholds it from everyone else (the receiver always sees it).
  confidentiality = { identity_roles = { "resolution_team" }, reveal_roles = { "resolution_team" }, reveal_reason = true },

  stages = {
    -- Resolving complaints as quickly as we can: "When we first receive a complaint, we aim to
    -- agree a solution with our customer within ten working days. If this isn't possible (for
    -- example, if the complaint is complicated), we may need a further ten days. These are
    -- referred to as 'stage 1' complaints." The policy says "ten days" for the extension, not
    -- ten working days, so it is taken as written: calendar days. It sets no acknowledgement time.
    { name = "1", clause = "Resolving complaints as quickly as we can", clocks = {
        respond = { working_days = 10, from = "received", clause = "Resolving complaints as quickly as we can",
                    extension = { days = 10, clause = "Resolving complaints as quickly as we can" } },
    } },
    -- "If a customer is unhappy with the decision they've received at stage 1, they have a right
    -- to review ... When a complaint is reviewed, it's known as a 'stage 2' complaint. We aim to
    -- have a decision on these complaints within 20 working days. As with stage 1 complaints, we
    -- sometimes need extra time to make the right decision, so we may not be able to respond for
    -- a further 30 days." (calendar days, as written). "When we carry out reviews, these will be
    -- overseen by the Director responsible for the service." (We're accountable)
    { name = "review", clause = "Right to ask for a review", clocks = {
        respond = { working_days = 20, from = "escalated", clause = "Resolving complaints as quickly as we can",
                    extension = { days = 30, clause = "Resolving complaints as quickly as we can" } },
    } },
  },

  -- Unreasonable customer behaviour: "we may occasionally receive complaints from customers whose
  -- behaviour and/or frequent contact stop us resolving the complaint ... We'll explain clearly
  -- what we've done to resolve the complaint and make a decision about what we'll do the next
  -- time they contact us about the same issue."
  restrictions = {
    clause = "Unreasonable customer behaviour",
    kinds = {
      -- "acknowledge the contact but not offer any other responses"
      acknowledge_only = { says = "we will acknowledge your contacts about this matter but not offer any other response",
                           clause = "Unreasonable customer behaviour" },
      -- "ask them to only contact one named employee"
      single_contact = { detail = "the named employee", says = "please contact only {detail}, who will deal with your contacts",
                         clause = "Unreasonable customer behaviour" },
      -- "ask them to only contact us using a channel of our choice"
      single_channel = { detail = "the channel of our choice", says = "please contact us only by {detail}",
                         clause = "Unreasonable customer behaviour" },
    },
    -- "We'll review customers we manage this way each year."
    review = {
      months = 12, clause = "Unreasonable customer behaviour",
      -- The yearly review weighs what the restriction was for: contact that "stop[s] us
      -- resolving the complaint, or may affect the ability of our teams to help other customers".
      -- The policy gives no test, so this hook only proposes the clear cases and leaves the rest
      -- to a person (nil): contact outside the arrangement in the year → continue; no contact at
      -- all in the year → lift; contact that kept to the arrangement → a person decides whether
      -- it is still needed.
      decide = function(restriction, activity)
        if activity.flagged > 0 and restriction.kind == "acknowledge_only" then
          -- every contact is flagged under acknowledge-only: it is the contact itself that goes on
          return { outcome = "continue",
                   reasons = ("you have contacted us %d time%s about this since %s (the last on %s), so we will keep "
                              .. "acknowledging your contacts without any other response for another year"):format(
                              activity.flagged, activity.flagged == 1 and "" or "s", long_date(activity.since),
                              long_date(activity.last_flagged)) }
        end
        if activity.flagged > 0 then
          return { outcome = "continue",
                   reasons = ("since %s, %d of your contacts did not keep to the arrangement (the last on %s), so we will "
                              .. "keep managing contact this way for another year"):format(
                              long_date(activity.since), activity.flagged, long_date(activity.last_flagged)) }
        end
        if activity.contacts == 0 and activity.new_cases == 0 then
          return { outcome = "lift",
                   reasons = ("you have not needed to contact us about this since %s, so we no longer need to manage "
                              .. "contact this way"):format(long_date(activity.since)) }
        end
        return nil
      end,
    },
    -- "if a customer wants to challenge the way they're managed, they can ask us to review it.
    -- The Head of Customer Feedback will do this review and we will only do this once."
    challenge = { times = 1, reviewer = "Head of Customer Feedback", role = "head_of_customer_feedback",
                  clause = "Unreasonable customer behaviour" },
    -- A contact from the customer that the restriction asks them not to make is flagged, so the
    -- officer answers it as the restriction says.
    flag = function(restriction, contact)
      if contact.direction ~= "in" then return nil end
      if restriction.kind == "acknowledge_only" then
        return "acknowledge only: acknowledge this contact but offer no other response"
      elseif restriction.kind == "single_contact" and contact.staff ~= restriction.detail then
        return "contact with " .. tostring(contact.staff or "another employee") .. "; the customer is asked to contact "
          .. restriction.detail .. " only"
      elseif restriction.kind == "single_channel" and contact.channel ~= restriction.detail then
        return "contact by " .. contact.channel .. "; the customer is asked to use " .. restriction.detail .. " only"
      end
    end,
  },

  -- The intake facts triage (and the signpost it gives) reads, each with its clause.
  facts = {
    -- "We use the Housing Ombudsman definition of a complaint: 'An expression of dissatisfaction,
    -- however made, ...'"; "When a customer tells us about an issue, we'll try to sort it out
    -- there and then." (Our approach when something goes wrong)
    dissatisfied = { type = "boolean", meaning = "the customer is unhappy with how something was handled, or with the result",
                     clause = "We use the Housing Ombudsman definition of a complaint" },
    asked_for_complaint = { type = "boolean", meaning = "the customer asked to complain", clause = "We use the Housing Ombudsman definition of a complaint" },
    service_request = { type = "boolean", meaning = "the customer tells us about an issue to be sorted out (a first report)",
                        clause = "Our approach when something goes wrong" },
    -- "Sometimes customers keep contacting us about the same thing, even when we've come up with a
    -- resolution and carried out a review."
    previously_reviewed = { type = "boolean", meaning = "the same complaint again, after a resolution and a review",
                            clause = "When the same complaint is continually raised" },
    -- "For shared owners and long leaseholders who have complaints about service charges and the
    -- terms of their leases" (When we can't reach an agreement): the Tribunal is signposted.
    shared_owner = { type = "boolean", meaning = "the complainant is a shared owner", clause = "When we can't reach an agreement" },
    leaseholder = { type = "boolean", meaning = "the complainant is a long leaseholder (or give complainant_role = leaseholder)",
                    clause = "When we can't reach an agreement" },
    service_charges = { type = "boolean", meaning = "the complaint is about service charges (or category = service_charges)",
                        clause = "When we can't reach an agreement" },
    lease_terms = { type = "boolean", meaning = "the complaint is about the terms of the lease", clause = "When we can't reach an agreement" },
    -- "Complaints over debt advice for 3rd party creditors only" (Financial Ombudsman Service)
    debt_advice = { type = "boolean", meaning = "a complaint over debt advice, from a third-party creditor", clause = "When we can't reach an agreement" },
  },

  triage = function(intake)
    -- When the same complaint is continually raised: "Sometimes customers keep contacting us
    -- about the same thing, even when we've come up with a resolution and carried out a review.
    -- We have to make a decision about how to handle these."
    if intake.previously_reviewed then
      return { exclude = "we have already resolved this complaint and carried out a review of it; we will explain what we "
                 .. "have done to resolve it and what we will do the next time you contact us about it",
               clause = "When the same complaint is continually raised", signpost = signpost(intake) }
    end
    -- Anonymous complaints: "If a customer makes a complaint in confidence, their identity will
    -- only be known to the person who received the complaint and to a member of the Resolution
    -- team." "However, we'll still record and monitor anonymous complaints."
    local confidential = intake.confidential or intake.anonymous or nil
    -- "If we receive a complaint relating to safeguarding, we'll follow the steps set out in our
    -- safeguarding policy to address it": a complaint, flagged (the intake's safeguarding flag).
    if intake.safeguarding or intake.anonymous or intake.dissatisfied or intake.asked_for_complaint then
      return { kind = "complaint", stage = "1", confidential = confidential }
    end
    -- Our approach when something goes wrong: "When a customer tells us about an issue, we'll
    -- try to sort it out there and then. We'll be reasonable and try to make sure it doesn't end
    -- in a complaint."
    if intake.service_request then return { kind = "service_request" } end
    -- "We use the Housing Ombudsman definition of a complaint: 'An expression of
    -- dissatisfaction, however made, ...'"
    return { kind = "complaint", stage = "1", confidential = confidential }
  end,

  -- How we'll try to put things right. findings: apology, put_right (the action), took_too_long
  -- or keeps_happening (a goodwill gesture may be offered), goodwill = { pence =, disruption =,
  -- time_to_put_right =, distress = true|false }, financial_loss = { { pence =, reason = } }.
  remedy = function(case, findings)
    -- "For most problems, a genuine apology and putting things right straight away is where it
    -- ends."
    local items = { compensation.apology(findings.apology or ("for what went wrong in " .. case.ref)) }
    if findings.put_right then items[#items + 1] = compensation.action(findings.put_right) end
    -- "Sometimes, if it's taken us longer than it should have to get something sorted out or if
    -- the problem keeps happening, we may offer a small gesture of goodwill." "The things we'll
    -- look at will be: how much the customer has been disrupted, how long it's taken to put
    -- right, if there's been significant distress."
    local g = findings.goodwill
    if g and (findings.took_too_long or findings.keeps_happening) then
      local why = { findings.took_too_long and "it took longer than it should have to put right"
                      or "the problem keeps happening" }
      if g.disruption then why[#why + 1] = "disruption: " .. g.disruption end
      if g.time_to_put_right then why[#why + 1] = "time to put right: " .. g.time_to_put_right end
      if g.distress then why[#why + 1] = "significant distress" end
      items[#items + 1] = compensation.item("goodwill_gesture", g.pence, "goodwill gesture: " .. table.concat(why, "; "))
    end
    -- "As a charitable organisation, we rarely offer compensation unless the customer has
    -- suffered financial loss, like damage to their personal belongings or paying for a service
    -- they didn't have."
    for _, loss in ipairs(findings.financial_loss or {}) do
      items[#items + 1] = compensation.item("evidenced_loss", loss.pence, loss.reason)
    end
    return items
  end,

  -- Expected dates are worked by hand from the policy's timescales and GOV.UK's England and
  -- Wales bank holidays: 2026 summer 31 August, Christmas Friday 25 December, Boxing Day
  -- substitute Monday 28 December; 2027 New Year's Day Friday 1 January, Good Friday 26 March,
  -- Easter Monday 29 March.
  scenarios = {
    { name = "stage 1: a solution within 10 working days of receipt, over Christmas 2026", clause = "Resolving complaints as quickly as we can",
      -- from Wed 16 Dec: 17, 18, 21, 22, 23, 24, (25, 28), 29, 30, 31, (1 Jan), 4 Jan
      intake = { received = "2026-12-16", channel = "email", dissatisfied = true },
      expect = { kind = "complaint", stage = "1", due = { respond = "2027-01-04", acknowledge = false } } },

    { name = "a complicated stage 1 complaint may take a further ten days", clause = "Resolving complaints as quickly as we can",
      -- Mon 4 Jan 2027 + 10 days: Thu 14 Jan
      intake = { received = "2026-12-16", channel = "email", dissatisfied = true },
      steps = { { "extend", { clock = "respond", days = 10, reason = "complicated: three contractors involved", on = "2026-12-31" } },
                { "extend", { clock = "respond", days = 1, reason = "one more day", agreed = true, on = "2027-01-13" },
                  refused = "may be extended by 10 days at most" } },
      expect = { due = { respond = "2027-01-14" } } },

    { name = "a review decision within 20 working days of the request, over Easter 2027", clause = "Right to ask for a review",
      -- from Mon 15 Mar: 16-19, 22-25, (26, 29), 30, 31, 1 Apr, 2, 5-9, 12, 13, 14
      intake = { received = "2027-02-15", channel = "letter", dissatisfied = true },
      steps = { { "respond", { on = "2027-03-01", outcome = "not_upheld" } },
                { "escalate", { on = "2027-03-15", reason = "asks for a review" } } },
      expect = { stage = "review", due = { respond = "2027-04-14", acknowledge = false } } },

    { name = "a review may take a further 30 days", clause = "Resolving complaints as quickly as we can",
      -- Wed 14 Apr 2027 + 30 days: Fri 14 May
      intake = { received = "2027-02-15", channel = "letter", dissatisfied = true },
      steps = { { "respond", { on = "2027-03-01", outcome = "not_upheld" } },
                { "escalate", { on = "2027-03-15" } },
                { "extend", { clock = "respond", days = 30, reason = "the Director needs the contractor's records", on = "2027-04-12" } } },
      expect = { due = { respond = "2027-05-14" } } },

    { name = "a review is extended by no more than 30 days", clause = "Resolving complaints as quickly as we can",
      intake = { received = "2027-02-15", channel = "letter", dissatisfied = true },
      steps = { { "respond", { on = "2027-03-01", outcome = "not_upheld" } },
                { "escalate", { on = "2027-03-15" } },
                { "extend", { clock = "respond", days = 31, reason = "more time", agreed = true, on = "2027-04-12" },
                  refused = "may be extended by 30 days at most" } },
      expect = { due = { respond = "2027-04-14" } } },

    { name = "a review decision across the August 2026 holiday", clause = "Right to ask for a review",
      -- from Mon 10 Aug: 11-14, 17-21, 24-28, (31 Aug), 1, 2, 3, 4, 7, 8 Sep
      intake = { received = "2026-07-13", channel = "email", dissatisfied = true },
      steps = { { "respond", { on = "2026-07-24", outcome = "partly_upheld" } },
                { "escalate", { on = "2026-08-10" } } },
      expect = { stage = "review", due = { respond = "2026-09-08" } } },

    { name = "the review is the last stage", clause = "When we can't reach an agreement",
      intake = { received = "2026-07-13", channel = "email", dissatisfied = true },
      steps = { { "respond", { on = "2026-07-24", outcome = "partly_upheld" } },
                { "escalate", { on = "2026-08-10" } },
                { "respond", { on = "2026-09-04", outcome = "not_upheld" } },
                { "escalate", { on = "2026-09-07" }, refused = "stage review is the pack's last stage" } },
      expect = { stage = "review", status = "open" } },

    { name = "an issue sorted out there and then is not a complaint", clause = "Our approach when something goes wrong...",
      intake = { received = "2026-12-22", channel = "phone", service_request = true, category = "repairs" },
      expect = { kind = "service_request", stage = false } },

    { name = "unhappy with how an issue was sorted: a complaint", clause = "Why we have this policy",
      intake = { received = "2026-12-22", channel = "phone", service_request = true, dissatisfied = true },
      expect = { kind = "complaint", stage = "1" } },

    { name = "a safeguarding complaint is a complaint, flagged for the safeguarding policy", clause = "Our approach when something goes wrong...",
      intake = { received = "2026-12-22", channel = "phone", safeguarding = true, service_request = true },
      expect = { kind = "complaint", stage = "1", safeguarding = true } },

    { name = "a complaint in confidence: known only to its receiver and the Resolution team", clause = "Anonymous complaints",
      intake = { received = "2026-12-22", channel = "in_person", confidential = true, dissatisfied = true },
      expect = { kind = "complaint", confidential = true } },

    { name = "an anonymous complaint is still recorded and monitored", clause = "Anonymous complaints",
      intake = { received = "2026-12-22", channel = "web", anonymous = true },
      expect = { kind = "complaint", stage = "1", anonymous = true, confidential = true } },

    { name = "the same complaint again after a resolution and a review", clause = "When the same complaint is continually raised",
      intake = { received = "2026-12-22", channel = "email", previously_reviewed = true },
      expect = { status = "excluded", exclusion = "wait eight weeks and ask the Housing Ombudsman Service" } },

    { name = "a leaseholder's service charge complaint is also signposted to the First Tier Tribunal", clause = "When we can't reach an agreement",
      intake = { received = "2026-12-22", channel = "email", previously_reviewed = true, category = "service_charges",
                 complainant = { name = "A Leaseholder", role = "leaseholder", email = "l@example.org" } },
      expect = { status = "excluded", exclusion = "First Tier Tribunal (Property Chamber) Southern region: Residential Property, "
                 .. "Havant Justice Centre, The Court House, Elmleigh Road, Havant, Hampshire PO9 2AL; rpsouthern@hmcts.gsi.gov.uk; 01243 779394" } },

    { name = "a shared owner's complaint about the terms of the lease: the Tribunal too", clause = "When we can't reach an agreement",
      intake = { received = "2026-12-22", channel = "letter", previously_reviewed = true, shared_owner = true, lease_terms = true },
      expect = { status = "excluded", exclusion = "shared owner or long leaseholder" } },

    { name = "a third-party creditor's complaint over debt advice is signposted to the Financial Ombudsman", clause = "When we can't reach an agreement",
      intake = { received = "2026-12-22", channel = "email", previously_reviewed = true, debt_advice = true },
      expect = { status = "excluded", exclusion = "Financial Ombudsman Service: complaint.info@financial-ombudsman.org.uk" } },

    { name = "most problems end with an apology and putting things right", clause = "How we'll try to put things right",
      intake = { received = "2026-12-16", channel = "email", dissatisfied = true },
      steps = { { "respond", { on = "2026-12-23", outcome = "upheld", findings = {
                  apology = "the gutter was not cleared", put_right = "gutter cleared on 23 December" } } } },
      expect = { remedy = { pence = 0, kinds = { "apology", "practical_action" } } } },

    { name = "a small goodwill gesture when it took longer than it should have", clause = "How we'll try to put things right",
      intake = { received = "2026-12-16", channel = "email", dissatisfied = true },
      steps = { { "respond", { on = "2026-12-23", outcome = "upheld", findings = {
                  apology = "the repair took six weeks", took_too_long = true,
                  goodwill = { pence = 2500, disruption = "kitchen out of use", time_to_put_right = "six weeks", distress = true } } } } },
      expect = { remedy = { pence = 2500, kinds = { "apology", "goodwill_gesture" } } } },

    { name = "no goodwill gesture when it was put right straight away", clause = "How we'll try to put things right",
      intake = { received = "2026-12-16", channel = "email", dissatisfied = true },
      steps = { { "respond", { on = "2026-12-23", outcome = "upheld", findings = {
                  apology = "missed bin collection", goodwill = { pence = 2500 } } } } },
      expect = { remedy = { pence = 0, kinds = { "apology" } } } },

    { name = "compensation for financial loss: damaged belongings and a service not had", clause = "How we'll try to put things right",
      -- £80 belongings and £12 service charge refunded: £92
      intake = { received = "2026-12-16", channel = "email", dissatisfied = true },
      steps = { { "respond", { on = "2026-12-23", outcome = "upheld", findings = {
                  apology = "the leak damaged a rug",
                  financial_loss = { { pence = 8000, reason = "rug damaged by the leak" },
                                     { pence = 1200, reason = "window cleaning charged but not done" } } } } } },
      expect = { remedy = { pence = 9200, kinds = { "apology", "evidenced_loss", "evidenced_loss" } } } },

    { name = "one channel of our choice: reviewed in a year, a phone call flagged", clause = "Unreasonable customer behaviour",
      -- restricted Tue 22 Dec 2026: review due Wed 22 Dec 2027
      intake = { received = "2026-12-01", channel = "email", dissatisfied = true,
                 complainant = { name = "A Customer", email = "a@example.org" } },
      steps = { { "restrict", { kind = "single_channel", detail = "email", reasons = "daily calls to several teams", on = "2026-12-22" } },
                { "log", { channel = "email", direction = "in", summary = "Asked for an update", at = "2026-12-23" } },
                { "log", { channel = "phone", direction = "in", summary = "Rang the repairs line", at = "2026-12-29" } },
                { "log", { channel = "phone", direction = "out", summary = "Returned the call", at = "2026-12-29" } } },
      expect = { restriction = { kind = "single_channel", review_due = "2027-12-22", active = true },
                 flags = { "contact by phone; the customer is asked to use email only" } } },

    { name = "acknowledge only: every contact from the customer is flagged", clause = "Unreasonable customer behaviour",
      intake = { received = "2026-12-01", channel = "email", dissatisfied = true,
                 complainant = { name = "A Customer", email = "a@example.org" } },
      steps = { { "restrict", { kind = "acknowledge_only", reasons = "the same points, forty times", on = "2026-12-22" } },
                { "log", { channel = "letter", direction = "in", summary = "Letter about the fence", at = "2026-12-23" } } },
      expect = { flags = { "acknowledge only" } } },

    { name = "one named employee: contact with anyone else is flagged", clause = "Unreasonable customer behaviour",
      intake = { received = "2026-12-01", channel = "email", dissatisfied = true,
                 complainant = { name = "A Customer", email = "a@example.org" } },
      steps = { { "restrict", { kind = "single_contact", detail = "J Smith", reasons = "abusive calls to staff", on = "2026-12-22" } },
                { "log", { channel = "phone", direction = "in", summary = "Called J Smith", staff = "J Smith", at = "2026-12-23" } },
                { "log", { channel = "phone", direction = "in", summary = "Called the office", staff = "K Jones", at = "2026-12-24" } } },
      expect = { flags = { "contact with K Jones; the customer is asked to contact J Smith only" } } },

    { name = "a one-contact restriction names the employee", clause = "Unreasonable customer behaviour",
      intake = { received = "2026-12-01", channel = "email", dissatisfied = true,
                 complainant = { name = "A Customer", email = "a@example.org" } },
      steps = { { "restrict", { kind = "single_contact", reasons = "abusive calls", on = "2026-12-22" }, refused = "names the named employee" } },
      expect = { flags = {} } },

    { name = "the yearly review continues the restriction for another year", clause = "Unreasonable customer behaviour",
      -- reviewed Mon 20 Dec 2027: next review Wed 20 Dec 2028
      intake = { received = "2026-12-01", channel = "email", dissatisfied = true,
                 complainant = { name = "A Customer", email = "a@example.org" } },
      steps = { { "restrict", { kind = "single_channel", detail = "email", reasons = "daily calls", on = "2026-12-22" } },
                { "review_restriction", { outcome = "continue", reasons = "calls continue", reviewer = "Resolution team", on = "2027-12-20" } } },
      expect = { restriction = { review_due = "2028-12-20", active = true } } },

    { name = "one challenge, reviewed by the Head of Customer Feedback; no second", clause = "Unreasonable customer behaviour",
      intake = { received = "2026-12-01", channel = "email", dissatisfied = true,
                 complainant = { name = "A Customer", email = "a@example.org" } },
      steps = { { "restrict", { kind = "single_channel", detail = "email", reasons = "daily calls", on = "2026-12-22" } },
                { "challenge_restriction", { outcome = "continue", reasons = "the restriction is proportionate", reviewer = "Director", on = "2027-01-11" },
                  refused = "a challenge is reviewed by the Head of Customer Feedback" },
                { "challenge_restriction", { outcome = "continue", reasons = "the restriction is proportionate", on = "2027-01-11" } },
                { "challenge_restriction", { outcome = "lift", reasons = "asks again", on = "2027-02-01" },
                  refused = "the policy allows one challenge" } },
      expect = { restriction = { challenge_outcome = "continue", active = true } } },

    { name = "a restriction lifted on challenge no longer flags contacts", clause = "Unreasonable customer behaviour",
      intake = { received = "2026-12-01", channel = "email", dissatisfied = true,
                 complainant = { name = "A Customer", email = "a@example.org" } },
      steps = { { "restrict", { kind = "single_channel", detail = "email", reasons = "daily calls", on = "2026-12-22" } },
                { "challenge_restriction", { outcome = "lift", reasons = "calls were about an emergency repair", on = "2027-01-11" } },
                { "log", { channel = "phone", direction = "in", summary = "Rang about the boiler", at = "2027-01-12" } } },
      expect = { restriction = { active = false, challenge_outcome = "lift" }, flags = {} } },

    { name = "the yearly review continues a restriction the customer did not keep to", clause = "Unreasonable customer behaviour",
      -- restricted Tue 22 Dec 2026; a phone call on Mon 1 Mar 2027 is flagged; the review due
      -- Wed 22 Dec 2027 continues it, so the next is due Fri 22 Dec 2028
      intake = { received = "2026-12-01", channel = "email", dissatisfied = true,
                 complainant = { name = "A Customer", email = "a@example.org" } },
      steps = { { "restrict", { kind = "single_channel", detail = "email", reasons = "daily calls", on = "2026-12-22" } },
                { "log", { channel = "phone", direction = "in", summary = "Rang the repairs line", at = "2027-03-01" } },
                { "due_review", { on = "2027-12-22" } } },
      expect = { restriction = { last_review = "continue", review_due = "2028-12-22", active = true } } },

    { name = "the yearly review lifts a restriction after a year without contact", clause = "Unreasonable customer behaviour",
      intake = { received = "2026-12-01", channel = "email", dissatisfied = true,
                 complainant = { name = "A Customer", email = "a@example.org" } },
      steps = { { "restrict", { kind = "acknowledge_only", reasons = "the same points, forty times", on = "2026-12-22" } },
                { "due_review", { on = "2027-12-23" } } },
      expect = { restriction = { last_review = "lift", active = false } } },

    { name = "the yearly review leaves a customer who kept to the arrangement to a person", clause = "Unreasonable customer behaviour",
      intake = { received = "2026-12-01", channel = "email", dissatisfied = true,
                 complainant = { name = "A Customer", email = "a@example.org" } },
      steps = { { "restrict", { kind = "single_channel", detail = "email", reasons = "daily calls", on = "2026-12-22" } },
                { "log", { channel = "email", direction = "in", summary = "Asked about the fence", at = "2027-05-04" } },
                { "due_review", { on = "2027-12-22" } } },
      expect = { restriction = { last_review = false, review_due = "2027-12-22", active = true }, flags = {} } },

    { name = "a restriction's review is not run before it is due", clause = "Unreasonable customer behaviour",
      intake = { received = "2026-12-01", channel = "email", dissatisfied = true,
                 complainant = { name = "A Customer", email = "a@example.org" } },
      steps = { { "restrict", { kind = "single_channel", detail = "email", reasons = "daily calls", on = "2026-12-22" } },
                { "due_review", { on = "2027-12-21" }, refused = "review is not due by 2027-12-21" } },
      expect = { restriction = { last_review = false, review_due = "2027-12-22" } } },
  },
}
