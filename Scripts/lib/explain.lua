--- Why a case's clocks are due when they are: `redress explain REF [CLOCK]` and the REPL's
--- `.explain REF [CLOCK]` print this; scripts and letters can use `c:explain(clock)` directly.
local M = {}

-- c:explain, its refusal raised without this file's position: the command line and the REPL
-- show the reason alone ("C-2026-000001: stage 1 has no clock 'reply' (its clocks: ...)").
local function explain(c, clock, stage)
  local ok, e = pcall(c.explain, c, clock, stage)
  if not ok then error((tostring(e):gsub("^[^\n]-:%d+: ", ""):gsub("^case:explain: ", "")), 0) end
  return e
end

-- one fact as the intake paragraph shows it: a flag by its name, a table as {…}
local function fact(name, value)
  if value == true then return name end
  if type(value) == "table" then return name .. " {…}" end
  return name .. " " .. tostring(value)
end

--- How case `c`'s intake was decided, as text: the facts its triage was given (as kept with the
--- case), what triage answered, and how the pack's acceptance window judged it.
---@param c table a case
---@return string
function M.intake(c)
  local lines = { ("Intake on %s: %s%s, %s"):format(tostring(c.received), c.kind,
                                                   c.stage and (", stage " .. c.stage) or "", c.status) }
  local facts = c.intake_facts
  if facts then
    local names = {}
    for name in pairs(facts) do names[#names + 1] = name end
    table.sort(names)
    for i, name in ipairs(names) do names[i] = fact(name, facts[name]) end
    lines[#lines + 1] = "  facts      " .. table.concat(names, " · ")
  else
    lines[#lines + 1] = "  facts      not kept (the case was recorded before Redress kept the facts of intake)"
  end
  local t = c.intake_triage
  if t then
    local answer = t.exclude and ("exclude: " .. t.exclude .. (t.clause and (" [" .. t.clause .. "]") or ""))
      or ((t.kind or "complaint") .. (t.stage and (", stage " .. tostring(t.stage)) or ""))
    lines[#lines + 1] = "  triage     " .. answer
  end
  if c.intake_window then lines[#lines + 1] = "  window     " .. c.intake_window.text end
  if c.exclusion then
    lines[#lines + 1] = "  excluded   " .. c.exclusion.reason .. (c.exclusion.clause and (" [" .. c.exclusion.clause .. "]") or "")
  end
  return table.concat(lines, "\n")
end

--- The explanation of clock `clock` of case `ref` (of `stage`, or the case's current stage), or,
--- when `clock` is nil, of the case's intake and every clock of that stage's current round, as text.
---@param ref string
---@param clock string|nil
---@param stage string|nil
---@return string
function M.text(ref, clock, stage)
  local c = cases.get(ref)
  if not c then error(("no case '%s'"):format(ref), 0) end
  if clock then return explain(c, clock, stage).text end
  local intake = M.intake(c)
  stage = stage or c.stage
  if not stage then
    return ("%s\n%s\n\n%s is a %s: it has no stage, so no clocks"):format(c.ref, intake, c.ref, c.kind:gsub("_", " "))
  end
  local round = 0
  for _, k in ipairs(c.clocks) do
    if k.stage == stage and k.round > round then round = k.round end
  end
  local parts = {}
  for _, k in ipairs(c.clocks) do
    if k.stage == stage and k.round == round then parts[#parts + 1] = explain(c, k.name, stage).text end
  end
  if #parts == 0 then return ("%s\n%s\n\n%s: stage %s has no running clocks"):format(c.ref, intake, c.ref, stage) end
  return c.ref .. "\n" .. intake .. "\n\n" .. table.concat(parts, "\n\n")
end

return M
