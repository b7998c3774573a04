---@meta
-- LuaLS annotations of the `date` module (global `date`, also `require "redress.date"`).
-- The host implements it in Swift (Sources/RedressLua/DateModule.swift, Boot.swift); this file
-- only describes it for editors. Tests/redressTests/AnnotationDriftTests.swift compares every
-- name declared here with what the host exports and fails on any difference.

---A civil date (year, month, day; no time zone). Prints as ISO text (`2026-12-22`); compares
---with `<`, `<=`, `==` (also against ISO text: `d < "2027-01-01"`); `d + n` and `d - n` add or
---take calendar days, `a - b` counts the days from b to a; `..` joins its ISO text.
---@class redress.date
---@field year integer the year, 1 to 9999
---@field month integer the month, 1 (January) to 12
---@field day integer the day of the month, 1 to 31
---@operator add(integer): redress.date
---@operator sub(redress.date): integer
---@operator sub(integer): redress.date
---@operator concat(string): string
local Date = {}

---The English name of the day of the week: `"Monday"` ... `"Sunday"`.
---@return string
function Date:weekday() end

---The ISO day of the week: 1 (Monday) to 7 (Sunday).
---@return integer
function Date:weekday_number() end

---True on a Saturday or a Sunday.
---@return boolean
function Date:is_weekend() end

---The date `n` calendar days later (earlier when `n` is negative).
---@param n integer
---@return redress.date
function Date:add_days(n) end

---The date `n` weeks later (earlier when `n` is negative).
---@param n integer
---@return redress.date
function Date:add_weeks(n) end

---The date `n` months later, clamped to the month's end (31 March + 1 month = 30 April).
---@param n integer
---@return redress.date
function Date:add_months(n) end

---The date `n` years later, clamped to the month's end (29 February + 1 year = 28 February).
---@param n integer
---@return redress.date
function Date:add_years(n) end

---The ISO text of the date, `"2026-12-22"` (as `tostring(d)`).
---@return string
function Date:iso() end

---A date value, or ISO text that the host reads as one.
---@alias redress.dateish redress.date|string

---The `date` module: `date("2026-12-22")`, `date(d)`, `date(2026, 12, 22)` make a date (an
---impossible one such as `2026-02-30` raises, naming why).
---@class redress.datelib
---@overload fun(text: redress.dateish): redress.date
---@overload fun(year: integer, month: integer, day: integer): redress.date
date = {}

---"Today" for the run: `--as-of` (or `.asof` in the REPL), else the system's local date.
---@return redress.date
function date.today() end

---A date from a date value or ISO text; never raises: `nil` and the reason when it is not one
---(for checking input, e.g. a CSV column).
---@param value any
---@return redress.date|nil date
---@return string|nil why
function date.parse(value) end
