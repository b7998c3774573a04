-- Every working day: remedy offers with an acceptance deadline that neither acceptance nor a
-- refusal has answered, lapsed or lapsing within `deadline_days` working days (default 3), per
-- officer. The deadline is the offer's own `accept_by`, which the pack's remedy hook sets (WDH:
-- "The customer will be given eight weeks to return the form"). A report only: nothing changes.
local report = require "lib.report"

return {
  title = "Remedy offers lapsed or lapsing without an answer",
  schedule = { every_working_days = 1 },

  run = function(job)
    local today = job.date
    local within, horizon = report.horizon(job)
    local rows = sql([[
      SELECT c.ref, r.offered, r.accept_by, coalesce(o.officer, '(unassigned)') AS officer,
             (SELECT coalesce(sum(i.amount_pence), 0) FROM remedy_items i WHERE i.remedy_id = r.id) AS pence
      FROM remedies r JOIN cases c ON c.id = r.case_id LEFT JOIN case_officers o ON o.case_id = c.id
      WHERE r.accept_by IS NOT NULL AND r.accepted IS NULL AND r.declined IS NULL AND r.accept_by <= ?
      ORDER BY officer, r.accept_by, c.ref]], horizon)
    if #rows == 0 then return "no offers lapsed or lapsing" end
    local lapsed, lapsing = 0, 0
    local lines = { ("Remedy offers awaiting an answer on %s (lapsing by %s)"):format(tostring(today), tostring(horizon)), "" }
    local officer
    for _, row in ipairs(rows) do
      if row.officer ~= officer then
        officer = row.officer
        lines[#lines + 1] = officer
      end
      local state
      if date(row.accept_by) < today then
        lapsed = lapsed + 1
        state = "LAPSED"
      else
        lapsing = lapsing + 1
        state = "lapses"
      end
      lines[#lines + 1] = ("  %-14s offered %s  %s %s  £%d.%02d"):format(row.ref, row.offered, state, row.accept_by,
        row.pence // 100, row.pence % 100)
    end
    lines[#lines + 1] = ""
    job:write(("remedy-offers/%s.txt"):format(tostring(today)), table.concat(lines, "\n"))
    return ("%d lapsed, %d lapsing within %d working days"):format(lapsed, lapsing, within)
  end,
}
