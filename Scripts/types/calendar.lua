---@meta
-- LuaLS annotations of the working-day calendar (global `calendar`, also
-- `require "redress.calendar"`): the run's region (`--region`), or in a job the store's pack's
-- calendar with its closure days. Implemented in Swift (Sources/RedressLua/CalendarModule.swift);
-- AnnotationDriftTests compares these names with the host's.
--
-- Convention for "within N working days of X": X rolls forward to the next working day when it is
-- not one, and the due date is N working days after that; N = 0 gives the rolled date.

---A day the calendar does not work: a bank holiday of its region or one of the pack's closures.
---@class redress.Holiday
---@field date redress.date the day
---@field name string its name, e.g. "Christmas Day"
---@field kind "bank holiday"|"closure"

---A working-day calendar: a region's bank holidays and any closure days.
---@class redress.calendar
calendar = {}

---`d` rolled forward to a working day, then `n` working days later (earlier when `n` is negative).
---@param d redress.dateish
---@param n integer
---@return redress.date
function calendar:add_working_days(d, n) end

---The working days after `a` up to and including `b` (negative when `b` is before `a`).
---@param a redress.dateish
---@param b redress.dateish
---@return integer
function calendar:working_days_between(a, b) end

---True when `d` is neither a weekend day, a bank holiday nor a closure.
---@param d redress.dateish
---@return boolean
function calendar:is_working_day(d) end

---The first working day after `d`.
---@param d redress.dateish
---@return redress.date
function calendar:next_working_day(d) end

---The last working day before `d`.
---@param d redress.dateish
---@return redress.date
function calendar:previous_working_day(d) end

---The bank holidays and closures of `year`, in date order.
---@param year integer
---@return redress.Holiday[]
function calendar:holidays(year) end

---The name of the bank holiday or closure on `d`, or nil on another day.
---@param d redress.dateish
---@return string|nil
function calendar:holiday(d) end

---The region's name: "england-and-wales", "scotland" or "northern-ireland".
---@return redress.Region
function calendar:name() end

---The calendar's version: a hash of its holidays and closures, recorded with every due date.
---@return string
function calendar:version() end

---The calendar of another region (without closures): `calendar.region("scotland")`.
---@param name redress.Region
---@return redress.calendar
function calendar.region(name) end

---A UK region whose bank holidays a calendar follows.
---@alias redress.Region
---| "england-and-wales"
---| "scotland"
---| "northern-ireland"
