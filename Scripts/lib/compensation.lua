-- Remedy items in pence, each with its reason, for packs' remedy(case, findings, decided) hooks.
--
-- The fixed sums are the Housing Ombudsman's Compensation Guidance, published 3 February 2026
-- and effective 1 April 2026 ("specific compensation orders"; shared/research/domain.md 2.3,
-- checked against a secondary source only): loss of heating £15 a day (complete) or £8 a day
-- (heating or hot water), loss of power £10 a day (complete) or £10 a week (lighting only),
-- £15 for each missed appointment. The Code asks landlords to take account of the Ombudsman's
-- guidance when deciding remedies (Code 7.4). A landlord's own amounts (distress, time and
-- trouble, goodwill) are the landlord's to set: packs pass them in, with their reasons.
local M = {}

--- The guidance's fixed sums, in pence.
M.ombudsman_2026 = {
  heating_complete_per_day = 1500,
  heating_or_hot_water_per_day = 800,
  power_complete_per_day = 1000,
  lighting_only_per_week = 1000,
  missed_appointment = 1500,
}

local sums = M.ombudsman_2026

local function count(n, what)
  if math.type(n) ~= "integer" or n < 0 then
    error(("compensation: %s: expected a whole number of 0 or more, got %s"):format(what, tostring(n)), 3)
  end
  return n
end

local function plural(n, word)
  return n .. " " .. word .. (n == 1 and "" or "s")
end

local function pounds(pence)
  return ("£%d.%02d"):format(pence // 100, pence % 100)
end

--- an apology: no money, the reason says what for
function M.apology(reason)
  return { kind = "apology", pence = 0, reason = reason }
end

--- the practical action the landlord will take
function M.action(reason)
  return { kind = "practical_action", pence = 0, reason = reason }
end

--- `days` without any heating (£15 a day)
function M.loss_of_heating(days)
  count(days, "days without heating")
  return { kind = "loss_of_amenity", pence = days * sums.heating_complete_per_day,
           reason = plural(days, "day") .. " without heating at " .. pounds(sums.heating_complete_per_day)
             .. " a day (Housing Ombudsman compensation guidance 2026)" }
end

--- `days` without heating or without hot water, one of the two (£8 a day)
function M.loss_of_heating_or_hot_water(days)
  count(days, "days without heating or hot water")
  return { kind = "loss_of_amenity", pence = days * sums.heating_or_hot_water_per_day,
           reason = plural(days, "day") .. " without heating or hot water at " .. pounds(sums.heating_or_hot_water_per_day)
             .. " a day (Housing Ombudsman compensation guidance 2026)" }
end

--- `days` without any power (£10 a day)
function M.loss_of_power(days)
  count(days, "days without power")
  return { kind = "loss_of_amenity", pence = days * sums.power_complete_per_day,
           reason = plural(days, "day") .. " without power at " .. pounds(sums.power_complete_per_day)
             .. " a day (Housing Ombudsman compensation guidance 2026)" }
end

--- `weeks` without lighting only (£10 a week)
function M.loss_of_lighting(weeks)
  count(weeks, "weeks without lighting")
  return { kind = "loss_of_amenity", pence = weeks * sums.lighting_only_per_week,
           reason = plural(weeks, "week") .. " without lighting at " .. pounds(sums.lighting_only_per_week)
             .. " a week (Housing Ombudsman compensation guidance 2026)" }
end

--- `n` missed appointments (£15 each)
function M.missed_appointments(n)
  count(n, "missed appointments")
  return { kind = "time_and_trouble", pence = n * sums.missed_appointment,
           reason = plural(n, "missed appointment") .. " at " .. pounds(sums.missed_appointment)
             .. " each (Housing Ombudsman compensation guidance 2026)" }
end

--- loss of amenity as a share of rent: `rooms` of the home's `of` rooms unusable for `days`,
--- at `weekly_rent` pence a week; rounded to the nearest penny
function M.rent_share(t)
  count(t.rooms, "rooms unusable")
  count(t.of, "rooms in the home")
  count(t.days, "days unusable")
  count(t.weekly_rent, "weekly rent in pence")
  if t.of == 0 or t.rooms > t.of then
    error(("compensation: rooms unusable: %d of %d rooms is not a share of the home"):format(t.rooms, t.of), 2)
  end
  local pence = (t.weekly_rent * t.rooms * t.days * 2 + 7 * t.of) // (14 * t.of)
  return { kind = "loss_of_amenity", pence = pence,
           reason = ("%s of %d unusable for %s: %d/%d of %s weekly rent for %d/7 weeks"):format(
             plural(t.rooms, "room"), t.of, plural(t.days, "day"), t.rooms, t.of, pounds(t.weekly_rent), t.days) }
end

--- an amount the landlord sets, of `kind`, with its reason
function M.item(kind, pence, reason)
  count(pence, kind .. " pence")
  return { kind = kind, pence = pence, reason = reason }
end

--- the items for the findings every pack may record: days_without_heating,
--- days_without_heating_or_hot_water, days_without_power, weeks_without_lighting,
--- missed_appointments, rooms_unusable = { rooms =, of =, days =, weekly_rent = }
function M.guidance_items(findings)
  local items = {}
  if findings.days_without_heating then items[#items + 1] = M.loss_of_heating(findings.days_without_heating) end
  if findings.days_without_heating_or_hot_water then
    items[#items + 1] = M.loss_of_heating_or_hot_water(findings.days_without_heating_or_hot_water)
  end
  if findings.days_without_power then items[#items + 1] = M.loss_of_power(findings.days_without_power) end
  if findings.weeks_without_lighting then items[#items + 1] = M.loss_of_lighting(findings.weeks_without_lighting) end
  if findings.missed_appointments then items[#items + 1] = M.missed_appointments(findings.missed_appointments) end
  if findings.rooms_unusable then items[#items + 1] = M.rent_share(findings.rooms_unusable) end
  return items
end

--- the sum of the items, in pence
function M.total(items)
  local sum = 0
  for _, item in ipairs(items) do sum = sum + item.pence end
  return sum
end

return M
