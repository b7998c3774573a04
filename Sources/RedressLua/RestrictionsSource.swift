extension CasesModule {
    /// The Lua half of `restrictions`: checks the tables scripts pass and raises the Swift
    /// half's refusals at the calling script's line; `flag_contact` runs the pack's
    /// `restrictions.flag(restriction, contact)` hook for a contact just logged. Called by the
    /// cases module with the Swift primitives, the `date` module and its own helpers (`call`
    /// runs a pack's hook, telling its refusals from its failures).
    static let restrictionsSource = #"""
    local C, policy, options, fail, set, date, call = ...
    local format, ipairs, pairs, type, tostring = string.format, ipairs, pairs, type, tostring

    local restrictions = {}

    local WARN = set { "party", "on", "reasons" }
    local ADD = set { "party", "kind", "detail", "reasons", "on" }
    local REVIEW = set { "id", "on", "outcome", "reasons", "reviewer", "detail" }
    local CHALLENGE = set { "id", "on", "outcome", "reasons", "reviewer" }

    --- restrictions.warn{ party =, reasons =, on = } → the warning's id
    function restrictions.warn(t)
      local o = options(t, "restrictions.warn", WARN, 2)
      local id, why = C.restriction_warn(o.party, o.on, o.reasons)
      if not id then fail("restrictions.warn: " .. why, 2) end
      return id
    end

    --- restrictions.add{ party =, kind =, detail =, reasons =, on = } → the restriction
    function restrictions.add(t)
      local o = options(t, "restrictions.add", ADD, 2)
      policy(2)
      local r, why = C.restriction_add(o.party, o.kind, o.detail, o.reasons, o.on)
      if not r then fail("restrictions.add: " .. why, 2) end
      return r
    end

    --- restrictions.review{ id =, outcome = "continue"|"vary"|"lift", reasons =, reviewer =, detail =, on = }
    function restrictions.review(t)
      local o = options(t, "restrictions.review", REVIEW, 2)
      policy(2)
      local r, why = C.restriction_review(o.id, o.on, o.outcome, o.reasons, o.reviewer, o.detail)
      if not r then fail("restrictions.review: " .. why, 2) end
      return r
    end

    --- restrictions.challenge{ id =, outcome =, reasons =, reviewer =, on = }: the party's challenge, reviewed
    function restrictions.challenge(t)
      local o = options(t, "restrictions.challenge", CHALLENGE, 2)
      policy(2)
      local r, why = C.restriction_challenge(o.id, o.on, o.outcome, o.reasons, o.reviewer)
      if not r then fail("restrictions.challenge: " .. why, 2) end
      return r
    end

    --- restrictions.get(id) → the warning or restriction, or nil
    function restrictions.get(id)
      local r, why = C.restriction_get(id)
      if why then fail("restrictions.get: " .. why, 2) end
      return r
    end

    --- restrictions.of(party, on) → the party's warnings and restrictions, `active` as of `on` (default today)
    function restrictions.of(party, on)
      local list, why = C.restrictions_of(party, on)
      if not list then fail("restrictions.of: " .. why, 2) end
      return list
    end

    --- restrictions.due(on) → the restrictions in force whose review is due by `on` (default today)
    function restrictions.due(on)
      local list, why = C.restrictions_due(on)
      if not list then fail("restrictions.due: " .. why, 2) end
      return list
    end

    --- restrictions.activity(id, on) → { since =, contacts =, flagged =, last_flagged =, new_cases =, reviews = }:
    --- the party's contact since the restriction began or was last reviewed, up to `on`
    function restrictions.activity(id, on)
      local facts, why = C.restriction_activity(id, on)
      if not facts then fail("restrictions.activity: " .. why, 2) end
      return facts
    end

    local OUTCOMES = set { "continue", "vary", "lift" }

    -- The pack's review hook on restriction `id` as of `on`, its answer checked; errors are raised
    -- `level` frames above this function's caller (the script that called the public function).
    local function assess(id, on, level)
      local p = policy(level + 1)
      local r, why = C.restriction_get(id)
      if why then fail("restrictions.assess: " .. why, level + 1) end
      if r == nil or r.kind == "warning" then fail(format("restrictions.assess: id: no restriction with id %s", tostring(id)), level + 1) end
      local rules = type(p.restrictions) == "table" and p.restrictions or {}
      local hook = type(rules.review) == "table" and rules.review.decide
      if not hook then return nil, format("pack %s has no restrictions.review.decide hook: a person decides", tostring(p.name)) end
      local facts, problem = C.restriction_activity(id, on)
      if not facts then fail("restrictions.assess: " .. problem, level + 1) end
      local d, refusal = call(p, "restrictions.review.decide", hook, format("while reviewing restriction %s", tostring(id)), r, facts)
      if refusal then fail(format("restrictions.assess: refused by policy %s: %s", tostring(p.name), refusal), level + 1) end
      local where = format("policy %s: restrictions.review.decide", tostring(p.name))
      if d == nil then return nil, "the pack's review hook leaves this review to a person" end
      if type(d) ~= "table" then fail(format("%s returned %s; expected { outcome =, reasons = } or nil", where, type(d)), level + 1) end
      for key in pairs(d) do
        if key ~= "outcome" and key ~= "reasons" and key ~= "detail" then
          fail(format("%s returned an unknown field '%s' (expected outcome, reasons, detail)", where, tostring(key)), level + 1)
        end
      end
      if not OUTCOMES[d.outcome] then
        fail(format("%s: outcome: expected continue, vary or lift, got %s", where, tostring(d.outcome)), level + 1)
      end
      if type(d.reasons) ~= "string" or d.reasons == "" then
        fail(format("%s: reasons: a review outcome gives its reasons (text), got %s", where, tostring(d.reasons)), level + 1)
      end
      if d.outcome == "vary" and (type(d.detail) ~= "string" or d.detail == "") then
        fail(format("%s: detail: a varied restriction names what it now is, got %s", where, tostring(d.detail)), level + 1)
      end
      return d
    end

    --- restrictions.assess(id, on) → { outcome =, reasons =, detail = }, or nil and why a person must decide:
    --- the pack's `restrictions.review.decide(restriction, activity)` on the review due
    function restrictions.assess(id, on)
      local d, why = assess(id, on, 2)
      return d, why
    end

    local DUE_REVIEW = set { "id", "on", "reviewer" }

    --- restrictions.review_due{ id =, on =, reviewer = } → the decision and the restriction after it, or nil and why
    --- a person must decide: the pack's review hook on a restriction whose review is due by `on`, recorded
    function restrictions.review_due(t)
      local o = options(t, "restrictions.review_due", DUE_REVIEW, 2)
      local r, problem = C.restriction_get(o.id)
      if problem then fail("restrictions.review_due: " .. problem, 2) end
      if r == nil or r.kind == "warning" then fail(format("restrictions.review_due: id: no restriction with id %s", tostring(o.id)), 2) end
      local on = date.today()
      if o.on ~= nil then
        local day, why = date.parse(o.on)
        if not day then fail("restrictions.review_due: on: " .. why, 2) end
        on = day
      end
      if r.review_due == nil or r.review_due > on then
        fail(format("restrictions.review_due: id: restriction %d's review is not due by %s (%s)", r.id, tostring(on),
                    r.review_due and ("due " .. tostring(r.review_due)) or (r.lifted and "lifted" or "no review set")), 2)
      end
      local d, why = assess(o.id, on, 2)
      if not d then return nil, why end
      local after = restrictions.review { id = o.id, on = on, outcome = d.outcome, reasons = d.reasons, detail = d.detail,
                                          reviewer = o.reviewer }
      return d, after
    end

    --- restrictions.flags(case) → the flags on the case's contacts, oldest first
    function restrictions.flags(c)
      local list, why = C.contact_flags(type(c) == "table" and c.ref or c)
      if not list then fail("restrictions.flags: " .. why, 2) end
      return list
    end

    -- After case `c` logged `contact` on `day` (or, with contact.intake, arrived as a new case):
    -- each restriction in force on its complainant that the pack's flag hook answers with text
    -- flags the contact.
    local function flag_contact(c, contact, day, level)
      local p = policy(level + 1)
      local hook = type(p.restrictions) == "table" and p.restrictions.flag
      if not hook or not c.complainant then return end
      local list, why = C.restrictions_of(c.complainant, day)
      if not list then fail("case:log: " .. why, level + 1) end
      for _, r in ipairs(list) do
        if r.active then
          local flag, refusal = call(p, "restrictions.flag", hook, "while flagging a contact on " .. c.ref, r, contact)
          if refusal then fail(format("case:log: %s: refused by policy %s: %s", c.ref, tostring(p.name), refusal), level + 1) end
          if flag ~= nil and type(flag) ~= "string" then
            fail(format("policy %s: restrictions.flag returned %s; expected text (why the contact is flagged) or nil",
                        tostring(p.name), type(flag)), level + 1)
          end
          if flag then
            local ok, message = C.flag_contact(c.ref, r.id, flag, day, contact.intake)
            if not ok then fail("case:log: " .. message, level + 1) end
          end
        end
      end
    end

    return restrictions, flag_contact
    """#
}
