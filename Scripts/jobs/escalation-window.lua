-- Daily: closes the complaints whose escalation window has passed with no request to escalate,
-- for a pack that says its complaints close then. The pack declares both halves of the rule:
-- the window, as a stage clock named `escalation_window` (e.g. { days = 14, from =
-- "decision_sent" }), and the closure, as
--
--   jobs = { ["escalation-window"] = { close = true, clause = "..." } }
--
-- (Willow Tree: "If no request is received within 14 days, the complaint will be closed.") A pack
-- that declares no closure is left alone: its late requests are recorded late instead.
return {
  title = "Close complaints whose escalation window passed unanswered",
  schedule = "daily",

  run = function(job)
    local config = job:config { "close", "clause" }
    if not (config and config.close == true) then
      return ("nothing to do: pack %s does not close complaints when an escalation window passes"):format(job.pack.name)
    end
    local rows = sql([[
      SELECT c.ref, k.stage, coalesce(k.extended_due, k.due) AS due_now
      FROM clocks k CROSS JOIN cases c ON c.id = k.case_id
      WHERE k.met IS NULL AND coalesce(k.extended_due, k.due) < ? AND k.name = 'escalation_window'
        AND c.status = 'open' AND k.stage = c.stage
      ORDER BY due_now, c.ref]], job.date)
    local lines = { ("Complaints closed on %s: no request to escalate within the window (%s)"):format(
      tostring(job.date), config.clause or ("pack " .. job.pack.name)), "" }
    for _, row in ipairs(rows) do
      local c = cases.get(row.ref)
      c:close{ on = job.date, reason = ("no request to escalate stage %s by %s (%s)"):format(
        row.stage, row.due_now, config.clause or "escalation window") }
      lines[#lines + 1] = ("  %-14s stage %-8s window ended %s"):format(row.ref, row.stage, row.due_now)
    end
    if #rows > 0 then
      lines[#lines + 1] = ""
      job:write(("escalation-window/%s.txt"):format(tostring(job.date)), table.concat(lines, "\n"))
    end
    return ("%d closed"):format(#rows)
  end,
}
