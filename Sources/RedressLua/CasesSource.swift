extension CasesModule {
    /// The Lua half of `cases` and `parties`: checks the tables scripts pass (unknown fields are
    /// errors, naming the field), runs the pack's `triage` and `remedy` hooks (a hook's own
    /// failure becomes a pack error, its deliberate refusal the API's refusal), and raises the
    /// Swift half's refusals at the calling script's line. Called by the boot chunk with the
    /// Swift primitives, the `date` module, `load` and what hooks run with (the refusal and
    /// pack error metatables, Lua's own `xpcall`, the host's `tripped`, `debug.traceback` and
    /// `debug.getinfo`);
    /// returns the two modules and the import entry.
    static let source = #"""
    local C, date, load, hooks = ...
    local parse, today = date.parse, date.today
    local type, pairs, ipairs, error, tostring, select = type, pairs, ipairs, error, tostring, select
    local setmetatable, getmetatable, pcall = setmetatable, getmetatable, pcall
    local format, sort, concat = string.format, table.sort, table.concat
    local Refusal, PackError, xpcall, tripped = hooks.refusal, hooks.pack_error, hooks.xpcall, hooks.tripped
    local traceback, getinfo = hooks.traceback, hooks.getinfo

    local cases, parties = {}, {}

    local function describe(v)
      if type(v) == "string" then return "'" .. v .. "'" end
      if type(v) == "table" then return "a table" end
      return tostring(v)
    end

    -- raise `message` at `level` (0: no position, for import, which names the row itself).
    -- Levels count frames, so the public functions below never end in a tail call.
    local function up(level)
      return level > 0 and level + 1 or 0
    end

    local function fail(message, level)
      error(message, up(level))
    end

    local function set(list)
      local s = {}
      for _, name in ipairs(list) do s[name] = true end
      return s
    end

    -- An options table whose fields are all known; nil counts as {}.
    local function options(t, what, allowed, level)
      if t == nil then return {} end
      if type(t) ~= "table" then
        fail(format("%s: expected a table { ... }, got %s", what, describe(t)), up(level))
      end
      for key in pairs(t) do
        if not allowed[key] then
          local names = {}
          for name in pairs(allowed) do names[#names + 1] = name end
          sort(names)
          fail(format("%s: unknown field '%s' (expected: %s)", what, tostring(key), concat(names, ", ")), up(level))
        end
      end
      return t
    end

    -- the store's pack, loaded on first use ----------------------------------------------
    local pack
    local function policy(level, what)
      local path, source = C.pack_source()
      if path == nil then fail((what and what .. ": " or "") .. source, up(level)) end
      if path then
        local chunk, message = load(source, "@" .. path, "t")
        if not chunk then error(message, 0) end
        local loaded = chunk()
        local ok, why = C.use_pack(loaded)
        if not ok then error(why, 0) end
        pack = loaded
      end
      return pack
    end

    -- the pack's hooks ----------------------------------------------------------------------
    -- How far up the stack a failed hook's handler looks for the hook's own file: the failing
    -- line is near the top, and each look costs more the deeper it is.
    local FRAMES = 200

    -- The pack error for `e`, raised in hook `name` of pack `p` (the function `fn`) while doing
    -- `during` ("while answering C-2026-000001"): it names the innermost line of the hook's file
    -- on the stack, and keeps the traceback from where the error was raised. Runs in xpcall's
    -- message handler, with the stack as the error left it.
    local function pack_error(e, p, name, fn, during)
      local source = getinfo(fn, "S").source
      local text
      if type(e) == "string" or type(e) == "number" then
        text = tostring(e)
      else
        local mt = getmetatable(e)
        local shown, s = false, nil
        if type(mt) == "table" and mt.__tostring then shown, s = pcall(tostring, e) end
        text = shown and type(s) == "string" and s or format("(error object is a %s value)", type(e))
      end
      local file, line
      for level = 2, FRAMES do
        local info = getinfo(level, "Sl")
        if not info then break end
        if info.source == source and info.currentline > 0 then
          file, line = info.source:match("^@(.*)$") or info.short_src, info.currentline
          -- Lua's own position of that line starts most messages: it is not said twice
          local own = format("%s:%d: ", info.short_src, line)
          if text:sub(1, #own) == own then text = text:sub(#own + 1) end
          break
        end
      end
      if not file then file = source:match("^@(.*)$") or source end
      local at = line and format("%s:%d: ", file, line) or (file .. ": ")
      return setmetatable({
        message = format("pack error: %s%s in %s(), %s", at, text, name, during),
        error = text, file = file, line = line, hook = name, during = during, pack = p.name,
        traceback = traceback(nil, 2),
      }, PackError)
    end

    -- Runs hook `name` of pack `p` (the function `fn`) on the arguments, doing `during`: its
    -- result, or nil and the reason when the pack refused on purpose (refuse(reason)). Any other
    -- error is the pack's code failing, raised as a pack error (PackError) that goes up to the
    -- host unchanged. A limit or an interrupt goes through as it was: Lua runs the handler of a
    -- limit's error inside the count hook, with hooks off, where nothing may run long.
    local function call(p, name, fn, during, ...)
      local ok, result = xpcall(fn, function(e)
        if tripped() then return e end
        local mt = getmetatable(e)
        if mt == Refusal or mt == PackError then return e end
        return pack_error(e, p, name, fn, during)
      end, ...)
      if ok then return result end
      if getmetatable(result) == Refusal then return nil, tostring(result.reason) end
      error(result, 0)
    end

    -- restrictions (RestrictionsSource), sharing the pack and the helpers
    local restrictions, flag_contact = C.restrictions_chunk()(C, policy, options, fail, set, date, call)

    -- parties --------------------------------------------------------------------------
    local PARTY = set { "name", "role", "email", "phone", "address", "preferred_contact", "language",
                        "vulnerability", "reasonable_adjustments" }

    local function add_party(t, reuse, what, level)
      options(t, what, PARTY, up(level))
      local id, why = C.party(t.name, t.role, t.email, t.phone, t.address, t.preferred_contact, t.language,
                              t.vulnerability, t.reasonable_adjustments, reuse, what)
      if not id then fail(why, up(level)) end
      return id
    end

    --- parties.add{ name =, role =, email =, phone =, ... } → id
    function parties.add(t)
      local id = add_party(t, false, "parties.add", 2)
      return id
    end

    --- parties.get(id) → the party's fields, or nil
    function parties.get(id)
      local party, why = C.party_get(id)
      if why then fail("parties.get: " .. why, 2) end
      return party
    end

    -- cases ----------------------------------------------------------------------------
    -- A case object's fields come from the Swift half, `waiting` among them (the clocks of an
    -- open case's current stage round waiting for the event they run from, worked out by the
    -- host from the store's pack, which every function below loads before it reads a case).
    local Case = {}
    local case_meta = {
      __index = Case, __name = "case",
      __tostring = function(c)
        local due = {}
        for name, d in pairs(c.due or {}) do due[#due + 1] = name .. " " .. tostring(d) end
        sort(due)
        return format("%s %s %s%s, received %s%s", c.ref, c.kind, c.status,
          c.stage and (" (stage " .. c.stage .. ")") or "", tostring(c.received),
          #due > 0 and ("; due: " .. concat(due, ", ")) or "")
      end,
    }

    local function wrap(t)
      if not t then return nil end
      return setmetatable(t, case_meta)
    end

    -- replace a case object's fields with the store's (the object stays the same table)
    local function refresh(c, fresh)
      for key in pairs(c) do c[key] = nil end
      for key, value in pairs(fresh) do c[key] = value end
      return c
    end

    local DATES = { "received", "event_date", "aware_date" }
    -- the standard intake fields, which every pack takes
    local STANDARD = set(C.intake_fields())
    -- what triage may answer: the kind and stage, or an exclusion with its clause and the
    -- signpost (where the customer can take the decision); `confidential` keeps the
    -- complainant's identity to those handling the case
    local VERDICT = set { "kind", "stage", "exclude", "clause", "signpost", "confidential", "confidential_outcome" }

    -- The facts kept with the case, so its triage can be re-run and explained: what triage was
    -- given, but a complainant or representative as the party id they became (their names and
    -- contact details live in the party, where redaction and retention reach them).
    local PARTY_FACTS = { "complainant_email", "complainant_phone", "complainant_address" }
    local function kept_facts(facts, complainant, representative)
      local kept = {}
      for key, value in pairs(facts) do kept[key] = value end
      for _, key in ipairs(PARTY_FACTS) do kept[key] = nil end
      kept.complainant, kept.representative = complainant, representative
      return kept
    end

    -- the pack's triage on `facts`, doing `during`: its answer, checked, and the exclusion's
    -- reason as the customer is given it (with where they can take the decision). A refusal by
    -- the pack is raised as `what`'s.
    local function triage(p, facts, what, during, level)
      local verdict = { kind = "complaint" }
      if p.triage then
        local refusal
        verdict, refusal = call(p, "triage", p.triage, during, facts)
        if refusal then fail(format("%s: refused by policy %s: %s", what, tostring(p.name), refusal), up(level)) end
        if type(verdict) ~= "table" then
          fail(format("policy %s: triage returned %s; expected { kind = ..., stage = ... } or { exclude = reason, clause = ... }",
                      tostring(p.name), describe(verdict)), up(level))
        end
        options(verdict, format("policy %s: triage returned", tostring(p.name)), VERDICT, up(level))
      end
      local exclude = verdict.exclude
      if exclude and verdict.signpost then exclude = exclude .. ". " .. verdict.signpost end
      return verdict, exclude
    end

    -- the intake: check the dates, run the pack's triage, record the case; returns its ref
    local function intake(t, level)
      if type(t) ~= "table" then
        fail(format("cases.intake: expected a table { received = ..., channel = ... }, got %s", describe(t)), up(level))
      end
      local p = policy(up(level))
      local facts = {}
      for key, value in pairs(t) do facts[key] = value end
      -- the host refuses a field neither standard nor one of the pack's facts, and a fact of the
      -- wrong type, before triage runs; a date or number fact given as text reaches it converted
      -- (C.intake checks again what it records)
      for key in pairs(facts) do
        if not STANDARD[key] then
          local converted, problem = C.check_facts(facts)
          if not converted then fail("cases.intake: " .. problem, up(level)) end
          for name, value in pairs(converted) do facts[name] = value end
          break
        end
      end
      for _, name in ipairs(DATES) do
        local value = facts[name]
        if value ~= nil then
          local d, why = parse(value)
          if not d then fail(format("cases.intake: %s: %s", name, why), up(level)) end
          facts[name] = d
        end
      end
      if facts.received == nil then
        fail("cases.intake: received: required (the date the complaint reached the landlord)", up(level))
      end
      local verdict, exclude = triage(p, facts, "cases.intake", "while triaging an intake received " .. tostring(facts.received),
                                      up(level))
      local complainant, representative = facts.complainant, facts.representative
      if type(complainant) == "table" then
        complainant = add_party(complainant, true, "cases.intake: complainant", up(level))
      elseif type(complainant) == "string" or facts.complainant_email or facts.complainant_phone then
        complainant = add_party({ name = complainant, email = facts.complainant_email, phone = facts.complainant_phone,
                                  address = facts.complainant_address, role = facts.complainant_role }, true,
                                "cases.intake: complainant", up(level))
      end
      if type(representative) == "table" then
        representative = add_party(representative, true, "cases.intake: representative", up(level))
      elseif type(representative) == "string" then
        representative = add_party({ name = representative, role = "representative" }, false, "cases.intake: representative", up(level))
      end
      local ref, why = C.intake(facts.received, facts.channel, facts.category, facts.summary, facts.desired_outcome,
                                facts.event_date, complainant, representative, facts.anonymous,
                                facts.confidential or verdict.confidential, facts.safeguarding, verdict.kind, verdict.stage,
                                exclude, verdict.clause, verdict.confidential_outcome, facts.aware_date,
                                kept_facts(facts, complainant, representative), p.triage and verdict or nil,
                                facts.tenure)
      if not ref then fail("cases.intake: " .. why, up(level)) end
      -- a new case from a restricted complainant is a contact from them: flagged as the pack says
      if math.type(complainant) == "integer" then
        flag_contact({ ref = ref, complainant = complainant },
                     { channel = facts.channel, direction = "in", summary = facts.summary, on = facts.received, intake = true },
                     facts.received, up(level))
      end
      return ref
    end

    --- cases.intake{ received =, channel =, category =, summary =, event_date =, complainant =, ... } → the case
    function cases.intake(t)
      local ref = intake(t, 2)
      return wrap(C.get(ref))
    end

    --- cases.get(ref) → the case, or nil
    function cases.get(ref)
      policy(2, "cases.get")   -- its calendar counts lateness in working days; its clocks say what waits
      local found, why = C.get(ref)
      if why then fail("cases.get: " .. why, 2) end
      return wrap(found)
    end

    local FIND = set { "status", "kind", "stage", "category", "channel", "overdue", "waiting", "as_of", "received_from",
                       "received_to", "limit" }

    --- cases.find{ status =, kind =, stage =, category =, overdue = true, waiting = true|"logged", as_of =,
    --- received_from =, received_to =, limit = }: `waiting`: open cases with a clock waiting for the
    --- event it runs from (that event only, when named), as c.waiting lists them; false: those without
    function cases.find(t)
      local f = options(t, "cases.find", FIND, 2)
      policy(2, "cases.find")
      local found, why = C.find(f.status, f.kind, f.stage, f.category, f.channel, f.overdue, f.as_of,
                                f.received_from, f.received_to, f.limit, f.waiting)
      if not found then fail("cases.find: " .. why, 2) end
      for _, c in ipairs(found) do wrap(c) end
      return found
    end

    -- case methods ------------------------------------------------------------------------
    local function self_check(c, method, level)
      if type(c) ~= "table" or getmetatable(c) ~= case_meta then
        fail(format("case:%s: call it on a case, with a colon: c:%s{...}", method, method), up(level))
      end
    end

    local function lifecycle(c, method, event, t, allowed)
      self_check(c, method, 3)
      local o = options(t, "case:" .. method, allowed, 3)
      policy(3)
      local fresh, why = C.event(c.ref, event, o.on, o.clock, o.amount, o.unit, o.agreed, o.reason,
                                 o.date or o.respond_by, o.outcome or o.ground)
      if not fresh then fail(format("case:%s: %s: %s", method, c.ref, why), 3) end
      return refresh(c, fresh)
    end

    local ON = set { "on" }
    local ON_REASON = set { "on", "reason" }
    local CLOSE = set { "on", "reason", "outcome" }
    local MEET = set { "clock", "on", "reason", "date" }
    local REFER = set { "on", "respond_by", "reason" }
    local DECLINE = set { "on", "ground", "reason" }

    --- c:acknowledge{ on = } (on: default today)
    function Case:acknowledge(t) local c = lifecycle(self, "acknowledge", "acknowledged", t, ON); return c end
    --- c:logged{ on = }: the complaint was logged (for packs with clocks from "logged")
    function Case:logged(t) local c = lifecycle(self, "logged", "logged", t, ON); return c end
    --- c:escalate{ on =, reason = }
    function Case:escalate(t) local c = lifecycle(self, "escalate", "escalated", t, ON_REASON); return c end
    --- c:close{ on =, reason =, outcome = }: outcome is one of the pack's `closings` (e.g. a
    --- referral to the Ombudsman)
    function Case:close(t) local c = lifecycle(self, "close", "closed", t, CLOSE); return c end
    --- c:withdraw{ on =, reason = }
    function Case:withdraw(t) local c = lifecycle(self, "withdraw", "withdrawn", t, ON_REASON); return c end
    --- c:meet{ clock =, on =, reason =, date = }: the duty a clock measures was done (a visit
    --- held, a compliment filed), for clocks no other event meets; `date`: the date a notice
    --- gives, for a clock with `notice` (a meeting notified)
    function Case:meet(t) local c = lifecycle(self, "meet", "met", t, MEET); return c end
    --- c:refer_back{ on =, respond_by =, reason = }: the stage sends the complaint back to the
    --- earlier stage its pack names, to review its decision by the date agreed with the customer
    function Case:refer_back(t) local c = lifecycle(self, "refer_back", "referred_back", t, REFER); return c end
    --- c:decline_escalation{ on =, ground =, reason = }: the request to escalate is declined on
    --- one of the next stage's grounds; the case closes
    function Case:decline_escalation(t) local c = lifecycle(self, "decline_escalation", "escalation_declined", t, DECLINE); return c end

    local ANSWER = set { "on", "reason" }

    local function answer_remedy(c, method, answer, t)
      self_check(c, method, 3)
      local o = options(t, "case:" .. method, ANSWER, 3)
      policy(3)
      local fresh, why = C.remedy_answer(c.ref, answer, o.on, o.reason)
      if not fresh then fail(format("case:%s: %s: %s", method, c.ref, why), 3) end
      return refresh(c, fresh)
    end

    --- c:accept_remedy{ on =, reason = }: the customer accepted the latest remedy offer (reason:
    --- why a late acceptance is taken, where the pack asks for one)
    function Case:accept_remedy(t) local c = answer_remedy(self, "accept_remedy", "accepted", t); return c end
    --- c:decline_remedy{ on =, reason = }: the customer declined it
    function Case:decline_remedy(t) local c = answer_remedy(self, "decline_remedy", "declined", t); return c end

    local UNITS = { "working_days", "days", "weeks", "months" }
    local EXTEND = set { "clock", "working_days", "days", "weeks", "months", "reason", "agreed", "on" }

    --- c:extend{ clock = "respond", working_days = 10, reason =, agreed = true, on = }
    function Case:extend(t)
      self_check(self, "extend", 2)
      local o = options(t, "case:extend", EXTEND, 2)
      local unit, amount
      for _, name in ipairs(UNITS) do
        if o[name] ~= nil then
          if unit then fail(format("case:extend: give one of working_days, days, weeks, months (got %s and %s)", unit, name), 2) end
          unit, amount = name, o[name]
        end
      end
      if not unit then fail("case:extend: give the extension's length: working_days =, days =, weeks = or months =", 2) end
      policy(2)
      local fresh, why = C.event(self.ref, "extended", o.on, o.clock, amount, unit, o.agreed, o.reason)
      if not fresh then fail(format("case:extend: %s: %s", self.ref, why), 2) end
      return refresh(self, fresh)
    end

    local LOG = set { "channel", "direction", "summary", "at", "staff", "meets" }

    --- c:log{ channel = "phone", direction = "in", summary =, at =, staff =, meets = }: record keeping;
    --- `meets` names a clock of the stage this contact meets (a pack's "contact within 2 days")
    function Case:log(t)
      self_check(self, "log", 2)
      local o = options(t, "case:log", LOG, 2)
      policy(2)
      local fresh, why = C.contact(self.ref, o.channel, o.direction, o.summary, o.at, o.staff, o.meets)
      if not fresh then fail(format("case:log: %s: %s", self.ref, why), 2) end
      -- a contact from a restricted complainant is flagged as the pack's restrictions.flag says
      local day = o.at ~= nil and parse(tostring(o.at):sub(1, 10)) or today()
      flag_contact(self, { channel = o.channel, direction = o.direction, summary = o.summary, at = o.at, staff = o.staff,
                           on = day }, day, 2)
      return refresh(self, fresh)
    end

    local RESPOND = set { "on", "outcome", "findings", "reasons", "remedy" }

    --- c:respond{ on =, outcome = "upheld"|"partly_upheld"|"not_upheld", findings =, reasons =, remedy = }
    --- Without `remedy`, a pack's remedy(case, findings, decided) hook decides it when the
    --- complaint is upheld (decided: the date of the response).
    function Case:respond(t)
      self_check(self, "respond", 2)
      local o = options(t, "case:respond", RESPOND, 2)
      local p = policy(2)
      local remedy = o.remedy
      if remedy == nil and p.remedy and o.outcome ~= "not_upheld" and o.findings ~= nil then
        local decided = today()
        if o.on ~= nil then
          local d, why = parse(o.on)
          if not d then fail(format("case:respond: %s: on: %s", self.ref, why), 2) end
          decided = d
        end
        local refusal
        remedy, refusal = call(p, "remedy", p.remedy, "while answering " .. self.ref, self, o.findings, decided)
        if refusal then fail(format("case:respond: %s: refused by policy %s: %s", self.ref, tostring(p.name), refusal), 2) end
      end
      local fresh, why = C.respond(self.ref, o.on, o.outcome, o.findings, o.reasons, remedy)
      if not fresh then fail(format("case:respond: %s: %s", self.ref, why), 2) end
      return refresh(self, fresh)
    end

    local RETENTION = set { "as_of", "dry_run" }

    --- cases.apply_retention{ as_of =, dry_run = } → { cutoff =, months =, cases = { refs }, parties = { ids }, dry_run = }:
    --- removes the personal data of cases closed longer ago than the pack's retention period
    function cases.apply_retention(t)
      local o = options(t, "cases.apply_retention", RETENTION, 2)
      local report, why = C.retention(o.as_of, o.dry_run)
      if not report then fail("cases.apply_retention: " .. why, 2) end
      return report
    end

    --- c:history() → the audit trail, oldest first: { type =, on =, at =, actor =, script =, data = }
    function Case:history()
      self_check(self, "history", 2)
      local entries, why = C.history(self.ref)
      if not entries then fail("case:history: " .. why, 2) end
      return entries
    end

    --- c:explain(clock [, stage]) → how the clock's due date was reached: { clock =, stage =, round =,
    --- clause =, rule =, anchor =, anchor_date =, start =, rolled_over = { {date =, reason =, kind =} },
    --- due =, skipped = { ... }, extensions = { {on =, by =, reason =, agreed =, from =, to =, skipped =} },
    --- due_now =, met =, met_late =, late_by =, calendar =, calendar_version =, text = } (text: one step a line;
    --- late_by: working days a clock met late was met after its due date)
    function Case:explain(clock, stage)
      self_check(self, "explain", 2)
      if type(clock) ~= "string" then
        fail(("case:explain: clock: a clock name expected, got %s"):format(type(clock)), 2)
      end
      if stage ~= nil and type(stage) ~= "string" then
        fail(("case:explain: stage: a stage name expected, got %s"):format(type(stage)), 2)
      end
      policy(2)
      local e, why = C.explain(self.ref, clock, stage)
      if not e then fail("case:explain: " .. why, 2) end
      return e
    end

    --- c:retriage() → what intake would make of the case now, writing nothing: the store's pack's
    --- triage run again on the facts kept with the case (a party the intake made is given as the
    --- party now reads), then the lifecycle's acceptance window: { triage = { what triage
    --- answered }, kind =, stage =, status =, exclusion = { reason =, clause = }, window = }
    function Case:retriage()
      self_check(self, "retriage", 2)
      local p = policy(2)
      local kept, why = C.intake_record(self.ref)
      if why then fail("case:retriage: " .. why, 2) end
      if not kept then fail(format("case:retriage: no case %s", self.ref), 2) end
      if not kept.facts then
        fail(format("case:retriage: %s: the facts of its intake were not kept (it was recorded before Redress kept them)",
                    self.ref), 2)
      end
      if kept.removed then
        fail(format("case:retriage: %s: retention removed the personal facts of its intake on %s, so its triage cannot be re-run as it was",
                    self.ref, kept.removed), 2)
      end
      local facts = {}
      for key, value in pairs(kept.facts) do facts[key] = value end
      local complainant, representative = facts.complainant, facts.representative
      for _, role in ipairs { "complainant", "representative" } do
        if math.type(facts[role]) == "integer" then facts[role] = C.party_get(facts[role]) or facts[role] end
      end
      local verdict, exclude = triage(p, facts, "case:retriage: " .. self.ref, "while re-triaging " .. self.ref, 2)
      local decided, problem = C.decide(facts.received, facts.channel, facts.category, facts.summary, facts.desired_outcome,
                                        facts.event_date, complainant, representative, facts.anonymous,
                                        facts.confidential or verdict.confidential, facts.safeguarding, verdict.kind,
                                        verdict.stage, exclude, verdict.clause, verdict.confidential_outcome, facts.aware_date,
                                        facts)
      if not decided then fail(format("case:retriage: %s: %s", self.ref, problem), 2) end
      decided.triage = verdict
      return decided
    end

    --- c:refresh() → the case as the store now holds it
    function Case:refresh()
      self_check(self, "refresh", 2)
      policy(2, "case:refresh")
      local fresh, why = C.get(self.ref)
      if not fresh then fail("case:refresh: " .. (why or ("no case " .. self.ref)), 2) end
      return refresh(self, fresh)
    end

    -- the work around a decision ------------------------------------------------------------
    local ASSIGN = set { "officer", "on" }

    --- c:assign{ officer = "JB", on = }: who handles the case from `on` (default today); c.officer.
    --- It meets the current stage's clocks the pack marks `met_by = "assignment"` (WDH: "allocate it
    --- to an appropriate officer, within five working days").
    function Case:assign(t)
      self_check(self, "assign", 2)
      local o = options(t, "case:assign", ASSIGN, 2)
      local fresh, why = C.assign(self.ref, o.officer, o.on)
      if not fresh then fail(format("case:assign: %s: %s", self.ref, why), 2) end
      local p = policy(2)
      for _, s in ipairs(p.stages or {}) do
        if s.name == fresh.stage then
          for _, k in ipairs(fresh.clocks) do
            local rule = (s.clocks or {})[k.name]
            if k.stage == fresh.stage and k.round == fresh.round and not k.met and type(rule) == "table"
               and rule.met_by == "assignment" then
              local met, problem = C.event(self.ref, "met", o.on, k.name, nil, nil, nil,
                                           "allocated to " .. tostring(o.officer))
              if not met then fail(format("case:assign: %s: %s", self.ref, problem), 2) end
              fresh = met
            end
          end
        end
      end
      return refresh(self, fresh)
    end

    local ACTION = set { "description", "owner", "due" }

    --- c:actions{ { description =, owner =, due = }, ... }: what the latest decision leaves
    --- outstanding ({} records that it leaves nothing); a decision letter must say which
    function Case:actions(list)
      self_check(self, "actions", 2)
      if type(list) ~= "table" then
        fail(format("case:actions: expected an array of { description =, owner =, due = } ({} for none), got %s", describe(list)), 2)
      end
      for i, action in ipairs(list) do options(action, format("case:actions[%d]", i), ACTION, 2) end
      local ok, why = C.actions(self.ref, list)
      if not ok then fail(format("case:actions: %s: %s", self.ref, why), 2) end
      return self
    end

    local TENURE = set { "tenure", "reason", "on" }

    --- c:set_tenure{ tenure = "lcra" | "lcho", reason =, on = }: the case's tenure, for TSM returns
    --- by tenure, where intake did not record it (or recorded it wrongly); the reason says where it
    --- was found. Recorded as a `tenure_set` event; c.tenure.
    function Case:set_tenure(t)
      self_check(self, "set_tenure", 2)
      local o = options(t, "case:set_tenure", TENURE, 2)
      policy(2, "case:set_tenure")
      local fresh, why = C.set_tenure(self.ref, o.tenure, o.reason, o.on)
      if not fresh then fail(format("case:set_tenure: %s: %s", self.ref, why), 2) end
      return refresh(self, fresh)
    end

    local LEARN = set { "action", "area", "owner", "due", "done", "on" }

    --- c:learn{ action =, area =, owner =, due =, done =, on = }: a service improvement that comes
    --- from this complaint (Code 9.1); returns its id
    function Case:learn(t)
      self_check(self, "learn", 2)
      local o = options(t, "case:learn", LEARN, 2)
      local id, why = C.learn(self.ref, o.action, o.area, o.owner, o.due, o.done, o.on)
      if not id then fail(format("case:learn: %s: %s", self.ref, why), 2) end
      return id
    end

    --- cases.learning_done(id, on): a learning action was carried out (on: default today)
    function cases.learning_done(id, on)
      local ok, why = C.learning_done(id, on)
      if not ok then fail("cases.learning_done: " .. why, 2) end
      return true
    end

    return cases, parties, function(row) return intake(row, 0) end, restrictions
    """#
}
