-- Letters from templates: the case's data, a template found by kind, the parts the template says
-- it requires, and the letter as text and as HTML. `redress letter KIND REF` calls render().
--
-- A letter is about a case (its reference) or about a restriction on a party's contact
-- ({ restriction = id }: the restriction notice and a review's outcome).
--
-- A template is a text file: a header of `name: value` lines (and `-- comment` lines, for the
-- clause the letter implements), a line `---`, then the body.
--
--   required: stage, decision, reasons
--   subject: Our decision on your complaint {{case.ref}}
--   ---
--   Dear {{complainant.name}},
--
--   {{#remedy}}We offer:
--   {{#items}}- {{kind}}: {{amount}} ({{reason}})
--   {{/items}}{{/remedy}}
--
-- `{{a.b}}` is a value; `{{#x}}...{{/x}}` repeats for each item of a list x (or once when x is
-- present and not false), `{{^x}}...{{/x}}` when x is absent, false or an empty list. In the
-- body a blank line ends a paragraph, `## ` starts a heading and `- ` a list item: the same
-- template gives the text letter and the HTML one.
local ombudsman = require "lib.ombudsman"

local letters = {}

-- What each part a template may require means, and where the Code asks for it. A part is
-- missing when the case's data does not give it, or the template never uses it.
letters.parts = {
  stage = "the complaint stage (Code 6.9)",
  definition = "the complaint definition: what the complaint is about, as acknowledged (Code 6.2, 6.9)",
  decision = "the decision on the complaint (Code 6.9)",
  findings = "the findings of the investigation (Code 6.9: address all points raised)",
  reasons = "the reasons for any decisions made (Code 6.9)",
  remedy = "the details of any remedy offered to put things right (Code 6.9, 7.3); record it with the response",
  outstanding_actions = "the details of any outstanding actions (Code 6.9); record them with c:actions{...}, or c:actions{} for none",
  escalation = "how to escalate the matter if the resident is not satisfied (Code 6.9, 6.19)",
  ombudsman = "the Housing Ombudsman's contact details (Code 2.4, 6.5, 6.16)",
  extension = "the extension: how long, why, and the new date (Code 6.4, 6.5)",
  exclusion = "why the complaint is not accepted (Code 2.1, 2.4)",
  respond_due = "when the response is due (Code 6.3, 6.14)",
  complainant = "who the letter is to",
  restriction = "the restriction on contact: what it asks of the customer, from when, and the reasons for it",
  review = "the review of the restriction: its outcome, the reasons, and when the next review is",
  acceptance = "an offer of redress with the date to accept it by (the pack's remedy hook sets accept_by)",
}

local REVIEW_OUTCOMES = { continue = "kept in place", vary = "changed", lift = "ended" }

local OUTCOMES = { upheld = "upheld", partly_upheld = "partly upheld", not_upheld = "not upheld" }

local function pounds(pence)
  return ("£%d.%02d"):format(pence // 100, pence % 100)
end

local function stage_title(stage)
  if stage == nil then return nil end
  if tostring(stage):match("^%d+$") then return "stage " .. stage end
  return tostring(stage)
end

local function duration(clock)
  for _, unit in ipairs({ "working_days", "days", "weeks", "months" }) do
    if clock[unit] then
      local n = clock[unit]
      local name = unit:gsub("_", " ")
      if n == 1 then name = name:gsub("s$", "") end
      return ("%d %s"):format(n, name)
    end
  end
end

local MONTHS = { "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December" }

--- A date as a letter writes it: "22 December 2026".
function letters.long_date(d)
  if d == nil then return nil end
  d = date(d)
  return ("%d %s %d"):format(d.day, MONTHS[d.month], d.year)
end
local long_date = letters.long_date

local function blank(v)
  return v == nil or v == "" or v == false
end

-- Reasons as a letter prints them: a capital first letter and a full stop.
local function sentence(text)
  text = text:gsub("^%l", string.upper)
  if not text:match("[.!?]$") then text = text .. "." end
  return text
end

local function landlord(settings, pack)
  return { name = settings.landlord or pack.title, address = settings.landlord_address, email = settings.complaints_email,
           phone = settings.complaints_phone }
end

--- The data a letter about restriction `id` can use: the party it restricts (`complainant`),
--- the restriction as the pack's kind says it, its latest review, and how to challenge it.
--- `pack` gives `restrictions` as the pack declares them (kinds with `says`, `challenge`).
function letters.restriction_data(id, pack, settings, today)
  local r = restrictions.get(id)
  if r == nil or r.kind == "warning" then error(("no restriction with id %s"):format(tostring(id)), 0) end
  local rules = type(pack.restrictions) == "table" and pack.restrictions or {}
  local kind = type(rules.kinds) == "table" and rules.kinds[r.kind] or {}
  local asks
  if kind.says then
    asks = kind.says:gsub("{detail}", function() return r.detail or "" end)
  else
    asks = "we will manage your contact with us this way: " .. r.kind:gsub("_", " ") .. (r.detail and (", " .. r.detail) or "")
  end
  local party = parties.get(r.party)
  local data = {
    today = long_date(today),
    landlord = landlord(settings, pack),
    ombudsman = ombudsman,
    complainant = party and { name = party.name, address = party.address, email = party.email } or nil,
    restriction = { kind = r.kind:gsub("_", " "), detail = r.detail, asks = asks, reasons = sentence(r.reasons), starts = long_date(r.starts),
                    review_due = long_date(r.review_due), lifted = long_date(r.lifted), clause = kind.clause or rules.clause },
  }
  local review = sql([[SELECT reviewed, outcome, reasons, reviewer FROM restriction_reviews WHERE restriction_id = ?
                       ORDER BY id DESC LIMIT 1]], id)[1]
  if review then
    data.review = { outcome = REVIEW_OUTCOMES[review.outcome] or review.outcome, reasons = sentence(review.reasons),
                    reviewed = long_date(review.reviewed), reviewer = review.reviewer,
                    continued = review.outcome == "continue", varied = review.outcome == "vary", lifted = review.outcome == "lift",
                    next_review = review.outcome ~= "lift" and long_date(r.review_due) or nil }
  end
  local challenge = type(rules.challenge) == "table" and rules.challenge or {}
  if (challenge.times or 0) > 0 then
    if r.challenged then
      data.challenge = { made = long_date(r.challenged) }
    elseif not r.lifted then
      data.challenge = { available = true, reviewer = challenge.reviewer, once = challenge.times == 1 }
    end
  end
  return data, { stage = nil }
end

--- The data a letter about case `ref` can use. `pack` describes the store's pack (name, title,
--- stages in order, each with its clocks), `settings` the store's settings, `today` the issue date.
function letters.data(ref, pack, settings, today)
  local c = cases.get(ref)
  if c == nil then error(("no case '%s'"):format(ref), 0) end
  local data = {
    today = long_date(today),
    case = { ref = c.ref, received = long_date(c.received), category = c.category, summary = c.summary,
             desired_outcome = c.desired_outcome, channel = c.channel },
    landlord = landlord(settings, pack),
    officer = c.officer,
    ombudsman = ombudsman,
    definition = not blank(c.summary) and c.summary or nil,
  }
  if c.complainant then
    local party = parties.get(c.complainant)
    data.complainant = { name = party.name, address = party.address, email = party.email }
  elseif c.anonymous then
    data.complainant = { name = "Sir or Madam" }
  end

  -- the latest decision: its stage is the letter's stage
  local decision = sql([[SELECT d.id, d.stage, d.outcome, d.findings, d.reasons, d.decided FROM decisions d
                         JOIN cases c ON c.id = d.case_id WHERE c.ref = ? ORDER BY d.id DESC LIMIT 1]], ref)[1]
  local stage = c.stage
  if decision then
    stage = decision.stage
    data.decision = { outcome = OUTCOMES[decision.outcome] or decision.outcome, decided = long_date(decision.decided),
                      upheld = decision.outcome ~= "not_upheld" }
    data.findings = not blank(decision.findings) and decision.findings or nil
    data.reasons = not blank(decision.reasons) and decision.reasons or nil
    local offer = sql("SELECT id, accept_by, payment_route, arrears_offset_pence FROM remedies WHERE decision_id = ?", decision.id)[1]
    if offer then
      local items, total = {}, 0
      for _, item in ipairs(sql("SELECT kind, amount_pence, reason FROM remedy_items WHERE remedy_id = ? ORDER BY id", offer.id)) do
        total = total + item.amount_pence
        items[#items + 1] = { kind = item.kind:gsub("_", " "), amount = item.amount_pence > 0 and pounds(item.amount_pence) or nil,
                              reason = item.reason }
      end
      data.remedy = { items = items, total = pounds(total), accept_by = long_date(offer.accept_by), payment_route = offer.payment_route,
                      offset = offer.arrears_offset_pence > 0 and pounds(offer.arrears_offset_pence) or nil }
      if offer.accept_by then data.acceptance = data.remedy end
    elseif decision.outcome == "not_upheld" then
      data.remedy = { none = true, items = {} }
    elseif decision.outcome == "[confidential]" then
      -- a confidential outcome's remedy is withheld with it (the store shows no offer)
      data.remedy = { items = { { kind = "[confidential]", reason = "the outcome of this complaint is confidential" } } }
    end
    local recorded = sql([[SELECT count(*) AS n FROM events WHERE type = 'actions_recorded'
                           AND json_extract(data, '$.decision_id') = ?]], decision.id)[1].n
    if recorded > 0 then
      data.outstanding_actions = sql("SELECT description, owner, due FROM actions WHERE decision_id = ? AND done IS NULL ORDER BY id", decision.id)
      for _, action in ipairs(data.outstanding_actions) do action.due = long_date(action.due) end
      data.no_outstanding_actions = #data.outstanding_actions == 0
    end
  end
  data.stage = stage_title(stage)

  -- escalation: the next stage and its window, or the Ombudsman after the last stage
  local index
  for i, s in ipairs(pack.stages) do if s.name == stage then index = i end end
  if index then
    local current, following = pack.stages[index], pack.stages[index + 1]
    if following then
      local window = current.clocks.escalation_window
      data.escalation = { next_stage = stage_title(following.name), window = window and duration(window) or nil }
      for _, clock in ipairs(c.clocks) do
        if clock.stage == stage and clock.name == "escalation_window" then data.escalation.by = long_date(clock.due) end
      end
    else
      data.escalation = { final = true }
    end
  end

  -- clocks of the current stage: the response's due date, and the latest extension
  for _, clock in ipairs(c.clocks) do
    if clock.stage == c.stage and clock.name == "respond" and not clock.met then data.respond_due = long_date(clock.due) end
  end
  local extension = sql([[SELECT k.name AS clock, e.amount, e.unit, e.reason, e.agreed, e.new_due, e.granted FROM extensions e
                          JOIN clocks k ON k.id = e.clock_id JOIN cases c ON c.id = k.case_id
                          WHERE c.ref = ? AND k.stage = ? ORDER BY e.id DESC LIMIT 1]], ref, c.stage)[1]
  if extension then
    data.extension = { clock = extension.clock, length = duration({ [extension.unit] = extension.amount }),
                       reason = extension.reason, new_due = long_date(extension.new_due), agreed = extension.agreed == 1 }
  end
  if c.exclusion then data.exclusion = { reason = (c.exclusion.reason:gsub("^%l", string.upper)), clause = c.exclusion.clause } end
  return data, c
end

-- templates ------------------------------------------------------------------------------------

--- The first `<folder>/<kind>.txt` of `folders`: its path and text, or nil and the places tried.
function letters.find(kind, folders)
  local tried = {}
  for _, folder in ipairs(folders) do
    local path = folder .. "/" .. kind .. ".txt"
    local file = io.open(path, "r")
    if file then
      local text = file:read("a")
      file:close()
      return path, text
    end
    tried[#tried + 1] = path
  end
  return nil, table.concat(tried, ", ")
end

--- A template's header fields and body.
function letters.parse(text, path)
  local header, body = text:match("^(.-)\n%-%-%-\n(.*)$")
  if not header then error(path .. ": a letter template starts with its header (required: ..., subject: ...) and a line ---", 0) end
  local fields = {}
  for line in (header .. "\n"):gmatch("(.-)\n") do
    if line:match("%S") and not line:match("^%-%-") then
      local key, value = line:match("^(%w+):%s*(.-)%s*$")
      if not key or (key ~= "required" and key ~= "subject") then
        error(("%s: header line '%s': expected 'required: part, ...' or 'subject: ...'"):format(path, line), 0)
      end
      fields[key] = value
    end
  end
  local required = {}
  for part in (fields.required or ""):gmatch("[^,%s]+") do
    if not letters.parts[part] then
      local names = {}
      for name in pairs(letters.parts) do names[#names + 1] = name end
      table.sort(names)
      error(("%s: required: unknown part '%s' (expected one of: %s)"):format(path, part, table.concat(names, ", ")), 0)
    end
    required[#required + 1] = part
  end
  return { required = required, subject = fields.subject or "", body = body }
end

local function lookup(scopes, name)
  if name == "." then return scopes[#scopes] end
  for i = #scopes, 1, -1 do
    local value = scopes[i]
    local found = true
    for key in name:gmatch("[^.]+") do
      if type(value) ~= "table" then found = false break end
      value = value[key]
    end
    if found and value ~= nil then return value end
  end
  return nil
end

local function is_list(value)
  return type(value) == "table" and (value[1] ~= nil or next(value) == nil)
end

-- `{{...}}` expansion over nested scopes
local function expand(template, scopes, path)
  local out, position = {}, 1
  while true do
    local open, close, sigil, name = template:find("{{([#^/]?)%s*([%w_.]+)%s*}}", position)
    if not open then
      out[#out + 1] = template:sub(position)
      break
    end
    out[#out + 1] = template:sub(position, open - 1)
    if sigil == "" then
      local value = lookup(scopes, name)
      if value ~= nil and value ~= false then out[#out + 1] = tostring(value) end
      position = close + 1
    elseif sigil == "/" then
      error(("%s: {{/%s}} closes no section"):format(path, name), 0)
    else
      -- find the matching close, allowing nested sections of the same name
      local depth, search, inner_end, after = 1, close + 1
      while depth > 0 do
        local o, c, s, n = template:find("{{([#^/]?)%s*([%w_.]+)%s*}}", search)
        if not o then error(("%s: {{%s%s}} is never closed with {{/%s}}"):format(path, sigil, name, name), 0) end
        if n == name and (s == "#" or s == "^") then depth = depth + 1 end
        if n == name and s == "/" then depth = depth - 1 end
        if depth == 0 then inner_end, after = o - 1, c + 1 end
        search = c + 1
      end
      local inner = template:sub(close + 1, inner_end)
      local value = lookup(scopes, name)
      local empty = value == nil or value == false or (is_list(value) and #value == 0)
      if sigil == "^" then
        if empty then out[#out + 1] = expand(inner, scopes, path) end
      elseif not empty then
        if is_list(value) then
          for _, item in ipairs(value) do
            scopes[#scopes + 1] = item
            out[#out + 1] = expand(inner, scopes, path)
            scopes[#scopes] = nil
          end
        else
          scopes[#scopes + 1] = type(value) == "table" and value or {}
          out[#out + 1] = expand(inner, scopes, path)
          scopes[#scopes] = nil
        end
      end
      position = after
    end
  end
  return table.concat(out)
end

local function escape(text)
  return (text:gsub("[&<>\"']", { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&#39;" }))
end

-- the markup as HTML: paragraphs (lines kept), `## ` headings, `- ` list items
local function blocks(markup)
  local html, paragraph, list = {}, {}, {}
  local function end_paragraph()
    if #paragraph > 0 then html[#html + 1] = "<p>" .. table.concat(paragraph, "<br>\n") .. "</p>" end
    paragraph = {}
  end
  local function end_list()
    if #list > 0 then html[#html + 1] = "<ul>\n" .. table.concat(list, "\n") .. "\n</ul>" end
    list = {}
  end
  for line in (markup .. "\n"):gmatch("(.-)\n") do
    if not line:match("%S") then
      end_paragraph()
      end_list()
    elseif line:match("^## ") then
      end_paragraph()
      end_list()
      html[#html + 1] = "<h2>" .. escape(line:sub(4)) .. "</h2>"
    elseif line:match("^%- ") then
      end_paragraph()
      list[#list + 1] = "<li>" .. escape(line:sub(3)) .. "</li>"
    else
      end_list()
      paragraph[#paragraph + 1] = escape(line)
    end
  end
  end_paragraph()
  end_list()
  return table.concat(html, "\n")
end

-- collapse the blank lines a section left behind: at most one blank line in a row
local function tidy(text)
  text = text:gsub("[ \t]+\n", "\n"):gsub("\n\n\n+", "\n\n")
  return (text:gsub("^\n+", ""):gsub("\n*$", "\n"))
end

--- Renders letter `kind` about `about` (a case reference, or { restriction = id }): { text =,
--- html =, subject =, template =, stage =, missing = { { part =, why = }, ... } }. A letter
--- with a missing part must not be issued. `addressee` ({ name =, address =, email = }), when
--- given, is who the letter goes to, as the person issuing it may see them; a withheld identity
--- leaves the letter without its complainant.
function letters.render(kind, about, folders, pack, settings, today, addressee)
  local path, text = letters.find(kind, folders)
  if not path then error(("no letter template '%s' (looked for %s)"):format(kind, text), 0) end
  local template = letters.parse(text, path)
  local data, c
  if type(about) == "table" then
    data, c = letters.restriction_data(about.restriction, pack, settings, today)
  else
    data, c = letters.data(about, pack, settings, today)
  end
  if addressee and data.complainant then data.complainant = addressee end
  local missing = {}
  if data.complainant and data.complainant.name == "[withheld]" then
    missing[#missing + 1] = { part = "complainant", why = "the complainant's identity is withheld from you: a letter to them is "
      .. "issued by someone who may see who they are (the pack's confidentiality roles, or whoever took the complaint)" }
    data.complainant = nil
  end
  for _, part in ipairs(template.required) do
    local used = template.body:find("{{[#^]?%s*" .. part .. "[%s.}]") or template.subject:find("{{[#^]?%s*" .. part .. "[%s.}]")
    if data[part] == nil then
      if not (part == "complainant" and #missing > 0 and missing[1].part == "complainant") then
        missing[#missing + 1] = { part = part, why = letters.parts[part] }
      end
    elseif not used then
      missing[#missing + 1] = { part = part, why = letters.parts[part] .. "; the template " .. path .. " never uses it" }
    end
  end
  local markup = tidy(expand(template.body, { data }, path))
  local subject = expand(template.subject, { data }, path)
  local html = table.concat({
    "<!DOCTYPE html>", '<html lang="en-GB">', "<head>", '<meta charset="utf-8">',
    "<title>" .. escape(subject) .. "</title>",
    "<style>body { font-family: Helvetica, Arial, sans-serif; max-width: 40em; margin: 2em auto; line-height: 1.5; color: #111; }"
      .. " h2 { font-size: 1.1em; margin-top: 1.4em; }</style>",
    "</head>", "<body>", blocks(markup), "</body>", "</html>", "" }, "\n")
  return { text = markup, html = html, subject = subject, template = path, stage = c.stage, missing = missing }
end

return letters
