-- WDH: Complaints Procedure (approved by CMB 6 September 2022, by the WDH Board 22 September
-- 2022; shared/seeds/002_eaaa4458de00c2b0.txt). Each rule below quotes the clause it implements;
-- section names are the procedure's headings.
--
-- The facts triage reads (besides cases.intake's received, event_date, aware_date, channel,
-- category, anonymous, complainant, representative):
--   complainant_role (or complainant.role)  tenant, former_tenant, leaseholder, applicant, other...
--   consent                 the customer consents to a representative, group or petition acting
--   dissatisfied            unhappy with the outcome of service recovery
--   needs_investigation     further enquiries or a more detailed investigation are needed
--   asked_for_complaint     the customer asked to make a formal complaint
--   legal_proceedings       legal proceedings have been started or issued
--   court_matter            the matter must be decided by a court
--   asb                     a report of nuisance or antisocial behaviour
--   about_handling          the complaint is about how WDH managed an ASB report, a new-build
--                           repair or tenancy enforcement, not the matter itself
--   insurance_claim         a claim for damage to personal property or for personal injury
--   other_route             the name of another review, appeal or regulatory route that applies
--   vexatious               vexatious, refuses to engage, or behaves unacceptably
--   new_build_completed     the date a new-build home was completed (for the defect period)
--   repairs_completed       the new-build defect repairs have been completed
--   tenancy_breach_action   about action for a breach of a tenancy or lease
--   previously_considered   already considered, with a final response
--   staff_conduct           about the conduct of employees
--   ombudsman_instruction   the Housing Ombudsman instructed WDH to enter the complaint into its
--                           procedure
local ombudsman = require "lib.ombudsman"
local compensation = require "lib.compensation"

local function role(intake)
  if type(intake.complainant) == "table" and intake.complainant.role then return intake.complainant.role end
  return intake.complainant_role
end

-- Who can make a complaint? "Tenants ... Leaseholders (domestic premises only). Homeseach
-- applicants. Customers with a licence to occupy. Customers who have a service agreement with
-- us. We may accept complaints from individuals who do not fall into the above categories.
-- However, if they remain dissatisfied with the outcome of their complaint, they will be advised
-- to seek independent advice, as their complaints fall outside of the remit of the Housing
-- Ombudsman Service Scheme." A complainant recorded as a member of the public or "other" (and
-- with no licence or service agreement) is outside those categories.
local OUTSIDE = { member_of_public = true, other = true }
local function signpost(intake)
  if OUTSIDE[role(intake)] and not intake.licence_to_occupy and not intake.service_agreement then
    return "Your complaint falls outside the remit of the Housing Ombudsman Service Scheme: "
      .. "you may wish to seek independent advice."
  end
  return ombudsman.signpost
end

-- "Where a complaint cannot be considered or is to be dealt with in an alternative way, we will
-- advise the customer of our decision and the reasons for this. Where appropriate they will be
-- given details of the HOS or other regulatory body." (Exclusions)
local function exclude(intake, reason)
  return { exclude = reason, clause = "Exclusions", signpost = signpost(intake) }
end

return {
  name = "wdh",
  title = "WDH Complaints Procedure (September 2022)",
  calendar = { region = "england-and-wales" },

  -- Exclusions: "Complaints about the conduct of employees will be investigated internally and
  -- in line with data protection legislation, the outcome must remain confidential and will not
  -- be disclosed to the customer." Triage marks them confidential_outcome; only those who
  -- investigate and manage read an outcome recorded on them.
  confidentiality = { outcome_roles = { "investigating_officer", "manager" } },

  -- "Complaints made six months after a problem occurred or the customer became aware of it."
  -- (Exclusions): from the later of the two, and a complaint made on the day six months on is
  -- already made six months after. The lifecycle applies it whatever triage answers, except
  -- where "We will comply with any instruction from the HOS to enter a complaint into our
  -- Complaints Procedure." (Exclusions)
  acceptance = { months = 6, from = { "event_date", "aware_date" }, on_the_day = "excluded", clause = "Exclusions",
                 exceptions = {
                   ombudsman_instruction = { text = "We will comply with any instruction from the HOS to enter a complaint "
                                               .. "into our Complaints Procedure.", clause = "Exclusions" },
                 } },

  stages = {
    { name = "1", clause = "Stage 1 complaint", clocks = {
        -- "On receiving a Stage 1 complaint form, they will log and acknowledge the complaint and
        -- allocate it to an appropriate officer, within five working days." (Customer Relations
        -- team)
        acknowledge = { working_days = 5, from = "received", clause = "Customer Relations team" },
        -- ... and allocated in the same five working days: met when the case is assigned to its
        -- officer (c:assign{ officer = }).
        allocate = { working_days = 5, from = "received", met_by = "assignment", clause = "Customer Relations team" },
        -- "Investigating officers will contact the customer within three working days of them
        -- receiving the complaint" (the officer receives it when it is logged and allocated; met
        -- by a logged contact: c:log{ ..., meets = "contact" }).
        contact = { working_days = 3, from = "logged", clause = "Customer Relations team" },
        -- "Stage 1 complaints will be responded to within 10 working days from the complaint
        -- being logged. Where a complaint is complex or further information is required we may
        -- extend by up to a further 10 working days. Further extensions will only be made in
        -- exceptional circumstances and in agreement with the customer."
        respond = { working_days = 10, from = "logged", clause = "Customer Relations team",
                    extension = { working_days = 10, beyond = "customer_agreement", clause = "Customer Relations team" } },
        -- "Customers can request to escalate their complaint within 10 working days from the
        -- date of the Stage 1 decision letter. Requests to escalate outside of this timescale
        -- will only be considered if there is exceptional circumstances for the delay" (Requests
        -- to escalate to Stage 2): a late request is accepted only with the exceptional
        -- circumstances given as the escalation's reason (the investigating manager's decision),
        -- and is recorded late.
        escalation_window = { working_days = 10, from = "decision_sent", late = "needs_reason",
                              clause = "Requests to escalate to Stage 2" },
      },
      -- "On receiving a Stage 1 complaint form, they will log and acknowledge the complaint and
      -- allocate it to an appropriate officer, within five working days." (Customer Relations
      -- team): the contact and response clocks wait for the logging (c:logged{ on = }), which is
      -- owed within the same five working days; the deadlines job lists a complaint waiting longer.
      anchors = { logged = { working_days = 5, from = "received", clause = "Customer Relations team" } },
    },
    { name = "2", clause = "Requests to escalate to Stage 2",
      -- "The investigating manager may choose to offer an alternative resolution or they may
      -- refer the complaint back to Stage 1, for a review of the decision. The customer will be
      -- notified of this and a response timescale will be agreed with them." (Requests to
      -- escalate to Stage 2): c:refer_back{ on =, respond_by = the agreed date }. The referral
      -- is stage 2's answer to the request (it meets stage 2's acknowledge and respond clocks);
      -- stage 1 reviews its decision by the agreed date, which moves only with the customer's
      -- agreement, and its review decision may be escalated again.
      refer_back = { to = "1", clause = "Requests to escalate to Stage 2" },
      -- "We may decline a request to escalate in line with Section 2.15 of our Complaints
      -- Policy" ... "We will notify the customer of our decision and explain the reason(s) why
      -- and provide details of the Housing Ombudsman Service, or other relevant regulatory body,
      -- where appropriate." c:decline_escalation{ on =, ground =, reason = }: the case closes,
      -- with the ground and the reason in its log.
      decline = { clause = "Requests to escalate to Stage 2 (Complaints Policy 2.15)", grounds = {
        excluded = "the complaint now falls into one of the exclusions set out in section 2.6 of our Complaints Policy",
        resolved = "the complaint was upheld at Stage 1 and an appropriate and proportionate resolution was offered to the customer",
        disproportionate = "the resolution requested cannot be provided, as it is disproportionate, or outside of our control to influence or change",
        unacceptable_behaviour = "a customer's behaviour is deemed to be unacceptable and they have refused to engage with us in an "
          .. "acceptable manner during the investigation of their Stage 1 complaint, or their request to escalate is considered to be vexatious",
      } },
      clocks = {
        -- "A written acknowledgement of their request to escalate to Stage 2 will be sent to the
        -- customer within five working days from receipt of their request."
        acknowledge = { working_days = 5, from = "escalated", clause = "Requests to escalate to Stage 2" },
        -- "Stage 2 complaints will be responded to within 20 working days from the complaint
        -- being logged. Where a complaint is complex or further information is required we may
        -- extend by up to a further 10 working days. Further extensions will only be made in
        -- exceptional circumstances and in agreement with the customer."
        respond = { working_days = 20, from = "logged", clause = "Requests to escalate to Stage 2",
                    extension = { working_days = 10, beyond = "customer_agreement", clause = "Requests to escalate to Stage 2" } },
        -- The procedure says when a request to escalate is acknowledged, not when the stage 2
        -- complaint is logged: it sets no limit on the wait for the logging (no `anchors`), and
        -- the deadlines job says so of a stage 2 complaint not yet logged.
    } },
  },

  kinds = {
    -- "Service Recovery requests will be logged on our tenancy management system ... These will
    -- be allocated to a relevant team, who will contact the customer within three working days,
    -- to try to resolve the issue to their satisfaction." (Service Recovery; logged on receipt)
    -- "Where a customer is happy to allow us additional time to reach a resolution, any agreement
    -- must be recorded on the service recovery communication": the contact moves only with the
    -- customer's agreement, recorded with the extension.
    service_request = { clause = "Service Recovery", clocks = {
        contact = { working_days = 3, from = "received", clause = "Service Recovery",
                    extension = { working_days = 0, beyond = "customer_agreement", clause = "Service Recovery" } },
    } },
  },

  -- Putting things right: "Customers will receive an Acceptance Form to complete and this will
  -- confirm the offer of redress. The customer will be given eight weeks to return the form and
  -- confirm their acceptance of the offer. Alternatively, they can refer their complaint to the
  -- HOS or other appropriate regulatory body." Every offer gets the eight weeks from its decision
  -- (c:accept_remedy{ on = } records the returned form, c:decline_remedy{ on =, reason = } a
  -- refusal). The procedure says nothing of a form returned after the eight weeks: the offer has
  -- lapsed by then, so a late acceptance is taken only with the reason it is accepted (the
  -- officer's decision, recorded), never silently.
  remedy_acceptance = { weeks = 8, late = "needs_reason", clause = "Putting things right" },

  -- Unacceptable behaviour: "We may choose to deal with complaints differently, or restrict
  -- access to the Complaints Procedure, where a customer is pursuing a complaint in an
  -- unacceptable manner, their behaviour is unacceptable; or their complaint(s) are vexatious in
  -- nature." "Customers behaving in this manner during the investigation of their complaint, will
  -- receive a warning, to allow them an opportunity to modify their behaviour. If they fail to do
  -- so, we reserve the right to close their complaint and / or place restrictions on their
  -- communications with us." "Any decision to give a warning or deal with a complaint
  -- differently, must be discussed with the Customer Relations team". The procedure names no
  -- review interval and no challenge (its Unacceptable Behaviour Protocol is not in the text).
  restrictions = {
    clause = "Unacceptable behaviour",
    warning = true,
    kinds = {
      -- "deal with complaints differently": how, named in the restriction
      deal_differently = { detail = "how the complaint will be dealt with", says = "we will deal with your complaint differently: {detail}",
                           clause = "Unacceptable behaviour" },
      -- "restrict access to the Complaints Procedure"; "Customers who are subject to
      -- restrictions under our Unacceptable Behaviour Protocol, will be advised on how they can
      -- raise service issues or complaints with us." (Receipt of a complaint)
      restricted_access = { detail = "how the customer can raise service issues or complaints",
                            says = "your access to our Complaints Procedure is restricted; you can raise service issues or complaints with us as follows: {detail}",
                            clause = "Unacceptable behaviour" },
      -- "place restrictions on their communications with us": the one channel left open
      communications = { detail = "the channel the customer may use", says = "please contact us only by {detail}",
                         clause = "Unacceptable behaviour" },
    },
    flag = function(restriction, contact)
      if contact.direction ~= "in" then return nil end
      if restriction.kind == "communications" and contact.channel ~= restriction.detail then
        return "contact by " .. contact.channel .. "; communications are restricted to " .. restriction.detail
      elseif restriction.kind == "restricted_access" then
        return "access to the complaints procedure is restricted; advise: " .. restriction.detail
      end
    end,
  },

  triage = function(intake)
    -- "Enquiries / complaints directed through local councillor's or MP's will be responded to
    -- outside of this procedure." (Receipt of a complaint)
    if intake.channel == "mp_or_councillor" or role(intake) == "mp_or_councillor" then
      return { kind = "enquiry" }
    end
    -- "Anonymous complaints will be passed to the relevant area of the business for their
    -- information and any action they deem appropriate." (Who can make a complaint?)
    if intake.anonymous then return { kind = "enquiry" } end
    -- "We will accept complaints made by groups, third parties or as a result of a petition,
    -- where we have consent of the customer/s, in line with data protection legislation."
    if intake.representative and not intake.consent then
      return { exclude = "we can only deal with a complaint made on a customer's behalf once we have their consent",
               clause = "Who can make a complaint?", signpost = signpost(intake) }
    end

    -- "We will comply with any instruction from the HOS to enter a complaint into our Complaints
    -- Procedure." (Exclusions): the Ombudsman's instruction outweighs every exclusion.
    if intake.ombudsman_instruction then return { kind = "complaint", stage = "1" } end

    -- Exclusions: "The following fall outside the remit of our Complaints Policy and Procedure."
    -- "Complaints where legal proceedings have been started or issued or concern matters that
    -- must be decided by a court."
    if intake.legal_proceedings or intake.court_matter then
      return exclude(intake, "legal proceedings have been started or issued, or the matter must be decided by a court")
    end
    -- "Complaints of nuisance or antisocial behaviour (ASB), are dealt with by our Antisocial
    -- Behaviour Policy and Antisocial Behaviour Procedure. However, we will consider complaints
    -- about how nuisance or ASB reports were managed."
    if intake.asb and not intake.about_handling then
      return exclude(intake, "reports of nuisance or antisocial behaviour are dealt with under our Antisocial Behaviour Policy and Procedure; "
        .. "we will consider a complaint about how your report was managed")
    end
    -- "Compensation claims for damage to personal property or personal injury, as these will be
    -- dealt with directly or through our insurers."
    if intake.insurance_claim then
      return exclude(intake, "claims for damage to personal property or for personal injury are dealt with directly or through our insurers")
    end
    -- "Where an alternative review / appeal process or other regulatory body exists, for
    -- example the Information Commissioners Office, or Homesearch review." The customer is
    -- given that body's details.
    if intake.other_route then
      return { exclude = "this has its own review or appeal route: " .. intake.other_route, clause = "Exclusions" }
    end
    -- "Complaints that are vexatious in nature or the customer refuses to engage with us or
    -- behaves in an unacceptable manner."
    if intake.vexatious then
      return exclude(intake, "the complaint is vexatious, or we have not been able to engage with you about it in an acceptable manner")
    end
    -- "Complaints about repairs in new build properties, within the developers 12 month defect
    -- period, will be managed by our New Build Customer Care team ... However, we will consider
    -- complaints about how we have managed this process on completion of the repairs."
    if intake.new_build_completed and intake.category == "repairs"
       and date(intake.received) < date(intake.new_build_completed):add_months(12)
       and not (intake.about_handling and intake.repairs_completed) then
      return exclude(intake, "repairs in the developer's 12 month defect period are managed by our New Build Customer Care team, "
        .. "who will work with you and the developer until the repairs are completed")
    end
    -- "Complaints about action for a breach of the terms and conditions of a tenancy or lease
    -- agreement. However, we will consider complaints about how any enforcement action in
    -- relation to the breach has been managed."
    if intake.tenancy_breach_action and not intake.about_handling then
      return exclude(intake, "action for a breach of a tenancy or lease is not dealt with as a complaint; "
        .. "we will consider a complaint about how the enforcement action was managed")
    end
    -- "Matters that have previously been considered under our Complaints Policy and Procedure
    -- and we have provided a final response to."
    if intake.previously_considered then
      return exclude(intake, "we have already considered this under our complaints procedure and given a final response")
    end
    -- "Complaints about the conduct of employees will be investigated internally and in line
    -- with data protection legislation, the outcome must remain confidential and will not be
    -- disclosed to the customer."
    if intake.staff_conduct then
      return { exclude = "complaints about the conduct of employees are investigated internally; the outcome is confidential "
                 .. "and will not be disclosed to you", clause = "Exclusions", signpost = signpost(intake),
               confidential_outcome = true }
    end
    -- "Complaints made six months after a problem occurred or the customer became aware of it."
    -- Counted from the later of the two, six months on to the same day (the month's end when it
    -- has none), as the acceptance declaration above: a complaint made on that day or later is
    -- excluded.
    local started = intake.event_date
    if intake.aware_date and (not started or date(intake.aware_date) > date(started)) then started = intake.aware_date end
    if started and date(started):add_months(6) <= date(intake.received) then
      return exclude(intake, "the complaint was made six months or more after the problem occurred or you became aware of it ("
        .. tostring(date(started)) .. ")")
    end

    -- "A Stage 1 complaint will be logged if: the customer is unhappy with the outcome of the
    -- service recovery; further enquiries or a more detailed investigation is required to enable
    -- us to respond or resolve the issue; or at any time, the customer requests to make a formal
    -- complaint." Otherwise: "we will agree a course of action with the customer, with the aim
    -- being to resolve the issue to their satisfaction, at the first point of contact or
    -- earliest opportunity" (Service Recovery).
    if intake.dissatisfied or intake.needs_investigation or intake.asked_for_complaint then
      return { kind = "complaint", stage = "1" }
    end
    return { kind = "service_request" }
  end,

  -- Putting things right. findings: apology (what went wrong), action (how it is put right),
  -- the guidance's facts (days_without_heating, missed_appointments...; lib/compensation.lua),
  -- time_and_trouble and distress = { pence =, reason = }, losses = { { pence =, reason =,
  -- evidenced = true|false } }, arrears (pence owed to WDH), rent_account = true.
  remedy = function(case, findings)
    local items = {}
    -- "where something has gone wrong, we will acknowledge this and apologise and tell the
    -- customer what we have done, or will do, to put things right."
    items[#items + 1] = compensation.apology(findings.apology or ("for what went wrong in " .. case.ref))
    if findings.action then items[#items + 1] = compensation.action(findings.action) end
    -- "How long did it take us to resolve the issue?": the Ombudsman's fixed sums.
    for _, item in ipairs(compensation.guidance_items(findings)) do items[#items + 1] = item end
    -- "How has the issue affected the customer? (Time, trouble, or inconvenience.)"
    if findings.time_and_trouble then
      items[#items + 1] = compensation.item("time_and_trouble", findings.time_and_trouble.pence, findings.time_and_trouble.reason)
    end
    -- "What emotional impact has there been on the customer?"
    if findings.distress then
      items[#items + 1] = compensation.item("distress_and_inconvenience", findings.distress.pence, findings.distress.reason)
    end
    -- "compensation where there has been an actual evidenced loss"; "Where a customer is
    -- alleging they have suffered a financial loss, they will be asked to provide evidence to
    -- support their claim for compensation. If this cannot be provided, we may choose not to
    -- consider a payment of compensation." Unevidenced losses are left out.
    for _, loss in ipairs(findings.losses or {}) do
      if loss.evidenced then items[#items + 1] = compensation.item("evidenced_loss", loss.pence, loss.reason) end
    end
    local total = compensation.total(items)
    return {
      items = items,
      -- accept_by: the eight weeks of remedy_acceptance above.
      -- "we may choose to make a direct payment of compensation to a customer's rent account
      -- where we consider this to be appropriate."
      payment_route = findings.rent_account and "rent account" or "payment to the customer",
      -- "If a financial remedy is offered, any payment made to the customer will be offset
      -- against any monies owed to us."
      arrears_offset = math.min(total, findings.arrears or 0),
    }
  end,

  -- Expected dates are worked by hand from WDH's timescales and GOV.UK's England and Wales bank
  -- holidays: 2026 spring 25 May, summer 31 August, Christmas Friday 25 December, Boxing Day
  -- substitute Monday 28 December; 2027 New Year's Day Friday 1 January, Good Friday 26 March,
  -- Easter Monday 29 March.
  scenarios = {
    { name = "stage 1 allocated to an officer within five working days, across Christmas", clause = "Customer Relations team",
      -- from Tue 22 Dec 2026: 23, 24, (25, 28 bank holidays), 29, 30, 31
      intake = { received = "2026-12-22", channel = "email", asked_for_complaint = true },
      steps = { { "assign", { officer = "J Brown", on = "2026-12-31" } } },
      expect = { due = { allocate = "2026-12-31" }, met_late = { allocate = false } } },

    { name = "allocated after the five working days: met late", clause = "Customer Relations team",
      intake = { received = "2026-12-22", channel = "email", asked_for_complaint = true },
      steps = { { "assign", { officer = "J Brown", on = "2027-01-04" } } },
      expect = { met_late = { allocate = true } } },

    { name = "a first report is service recovery: the team contacts the customer within 3 working days", clause = "Service Recovery",
      -- from Wed 23 Dec 2026: 24, (25, 28), 29, 30
      intake = { received = "2026-12-23", channel = "phone", category = "repairs", summary = "Front door will not lock" },
      expect = { kind = "service_request", stage = "service_request", status = "open", due = { contact = "2026-12-30" } } },

    { name = "more time for service recovery only with the customer's agreement, recorded", clause = "Service Recovery",
      -- contact due Wed 30 Dec 2026; 3 more working days agreed: 31, (1 Jan), 4, 5
      intake = { received = "2026-12-23", channel = "phone", category = "repairs", summary = "Front door will not lock" },
      steps = { { "extend", { clock = "contact", working_days = 3, reason = "waiting for a locksmith", on = "2026-12-29" },
                  refused = "only with the customer's agreement" },
                { "extend", { clock = "contact", working_days = 3, reason = "customer happy to wait for a locksmith",
                              agreed = true, on = "2026-12-29" } } },
      expect = { kind = "service_request", due = { contact = "2027-01-05" } } },

    { name = "unhappy with the service recovery outcome: a stage 1 complaint, acknowledged within 5 working days", clause = "Service Recovery; Customer Relations team",
      -- from Thu 24 Dec 2026: (25, 28), 29, 30, 31, (1 Jan), 4, 5
      intake = { received = "2026-12-24", channel = "email", dissatisfied = true },
      expect = { kind = "complaint", stage = "1", due = { acknowledge = "2027-01-05", respond = false } } },

    { name = "the customer asks to make a formal complaint", clause = "Service Recovery",
      intake = { received = "2026-12-22", channel = "web", asked_for_complaint = true },
      expect = { kind = "complaint", stage = "1", due = { acknowledge = "2026-12-31" } } },

    { name = "the investigating officer's contact within 3 working days of logging, made late", clause = "Customer Relations team",
      -- logged Tue 23 Mar 2027: 24, 25, (26 Good Friday, 29 Easter Monday), 30; contacted 31 Mar
      intake = { received = "2027-03-22", channel = "email", needs_investigation = true },
      steps = { { "logged", { on = "2027-03-23" } },
                { "acknowledge", { on = "2027-03-23" } },
                { "log", { channel = "phone", direction = "out", summary = "Introduced myself, agreed the complaint",
                           at = "2027-03-31T10:00", meets = "contact" } } },
      expect = { due = { contact = "2027-03-30" }, met_late = { contact = true, acknowledge = false } } },

    { name = "stage 1 response within 10 working days of logging, over Easter 2027", clause = "Customer Relations team",
      -- logged Tue 23 Mar: 24, 25, 30, 31, 1 Apr, 2, 5, 6, 7, 8
      intake = { received = "2027-03-22", channel = "email", needs_investigation = true },
      steps = { { "logged", { on = "2027-03-23" } }, { "acknowledge", { on = "2027-03-24" } } },
      expect = { due = { respond = "2027-04-08" } } },

    { name = "a complex stage 1 complaint is extended by up to 10 working days", clause = "Customer Relations team",
      -- from Thu 8 Apr 2027: 9, 12, 13, 14, 15, 16, 19, 20, 21, 22
      intake = { received = "2027-03-22", channel = "email", needs_investigation = true },
      steps = { { "logged", { on = "2027-03-23" } }, { "acknowledge", { on = "2027-03-24" } },
                { "extend", { clock = "respond", working_days = 10, reason = "complex: awaiting a damp survey", on = "2027-04-06" } } },
      expect = { due = { respond = "2027-04-22" } } },

    { name = "a further stage 1 extension only with the customer's agreement", clause = "Customer Relations team",
      -- 22 Apr, then 5 more agreed: 23, 26, 27, 28, 29
      intake = { received = "2027-03-22", channel = "email", needs_investigation = true },
      steps = { { "logged", { on = "2027-03-23" } }, { "acknowledge", { on = "2027-03-24" } },
                { "extend", { clock = "respond", working_days = 10, reason = "complex", on = "2027-04-06" } },
                { "extend", { clock = "respond", working_days = 5, reason = "contractor's report", on = "2027-04-20" },
                  refused = "needs the customer's agreement" },
                { "extend", { clock = "respond", working_days = 5, reason = "contractor's report", agreed = true, on = "2027-04-20" } } },
      expect = { due = { respond = "2027-04-29" } } },

    { name = "escalation may be asked for within 10 working days of the stage 1 decision letter", clause = "Requests to escalate to Stage 2",
      -- letter Fri 21 Aug 2026: 24-28, (31 Aug), 1, 2, 3, 4, 7 Sep
      intake = { received = "2026-08-10", channel = "letter", asked_for_complaint = true },
      steps = { { "logged", { on = "2026-08-10" } }, { "acknowledge", { on = "2026-08-11" } },
                { "respond", { on = "2026-08-21", outcome = "not_upheld" } } },
      expect = { stage = "1", due = { escalation_window = "2026-09-07" } } },

    { name = "a late escalation request is considered only for exceptional circumstances, and recorded late", clause = "Requests to escalate to Stage 2",
      intake = { received = "2026-08-10", channel = "letter", asked_for_complaint = true },
      steps = { { "logged", { on = "2026-08-10" } }, { "acknowledge", { on = "2026-08-11" } },
                { "respond", { on = "2026-08-21", outcome = "not_upheld" } },
                { "escalate", { on = "2026-09-08" }, refused = "give the reason it is accepted late" },
                { "escalate", { on = "2026-09-08", reason = "exceptional circumstances: in hospital until 7 September" } } },
      expect = { stage = "2", met_late = { escalation_window = true } } },

    { name = "stage 2 acknowledged within 5 working days of the request, over the late May 2026 holiday", clause = "Requests to escalate to Stage 2",
      -- request Wed 20 May 2026: 21, 22, (25), 26, 27, 28
      intake = { received = "2026-05-04", channel = "email", asked_for_complaint = true },
      steps = { { "logged", { on = "2026-05-05" } }, { "acknowledge", { on = "2026-05-05" } },
                { "respond", { on = "2026-05-15", outcome = "partly_upheld" } },
                { "escalate", { on = "2026-05-20" } } },
      expect = { stage = "2", due = { acknowledge = "2026-05-28", respond = false } } },

    { name = "stage 2 response within 20 working days of logging, across August 2026", clause = "Requests to escalate to Stage 2",
      -- logged Wed 12 Aug: 13, 14, 17-21, 24-28, (31 Aug), 1-4, 7, 8, 9, 10 Sep
      intake = { received = "2026-07-20", channel = "email", asked_for_complaint = true },
      steps = { { "logged", { on = "2026-07-20" } }, { "acknowledge", { on = "2026-07-21" } },
                { "respond", { on = "2026-07-31", outcome = "not_upheld" } },
                { "escalate", { on = "2026-08-10" } }, { "acknowledge", { on = "2026-08-12" } },
                { "logged", { on = "2026-08-12" } } },
      expect = { stage = "2", due = { respond = "2026-09-10", acknowledge = "2026-08-17" } } },

    { name = "stage 2 extends by up to 10 working days; more needs the customer's agreement", clause = "Requests to escalate to Stage 2",
      -- from Thu 10 Sep: 11, 14-18, 21, 22, 23, 24
      intake = { received = "2026-07-20", channel = "email", asked_for_complaint = true },
      steps = { { "logged", { on = "2026-07-20" } }, { "acknowledge", { on = "2026-07-21" } },
                { "respond", { on = "2026-07-31", outcome = "not_upheld" } },
                { "escalate", { on = "2026-08-10" } }, { "acknowledge", { on = "2026-08-12" } },
                { "logged", { on = "2026-08-12" } },
                { "extend", { clock = "respond", working_days = 10, reason = "independent surveyor", on = "2026-09-08" } },
                { "extend", { clock = "respond", working_days = 1, reason = "one more day", on = "2026-09-20" },
                  refused = "needs the customer's agreement" } },
      expect = { due = { respond = "2026-09-24" } } },

    { name = "excluded: made six months after the problem", clause = "Exclusions",
      intake = { received = "2026-12-22", channel = "email", event_date = "2026-06-22", asked_for_complaint = true },
      expect = { status = "excluded", exclusion = "six months or more after", clause = "Exclusions" } },

    { name = "the Ombudsman instructs WDH to enter an old complaint into its procedure", clause = "Exclusions",
      intake = { received = "2026-12-22", channel = "letter", event_date = "2026-01-05", ombudsman_instruction = true },
      expect = { status = "open", kind = "complaint", stage = "1" } },

    { name = "outside the Ombudsman's remit: a member of the public is advised to seek independent advice", clause = "Who can make a complaint?",
      intake = { received = "2026-12-22", channel = "email", previously_considered = true,
                 complainant = { name = "A Neighbour", role = "member_of_public", email = "n@example.org" } },
      expect = { status = "excluded", exclusion = "outside the remit of the Housing Ombudsman Service Scheme: you may wish to seek independent advice" } },

    { name = "accepted: made a day inside six months", clause = "Exclusions",
      intake = { received = "2026-12-22", channel = "email", event_date = "2026-06-23", asked_for_complaint = true },
      expect = { status = "open", kind = "complaint" } },

    { name = "accepted: an older problem the customer became aware of inside six months", clause = "Exclusions",
      intake = { received = "2026-12-22", channel = "email", event_date = "2025-10-01", aware_date = "2026-09-01",
                 asked_for_complaint = true },
      expect = { status = "open", kind = "complaint" } },

    { name = "excluded: legal proceedings have been issued, with the Ombudsman's details", clause = "Exclusions",
      intake = { received = "2026-12-22", channel = "letter", legal_proceedings = true, asked_for_complaint = true },
      expect = { status = "excluded", exclusion = "Housing Ombudsman Service", clause = "Exclusions" } },

    { name = "excluded: an ASB report goes to the Antisocial Behaviour Policy", clause = "Exclusions",
      intake = { received = "2026-12-22", channel = "phone", asb = true, category = "asb" },
      expect = { status = "excluded", exclusion = "Antisocial Behaviour Policy" } },

    { name = "accepted: a complaint about how an ASB report was managed", clause = "Exclusions",
      intake = { received = "2026-12-22", channel = "phone", asb = true, about_handling = true, asked_for_complaint = true },
      expect = { status = "open", kind = "complaint", stage = "1" } },

    { name = "excluded: a personal property damage claim goes to the insurers", clause = "Exclusions",
      intake = { received = "2026-12-22", channel = "email", insurance_claim = true },
      expect = { status = "excluded", exclusion = "insurers" } },

    { name = "excluded: another appeal route applies (the Information Commissioner)", clause = "Exclusions",
      intake = { received = "2026-12-22", channel = "email", other_route = "the Information Commissioner's Office" },
      expect = { status = "excluded", exclusion = "Information Commissioner's Office" } },

    { name = "excluded: vexatious", clause = "Exclusions",
      intake = { received = "2026-12-22", channel = "email", vexatious = true, asked_for_complaint = true },
      expect = { status = "excluded", exclusion = "vexatious" } },

    { name = "excluded: a new-build repair inside the developer's 12 month defect period", clause = "Exclusions",
      intake = { received = "2026-12-22", channel = "phone", category = "repairs", new_build_completed = "2026-03-01",
                 asked_for_complaint = true },
      expect = { status = "excluded", exclusion = "New Build Customer Care team" } },

    { name = "accepted: how a new-build repair was managed, once the repairs are completed", clause = "Exclusions",
      intake = { received = "2026-12-22", channel = "phone", category = "repairs", new_build_completed = "2026-03-01",
                 about_handling = true, repairs_completed = true, asked_for_complaint = true },
      expect = { status = "open", kind = "complaint" } },

    { name = "excluded: action for a breach of tenancy", clause = "Exclusions",
      intake = { received = "2026-12-22", channel = "letter", tenancy_breach_action = true, asked_for_complaint = true },
      expect = { status = "excluded", exclusion = "breach of a tenancy" } },

    { name = "excluded: already given a final response", clause = "Exclusions",
      intake = { received = "2026-12-22", channel = "letter", previously_considered = true },
      expect = { status = "excluded", exclusion = "final response" } },

    { name = "excluded: staff conduct is investigated internally, its outcome confidential", clause = "Exclusions",
      intake = { received = "2026-12-22", channel = "email", staff_conduct = true, asked_for_complaint = true },
      expect = { status = "excluded", exclusion = "outcome is confidential" } },

    { name = "through an MP or councillor: answered outside this procedure", clause = "Receipt of a complaint",
      intake = { received = "2026-12-22", channel = "mp_or_councillor" },
      expect = { kind = "enquiry", stage = false } },

    { name = "an anonymous complaint is passed to the business area", clause = "Who can make a complaint?",
      intake = { received = "2026-12-22", channel = "web", anonymous = true },
      expect = { kind = "enquiry", stage = false } },

    { name = "a third party needs the customer's consent", clause = "Who can make a complaint?",
      intake = { received = "2026-12-22", channel = "email", representative = "Cllr Example", asked_for_complaint = true },
      expect = { status = "excluded", exclusion = "consent" } },

    { name = "a remedy: the Ombudsman's sums, evidenced losses only, offset against arrears, 8 weeks to accept", clause = "Putting things right",
      -- 6 days without heating £90, 2 missed appointments £30, time and trouble £50, an evidenced
      -- loss £42.50 (an unevidenced £100 is left out): £212.50, of which the £120 arrears are
      -- offset; 8 weeks from Wed 13 Jan 2027 is Wed 10 Mar 2027.
      intake = { received = "2026-12-22", channel = "email", asked_for_complaint = true },
      steps = { { "logged", { on = "2026-12-22" } }, { "acknowledge", { on = "2026-12-23" } },
                { "respond", { on = "2027-01-13", outcome = "upheld", findings = {
                    apology = "the boiler repair took six days", action = "boiler replaced",
                    days_without_heating = 6, missed_appointments = 2,
                    time_and_trouble = { pence = 5000, reason = "five calls chasing the repair" },
                    losses = { { pence = 4250, reason = "electric heater bought (receipt)", evidenced = true },
                               { pence = 10000, reason = "extra electricity (no bills)", evidenced = false } },
                    arrears = 12000, rent_account = true } } } },
      expect = { remedy = { pence = 21250, arrears_offset = 12000, payment_route = "rent account", accept_by = "2027-03-10",
                            kinds = { "apology", "practical_action", "loss_of_amenity", "time_and_trouble", "time_and_trouble",
                                      "evidenced_loss" } } } },

    { name = "a warning comes before any restriction", clause = "Unacceptable behaviour",
      intake = { received = "2026-12-01", channel = "phone", asked_for_complaint = true,
                 complainant = { name = "A Customer", email = "a@example.org" } },
      steps = { { "restrict", { kind = "communications", detail = "email", reasons = "abusive calls", on = "2026-12-10" },
                  refused = "has not been warned" } },
      expect = { flags = {} } },

    { name = "warned, then restricted to email: a phone call is flagged", clause = "Unacceptable behaviour",
      intake = { received = "2026-12-01", channel = "phone", asked_for_complaint = true,
                 complainant = { name = "A Customer", email = "a@example.org" } },
      steps = { { "warn", { reasons = "shouted at the investigating officer", on = "2026-12-03" } },
                { "restrict", { kind = "communications", detail = "email", reasons = "abuse continued after the warning", on = "2026-12-10" } },
                { "log", { channel = "phone", direction = "in", summary = "Rang the investigating officer", at = "2026-12-11" } },
                { "log", { channel = "email", direction = "in", summary = "Emailed new evidence", at = "2026-12-14" } } },
      expect = { restriction = { kind = "communications", detail = "email", active = true },
                 flags = { "contact by phone; communications are restricted to email" } } },

    { name = "restricted access: each contact carries the advice on how to raise issues", clause = "Receipt of a complaint",
      intake = { received = "2026-12-01", channel = "phone", asked_for_complaint = true,
                 complainant = { name = "A Customer", email = "a@example.org" } },
      steps = { { "warn", { reasons = "threats", on = "2026-12-03" } },
                { "restrict", { kind = "restricted_access", detail = "report repairs by email to the Customer Relations team",
                                reasons = "threats continued", on = "2026-12-10" } },
                { "log", { channel = "letter", direction = "in", summary = "A new complaint letter", at = "2026-12-15" } } },
      expect = { flags = { "advise: report repairs by email to the Customer Relations team" } } },

    { name = "a complaint not upheld has no remedy", clause = "Putting things right",
      intake = { received = "2026-12-22", channel = "email", asked_for_complaint = true },
      steps = { { "logged", { on = "2026-12-22" } }, { "acknowledge", { on = "2026-12-23" } },
                { "respond", { on = "2027-01-13", outcome = "not_upheld", findings = { days_without_heating = 6 } } } },
      expect = { remedy = false, status = "open" } },

    { name = "the Acceptance Form returned within eight weeks: the offer is accepted", clause = "Putting things right",
      -- offer Wed 13 Jan 2027; eight weeks: Wed 10 Mar 2027
      intake = { received = "2026-12-22", channel = "email", asked_for_complaint = true },
      steps = { { "logged", { on = "2026-12-22" } }, { "acknowledge", { on = "2026-12-23" } },
                { "respond", { on = "2027-01-13", outcome = "upheld", findings = { apology = "the boiler repair took six days",
                    days_without_heating = 6 } } },
                { "accept_remedy", { on = "2027-01-12" }, refused = "is before the remedy offer was made (2027-01-13)" },
                { "accept_remedy", { on = "2027-03-10" } },
                { "decline_remedy", { on = "2027-03-11" }, refused = "was already accepted on 2027-03-10" } },
      expect = { remedy = { pence = 9000, accept_by = "2027-03-10", state = "accepted", accepted = "2027-03-10" } } },

    { name = "a form returned after the eight weeks is taken only with the reason it is accepted late", clause = "Putting things right",
      intake = { received = "2026-12-22", channel = "email", asked_for_complaint = true },
      steps = { { "logged", { on = "2026-12-22" } }, { "acknowledge", { on = "2026-12-23" } },
                { "respond", { on = "2027-01-13", outcome = "upheld", findings = { apology = "the boiler repair took six days",
                    days_without_heating = 6 } } },
                { "accept_remedy", { on = "2027-03-11" }, refused = "late: the offer of 2027-01-13 was to be accepted by 2027-03-10" },
                { "accept_remedy", { on = "2027-03-11", reason = "form posted on 8 March, delayed in the post" } } },
      expect = { remedy = { state = "accepted", accepted = "2027-03-11" } } },

    { name = "an offer not accepted within the eight weeks has lapsed", clause = "Putting things right",
      intake = { received = "2026-12-22", channel = "email", asked_for_complaint = true },
      steps = { { "logged", { on = "2026-12-22" } }, { "acknowledge", { on = "2026-12-23" } },
                { "respond", { on = "2027-01-13", outcome = "upheld", findings = { apology = "the boiler repair took six days",
                    days_without_heating = 6 } } },
                { "log", { channel = "phone", direction = "out", summary = "Reminded the customer about the form", at = "2027-03-11" } } },
      expect = { remedy = { state = "lapsed" } } },

    { name = "the customer declines the offer and may go to the Ombudsman", clause = "Putting things right",
      intake = { received = "2026-12-22", channel = "email", asked_for_complaint = true },
      steps = { { "logged", { on = "2026-12-22" } }, { "acknowledge", { on = "2026-12-23" } },
                { "respond", { on = "2027-01-13", outcome = "upheld", findings = { apology = "the boiler repair took six days",
                    days_without_heating = 6 } } },
                { "decline_remedy", { on = "2027-01-20", reason = "wants £500; will ask the Housing Ombudsman" } },
                { "accept_remedy", { on = "2027-01-25" }, refused = "was already declined on 2027-01-20" } },
      expect = { remedy = { state = "declined", declined = "2027-01-20" } } },

    { name = "no remedy offer: nothing to accept", clause = "Putting things right",
      intake = { received = "2026-12-22", channel = "email", asked_for_complaint = true },
      steps = { { "logged", { on = "2026-12-22" } }, { "acknowledge", { on = "2026-12-23" } },
                { "respond", { on = "2027-01-13", outcome = "not_upheld" } },
                { "accept_remedy", { on = "2027-01-20" }, refused = "has no remedy offer to accept" } },
      expect = { remedy = false } },

    { name = "stage 2 refers the complaint back to stage 1 for a review, by a date agreed with the customer", clause = "Requests to escalate to Stage 2",
      -- request Mon 10 Aug 2026, acknowledged by the referral on Fri 14 Aug (due 17 Aug); the
      -- review's response date agreed: Fri 4 Sep
      intake = { received = "2026-07-20", channel = "email", asked_for_complaint = true },
      steps = { { "logged", { on = "2026-07-20" } }, { "acknowledge", { on = "2026-07-21" } },
                { "respond", { on = "2026-07-31", outcome = "not_upheld" } },
                { "escalate", { on = "2026-08-10" } },
                { "refer_back", { on = "2026-08-14" }, refused = "respond_by: give the response date agreed with the customer" },
                { "refer_back", { on = "2026-08-14", respond_by = "2026-09-04", reason = "the stage 1 officer missed the survey report" } } },
      expect = { stage = "1", round = 2, status = "open", due = { respond = "2026-09-04", acknowledge = false, escalation_window = false },
                 met_late = { acknowledge = false } } },

    { name = "the agreed review date moves only with the customer's agreement", clause = "Requests to escalate to Stage 2",
      intake = { received = "2026-07-20", channel = "email", asked_for_complaint = true },
      steps = { { "logged", { on = "2026-07-20" } }, { "acknowledge", { on = "2026-07-21" } },
                { "respond", { on = "2026-07-31", outcome = "not_upheld" } },
                { "escalate", { on = "2026-08-10" } },
                { "refer_back", { on = "2026-08-14", respond_by = "2026-09-04" } },
                { "extend", { clock = "respond", days = 7, reason = "awaiting the contractor", on = "2026-09-01" },
                  refused = "only with the customer's agreement" },
                { "extend", { clock = "respond", days = 7, reason = "awaiting the contractor", agreed = true, on = "2026-09-01" } } },
      expect = { stage = "1", due = { respond = "2026-09-11" } } },

    { name = "the review decision may be escalated again: stage 2 starts afresh", clause = "Requests to escalate to Stage 2",
      -- review decision Thu 3 Sep: window 4, 7-11, 14-17 Sep; request Mon 7 Sep: acknowledge 8-11, 14 Sep
      intake = { received = "2026-07-20", channel = "email", asked_for_complaint = true },
      steps = { { "logged", { on = "2026-07-20" } }, { "acknowledge", { on = "2026-07-21" } },
                { "respond", { on = "2026-07-31", outcome = "not_upheld" } },
                { "escalate", { on = "2026-08-10" } },
                { "refer_back", { on = "2026-08-14", respond_by = "2026-09-04" } },
                { "respond", { on = "2026-09-03", outcome = "partly_upheld" } },
                { "escalate", { on = "2026-09-07", reason = "still unhappy with the review" } } },
      expect = { stage = "2", round = 2, due = { acknowledge = "2026-09-14" }, met_late = { escalation_window = false } } },

    { name = "only stage 2 refers back: stage 1 cannot", clause = "Requests to escalate to Stage 2",
      intake = { received = "2026-07-20", channel = "email", asked_for_complaint = true },
      steps = { { "logged", { on = "2026-07-20" } },
                { "refer_back", { on = "2026-07-22", respond_by = "2026-08-01" }, refused = "does not let stage 1 refer a complaint back" } },
      expect = { stage = "1", round = 1 } },

    { name = "a request to escalate declined for unacceptable behaviour: the case closes with the ground", clause = "Requests to escalate to Stage 2 (Complaints Policy 2.15)",
      intake = { received = "2026-08-10", channel = "letter", asked_for_complaint = true },
      steps = { { "logged", { on = "2026-08-10" } }, { "acknowledge", { on = "2026-08-11" } },
                { "respond", { on = "2026-08-21", outcome = "not_upheld" } },
                { "decline_escalation", { on = "2026-08-26", ground = "rude" }, refused = "unknown ground 'rude'" },
                { "decline_escalation", { on = "2026-08-26", ground = "unacceptable_behaviour",
                                          reason = "threats to the investigating officer during stage 1" } } },
      expect = { status = "closed", stage = "1", met_late = { escalation_window = false },
                 closure = { by = "escalation_declined", outcome = "unacceptable_behaviour", reason = "threats" } } },

    { name = "a request to escalate declined: upheld at stage 1 with a proportionate resolution", clause = "Requests to escalate to Stage 2 (Complaints Policy 2.15)",
      intake = { received = "2026-08-10", channel = "letter", asked_for_complaint = true },
      steps = { { "logged", { on = "2026-08-10" } }, { "acknowledge", { on = "2026-08-11" } },
                { "decline_escalation", { on = "2026-08-12", ground = "resolved" }, refused = "has not been answered yet" },
                { "respond", { on = "2026-08-21", outcome = "upheld", findings = { apology = "the fence was not repaired",
                    action = "fence repaired" } } },
                { "decline_escalation", { on = "2026-08-26", ground = "resolved" } } },
      expect = { status = "closed", closure = { by = "escalation_declined", outcome = "resolved" } } },
  },
}
