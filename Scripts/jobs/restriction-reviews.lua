-- Every working day: the review of restrictions on contact (unreasonable behaviour). The pack
-- sets when a restriction is reviewed (`restrictions.review`, e.g. { months = 12 }: southern-
-- charity's "We'll review customers we manage this way each year").
--
-- Each restriction whose review is due by the job's date is reviewed: the pack's
-- `restrictions.review.decide(restriction, activity)` hook proposes continue, vary or lift with
-- its reasons; the outcome is recorded (restrictions.review_due, which sets the next review as
-- the pack says) and the review-outcome letter (template `restriction-review`) is written to the
-- customer and recorded as issued. A review the hook leaves open, or a pack without the hook,
-- is listed for a person to decide and record with restrictions.review{...}. Reviews falling
-- due within `deadline_days` working days (default 3) are listed too.
-- Written to reports/restriction-reviews/<date>.txt; letters to reports/letters/restriction-<id>/.
local report = require "lib.report"

local function interval(review)
  for _, unit in ipairs({ "working_days", "days", "weeks", "months" }) do
    if review[unit] then return review[unit] .. " " .. unit:gsub("_", " ") end
  end
end

local function describe(r, name)
  return ("restriction %d  party %d %s  %s%s"):format(r.id, r.party, name or "(no name)", r.kind,
    r.detail and (" (" .. r.detail .. ")") or "")
end

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
    local due = restrictions.due(horizon)
    if #due == 0 then return "no reviews due" end

    local lines = { ("Restrictions on contact due for review on %s (or by %s); the pack reviews them every %s"):format(
      tostring(today), tostring(horizon), interval(rules.review)), "" }
    local reviewed, open, soon, unsent = 0, 0, 0, 0
    for _, r in ipairs(due) do
      local party = parties.get(r.party)
      lines[#lines + 1] = describe(r, party and party.name)
      lines[#lines + 1] = ("  since %s; review due %s; reasons: %s"):format(tostring(r.starts), tostring(r.review_due), r.reasons)
      if r.review_due > today then
        soon = soon + 1
        lines[#lines + 1] = "  due in " .. report.working_days(job.calendar:working_days_between(today, r.review_due))
      else
        local late = job.calendar:working_days_between(r.review_due, today)
        local decision, after = restrictions.review_due { id = r.id, on = today,
                                                          reviewer = "yearly review (pack " .. job.pack.name .. ")" }
        if decision then
          reviewed = reviewed + 1
          lines[#lines + 1] = ("  REVIEWED%s: %s. %s"):format(late > 0 and (" " .. report.working_days(late) .. " late") or "",
            decision.outcome, decision.reasons)
          lines[#lines + 1] = after.review_due and ("  next review due " .. tostring(after.review_due)) or "  lifted"
          local files, lacking = job:letter("restriction-review", { restriction = r.id })
          if files then
            lines[#lines + 1] = "  letter: " .. files[1]
          else
            unsent = unsent + 1
            lines[#lines + 1] = "  LETTER NOT ISSUED: " .. lacking
          end
        else
          open = open + 1
          lines[#lines + 1] = ("  TO DECIDE%s: %s; record it with restrictions.review{ id = %d, outcome =, reasons = }"):format(
            late > 0 and (" (" .. report.working_days(late) .. " overdue)") or "", after, r.id)
        end
      end
    end
    lines[#lines + 1] = ""
    job:write(("restriction-reviews/%s.txt"):format(tostring(today)), table.concat(lines, "\n"))
    local summary = ("%d reviewed, %d for a person to decide, %d due within %d working days"):format(reviewed, open, soon, within)
    if unsent > 0 then summary = summary .. (", %d letter%s not issued"):format(unsent, unsent == 1 and "" or "s") end
    return summary
  end,
}
