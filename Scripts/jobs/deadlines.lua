-- Every working day: the clocks overdue and the clocks due within the next few working days,
-- per officer and stage, for the team's morning. Written to reports/deadlines/<date>.txt.
-- How far ahead: the store's `deadline_days` setting (default 3 working days). Working days are
-- the store's pack's calendar (its region's bank holidays and its closure days). A clock counts
-- for an open case in the case's current stage (or, for a pack with tracks, its kind's track);
-- an escalation window is the customer's time, not the landlord's deadline, and is left out.
--
-- A clock that has not started because the event it runs from has not happened (c.waiting: a
-- WDH complaint acknowledged but not logged has its response clock waiting for the logging) is
-- not left out either: a case whose event is owed past the pack's limit for it (`anchors` on the
-- stage: WDH logs a stage 1 complaint within 5 working days of receipt) is listed with how late
-- it is and how long its clocks have waited, in working days; a wait for an event the pack sets
-- no limit on is counted per stage and event, saying so, rather than given a limit the policy
-- does not have. A wait for the decision that a running respond clock owes is that clock's, above.
local report = require "lib.report"

-- The cases waiting for an event past the pack's limit, each { ref, officer, stage, event,
-- clocks, since, waited, owed_by, late_by, limit, clause }, and the waits no limit applies to,
-- per stage and event: { stage, event, clocks, cases, longest, note }.
local function waiting_cases()
  local late, open = {}, {}
  -- Every open case with a waiting clock: most wait only for their decision, which their
  -- respond clock bounds.
  for _, c in ipairs(cases.find{ waiting = true }) do
    local events, order = {}, {}
    for _, w in ipairs(c.waiting) do
      if not w.bounded_by then
        local e = events[w.from]
        if not e then
          e = { ref = c.ref, officer = c.officer or "(unassigned)", stage = c.stage, event = w.from, clocks = {},
                since = w.since, waited = w.waited, owed_by = w.owed_by, late_by = w.late_by, limit = w.limit,
                clause = w.clause, note = w.note }
          events[w.from], order[#order + 1] = e, e
        end
        e.clocks[#e.clocks + 1] = w.clock
      end
    end
    for _, e in ipairs(order) do
      if e.late_by then
        late[#late + 1] = e
      elseif not e.owed_by then
        local key = e.stage .. "\0" .. e.event .. "\0" .. (e.note or "")
        local group = open[key]
        if not group then
          group = { stage = e.stage, event = e.event, clocks = {}, cases = 0, note = e.note }
          open[key] = group
        end
        for _, name in ipairs(e.clocks) do group.clocks[name] = true end
        group.cases = group.cases + 1
        if not group.longest or (e.waited or 0) > (group.longest.waited or 0) then group.longest = e end
      end
    end
  end
  table.sort(late, function(a, b)
    if a.officer ~= b.officer then return a.officer < b.officer end
    if a.stage ~= b.stage then return a.stage < b.stage end
    if a.owed_by ~= b.owed_by then return a.owed_by < b.owed_by end
    return a.ref < b.ref
  end)
  local groups = {}
  for _, group in pairs(open) do groups[#groups + 1] = group end
  table.sort(groups, function(a, b)
    if a.stage ~= b.stage then return a.stage < b.stage end
    if a.event ~= b.event then return a.event < b.event end
    return (a.note or "") < (b.note or "")
  end)
  return late, groups
end

local function names(set)
  local list = {}
  for name in pairs(set) do list[#list + 1] = name end
  table.sort(list)
  return table.concat(list, ", ")
end

-- Adds the officer's heading, then the stage's, where they differ from the previous row's (`at`
-- remembers them).
local function group(lines, at, officer, stage)
  if officer ~= at.officer then
    at.officer, at.stage = officer, nil
    lines[#lines + 1] = officer
  end
  if stage ~= at.stage then
    at.stage = stage
    lines[#lines + 1] = "  " .. report.stage_name(stage)
  end
end

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
    local heading = {}
    for _, row in ipairs(rows) do
      group(lines, heading, row.officer, row.stage)
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

    local late, unlimited = waiting_cases()
    if #late > 0 then
      lines[#lines + 1] = ""
      lines[#lines + 1] = "Waiting longer than the pack allows for the event their clocks run from."
      lines[#lines + 1] = ""
      local limits, seen = {}, {}
      heading = {}
      for _, e in ipairs(late) do
        group(lines, heading, e.officer, e.stage)
        lines[#lines + 1] = ("    %-14s %-18s owed %s  %s late; %s waiting since %s (%s)"):format(e.ref, e.event,
          tostring(e.owed_by), report.working_days(e.late_by), table.concat(e.clocks, ", "), tostring(e.since),
          report.working_days(e.waited or 0))
        local key = e.stage .. "\0" .. e.event
        if not seen[key] then
          seen[key] = true
          limits[#limits + 1] = ("  %s: %s within %s%s"):format(report.stage_name(e.stage), e.event, e.limit,
            e.clause and (" (" .. e.clause .. ")") or "")
        end
      end
      lines[#lines + 1] = "The pack's limits:"
      for _, limit in ipairs(limits) do lines[#lines + 1] = limit end
    end
    local unlimited_cases = 0
    if #unlimited > 0 then
      lines[#lines + 1] = ""
      lines[#lines + 1] = "Waiting for an event the pack sets no limit on."
      lines[#lines + 1] = ""
      for _, group in ipairs(unlimited) do
        unlimited_cases = unlimited_cases + group.cases
        local longest = group.longest
        lines[#lines + 1] = ("  %s: %d case%s waiting for %s (%s): %s; the longest, %s, since %s (%s)"):format(
          report.stage_name(group.stage), group.cases, group.cases == 1 and "" or "s", group.event, names(group.clocks),
          group.note or ("the pack sets no limit for " .. group.event .. " at " .. report.stage_name(group.stage)),
          longest.ref, tostring(longest.since), report.working_days(longest.waited or 0))
      end
    end
    lines[#lines + 1] = ""
    job:write(("deadlines/%s.txt"):format(tostring(today)), table.concat(lines, "\n"))
    local summary = ("%d overdue, %d due within %d working days"):format(overdue, soon, within)
    if #late > 0 then summary = summary .. ("; %d waiting past the pack's limit"):format(#late) end
    if unlimited_cases > 0 then summary = summary .. ("; %d waiting with no limit set"):format(unlimited_cases) end
    return summary
  end,
}
