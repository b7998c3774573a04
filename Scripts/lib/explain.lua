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

--- The explanation of clock `clock` of case `ref` (of `stage`, or the case's current stage), or
--- of every clock of that stage's current round when `clock` is nil, as text.
---@param ref string
---@param clock string|nil
---@param stage string|nil
---@return string
function M.text(ref, clock, stage)
  local c = cases.get(ref)
  if not c then error(("no case '%s'"):format(ref), 0) end
  if clock then return explain(c, clock, stage).text end
  stage = stage or c.stage
  if not stage then
    error(("%s is a %s: it has no stage, so no clocks"):format(c.ref, c.kind), 0)
  end
  local round = 0
  for _, k in ipairs(c.clocks) do
    if k.stage == stage and k.round > round then round = k.round end
  end
  local parts = {}
  for _, k in ipairs(c.clocks) do
    if k.stage == stage and k.round == round then parts[#parts + 1] = explain(c, k.name, stage).text end
  end
  if #parts == 0 then return ("%s: stage %s has no running clocks"):format(c.ref, stage) end
  return c.ref .. "\n" .. table.concat(parts, "\n\n")
end

return M
