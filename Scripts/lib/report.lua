-- Small helpers shared by the scheduled jobs' reports.
local report = {}

--- "stage 1" for a numbered stage, the name itself for a named one ("review", "compliment").
function report.stage_name(stage)
  if stage == nil then return "(no stage)" end
  if tostring(stage):match("^%d+$") then return "stage " .. stage end
  return tostring(stage)
end

--- How far ahead a job looks: the store's `deadline_days` setting (default 3) and the working
--- day that many working days after the job's date, on the pack's calendar.
function report.horizon(job)
  local within = tonumber(job.settings.deadline_days or "3")
  return within, job.calendar:add_working_days(job.date, within)
end

--- "1 working day", "3 working days".
function report.working_days(n)
  return ("%d working day%s"):format(n, n == 1 and "" or "s")
end

--- The calendar quarter a date falls in: { first =, last =, label = "2026-Q1" }.
function report.quarter(d)
  d = date(d)
  local first_month = (d.month - 1) // 3 * 3 + 1
  local first = date(d.year, first_month, 1)
  return { first = first, last = first:add_months(3) - 1, label = ("%d-Q%d"):format(d.year, (first_month - 1) // 3 + 1) }
end

--- The quarter before the one a date falls in.
function report.previous_quarter(d)
  return report.quarter(report.quarter(d).first - 1)
end

--- A CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
function report.csv(value)
  local text = value == nil and "" or tostring(value)
  if text:find('[,"\r\n]') then return '"' .. text:gsub('"', '""') .. '"' end
  return text
end

return report
