-- Quarterly, on the first day of each quarter: draws the samples the pack asks for from the
-- quarter just ended, reproducibly (seeded by the store's `sample_seed` setting, the purpose and
-- the quarter) and never drawing the same person twice for a purpose in a quarter. The pack
-- declares each sample:
--
--   jobs = { sampling = {
--     { purpose = "feedback", share = 0.10, of = "complainants", clause = "Performance Standards" },
--     { purpose = "learning", share = 0.25, of = { stage = "2" }, clause = "Performance Standards" },
--   } }
--
-- `of = "complainants"`: the people who made a complaint received in the quarter (anonymous
-- complaints have no one to contact). `of = { stage = NAME }`: the complaints that entered that
-- stage in the quarter, with their complainants. Each sample is written to
-- reports/sampling/<quarter>-<purpose>.csv, with the contact details of the people drawn.
local report = require "lib.report"

local function population(of, quarter, where)
  if of == "complainants" then
    return sql([[
      SELECT c.complainant_id AS party, c.ref AS "case" FROM cases c
      WHERE c.kind = 'complaint' AND c.status <> 'excluded' AND c.complainant_id IS NOT NULL
        AND c.received BETWEEN ? AND ? ORDER BY c.id]], quarter.first, quarter.last)
  end
  if type(of) == "table" and type(of.stage) == "string" and next(of, next(of)) == nil then
    return sql([[
      SELECT c.complainant_id AS party, c.ref AS "case" FROM stage_history h JOIN cases c ON c.id = h.case_id
      WHERE h.stage = ? AND h.entered BETWEEN ? AND ? ORDER BY h.id]], of.stage, quarter.first, quarter.last)
  end
  error(("%s.of: expected \"complainants\" or { stage = \"2\" }"):format(where), 0)
end

return {
  title = "Quarterly samples the pack asks for (feedback calls, learning sessions)",
  schedule = { quarterly = 1 },

  run = function(job)
    local samples = job.pack.jobs and job.pack.jobs.sampling
    if samples == nil then return ("nothing to do: pack %s asks for no samples"):format(job.pack.name) end
    local where = ("pack %s: jobs.sampling"):format(job.pack.name)
    if type(samples) ~= "table" or #samples == 0 then error(where .. ": expected an array of samples", 0) end
    local quarter = report.previous_quarter(job.date)
    local said = {}
    for index, sample in ipairs(samples) do
      local at = ("%s[%d]"):format(where, index)
      job:check(sample, { "purpose", "share", "of", "clause" }, at)
      if type(sample.purpose) ~= "string" or not sample.purpose:match("^[%w][%w_-]*$") then
        error(at .. ".purpose: expected a name such as \"feedback\", got " .. tostring(sample.purpose), 0)
      end
      if type(sample.share) ~= "number" or sample.share < 0 or sample.share > 1 then
        error(at .. ".share: expected a share from 0 to 1 (0.1 for 10%), got " .. tostring(sample.share), 0)
      end
      local draw = job:sample{ purpose = sample.purpose, period = quarter.label, share = sample.share,
                               population = population(sample.of, quarter, at) }
      local lines = { "purpose,period,case,party,name,email,phone,preferred_contact" }
      for _, drawn in ipairs(draw.drawn) do
        local party = drawn.party and parties.get(drawn.party) or {}
        local fields = { sample.purpose, quarter.label, drawn.case, drawn.party, party.name, party.email, party.phone,
                         party.preferred_contact }
        for i = 1, 8 do fields[i] = report.csv(fields[i]) end
        lines[#lines + 1] = table.concat(fields, ",")
      end
      job:write(("sampling/%s-%s.csv"):format(quarter.label, sample.purpose), table.concat(lines, "\r\n") .. "\r\n")
      said[#said + 1] = ("%s: %d drawn of %d (%d drawn before; at least %d needed)"):format(
        sample.purpose, #draw.drawn, draw.population, draw.earlier, draw.target)
    end
    return quarter.label .. ": " .. table.concat(said, "; ")
  end,
}
