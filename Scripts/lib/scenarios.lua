-- The scenario runner behind `redress check`: runs one of a pack's scenarios through the real
-- cases API (cases.intake, then the case methods) and compares the case with what the scenario
-- expects. The host runs each scenario in a throwaway store bound to the pack, inside a
-- savepoint it rolls back, so scenarios never see each other's cases or the user's store.
--
-- A scenario (README.md, "Scenarios"):
--   { name = "...", clause = "the clause it shows",
--     intake = { received = "2026-12-22", channel = "email", ... },      -- cases.intake's fields
--     steps = { { "acknowledge", { on = "2026-12-29" } },                -- case method calls, in order
--               { "escalate", { on = "2026-12-30" }, refused = "has not been answered" } },
--     expect = { kind =, stage =, status =, due = { clock = "YYYY-MM-DD" | false },
--                met_late = { clock = true | false }, exclusion = "text in the reason",
--                clause = "text in the exclusion's clause", remedy = pence | false | { pence =,
--                kinds = { ... }, accept_by =, payment_route =, arrears_offset =, state =,
--                accepted =, declined = }, closure = { by =, outcome =, reason = },
--                round = n,
--                error = "text in the intake's refusal", anonymous =, confidential =,
--                safeguarding = true | false, flags = { "text in each flag on the case's contacts" },
--                restriction = { kind =, detail =, review_due =, active =, challenge_outcome =,
--                                last_review = "continue" | "vary" | "lift" | false } } }
local M = {}

local format, find, concat, sort = string.format, string.find, table.concat, table.sort

local function set(list)
  local s = {}
  for _, name in ipairs(list) do s[name] = true end
  return s
end

local SCENARIO = set { "name", "clause", "intake", "steps", "expect" }
local EXPECT = set { "kind", "stage", "status", "due", "met_late", "exclusion", "clause", "remedy", "error",
                     "anonymous", "confidential", "safeguarding", "flags", "restriction", "closure", "round" }
local CLOSURE = set { "by", "outcome", "reason" }
local RESTRICTION = set { "kind", "detail", "review_due", "active", "challenge_outcome", "last_review" }
local REMEDY = set { "pence", "kinds", "accept_by", "payment_route", "arrears_offset", "state", "accepted", "declined" }
local STEP = set { 1, 2, "refused" }
-- The case methods a step may call (README.md, "From Lua: cases and parties"), and the
-- restrictions calls on the case's complainant (README.md, "Restrictions"): `restrict`
-- (restrictions.add), `warn`, and `review_restriction` and `challenge_restriction` of the
-- complainant's latest restriction; `due_review` runs the pack's review hook on it, as the
-- yearly review job does (restrictions.review_due), recording what the hook decides.
local METHODS = set { "acknowledge", "logged", "log", "meet", "extend", "respond", "escalate", "close", "withdraw",
                      "refer_back", "decline_escalation", "accept_remedy", "decline_remedy", "assign",
                      "warn", "restrict", "review_restriction", "challenge_restriction", "due_review" }

-- The complainant's latest restriction (not a warning), `active` as of `on`, or nil.
local function latest_restriction(c, on)
  local found
  for _, r in ipairs(c.complainant and restrictions.of(c.complainant, on) or {}) do
    if r.kind ~= "warning" then found = r end
  end
  return found
end

-- Runs step `method` with `options` on case `c`.
local function call(c, method, options)
  if method == "warn" or method == "restrict" then
    local t = { party = c.complainant }
    for key, value in pairs(options) do t[key] = value end
    return (method == "warn" and restrictions.warn or restrictions.add)(t)
  elseif method == "due_review" then
    local r = latest_restriction(c, options.on)
    local t = { id = r and r.id }
    for key, value in pairs(options) do t[key] = value end
    return restrictions.review_due(t)
  elseif method == "review_restriction" or method == "challenge_restriction" then
    local r = latest_restriction(c, options.on)
    local t = { id = r and r.id }
    for key, value in pairs(options) do t[key] = value end
    return (method == "review_restriction" and restrictions.review or restrictions.challenge)(t)
  end
  return c[method](c, options)
end

local function names(allowed)
  local list = {}
  for name in pairs(allowed) do
    if type(name) == "string" then list[#list + 1] = name end
  end
  sort(list)
  return concat(list, ", ")
end

local function describe(v)
  if type(v) == "string" then return "'" .. v .. "'" end
  if v == nil then return "nothing" end
  return tostring(v)
end

-- A refusal's text without the `file:line:` the cases API puts in front.
local function bare(message)
  message = tostring(message)
  return (message:gsub("^[^\n]-:%d+: ", ""))
end

-- The cases API raises its refusals as text. Anything else it raises is a pack error, a hook of
-- the pack failing (or a limit): raised on, unchanged, for the host to report with the file and
-- line in the pack and the traceback from where it failed, never as a refusal.
local function refusal(message)
  if type(message) ~= "string" then error(message, 0) end
  return message
end

-- Checks the scenario's own shape; raises naming the field (scenarios[3].expect.stauts).
local function check_shape(s, where)
  if type(s) ~= "table" then error(format("%s: expected a table { name =, intake =, expect = }, got %s", where, describe(s)), 0) end
  for key in pairs(s) do
    if not SCENARIO[key] then error(format("%s.%s: unknown field (expected: %s)", where, tostring(key), names(SCENARIO)), 0) end
  end
  if type(s.name) ~= "string" or s.name == "" then error(where .. ".name: required (what the scenario shows)", 0) end
  if type(s.intake) ~= "table" then error(where .. ".intake: required (the fields for cases.intake)", 0) end
  if type(s.expect) ~= "table" then error(where .. ".expect: required (what the case should be)", 0) end
  for key in pairs(s.expect) do
    if not EXPECT[key] then error(format("%s.expect.%s: unknown field (expected: %s)", where, tostring(key), names(EXPECT)), 0) end
  end
  for _, key in ipairs { "due", "met_late" } do
    local t = s.expect[key]
    if t ~= nil and type(t) ~= "table" then
      error(format("%s.expect.%s: expected a table { clock = ... }, got %s", where, key, describe(t)), 0)
    end
  end
  for clock, d in pairs(s.expect.due or {}) do
    if d ~= false and not date.parse(d) then
      error(format("%s.expect.due.%s: expected a date or false, got %s", where, tostring(clock), describe(d)), 0)
    end
  end
  local r = s.expect.restriction
  if r ~= nil then
    if type(r) ~= "table" then error(format("%s.expect.restriction: expected a table { kind =, ... }, got %s", where, describe(r)), 0) end
    for key in pairs(r) do
      if not RESTRICTION[key] then error(format("%s.expect.restriction.%s: unknown field (expected: %s)", where, tostring(key), names(RESTRICTION)), 0) end
    end
  end
  local closure = s.expect.closure
  if closure ~= nil then
    if type(closure) ~= "table" then error(format("%s.expect.closure: expected a table { by =, outcome =, reason = }, got %s", where, describe(closure)), 0) end
    for key in pairs(closure) do
      if not CLOSURE[key] then error(format("%s.expect.closure.%s: unknown field (expected: %s)", where, tostring(key), names(CLOSURE)), 0) end
    end
  end
  if s.expect.flags ~= nil and type(s.expect.flags) ~= "table" then
    error(format("%s.expect.flags: expected a list of texts, got %s", where, describe(s.expect.flags)), 0)
  end
  local remedy = s.expect.remedy
  if type(remedy) == "table" then
    for key in pairs(remedy) do
      if not REMEDY[key] then error(format("%s.expect.remedy.%s: unknown field (expected: %s)", where, tostring(key), names(REMEDY)), 0) end
    end
  elseif remedy ~= nil and remedy ~= false and math.type(remedy) ~= "integer" then
    error(format("%s.expect.remedy: expected whole pence, false or a table, got %s", where, describe(remedy)), 0)
  end
  if s.steps ~= nil and type(s.steps) ~= "table" then error(format("%s.steps: expected an array of steps, got %s", where, describe(s.steps)), 0) end
  for i, step in ipairs(s.steps or {}) do
    local at = format("%s.steps[%d]", where, i)
    if type(step) ~= "table" then error(format("%s: expected { method, { options } }, got %s", at, describe(step)), 0) end
    for key in pairs(step) do
      if not STEP[key] then error(format("%s.%s: unknown field (expected: the method, its options, refused)", at, tostring(key)), 0) end
    end
    if not METHODS[step[1]] then
      error(format("%s: unknown method %s (expected one of: %s)", at, describe(step[1]), names(METHODS)), 0)
    end
    local options = step[2]
    if options ~= nil and type(options) ~= "table" then error(format("%s: options: expected a table, got %s", at, describe(options)), 0) end
    -- `on` (or a contact's `at`) keeps a scenario from depending on the day it runs.
    if step[1] == "log" then
      if not (options and options.at) then error(at .. ": give `at`, so the scenario does not depend on today", 0) end
    elseif not (options and options.on) then
      error(at .. ": give `on`, so the scenario does not depend on today", 0)
    end
  end
end

-- The clock `name`: of the case's current stage and round, else the last one of that name.
local function clock(c, name)
  local found
  for _, k in ipairs(c.clocks) do
    if k.name == name then
      if k.stage == c.stage and k.round == c.round then return k end
      found = k
    end
  end
  return found
end

-- The due date of an open case's clock `name` in its current stage and round, met or not (c.due
-- lists only the unmet ones; a scenario's `due` states what the clock's date is).
local function stage_due(c, name)
  if c.status ~= "open" then return nil end
  for _, k in ipairs(c.clocks) do
    if k.name == name and k.stage == c.stage and k.round == c.round then return k.due end
  end
  return nil
end

-- The case's latest remedy offer, from the store.
local function latest_remedy(ref)
  local rows = sql([[
    SELECT r.id, r.accept_by, r.payment_route, r.arrears_offset_pence AS arrears_offset, r.accepted, r.declined,
           (SELECT coalesce(sum(amount_pence), 0) FROM remedy_items WHERE remedy_id = r.id) AS pence
    FROM remedies r JOIN cases c ON c.id = r.case_id WHERE c.ref = ? ORDER BY r.id DESC LIMIT 1]], ref)
  local offer = rows[1]
  if not offer then return nil end
  offer.kinds = {}
  for _, item in ipairs(sql("SELECT kind FROM remedy_items WHERE remedy_id = ? ORDER BY id", offer.id)) do
    offer.kinds[#offer.kinds + 1] = item.kind
  end
  return offer
end

local function text(v)
  if v == nil then return "nothing" end
  if type(v) == "table" then return "{" .. concat(v, ", ") .. "}" end
  return tostring(v)
end

-- Compares the case with the expectation as of `on` (the scenario's last date); returns the
-- differences, one line each.
local function compare(c, expect, on)
  local diffs = {}
  local function differ(field, want, got)
    diffs[#diffs + 1] = format("%s: expected %s, got %s", field, text(want), text(got))
  end
  for _, field in ipairs { "anonymous", "confidential", "safeguarding" } do
    if expect[field] ~= nil and c[field] ~= expect[field] then differ(field, expect[field], c[field]) end
  end
  if expect.round ~= nil and c.round ~= expect.round then differ("round", expect.round, c.round) end
  if expect.closure then
    local got = c.closure
    if not got then
      diffs[#diffs + 1] = "closure: expected the case to have ended, but it is " .. c.status
    else
      for _, field in ipairs { "by", "outcome" } do
        if expect.closure[field] ~= nil and got[field] ~= expect.closure[field] then differ("closure." .. field, expect.closure[field], got[field]) end
      end
      if expect.closure.reason and not find(got.reason or "", expect.closure.reason, 1, true) then
        differ("closure.reason", "a reason containing '" .. expect.closure.reason .. "'", got.reason)
      end
    end
  end
  for _, field in ipairs { "kind", "stage", "status" } do
    local want = expect[field]
    if want ~= nil then
      local got = c[field]
      if want == false then
        if got ~= nil then differ(field, "none", got) end
      elseif tostring(got) ~= tostring(want) then
        differ(field, want, got)
      end
    end
  end
  local due_names = {}
  for name in pairs(expect.due or {}) do due_names[#due_names + 1] = name end
  sort(due_names)
  for _, name in ipairs(due_names) do
    local want, got = expect.due[name], stage_due(c, name)
    if want == false then
      if got ~= nil then differ("due." .. name, "none", got) end
    elseif got == nil or tostring(got) ~= tostring(date(want)) then
      differ("due." .. name, tostring(date(want)), got)
    end
  end
  for name, want in pairs(expect.met_late or {}) do
    local k = clock(c, name)
    local got = k and k.met_late
    if got ~= want then differ("met_late." .. name, want, k and (k.met and tostring(got) or "not met") or "no such clock") end
  end
  if expect.exclusion ~= nil or expect.clause ~= nil then
    local exclusion = c.exclusion
    if not exclusion then
      diffs[#diffs + 1] = "exclusion: expected the case to be excluded, but it was accepted"
    else
      if expect.exclusion and not find(exclusion.reason, expect.exclusion, 1, true) then
        differ("exclusion", "a reason containing '" .. expect.exclusion .. "'", "'" .. exclusion.reason .. "'")
      end
      if expect.clause and not find(exclusion.clause or "", expect.clause, 1, true) then
        differ("clause", "'" .. expect.clause .. "'", exclusion.clause)
      end
    end
  end
  if expect.flags then
    local flags = restrictions.flags(c)
    local same = #flags == #expect.flags
    for i, text in ipairs(expect.flags) do same = same and flags[i] ~= nil and find(flags[i], text, 1, true) ~= nil end
    if not same then differ("flags", expect.flags, flags) end
  end
  if expect.restriction then
    local r = latest_restriction(c, on)
    if not r then
      diffs[#diffs + 1] = "restriction: expected one on the complainant, got none"
    else
      for _, field in ipairs { "kind", "detail", "review_due", "active", "challenge_outcome" } do
        local wanted = expect.restriction[field]
        if wanted ~= nil and tostring(r[field]) ~= tostring(field == "review_due" and date(wanted) or wanted) then
          differ("restriction." .. field, wanted, r[field])
        end
      end
      local wanted = expect.restriction.last_review
      if wanted ~= nil then
        local last = sql("SELECT outcome FROM restriction_reviews WHERE restriction_id = ? ORDER BY id DESC LIMIT 1", r.id)[1]
        local got = last and last.outcome or false
        if got ~= wanted then differ("restriction.last_review", wanted or "none", got or "none") end
      end
    end
  end
  local want = expect.remedy
  if want ~= nil then
    local offer = latest_remedy(c.ref)
    if want == false then
      if offer then differ("remedy", "none", offer.pence .. " pence") end
    elseif not offer then
      differ("remedy", type(want) == "table" and "an offer" or (want .. " pence"), "none")
    else
      local wanted = type(want) == "table" and want or { pence = want }
      if wanted.pence ~= nil and offer.pence ~= wanted.pence then differ("remedy.pence", wanted.pence, offer.pence) end
      if wanted.kinds ~= nil and concat(offer.kinds, ", ") ~= concat(wanted.kinds, ", ") then
        differ("remedy.kinds", wanted.kinds, offer.kinds)
      end
      if wanted.accept_by ~= nil and offer.accept_by ~= tostring(date(wanted.accept_by)) then
        differ("remedy.accept_by", tostring(date(wanted.accept_by)), offer.accept_by)
      end
      if wanted.payment_route ~= nil and offer.payment_route ~= wanted.payment_route then
        differ("remedy.payment_route", wanted.payment_route, offer.payment_route)
      end
      if wanted.arrears_offset ~= nil and offer.arrears_offset ~= wanted.arrears_offset then
        differ("remedy.arrears_offset", wanted.arrears_offset, offer.arrears_offset)
      end
      for _, field in ipairs { "accepted", "declined" } do
        if wanted[field] ~= nil and offer[field] ~= tostring(date(wanted[field])) then differ("remedy." .. field, tostring(date(wanted[field])), offer[field]) end
      end
      if wanted.state ~= nil then
        -- as of the scenario's last date, not the day it runs
        local state = offer.accepted and "accepted" or offer.declined and "declined"
          or (offer.accept_by and date(offer.accept_by) < on) and "lapsed" or "open"
        if state ~= wanted.state then differ("remedy.state", wanted.state, state) end
      end
    end
  end
  return diffs
end

-- Packs by path, each loaded once per run.
local loaded = {}
local function pack_at(path)
  if not loaded[path] then loaded[path] = dofile(path) end
  return loaded[path]
end

--- count(path) → how many scenarios the pack at `path` carries
function M.count(path)
  local scenarios = pack_at(path).scenarios
  if scenarios == nil then return 0 end
  if type(scenarios) ~= "table" then error("scenarios: expected an array of scenarios, got " .. describe(scenarios), 0) end
  return rawlen(scenarios)  -- not a __len a pack might set
end

-- the facts' names given as anything but false, sorted
local function given(facts)
  local names = {}
  for key, value in pairs(facts) do
    if type(key) == "string" and value ~= false then names[#names + 1] = key end
  end
  sort(names)
  return names
end

--- has_triage(path) → whether the pack at `path` has a triage hook
function M.has_triage(path)
  return type(pack_at(path).triage) == "function"
end

--- triage(path, i, dated, received, event_date, aware_date, extra) → name, kind, exclusion,
--- given facts (or name, nil, nil, nil, error): the pack's triage alone on scenario i's intake
--- (`redress check --code` compares it with the pack's acceptance window). With `dated`, the
--- intake's received, event_date and aware_date are replaced by the three given (nil leaves
--- one out) and the facts in `extra` added. Dates are parsed as cases.intake parses them.
function M.triage(path, index, dated, received, event_date, aware_date, extra)
  local s = pack_at(path).scenarios[index]
  local name = type(s) == "table" and type(s.name) == "string" and s.name or format("scenarios[%d]", index)
  if type(s) ~= "table" or type(s.intake) ~= "table" then return name, nil, nil, nil, "no intake" end
  local facts = {}
  for key, value in pairs(s.intake) do facts[key] = value end
  if dated then
    facts.received, facts.event_date, facts.aware_date = received, event_date, aware_date
    for key, value in pairs(extra or {}) do facts[key] = value end
  end
  for _, key in ipairs { "received", "event_date", "aware_date" } do
    if facts[key] ~= nil then
      local d = date.parse(facts[key])
      if not d then return name, nil, nil, nil, format("%s: not a date: %s", key, describe(facts[key])) end
      facts[key] = d
    end
  end
  local triage = pack_at(path).triage
  if not triage then return name, "complaint", nil, given(facts) end
  local ok, verdict = pcall(triage, facts)
  if not ok then
    -- the pack's refuse(reason), or its code failing where the error says (not stripped)
    local mt = getmetatable(verdict)
    if type(mt) == "table" and mt.__name == "refusal" then return name, nil, nil, nil, "refused: " .. tostring(verdict) end
    return name, nil, nil, nil, "pack error: " .. tostring(verdict)
  end
  if type(verdict) ~= "table" then return name, nil, nil, nil, "triage returned " .. describe(verdict) end
  return name, verdict.kind or "complaint", verdict.exclude, given(facts)
end

--- reads(path, i) → the names of the intake fields the pack's triage reads on scenario i's
--- intake, sorted (`redress check` compares them with the standard fields and the pack's
--- facts). Triage runs alone, nothing recorded, on a table that notes each field asked of it
--- (and every field, when it is iterated); an error in triage ends the run, keeping what it read.
function M.reads(path, index)
  local s = pack_at(path).scenarios[index]
  local triage = pack_at(path).triage
  if type(triage) ~= "function" or type(s) ~= "table" or type(s.intake) ~= "table" then return {} end
  local facts = {}
  for key, value in pairs(s.intake) do facts[key] = value end
  for _, key in ipairs { "received", "event_date", "aware_date" } do
    if facts[key] ~= nil then facts[key] = date.parse(facts[key]) or facts[key] end
  end
  local read = {}
  local noted = setmetatable({}, {
    __index = function(_, key) read[key] = true; return facts[key] end,
    __pairs = function()
      for key in pairs(facts) do read[key] = true end
      return next, facts, nil
    end,
  })
  pcall(triage, noted)
  local names = {}
  for key in pairs(read) do
    if type(key) == "string" then names[#names + 1] = key end
  end
  sort(names)
  return names
end

--- label(path, i) → name, clause: how scenario i of the pack at `path` is called
function M.label(path, index)
  local s = pack_at(path).scenarios[index]
  local name = type(s) == "table" and type(s.name) == "string" and s.name or format("scenarios[%d]", index)
  return name, type(s) == "table" and s.clause or nil
end

--- run(path, i) → name, clause, differences (an empty table when the scenario passes); a pack
--- error (a hook of the pack failing) is raised on, unchanged
function M.run(path, index)
  local where = format("scenarios[%d]", index)
  local s = pack_at(path).scenarios[index]
  local name, clause = M.label(path, index)
  local shaped, why = pcall(check_shape, s, where)
  if not shaped then return name, clause, { why } end
  local expect = s.expect

  local ok, c = pcall(cases.intake, s.intake)
  if not ok then
    c = refusal(c)
    if expect.error and find(tostring(c), expect.error, 1, true) then return name, clause, {} end
    return name, clause, { "intake refused: " .. bare(c) }
  end
  if expect.error then
    return name, clause, { format("error: expected the intake to be refused with '%s', but it was recorded as %s", expect.error, tostring(c)) }
  end
  local last = date(s.intake.received)
  for i, step in ipairs(s.steps or {}) do
    local method, options = step[1], step[2]
    local day = date.parse(tostring(options.on or options.at):sub(1, 10))
    if day and day > last then last = day end
    local done, message = pcall(call, c, method, options or {})
    if not done then message = refusal(message) end
    local at = format("steps[%d] %s", i, method)
    if step.refused then
      if done then
        return name, clause, { format("%s: expected a refusal containing '%s', but it was recorded", at, step.refused) }
      elseif not find(tostring(message), step.refused, 1, true) then
        return name, clause, { format("%s: expected a refusal containing '%s', got '%s'", at, step.refused, bare(message)) }
      end
    elseif not done then
      return name, clause, { format("%s: refused: %s", at, bare(message)) }
    end
  end
  return name, clause, compare(c:refresh(), expect, last)
end

return M
