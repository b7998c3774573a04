-- Every working day: the clocks overdue and the clocks due within the next few working days,
-- per officer and stage, for the team's morning. Written to reports/deadlines/<date>.txt.
-- How far ahead: the store's `deadline_days` setting (default 3 working days). Working days are
-- the store's pack's calendar (its region's bank holidays and its closure days). A clock counts
-- for an open case in the case's current stage (or, for a pack with tracks, its kind's track);
-- an escalation window is the customer's time, not the landlord's deadline, and is left out.
local report = require "lib.report"

return {
  title = "Clocks overdue and due soon, per officer and stage",
  schedule = { every_working_days = 1 },

  run = function(job)
    local today = job.date
    local within, horizon = report.horizon(job)
    -- From the index of unmet clocks by due date (CROSS JOIN keeps SQLite from starting at the
    -- open cases instead), so a store of a million cases answers in what the list itself costs.
    -- Only the current round of the case's stage: a complaint referred back to a stage is in its
    -- second round, and the first round's clocks are history.
    local rows = sql([[
      SELECT c.ref, k.stage, k.name AS clock, coalesce(k.extended_due, k.due) AS due_now,
             coalesce((SELECT a.officer FROM assignments a WHERE a.case_id = c.id ORDER BY a.id DESC LIMIT 1),
                      '(unassigned)') AS officer
      FROM clocks k CROSS JOIN cases c ON c.id = k.case_id
      WHERE k.met IS NULL AND coalesce(k.extended_due, k.due) <= ? AND c.status = 'open' AND k.stage = c.stage
        AND k.round = (SELECT h.round FROM stage_history h WHERE h.case_id = c.id ORDER BY h.id DESC LIMIT 1)
        AND k.name <> 'escalation_window'
      ORDER BY officer, k.stage, due_now, c.ref, clock]], horizon)

    local overdue, soon = 0, 0
    local lines = {
      ("Deadlines on %s %s: %s"):format(today:weekday(), tostring(today), job.pack.title or job.pack.name),
      ("Overdue clocks, and clocks due within %d working days (by %s)."):format(within, tostring(horizon)),
      "",
    }
    local officer, stage
    for _, row in ipairs(rows) do
      if row.officer ~= officer then
        officer, stage = row.officer, nil
        lines[#lines + 1] = officer
      end
      if row.stage ~= stage then
        stage = row.stage
        lines[#lines + 1] = "  " .. report.stage_name(row.stage)
      end
      local due = date(row.due_now)
      local when
      if due < today then
        overdue = overdue + 1
        local late = job.calendar:working_days_between(due, today)
        when = ("OVERDUE  %s late"):format(report.working_days(late))
      elseif due == today then
        soon = soon + 1
        when = "due today"
      else
        soon = soon + 1
        local left = job.calendar:working_days_between(today, due)
        when = "due in " .. report.working_days(left)
      end
      lines[#lines + 1] = ("    %-14s %-18s due %s  %s"):format(row.ref, row.clock, row.due_now, when)
    end
    if #rows == 0 then lines[#lines + 1] = "Nothing overdue and nothing due." end
    lines[#lines + 1] = ""
    job:write(("deadlines/%s.txt"):format(tostring(today)), table.concat(lines, "\n"))
    return ("%d overdue, %d due within %d working days"):format(overdue, soon, within)
  end,
}
