-- Every working day: restrictions on contact (unreasonable behaviour) whose review is overdue or
-- falls due within `deadline_days` working days (default 3), for whoever reviews them. The pack
-- sets when a restriction is reviewed (`restrictions.review`, e.g. { months = 12 }: southern-
-- charity's "We'll review customers we manage this way each year"); the review itself, continue,
-- vary or lift with reasons, is a person's decision, recorded with restrictions.review{...},
-- which sets the next review. Written to reports/restriction-reviews/<date>.txt.
local report = require "lib.report"

return {
  title = "Restrictions on contact due for review",
  schedule = { every_working_days = 1 },

  run = function(job)
    local rules = job.pack.restrictions
    if type(rules) ~= "table" or rules.review == nil then
      return ("nothing to do: pack %s sets no review of restrictions"):format(job.pack.name)
    end
    local today = job.date
    local within, horizon = report.horizon(job)
    local rows = sql([[
      SELECT r.id, r.party_id, p.name, r.kind, r.detail, r.reasons, r.starts, r.review_due,
             (SELECT v.outcome || ' on ' || v.reviewed FROM restriction_reviews v WHERE v.restriction_id = r.id
              ORDER BY v.id DESC LIMIT 1) AS last_review
      FROM restrictions r JOIN parties p ON p.id = r.party_id
      WHERE r.lifted IS NULL AND r.review_due IS NOT NULL AND r.review_due <= ?
      ORDER BY r.review_due, r.id]], horizon)
    if #rows == 0 then return "no reviews due" end
    local overdue, soon = 0, 0
    local lines = { ("Restrictions due for review on %s (by %s); the pack reviews them after %s"):format(
      tostring(today), tostring(horizon), (function()
        for _, unit in ipairs({ "working_days", "days", "weeks", "months" }) do
          if rules.review[unit] then return rules.review[unit] .. " " .. unit:gsub("_", " ") end
        end
      end)()), "" }
    for _, row in ipairs(rows) do
      local due = date(row.review_due)
      local when
      if due < today then
        overdue = overdue + 1
        local late = job.calendar:working_days_between(due, today)
        when = "OVERDUE by " .. report.working_days(late)
      else
        soon = soon + 1
        local left = job.calendar:working_days_between(today, due)
        when = due == today and "due today" or ("due in " .. report.working_days(left))
      end
      lines[#lines + 1] = ("restriction %d  party %d %s  %s%s"):format(row.id, row.party_id, row.name or "(no name)", row.kind,
        row.detail and (" (" .. row.detail .. ")") or "")
      lines[#lines + 1] = ("  since %s; review %s, %s%s"):format(row.starts, row.review_due, when,
        row.last_review and ("; last review: " .. row.last_review) or "")
      lines[#lines + 1] = "  reasons: " .. row.reasons
    end
    lines[#lines + 1] = ""
    job:write(("restriction-reviews/%s.txt"):format(tostring(today)), table.concat(lines, "\n"))
    return ("%d overdue, %d due within %d working days"):format(overdue, soon, within)
  end,
}
