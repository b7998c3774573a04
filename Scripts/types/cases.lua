---@meta
-- LuaLS annotations of `cases` and `parties` (globals, also `require "redress.cases"` and
-- `require "redress.parties"`), the case object and what its methods take and return. The host
-- implements them (Sources/RedressLua/CasesModule*.swift and the Lua half, CasesSource.swift);
-- AnnotationDriftTests compares every class and field here with what the host exports.
--
-- Every method records an event in the run's transaction and refreshes the case object in
-- place; a refusal raises at the script's line naming the field and the value, and changes
-- nothing. `on` defaults to today (`--as-of`).

---A contact channel.
---@alias redress.Channel
---| "email"
---| "letter"
---| "phone"
---| "web"
---| "social_media"
---| "in_person"
---| "text"
---| "mp_or_councillor"
---| "other"

---What a contact is.
---@alias redress.Kind
---| "complaint"
---| "service_request"
---| "enquiry"
---| "compliment"

---Where a case is in its life.
---@alias redress.Status
---| "open"
---| "closed"
---| "withdrawn"
---| "excluded"

---The decision of a response.
---@alias redress.Outcome
---| "upheld"
---| "partly_upheld"
---| "not_upheld"

---The fields `cases.intake{}` reads (the CSV columns of `redress import`). Any other field is a
---fact for the pack's triage hook (`legal_proceedings = true`...), which sees them all, with the
---dates as date values.
---@class redress.Intake
---@field received redress.dateish the date the complaint reached the landlord (required)
---@field channel redress.Channel how it came (required)
---@field category? string what it is about, e.g. "repairs"
---@field summary? string the complaint in a line
---@field desired_outcome? string what the complainant wants
---@field event_date? redress.dateish when the problem happened
---@field aware_date? redress.dateish when the resident learned of it
---@field complainant? integer|string|redress.NewParty a party id, a name, or a new party (one with the email of an existing party is that party)
---@field complainant_email? string the complainant's email (finds or adds the party)
---@field complainant_phone? string the complainant's phone
---@field complainant_address? string the complainant's address
---@field complainant_role? string the complainant's role, e.g. "tenant"
---@field representative? integer|string|redress.NewParty who acts for the complainant
---@field anonymous? boolean the complainant gave no identity
---@field confidential? boolean the complainant's identity stays with those handling the case
---@field safeguarding? boolean a safeguarding concern
---@field tenure? redress.Tenure for TSM returns by tenure
---@field [string] any a fact for the pack's triage

---A tenure, for the Regulator's TSM returns: low-cost rental (LCRA) or low-cost home ownership (LCHO).
---@alias redress.Tenure "lcra"|"lcho"

---A person or organisation: a complainant, a representative.
---@class redress.NewParty
---@field name? string
---@field role? string "tenant" unless given
---@field email? string
---@field phone? string
---@field address? string
---@field preferred_contact? string
---@field language? string
---@field vulnerability? string
---@field reasonable_adjustments? string

---A party as the store keeps it (`parties.get`); fields the run's user may not see read masked.
---@class redress.Party
---@field id integer
---@field name? string
---@field role string
---@field email? string
---@field phone? string
---@field address? string
---@field preferred_contact? string
---@field language? string
---@field vulnerability? string
---@field reasonable_adjustments? string
---@field created_at string when it was added (UTC)

---A clock of a case: one duty of a stage (acknowledge, respond...), from its anchor event.
---@class redress.CaseClock
---@field stage string the stage (or track) it belongs to
---@field round integer which entry of that stage (a referral back starts another)
---@field name string the clock's name in the pack
---@field from redress.Anchor the event it runs from
---@field started? redress.date the anchor's date
---@field due? redress.date the due date after extensions
---@field first_due? redress.date the due date before any extension
---@field met? redress.date when it was met
---@field met_late? boolean whether it was met after its due date
---@field overdue boolean unmet past its due date on today (open cases only)
---@field late_by? integer working days past its due date, for an unmet clock that is overdue
---@field due_in? integer working days until its due date, for an unmet clock that is not

---A clock of an open case's current stage round that has not started, because the event it runs
---from has not happened; with what limits the wait: `bounded_by` (the stage's clock that event
---meets), or the pack's `anchors` limit (`limit`, `owed_by`, `late_by` or `due_in`), or neither.
---@class redress.Waiting
---@field clock string the clock's name
---@field from redress.Anchor the event it waits for
---@field since redress.date the day the case entered the round
---@field waited integer working days since
---@field bounded_by? string the stage's clock the event meets ("acknowledge", "respond")
---@field limit? string the pack's limit, e.g. "5 working days from received"
---@field clause? string the limit's clause
---@field owed_by? redress.date the day the limit ends
---@field late_by? integer working days past `owed_by`
---@field due_in? integer working days until `owed_by`

---The acceptance window's finding on an intake (the pack's `acceptance`).
---@class redress.WindowFinding
---@field result "within"|"outside"|"excepted"|"undated"
---@field window string e.g. "12 months"
---@field received redress.date
---@field from? "event_date"|"aware_date" the date fact it ran from
---@field start? redress.date that date
---@field last_day? redress.date the window's last day
---@field exception? string the intake fact that let the complaint in
---@field exception_clause? string
---@field clause? string
---@field text string the finding in a sentence

---What intake would make of a case now (`c:retriage()`), writing nothing.
---@class redress.Retriage
---@field triage redress.Verdict what the pack's triage answers
---@field kind redress.Kind
---@field stage? string
---@field status redress.Status
---@field exclusion? redress.Exclusion
---@field window? redress.WindowFinding

---The latest remedy offer of a case, as of today.
---@class redress.CaseRemedy
---@field id integer
---@field offered redress.date the date of the response that made it
---@field accept_by? redress.date the last day to accept it
---@field accepted? redress.date
---@field declined? redress.date
---@field state "open"|"lapsed"|"accepted"|"declined"
---@field pence integer the items' total
---@field arrears_offset integer pence set against arrears
---@field payment_route? string

---How a case that is no longer open ended.
---@class redress.Closure
---@field by "closed"|"withdrawn"|"excluded"|"escalation_declined"
---@field on? redress.date
---@field outcome? string a closing outcome of the pack, or the ground an escalation was declined on
---@field reason? string

---Why a case was not accepted: triage's exclusion.
---@class redress.Exclusion
---@field reason string the reason given to the customer (with the signpost)
---@field clause? string the clause of the policy

---A case, as `cases.intake`, `cases.get`, `cases.find` and every method return it.
---@class redress.Case
---@field ref string its reference, e.g. "C-2026-000123"
---@field kind redress.Kind
---@field status redress.Status
---@field stage? string the current stage (or a track's name); nil for a kind without a track
---@field round integer which entry of the current stage
---@field received redress.date
---@field channel redress.Channel
---@field category? string
---@field summary? string
---@field desired_outcome? string
---@field event_date? redress.date
---@field aware_date? redress.date
---@field tenure? redress.Tenure
---@field complainant? integer the complainant's party id
---@field representative? integer the representative's party id
---@field anonymous boolean
---@field confidential boolean
---@field safeguarding boolean
---@field policy string the name of the pack that recorded it
---@field officer? string who handles it (the latest `c:assign`)
---@field due table<string, redress.date> an open case's unmet clocks of its current stage and round: name → due date
---@field clocks redress.CaseClock[] every clock, met or not
---@field overdue boolean an unmet clock is past its due date on today
---@field overdue_by? integer working days its most overdue clock is late
---@field waiting redress.Waiting[] the current stage's clocks that wait for their anchor event
---@field remedy? redress.CaseRemedy the latest remedy offer
---@field closure? redress.Closure how it ended
---@field exclusion? redress.Exclusion why it was not accepted
---@field intake_facts? table<string, any> the facts triage was given (a single case's read, not `cases.find`'s)
---@field intake_triage? redress.Verdict what triage answered
---@field intake_window? redress.WindowFinding the acceptance window's finding
local Case = {}

---@class redress.OnOptions
---@field on? redress.dateish the day it happened (default today)

---@class redress.ReasonOptions
---@field on? redress.dateish
---@field reason? string

---The complaint was acknowledged: meets the stage's `acknowledge` clock.
---@param t? redress.OnOptions
---@return redress.Case
function Case:acknowledge(t) end

---The complaint was logged (for packs with clocks `from = "logged"`).
---@param t? redress.OnOptions
---@return redress.Case
function Case:logged(t) end

---The complainant asked to escalate: the case enters the next stage (meets `escalation_window`).
---@param t? redress.ReasonOptions
---@return redress.Case
function Case:escalate(t) end

---@class redress.CloseOptions
---@field on? redress.dateish
---@field reason? string
---@field outcome? string one of the pack's `closings`

---The case is closed.
---@param t? redress.CloseOptions
---@return redress.Case
function Case:close(t) end

---The complainant withdrew the complaint.
---@param t? redress.ReasonOptions
---@return redress.Case
function Case:withdraw(t) end

---@class redress.MeetOptions
---@field clock string the clock met
---@field on? redress.dateish
---@field reason? string
---@field date? redress.dateish the date a notice gives (a clock with `notice`)

---The duty a clock measures was done (a visit held), for clocks no other event meets.
---@param t redress.MeetOptions
---@return redress.Case
function Case:meet(t) end

---@class redress.ReferBackOptions
---@field on? redress.dateish
---@field respond_by redress.dateish the response date agreed with the customer
---@field reason? string

---The stage sends the complaint back to the earlier stage its pack names (`refer_back`).
---@param t redress.ReferBackOptions
---@return redress.Case
function Case:refer_back(t) end

---@class redress.DeclineOptions
---@field on? redress.dateish
---@field ground string one of the next stage's `decline.grounds`
---@field reason? string

---The request to escalate is declined on one of the next stage's grounds; the case closes.
---@param t redress.DeclineOptions
---@return redress.Case
function Case:decline_escalation(t) end

---The customer accepted the latest remedy offer (`reason`: why a late acceptance is taken).
---@param t? redress.ReasonOptions
---@return redress.Case
function Case:accept_remedy(t) end

---The customer declined the latest remedy offer.
---@param t? redress.ReasonOptions
---@return redress.Case
function Case:decline_remedy(t) end

---@class redress.ExtendOptions
---@field clock string the clock extended, e.g. "respond"
---@field working_days? integer give exactly one of working_days, days, weeks, months
---@field days? integer
---@field weeks? integer
---@field months? integer
---@field reason string why
---@field agreed? boolean the customer agreed (needed past the pack's cap, where it allows more)
---@field on? redress.dateish

---A clock is extended, within the pack's cap.
---@param t redress.ExtendOptions
---@return redress.Case
function Case:extend(t) end

---@class redress.LogOptions
---@field channel string
---@field direction "in"|"out"
---@field summary string
---@field at? redress.dateish|string a date or a date-time (2026-12-22T14:30)
---@field staff? string
---@field meets? string a clock of the stage this contact meets (a pack's "contact within 2 days")

---A contact is recorded (a call, a letter, a visit...).
---@param t redress.LogOptions
---@return redress.Case
function Case:log(t) end

---@class redress.RespondOptions
---@field on? redress.dateish
---@field outcome redress.Outcome
---@field findings? string|table what was found (a table is kept as JSON and given to the pack's remedy hook)
---@field reasons? string
---@field remedy? redress.RemedyOffer|redress.RemedyItem[] without it, the pack's remedy hook decides one when the complaint is upheld

---The stage's response: meets `respond`; records the decision and any remedy offer.
---@param t redress.RespondOptions
---@return redress.Case
function Case:respond(t) end

---One entry of a case's audit trail.
---@class redress.HistoryEntry
---@field type string the event, e.g. "acknowledged"
---@field on? redress.date the day it happened
---@field at string when it was recorded (UTC)
---@field actor? string who recorded it
---@field script? string the script or command that did
---@field data? table<string, any> what it recorded

---The audit trail, oldest first.
---@return redress.HistoryEntry[]
function Case:history() end

---A day skipped or rolled over in counting a due date.
---@class redress.SkippedDay
---@field date redress.date
---@field reason string e.g. "Christmas Day", "weekend"
---@field kind string

---An extension of a clock, as an explanation shows it.
---@class redress.ExplainedExtension
---@field on redress.date
---@field by string e.g. "10 working days"
---@field reason? string
---@field agreed boolean
---@field from redress.date the due date before it
---@field to redress.date the due date after it
---@field skipped redress.SkippedDay[]

---How a clock's due date was reached.
---@class redress.Explanation
---@field clock string
---@field stage string
---@field round integer
---@field clause? string
---@field rule string e.g. "10 working days from acknowledged"
---@field amount integer
---@field unit redress.Unit
---@field anchor redress.Anchor
---@field anchor_date redress.date
---@field start redress.date the anchor rolled to a working day
---@field rolled_over redress.SkippedDay[]
---@field due redress.date the due date before extensions
---@field skipped redress.SkippedDay[]
---@field extensions redress.ExplainedExtension[]
---@field due_now redress.date the due date after extensions
---@field met? redress.date
---@field met_late? boolean
---@field calendar redress.Region
---@field calendar_version string
---@field text string the whole explanation, one step a line

---How clock `clock`'s due date was reached (of `stage`, default the current one).
---@param clock string
---@param stage? string
---@return redress.Explanation
function Case:explain(clock, stage) end

---What intake would make of the case now: the pack's triage run again on the kept facts, then
---the acceptance window; writes nothing.
---@return redress.Retriage
function Case:retriage() end

---@class redress.SetTenureOptions
---@field tenure redress.Tenure
---@field reason string where the tenure was found
---@field on? redress.dateish

---Records the case's tenure (one intake did not record, or recorded wrongly).
---@param t redress.SetTenureOptions
---@return redress.Case
function Case:set_tenure(t) end

---The case as the store now holds it.
---@return redress.Case
function Case:refresh() end

---@class redress.AssignOptions
---@field officer string
---@field on? redress.dateish

---Who handles the case from `on`; meets the stage's clocks marked `met_by = "assignment"`.
---@param t redress.AssignOptions
---@return redress.Case
function Case:assign(t) end

---@class redress.Action
---@field description string
---@field owner? string
---@field due? redress.dateish

---What the latest decision leaves outstanding (`{}` records that it leaves nothing).
---@param list redress.Action[]
---@return redress.Case
function Case:actions(list) end

---@class redress.LearnOptions
---@field action string the service improvement
---@field area? string
---@field owner? string
---@field due? redress.dateish
---@field done? redress.dateish
---@field on? redress.dateish

---A service improvement that comes from this complaint (Code 9.1).
---@param t redress.LearnOptions
---@return integer id
function Case:learn(t) end

---The `cases` module: the store's cases, through its pack (loaded on first use).
---@class redress.cases
cases = {}

---Runs the pack's triage on the intake and records the case (or an excluded case).
---@param t redress.Intake
---@return redress.Case
function cases.intake(t) end

---The case with reference `ref`, or nil.
---@param ref string
---@return redress.Case|nil
function cases.get(ref) end

---@class redress.FindOptions
---@field status? redress.Status
---@field kind? redress.Kind
---@field stage? string|integer
---@field category? string
---@field channel? redress.Channel
---@field overdue? boolean true: most overdue first
---@field waiting? boolean|redress.Anchor open cases with a clock waiting for its event (that event only, when named); false: the rest
---@field as_of? redress.dateish the day "overdue" is judged on (default today)
---@field received_from? redress.dateish
---@field received_to? redress.dateish
---@field limit? integer

---Cases matching every field given, oldest first (with `overdue = true`, most overdue first).
---@param t? redress.FindOptions
---@return redress.Case[]
function cases.find(t) end

---@class redress.RetentionOptions
---@field as_of? redress.dateish
---@field dry_run? boolean

---@class redress.RetentionReport
---@field cutoff redress.date cases closed on or before it are past the period
---@field months integer the pack's retention period
---@field cases string[] the references done
---@field parties integer[] the party ids anonymised
---@field dry_run boolean

---Removes the personal data of cases closed longer ago than the pack's retention period.
---@param t? redress.RetentionOptions
---@return redress.RetentionReport
function cases.apply_retention(t) end

---A learning action was carried out.
---@param id integer
---@param on? redress.dateish
---@return true
function cases.learning_done(id, on) end

---The `parties` module: complainants and representatives.
---@class redress.parties
parties = {}

---Adds a party; its id.
---@param t redress.NewParty
---@return integer id
function parties.add(t) end

---The party with id `id`, or nil.
---@param id integer
---@return redress.Party|nil
function parties.get(id) end
