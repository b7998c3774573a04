-- A fuzzer of the Lua API a script can reach, run by `redress run` on a store.
--
--   redress run --db STORE Tests/Fuzz/api.lua SEED [CALLS]
--
-- It calls every function and method of the host's modules (every global that is not part of
-- Lua's standard library, the methods of the values they return: dates, calendars, cases) with
-- random arguments: extreme integers and floats, NaN, huge and deeply nested tables, strings
-- with NULs and invalid UTF-8, wrong types, dates at and past the range, tables whose
-- metamethods raise. Each call runs under pcall. What must hold: every outcome is a result or
-- an error whose message is a non-empty string. A host crash (a signal, a Swift trap) ends the
-- process, which the driver (Tests/redressTests/FuzzTests.swift) sees; an error value that is
-- not a message ends the run with "FUZZ-INVARIANT".
local seed, calls = tonumber(arg[1]) or 1, tonumber(arg[2]) or 500
math.randomseed(seed)
local random = math.random

local function pick(list) return list[random(#list)] end

-- Values ------------------------------------------------------------------------------------

local integers = { 0, 1, -1, 2, 5, 10, 20, 28, 29, 31, 365, 3650, 3651, 9999, 10000, 2 ^ 31 // 1,
  -(2 ^ 31 // 1), 2 ^ 53 // 1, math.maxinteger, math.mininteger, math.maxinteger - 1,
  math.mininteger + 1, 1 << 59, 1 << 58, -(1 << 62) }
local floats = { 0.5, -0.0, 1 / 0, -1 / 0, 0 / 0, 1e308, -1e308, 2.0 ^ 59, 2.5, 1e-300, 3.0 }
local isoDates = { "2026-12-22", "2026-02-30", "2026-02-29", "2024-02-29", "0001-01-01", "9999-12-31",
  "10000-01-01", "0000-01-01", "1994-12-31", "1995-01-01", "2100-12-31", "2101-01-01", "2026-13-01",
  "2026-1-1", "-2026-01-01", " 2026-01-01", "2026-01-01\0x" }
local words = { "", "respond", "acknowledge", "contact", "escalation_window", "received", "logged",
  "decision_sent", "acknowledged", "complaint", "service_request", "enquiry", "compliment", "email", "phone", "letter", "web",
  "upheld", "partly_upheld", "not_upheld", "open", "closed", "1", "2", "review", "apology",
  "time_and_trouble", "compensation", "repairs", "complaints_officer", "manager", "one_channel",
  "acknowledge_only", "england-and-wales", "scotland", "northern-ireland", "atlantis",
  "C-2026-000001", "C-2026-000002", "C-9999-999999", "select 1", "select * from cases",
  "select ?", "a\0b", "\xff\xfe\xa3", "%s%d%%", "'; drop table cases; --", "[withheld]", "lcra", "lcho" }
local keys = { "received", "channel", "category", "summary", "event_date", "aware_date", "tenure", "complainant",
  "representative", "anonymous", "confidential", "on", "at", "clock", "days", "working_days", "weeks",
  "months", "reason", "agreed", "outcome", "findings", "reasons", "remedy", "kind", "pence",
  "officer", "owner", "due", "description", "action", "area", "done", "date", "ground",
  "respond_by", "status", "stage", "overdue", "waiting", "limit", "as_of", "received_from", "received_to",
  "name", "email", "phone", "role", "party", "restriction", "id", "meets", "direction", "staff",
  "channels", "contact", "decision", "by", "note", 1, 2, 3 }

local value -- forward

local function nested(depth)
  local t = {}
  local cur = t
  for _ = 1, depth do
    local nxt = {}
    cur[pick(keys)] = nxt
    cur = nxt
  end
  return t
end

local raising = setmetatable({}, {
  __index = function() error("index raised") end,
  __newindex = function() error("newindex raised") end,
  __tostring = function() error("tostring raised") end,
  __len = function() error("len raised") end,
  __eq = function() error("eq raised") end,
  __lt = function() error("lt raised") end,
  __le = function() error("le raised") end,
  __concat = function() error("concat raised") end,
  __call = function() error("call raised") end,
  __pairs = function() error("pairs raised") end,
  __close = function() error("close raised") end,
  __name = "raising",
})
local lying = setmetatable({}, { __tostring = function() return 42 end, __name = 7,
  __index = function(_, k) return k end, __len = function() return -1 end })

local pool = {} -- values the host returned: dates, calendars, cases, rows

local function record(k) -- a table of known fields with random values
  local t = {}
  for _ = 1, random(0, 6) do t[pick(keys)] = value(2) end
  if random() < 0.5 then t.received = pick(isoDates) end
  if random() < 0.5 then t.channel = pick(words) end
  return t
end

function value(depth)
  depth = depth or 0
  local r = random(1, 20)
  if r == 1 then return nil
  elseif r == 2 then return random() < 0.5
  elseif r <= 5 then return pick(integers) + (random() < 0.8 and 0 or random(-3, 3))
  elseif r == 6 then return pick(floats)
  elseif r <= 9 then return pick(isoDates)
  elseif r <= 11 then return pick(words)
  elseif r == 12 and depth < 2 then return record()
  elseif r == 13 then
    local ok, d = pcall(date, random(1, 9999), random(1, 12), random(1, 28))
    return ok and d or pick(isoDates)
  elseif r == 14 and #pool > 0 then return pick(pool)
  elseif r == 15 then return (random() < 0.5) and raising or lying
  elseif r == 16 then return nested(pick({ 10, 300, 5000, 60000 }))
  elseif r == 17 then return string.rep(pick({ "x", "\0", "\xa3", "é" }), pick({ 1, 255, 4096, 1 << 20 }))
  elseif r == 18 then return function() return pick(words) end
  elseif r == 19 then return coroutine.create(function() end)
  end
  local t = {}
  for i = 1, random(0, 4) do t[i] = value(depth + 1) end
  return t
end

-- Targets: every host function reachable from the globals --------------------------------

local standard = { _G = true, _VERSION = true, assert = true, collectgarbage = true, coroutine = true,
  dofile = true, error = true, getmetatable = true, io = true, ipairs = true, load = true,
  loadfile = true, math = true, next = true, os = true, package = true, pairs = true, pcall = true,
  print = true, rawequal = true, rawget = true, rawlen = true, rawset = true, require = true,
  select = true, setmetatable = true, string = true, table = true, tonumber = true, tostring = true,
  type = true, utf8 = true, warn = true, xpcall = true, debug = true, arg = true }

-- Methods of values whose metatables are closed to scripts (dates, calendars).
local methodNames = {
  date = { "add_days", "add_weeks", "add_months", "add_years", "weekday", "weekday_number",
    "is_weekend" },
  calendar = { "add_working_days", "working_days_between", "is_working_day", "next_working_day",
    "previous_working_day", "holidays", "holiday", "name", "version" },
}

local targets = {}
local function addTarget(name, f, self) targets[#targets + 1] = { name = name, f = f, self = self } end

pcall(function() return cases.get end) -- the store's modules load on first use
for gname, g in pairs(_G) do
  if not standard[gname] then
    if type(g) == "function" then
      addTarget(gname, g)
    elseif type(g) == "table" then
      for k, v in pairs(g) do
        if type(v) == "function" then addTarget(gname .. "." .. tostring(k), v) end
      end
      if getmetatable(g) ~= nil and type(getmetatable(g)) ~= "table" then
        addTarget(gname .. "()", g)
      end
    end
  end
end
if calendar then
  for _, m in ipairs(methodNames.calendar) do addTarget("calendar:" .. m, calendar[m], calendar) end
end
-- pairs() order varies from run to run (Lua seeds its hashes): sort, so a seed repeats exactly.
table.sort(targets, function(a, b) return a.name < b.name end)

-- Calls -------------------------------------------------------------------------------------

local function check(name, ok, ...)
  if ok then
    for i = 1, select("#", ...) do
      local v = select(i, ...)
      local t = type(v)
      if (t == "table" or t == "userdata") and #pool < 200 then pool[#pool + 1] = v end
    end
    return true
  end
  local e = ...
  if type(e) ~= "string" or #e == 0 then
    local shown = type(e) == "table" and "a table" or tostring(type(e))
    local okm, m = pcall(tostring, e)
    if okm and type(m) == "string" and #m > 0 then return false end -- an error object with a message
    error("FUZZ-INVARIANT: " .. name .. " raised " .. shown .. " with no message", 0)
  end
  if e:find("FUZZ-INVARIANT", 1, true) then error(e, 0) end
  return false
end

local function args()
  local a = {}
  local n = random(0, 4)
  for i = 1, n do a[i] = value() end
  return a, n
end

local function callTarget(t)
  local a, n = args()
  if t.self then return check(t.name, pcall(t.f, t.self, table.unpack(a, 1, n))) end
  return check(t.name, pcall(t.f, table.unpack(a, 1, n)))
end

local function callMethod(obj)
  local mt = getmetatable(obj)
  local names = {}
  if type(mt) == "table" and type(mt.__index) == "table" then
    for k, v in pairs(mt.__index) do if type(v) == "function" then names[#names + 1] = k end end
    table.sort(names)
  elseif methodNames[mt] then
    names = methodNames[mt]
  end
  if #names == 0 then return end
  local m = pick(names)
  local a, n = args()
  return check(tostring(mt) .. ":" .. m, pcall(function() return obj[m](obj, table.unpack(a, 1, n)) end))
end

local function operate(obj)
  local other = value()
  local ops = {
    function() return obj + other end, function() return obj - other end,
    function() return obj < other end, function() return obj <= other end,
    function() return obj == other end, function() return other .. obj .. other end,
    function() return tostring(obj) end, function() return #obj end,
    function() return obj[pick(keys)] end, function() return other - obj end,
  }
  return check("operator", pcall(pick(ops)))
end

-- A few valid values to start from, so methods get real objects too.
for _ = 1, 3 do
  check("seed intake", pcall(cases.intake, { received = "2026-11-02", channel = "email",
    summary = "fuzz", complainant = { name = "Fuzz " .. seed } }))
end
pool[#pool + 1] = date("2026-12-22")

local errors = 0
for _ = 1, calls do
  local r = random(1, 10)
  local ok
  if r <= 6 then ok = callTarget(pick(targets))
  elseif r <= 8 and #pool > 0 then ok = callMethod(pick(pool))
  elseif #pool > 0 then ok = operate(pick(pool))
  end
  if ok == false then errors = errors + 1 end
end
print(("fuzz: seed %d, %d targets, %d calls, %d errors"):format(seed, #targets, calls, errors))
