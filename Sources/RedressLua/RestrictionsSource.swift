extension CasesModule {
    /// The Lua half of `restrictions`: checks the tables scripts pass and raises the Swift
    /// half's refusals at the calling script's line; `flag_contact` runs the pack's
    /// `restrictions.flag(restriction, contact)` hook for a contact just logged. Called by the
    /// cases module with the Swift primitives, the `date` module and its own helpers.
    static let restrictionsSource = #"""
    local C, policy, options, fail, set = ...
    local format, ipairs, type = string.format, ipairs, type

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

    --- restrictions.flags(case) → the flags on the case's contacts, oldest first
    function restrictions.flags(c)
      local list, why = C.contact_flags(type(c) == "table" and c.ref or c)
      if not list then fail("restrictions.flags: " .. why, 2) end
      return list
    end

    -- After case `c` logged `contact` on `day`: each restriction in force on its complainant that
    -- the pack's flag hook answers with text flags the contact.
    local function flag_contact(c, contact, day, level)
      local p = policy(level + 1)
      local hook = type(p.restrictions) == "table" and p.restrictions.flag
      if not hook or not c.complainant then return end
      local list, why = C.restrictions_of(c.complainant, day)
      if not list then fail("case:log: " .. why, level + 1) end
      for _, r in ipairs(list) do
        if r.active then
          local flag = hook(r, contact)
          if flag ~= nil and type(flag) ~= "string" then
            fail(format("policy %s: restrictions.flag returned %s; expected text (why the contact is flagged) or nil",
                        tostring(p.name), type(flag)), level + 1)
          end
          if flag then
            local ok, message = C.flag_contact(c.ref, r.id, flag, day)
            if not ok then fail("case:log: " .. message, level + 1) end
          end
        end
      end
    end

    return restrictions, flag_contact
    """#
}
