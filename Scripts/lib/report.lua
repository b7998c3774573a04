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

--- `part` of `whole` as a percentage to one decimal place, rounded half up ("80.8%"), as
--- `redress report` writes it; "n/a" of nothing.
function report.percent(part, whole)
  if whole == 0 then return "n/a" end
  local tenths = (part * 1000 * 2 + whole) // (whole * 2)
  return ("%d.%d%%"):format(tenths // 10, tenths % 10)
end

--- The answers at `stage` from `first` to `last` (dates or ISO text) that were on time, by each of
--- Redress's measures of "on time", as `redress report` counts them: read from the
--- `complaint_stages` view, whose on-time columns and the `on_time_measures` that name and
--- define them are made by the host from its one definition of each. Returns
--- { answered = n, measures = { { name =, title =, definition =, on_time =, percent = }, ... } },
--- the Code's measure (TSM CH02's) first.
function report.on_time(stage, first, last)
  if stage == nil then error("report.on_time: stage: required (the pack's stage name, e.g. \"1\")", 2) end
  local measures = sql("SELECT name, title, definition FROM on_time_measures ORDER BY position")
  local sums = {}
  for i, m in ipairs(measures) do
    if not m.name:match("^[%l_]+$") then error("report.on_time: unexpected measure name " .. m.name, 2) end
    sums[i] = ("coalesce(sum(%s), 0) AS %s"):format(m.name, m.name)
  end
  local counts = sql(("SELECT count(*) AS answered, %s FROM complaint_stages WHERE stage = ? AND responded BETWEEN ? AND ?")
    :format(table.concat(sums, ", ")), tostring(stage), date(first), date(last))[1]
  for _, m in ipairs(measures) do
    m.on_time = counts[m.name]
    m.percent = report.percent(m.on_time, counts.answered)
  end
  return { answered = counts.answered, measures = measures }
end

--- A CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
function report.csv(value)
  local text = value == nil and "" or tostring(value)
  if text:find('[,"\r\n]') then return '"' .. text:gsub('"', '""') .. '"' end
  return text
end

return report
