---@meta
-- LuaLS annotations of a scheduled job (Scripts/jobs/*.lua, or the store's NAME-jobs/ folder): the
-- table its file returns and the `job` object its `run` is called with. Implemented by the host
-- (JobLoader.swift, JobSource.swift); AnnotationDriftTests compares these names with the host's.

---When a job falls due: "daily", "quarterly" (on the 1st), or a table with one form.
---@alias redress.Schedule "daily"|"quarterly"|redress.ScheduleTable

---@class redress.ScheduleTable
---@field daily? true
---@field weekly? string a weekday: "monday" ... "sunday"
---@field monthly? integer the day of the month
---@field quarterly? integer the day of the quarter's first month
---@field yearly? string "MM-DD"
---@field every_working_days? integer every N working days of the pack's calendar...
---@field from? redress.dateish ...counted from this date

---What a job file returns.
---@class redress.JobDefinition
---@field title? string what it does (default: the file's name)
---@field schedule redress.Schedule
---@field run fun(job: redress.Job): string|nil what it did, in a line

---@class redress.SampleOptions
---@field purpose string e.g. "feedback"
---@field period string e.g. "2026-Q1"
---@field share number 0 to 1 (0.1 for 10%)
---@field population { party?: integer, case?: string }[]

---@class redress.Sample
---@field drawn { party?: integer, case?: string }[]
---@field earlier integer people drawn before for the same purpose and period
---@field target integer
---@field population integer
---@field seed string

---The object a job's `run` is called with, once for each due date.
---@class redress.Job
---@field name string the file's name without .lua
---@field title string
---@field schedule redress.Schedule
---@field date redress.date the due date this run is for
---@field as_of redress.date the run's today
---@field last_run? redress.date the due date of the job's last successful run
---@field dry_run boolean nothing is kept and no file written
---@field pack redress.Pack the store's pack
---@field calendar redress.calendar the pack's calendar (closure days included)
---@field settings table<string, string> the store's settings
local Job = {}

---Writes a report file under the store's reports folder when the run succeeds (never in a
---dry run); `name` may hold folders: "deadlines/2026-12-22.txt".
---@param name string
---@param text string
---@return string name
function Job:write(name, text) end

---Checks that `t`'s fields are all in `allowed` (nil counts as {}); a misspelled one raises,
---naming `where` and the field.
---@param t table|nil
---@param allowed string[]
---@param where string
---@return table
function Job:check(t, allowed, where) end

---What the store's pack declares for this job (its `jobs[<job name>]` table), checked against
---`allowed`, or nil when it declares nothing.
---@param allowed string[]
---@return table|nil
function Job:config(allowed) end

---Draws at least `share` of the population's people, reproducibly, never someone drawn before
---for the same purpose and period; records the draw.
---@param t redress.SampleOptions
---@return redress.Sample
function Job:sample(t) end

---Writes letter `kind` (a template in Scripts/letters) about a case or a restriction, as
---letters/<ref>/<date>-<kind>.txt and .html, recorded as issued when the run succeeds: the file
---names, or nil and what the letter lacks ("part: why; ...").
---@param kind string e.g. "restriction-review"
---@param about string|{ restriction: integer } a case reference, or a restriction
---@return string[]|nil files
---@return string|nil missing
function Job:letter(kind, about) end
