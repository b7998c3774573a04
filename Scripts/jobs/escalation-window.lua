-- Daily: closes the complaints whose escalation window has passed with no request to escalate,
-- where the pack says the complaint ends then. The window is a stage clock named
-- `escalation_window`; the pack says the complaint ends by refusing a late request to escalate,
--
--   escalation_window = { days = 14, from = "decision_sent", late = "refused" }
--
-- (Willow Tree: "If no request is received within 14 days, the complaint will be closed"), or
-- explicitly, for every stage with a window, with
--
--   jobs = { ["escalation-window"] = { close = true, clause = "..." } }     -- or close = false: never
--
-- A window that records a late request as late (WDH's) leaves its complaints open.
return {
  title = "Close complaints whose escalation window passed unanswered",
  schedule = "daily",

  run = function(job)
    local config = job:config { "close", "clause" } or {}
    if config.close ~= nil and type(config.close) ~= "boolean" then
      error(("pack %s: jobs.escalation-window.close: expected true or false, got %s"):format(job.pack.name, tostring(config.close)), 0)
    end
    local closing, clauses = {}, {}
    for _, stage in ipairs(job.pack.stages) do
      local window = stage.clocks and stage.clocks.escalation_window
      local name = tostring(stage.name)
      if window and (config.close == true or (config.close == nil and window.late == "refused")) then
        closing[name] = true
        clauses[name] = config.clause or window.clause
      end
    end
    if next(closing) == nil then
      return ("nothing to do: pack %s closes no complaint when an escalation window passes"):format(job.pack.name)
    end
    local rows = sql([[
      SELECT c.ref, k.stage, coalesce(k.extended_due, k.due) AS due_now
      FROM clocks k CROSS JOIN cases c ON c.id = k.case_id
      WHERE k.met IS NULL AND coalesce(k.extended_due, k.due) < ? AND k.name = 'escalation_window'
        AND c.status = 'open' AND k.stage = c.stage
      ORDER BY due_now, c.ref]], job.date)
    local lines = { ("Complaints closed on %s: no request to escalate within the window"):format(tostring(job.date)), "" }
    local closed = 0
    for _, row in ipairs(rows) do
      if closing[row.stage] then
        local c = cases.get(row.ref)
        c:close{ on = job.date, reason = ("no request to escalate stage %s by %s (%s)"):format(
          row.stage, row.due_now, clauses[row.stage] or "escalation window") }
        lines[#lines + 1] = ("  %-14s stage %-8s window ended %s"):format(row.ref, row.stage, row.due_now)
        closed = closed + 1
      end
    end
    if closed > 0 then
      lines[#lines + 1] = ""
      job:write(("escalation-window/%s.txt"):format(tostring(job.date)), table.concat(lines, "\n"))
    end
    return ("%d closed"):format(closed)
  end,
}
