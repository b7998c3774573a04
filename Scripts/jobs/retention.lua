-- Daily: removes the personal data of cases closed longer ago than the pack's retention period
-- (the pack's `retention = { years = 6 }`; README "Who sees what"), keeping what TSM returns and
-- the annual report count. Each case is done once, so a day with nothing past the period
-- changes nothing. A pack that declares no period is left alone. The list of what was removed
-- is written to reports/retention/<date>.txt.
return {
  title = "Remove personal data past the pack's retention period",
  schedule = "daily",

  run = function(job)
    if job.settings["retention.months"] == nil then
      return ("nothing to do: pack %s declares no retention period"):format(job.pack.name)
    end
    local removed = cases.apply_retention{ as_of = job.date }
    if #removed.cases == 0 and #removed.parties == 0 then
      return ("nothing past the period (cases closed on or before %s)"):format(tostring(removed.cutoff))
    end
    local lines = { ("Personal data removed on %s: cases closed on or before %s (%d months)"):format(
      tostring(job.date), tostring(removed.cutoff), removed.months), "" }
    for _, ref in ipairs(removed.cases) do lines[#lines + 1] = "  " .. ref end
    lines[#lines + 1] = ("%d cases; %d people anonymised (party ids %s)"):format(#removed.cases, #removed.parties,
      #removed.parties > 0 and table.concat(removed.parties, ", ") or "none")
    job:write(("retention/%s.txt"):format(tostring(job.date)), table.concat(lines, "\n"))
    return ("%d cases, %d people"):format(#removed.cases, #removed.parties)
  end,
}
