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
      SELECT k.ref, k.stage, k.due_now FROM clock_status k
      WHERE k.status = 'open' AND k.clock = 'escalation_window' AND k.met IS NULL AND k.stage = k.case_stage
        AND k.due_now < ?
      ORDER BY k.due_now, k.ref]], job.date)
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
