---@meta
-- LuaLS annotations of a policy pack: the table a file in Scripts/policies returns, its stages,
-- clocks and extensions, its hooks' arguments and answers, and its scenarios. Start a pack with
-- `redress pack new NAME` and read docs/packs.md. The pack loader (PolicyLoader.swift) and the
-- scenario runner (Scripts/lib/scenarios.lua) refuse any key not declared here;
-- AnnotationDriftTests compares each class below with the keys they accept.
--
-- In a pack write
--   ---@type redress.Pack
--   local pack = { ... }
--   return pack
-- and the editor completes and checks every field.

---How a duration counts.
---@alias redress.Unit "working_days"|"days"|"weeks"|"months"

---The event a clock runs from.
---@alias redress.Anchor
---| "received" # the complaint (or the escalation request) reached the landlord
---| "logged" # it was logged: c:logged{}
---| "acknowledged" # it was acknowledged: c:acknowledge{}
---| "escalated" # the customer asked to escalate: c:escalate{}
---| "decision_sent" # the stage's decision was sent: c:respond{}
---| "referred" # a later stage referred it back: c:refer_back{}

---A length of time: exactly one of working_days, days, weeks, months (at most about ten years).
---@class redress.Duration
---@field working_days? integer
---@field days? integer
---@field weeks? integer
---@field months? integer

---The pack's working-day calendar.
---@class redress.PackCalendar
---@field region? redress.Region default "england-and-wales"
---@field closures? (redress.dateish|{ date: redress.dateish, name?: string })[] days the office is shut

---A date fact of the intake the acceptance window runs from.
---@alias redress.DateFact "event_date"|"aware_date"

---An intake fact that lets in a complaint made outside the window (WDH: an instruction from the Ombudsman).
---@class redress.AcceptanceException
---@field text? string
---@field clause? string

---What an intake fact's value is: text for one of these, or a list of the texts it may be.
---@alias redress.FactType "boolean"|"date"|"text"|"number"

---An intake fact the pack's triage reads (WDH: `asb = { type = "boolean", meaning = "a report of
---nuisance or antisocial behaviour (ASB)", clause = "Exclusions" }`).
---@class redress.Fact
---@field type redress.FactType|string[] boolean, date, text, number, or the texts it may be ({ "mp", "councillor" })
---@field meaning string what it means, in the policy's words
---@field clause? string the clause it serves

---How long after the problem a complaint is accepted (Code 2.3: 12 months), applied by the
---lifecycle at intake to a complaint triage accepts.
---@class redress.Acceptance: redress.Duration
---@field from? redress.DateFact|redress.DateFact[] it runs from the later of these the intake gives (default both)
---@field on_the_day? "accepted"|"excluded" a complaint made on the day the count reaches (default accepted)
---@field exceptions? table<string, redress.AcceptanceException> intake fact (a declared fact) → the exception it makes
---@field signpost? string joined to the reason of an exclusion
---@field clause? string

---How far a clock may be extended: a cap, or `unlimited = true`.
---@class redress.Extension: redress.Duration
---@field beyond? "customer_agreement" more than the cap with the customer's agreement
---@field unlimited? true the policy sets no cap (the customer is told the new date)
---@field clause? string

---A clock of a stage: a duration from an anchor event. The shared names are the same duty in
---every pack: `acknowledge` (met by c:acknowledge), `respond` (met by c:respond),
---`escalation_window` (met by c:escalate), `contact` (met by c:log{ meets = "contact" }) and
---`allocate` (met by c:assign, with met_by); a clock of the pack's own says what it measures
---(`means`), or `redress check` warns. Any other clock is met by `c:log{ meets = }`,
---`c:meet{ clock = }` or `met_by`.
---@class redress.Clock: redress.Duration
---@field from redress.Anchor the event it runs from
---@field means? string what a clock without a shared name measures, in the policy's words
---@field extension? redress.Extension
---@field late? "refused"|"needs_reason" what an event after the due date meets (default: recorded as late)
---@field notice? redress.Duration its duty is to give notice of a date at least this far ahead
---@field met_by? "assignment" c:assign{} meets it
---@field clause? string the clause of the policy it implements

---A stage may send a complaint back to an earlier stage for a review of its decision.
---@class redress.ReferBack
---@field to string the earlier stage
---@field clause? string

---The grounds on which a request to enter a stage may be declined.
---@class redress.Decline
---@field grounds table<string, string> name → the policy's words
---@field clause? string

---How long a stage allows for an event its clocks wait for, from the event that starts its round.
---@class redress.AnchorLimit: redress.Duration
---@field from "received"|"escalated"|"referred"
---@field clause? string

---The limits a stage sets on the events its clocks wait for (not one a clock of the stage meets).
---@class redress.StageAnchors
---@field logged? redress.AnchorLimit
---@field acknowledged? redress.AnchorLimit
---@field decision_sent? redress.AnchorLimit

---A complaint stage.
---@class redress.Stage
---@field name string|integer "1", "2", "review", "board"...
---@field title? string
---@field clocks? table<string, redress.Clock> clock name → its rule
---@field anchors? redress.StageAnchors
---@field clause? string
---@field refer_back? redress.ReferBack
---@field decline? redress.Decline

---The clocks of a kind that is not a complaint (a compliment relayed within 3 working days).
---@class redress.Track
---@field clocks? table<string, redress.Clock>
---@field anchors? redress.StageAnchors
---@field clause? string

---Tracks for the kinds that are not complaints.
---@class redress.Tracks
---@field compliment? redress.Track
---@field enquiry? redress.Track
---@field service_request? redress.Track

---A kind of restriction on contact.
---@class redress.RestrictionKind
---@field detail? string what `detail` names, e.g. "the named employee"
---@field says? string what it asks of the customer, as letters put it ("{detail}" is replaced)
---@field clause? string

---When a restriction is reviewed, and the hook that proposes the outcome.
---@class redress.RestrictionReview: redress.Duration
---@field decide? fun(restriction: redress.Restriction, activity: redress.RestrictionActivity): redress.ReviewDecision|nil nil: a person decides
---@field clause? string

---How a restriction may be challenged.
---@class redress.Challenge
---@field times integer how many times
---@field reviewer? string who reviews a challenge
---@field role? string the store role that records it
---@field clause? string

---A contact the restriction hook sees.
---@class redress.Contact
---@field channel? string
---@field direction? "in"|"out"
---@field summary? string
---@field at? string
---@field staff? string
---@field on redress.date
---@field intake? true the contact is a new case

---How the pack restricts contact for unreasonable behaviour.
---@class redress.PackRestrictions
---@field kinds table<string, redress.RestrictionKind>
---@field warning? boolean a warning must come before a restriction
---@field review? redress.RestrictionReview
---@field challenge? redress.Challenge
---@field flag? fun(restriction: redress.Restriction, contact: redress.Contact): string|nil text flags a contact the restriction asks them not to make
---@field clause? string

---Who reads what a confidential case holds (roles of the store's users).
---@class redress.Confidentiality
---@field identity_roles? string[]
---@field outcome_roles? string[]
---@field reveal_roles? string[]
---@field reveal_reason? boolean

---How long personal data is kept after a case ends: one of years, months.
---@class redress.Retention
---@field years? integer
---@field months? integer

---A way of closing a case the policy names (c:close{ outcome = }).
---@class redress.Closing
---@field text? string
---@field clause? string

---The window to accept a remedy offer that sets no `accept_by`, from the decision.
---@class redress.RemedyAcceptance: redress.Duration
---@field late? "refused"|"needs_reason"
---@field clause? string

---What triage answers: what the contact is, or why it is not accepted.
---@class redress.Verdict
---@field kind? redress.Kind default "complaint"
---@field stage? string|integer the complaint stage it enters (default the first)
---@field exclude? string why it is not accepted, as the customer is told
---@field clause? string the clause of the exclusion
---@field signpost? string where the customer can take the decision (joined to the reason)
---@field confidential? boolean the complainant's identity stays with those handling it
---@field confidential_outcome? boolean the decision is read only by the pack's outcome roles

---A remedy offer with its terms (or give the items alone).
---@class redress.RemedyOffer
---@field items redress.RemedyItem[]
---@field accept_by? redress.dateish the last day to accept it
---@field payment_route? string
---@field arrears_offset? integer pence set against arrears

---A step of a scenario: `{ "acknowledge", { on = "2026-12-29" } }`, with `refused = "text"`
---when the call must be refused with a message containing the text.
---@class redress.Step
---@field [1] redress.StepMethod
---@field [2] table the method's options; each gives `on` (a `log` gives `at`)
---@field refused? string

---@alias redress.StepMethod
---| "acknowledge"
---| "logged"
---| "log"
---| "meet"
---| "extend"
---| "respond"
---| "escalate"
---| "close"
---| "withdraw"
---| "refer_back"
---| "decline_escalation"
---| "accept_remedy"
---| "decline_remedy"
---| "assign"
---| "warn" # restrictions.warn on the case's complainant
---| "restrict" # restrictions.add on the case's complainant
---| "review_restriction" # restrictions.review of its latest restriction
---| "challenge_restriction" # restrictions.challenge of its latest restriction
---| "due_review" # the pack's review hook on its latest restriction, as the yearly job runs it

---@class redress.ExpectRemedy
---@field pence? integer
---@field kinds? redress.RemedyKind[]
---@field accept_by? redress.dateish
---@field payment_route? string
---@field arrears_offset? integer
---@field state? "open"|"lapsed"|"accepted"|"declined"
---@field accepted? redress.dateish
---@field declined? redress.dateish

---@class redress.ExpectRestriction
---@field kind? string
---@field detail? string
---@field review_due? redress.dateish
---@field active? boolean
---@field challenge_outcome? string
---@field last_review? "continue"|"vary"|"lift"|false

---@class redress.ExpectClosure
---@field by? string
---@field outcome? string
---@field reason? string text the reason contains

---What a scenario's case must be after its steps (`false`: none).
---@class redress.Expect
---@field kind? redress.Kind|false
---@field stage? string|false
---@field status? redress.Status|false
---@field due? table<string, redress.dateish|false> the current stage's due dates after extensions
---@field met_late? table<string, boolean>
---@field exclusion? string text in the exclusion's reason
---@field clause? string text in the exclusion's clause
---@field remedy? integer|false|redress.ExpectRemedy the latest offer's total in pence, or its terms
---@field error? string text in the intake's refusal
---@field anonymous? boolean
---@field confidential? boolean
---@field safeguarding? boolean
---@field flags? string[] text in each flag on the case's contacts, in order
---@field restriction? redress.ExpectRestriction the complainant's latest restriction
---@field closure? redress.ExpectClosure
---@field round? integer

---An example that shows one rule of the pack through the real host: `redress check` runs it.
---@class redress.Scenario
---@field name string what it shows
---@field clause? string the clause it shows
---@field intake redress.Intake the fields for cases.intake
---@field steps? redress.Step[] case methods, in order
---@field expect redress.Expect

---A landlord's complaints policy.
---@class redress.Pack
---@field name string the pack's name (its file's name)
---@field title? string the policy's title
---@field calendar? redress.PackCalendar
---@field acceptance? redress.Acceptance how long after the problem a complaint is accepted
---@field stages redress.Stage[] the complaint stages, in order
---@field kinds? redress.Tracks clocks for kinds that are not complaints
---@field triage? fun(intake: redress.Intake): redress.Verdict decides what a contact is
---@field remedy? fun(case: redress.Case, findings: table|string, decided: redress.date): redress.RemedyOffer|redress.RemedyItem[] decides the remedy of an upheld complaint
---@field restrictions? redress.PackRestrictions
---@field scenarios? redress.Scenario[] what `redress check` runs
---@field confidentiality? redress.Confidentiality
---@field retention? redress.Retention
---@field jobs? table<string, table> settings for scheduled jobs, by job name
---@field closings? table<string, redress.Closing> ways of closing a case, by outcome name
---@field remedy_acceptance? redress.RemedyAcceptance
---@field facts? table<string, redress.Fact> the intake facts triage reads, by name: an intake may give only these and the standard fields

---In a pack's hook: refuses, on purpose, what the hook was asked. The call that ran the hook is
---refused with the reason at the calling script's line (`cases.intake: refused by policy NAME:
---REASON`; an import lists the row as bad), as Redress's own refusals are. Any other error in a
---hook is a pack error, naming the pack's file and line, the hook and the case.
---@param reason string what is missing or wrong and what to give (`"findings.impact: expected low, medium or high"`)
function refuse(reason) end
