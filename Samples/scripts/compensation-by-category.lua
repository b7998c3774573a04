-- What the landlord has offered to put things right, by complaint category: the remedies'
-- money items in pounds by kind, how many remedies were only an apology and action, what was
-- offset against arrears, and how the money is paid.
--
--   redress run --db wdh.sqlite Samples/scripts/compensation-by-category.lua [FROM [TO]]
--
-- FROM and TO (ISO dates, inclusive) limit the remedies to those offered in that period;
-- without them, every remedy in the store. Amounts are stored in pence (remedy_items.amount_pence);
-- they are shown in pounds. Reads only.

local from, to = arg[1] or "0000-01-01", arg[2] or "9999-12-31"

-- the kinds of remedy item that carry money, in the columns' order
local KINDS = { { "evidenced_loss", "loss" }, { "time_and_trouble", "time+trouble" },
                { "distress_and_inconvenience", "distress" }, { "loss_of_amenity", "amenity" },
                { "goodwill_gesture", "goodwill" } }

local function pounds(pence)
  local whole = tostring(pence // 100):reverse():gsub("(%d%d%d)", "%1,"):reverse():gsub("^,", "")
  return ("£%s.%02d"):format(whole, pence % 100)
end

local items = sql([[
  SELECT coalesce(c.category, '(none)') AS category, i.kind, sum(i.amount_pence) AS pence
  FROM remedy_items i JOIN remedies r ON r.id = i.remedy_id JOIN cases c ON c.id = r.case_id
  WHERE r.offered BETWEEN ? AND ?
  GROUP BY 1, 2]], from, to)

-- per remedy: its category and its money total, to count remedies and apology-only ones
local remedies = sql([[
  SELECT coalesce(c.category, '(none)') AS category, r.arrears_offset_pence AS offset, r.payment_route AS route,
         (SELECT coalesce(sum(amount_pence), 0) FROM remedy_items WHERE remedy_id = r.id) AS pence
  FROM remedies r JOIN cases c ON c.id = r.case_id
  WHERE r.offered BETWEEN ? AND ?]], from, to)

if #remedies == 0 then
  print(("No remedies offered%s."):format(arg[1] and (" from " .. from .. " to " .. to) or ""))
  return
end

local rows, order = {}, {}
local function row(category)
  if not rows[category] then
    rows[category] = { category = category, remedies = 0, apology_only = 0, pence = 0 }
    order[#order + 1] = category
  end
  return rows[category]
end
for _, item in ipairs(items) do
  local r = row(item.category)
  r[item.kind] = item.pence
end
local offset, routes = 0, {}
for _, remedy in ipairs(remedies) do
  local r = row(remedy.category)
  r.remedies = r.remedies + 1
  r.pence = r.pence + remedy.pence
  if remedy.pence == 0 then r.apology_only = r.apology_only + 1 end
  offset = offset + remedy.offset
  if remedy.pence > 0 then
    local route = remedy.route or "(payment route not recorded)"
    routes[route] = (routes[route] or 0) + remedy.pence - remedy.offset
  end
end
table.sort(order, function(a, b)
  if rows[a].pence ~= rows[b].pence then return rows[a].pence > rows[b].pence end
  return a < b
end)

local header = { ("%-22s %8s %8s"):format("category", "remedies", "no money") }
for _, kind in ipairs(KINDS) do header[#header + 1] = ("%12s"):format(kind[2]) end
header[#header + 1] = ("%12s"):format("total")
print(("Remedies offered%s, by category (pounds):"):format(arg[1] and (" from " .. from .. " to " .. to) or ""))
print(table.concat(header, " "))

local all = { remedies = 0, apology_only = 0, pence = 0 }
for _, category in ipairs(order) do
  local r = rows[category]
  local cells = { ("%-22s %8d %8d"):format(category, r.remedies, r.apology_only) }
  for _, kind in ipairs(KINDS) do
    local pence = r[kind[1]] or 0
    all[kind[1]] = (all[kind[1]] or 0) + pence
    cells[#cells + 1] = ("%12s"):format(pence > 0 and pounds(pence) or "-")
  end
  cells[#cells + 1] = ("%12s"):format(pounds(r.pence))
  all.remedies, all.apology_only, all.pence = all.remedies + r.remedies, all.apology_only + r.apology_only, all.pence + r.pence
  print(table.concat(cells, " "))
end
local cells = { ("%-22s %8d %8d"):format("all", all.remedies, all.apology_only) }
for _, kind in ipairs(KINDS) do cells[#cells + 1] = ("%12s"):format(pounds(all[kind[1]] or 0)) end
cells[#cells + 1] = ("%12s"):format(pounds(all.pence))
print(table.concat(cells, " "))

local paid = {}
for route, pence in pairs(routes) do paid[#paid + 1] = ("%s %s"):format(pounds(pence), route) end
table.sort(paid)
print(("Offset against arrears: %s. To pay: %s."):format(pounds(offset), #paid > 0 and table.concat(paid, ", ") or "nothing"))
