import CLua
import GRDB
import LuaShim
import RedressCalendar
import RedressCore

/// The Swift half of `restrictions` (the Lua half is `restrictionsSource`, compiled by the cases
/// module, which loads the pack): warnings and restrictions on a party for unreasonable
/// behaviour, their reviews and challenges, and flags on contacts from a restricted party.
/// Primitives answer their result, or `nil` and a message naming the field, like the cases API.
extension CasesModule {
    static let restrictionFunctions: [(String, lshim_fn)] = [
        ("restrictions_chunk", restrictionsChunk), ("restriction_warn", restrictionWarn), ("restriction_add", restrictionAdd),
        ("restriction_review", restrictionReview), ("restriction_challenge", restrictionChallenge),
        ("restriction_get", restrictionGet), ("restrictions_of", restrictionsOf), ("flag_contact", flagContact),
        ("contact_flags", contactFlags), ("restriction_activity", restrictionActivity), ("restrictions_due", restrictionsDue),
    ]

    /// `restrictions_chunk()`: the Lua half compiled (lua_load is protected: it never raises).
    static let restrictionsChunk: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            guard LuaState.load(restrictionsSource, name: "=[redress restrictions]", on: lua.L) == LUA_OK else { throw .propagate }
            lua.returnTop()
        }
    }

    /// `restriction_warn(party, on, reasons)` → the warning's id.
    static let restrictionWarn: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (_, db) = try session(lua)
            let id = try CaseStore.warn(party: try partyID(lua, 1), on: try lua.dateArgument(2, "on") ?? lua.state.today,
                                        reasons: try lua.textArgument(3, "reasons") ?? "", by: lua.state.recorder, in: db)
            return [.integer(id)]
        }
    }

    /// `restriction_add(party, kind, detail, reasons, on)` → the restriction.
    static let restrictionAdd: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (db, policy) = try restrictionSession(lua)
            let on = try lua.dateArgument(5, "on") ?? lua.state.today
            guard let kind = try lua.textArgument(2, "kind") else { throw InputError(field: "kind", message: "required") }
            let id = try CaseStore.restrict(party: try partyID(lua, 1), kind: kind, detail: try lua.textArgument(3, "detail"),
                                            reasons: try lua.textArgument(4, "reasons") ?? "", on: on, rules: policy.pack.restrictions,
                                            calendar: policy.calendar, by: lua.state.recorder, in: db)
            return [try restrictionValue(id, on: on, in: db)]
        }
    }

    /// `restriction_review(id, on, outcome, reasons, reviewer, detail)` → the restriction.
    static let restrictionReview: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (db, policy) = try restrictionSession(lua)
            let id = try restrictionID(lua)
            let on = try lua.dateArgument(2, "on") ?? lua.state.today
            try CaseStore.reviewRestriction(id, on: on, outcome: try lua.textArgument(3, "outcome") ?? "",
                                            reasons: try lua.textArgument(4, "reasons") ?? "", reviewer: try lua.textArgument(5, "reviewer"),
                                            detail: try lua.textArgument(6, "detail"), rules: policy.pack.restrictions,
                                            calendar: policy.calendar, by: lua.state.recorder, in: db)
            return [try restrictionValue(id, on: on, in: db)]
        }
    }

    /// `restriction_challenge(id, on, outcome, reasons, reviewer)` → the restriction.
    static let restrictionChallenge: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (db, policy) = try restrictionSession(lua)
            let id = try restrictionID(lua)
            let on = try lua.dateArgument(2, "on") ?? lua.state.today
            try CaseStore.challengeRestriction(id, on: on, outcome: try lua.textArgument(3, "outcome") ?? "",
                                               reasons: try lua.textArgument(4, "reasons") ?? "",
                                               reviewer: try lua.textArgument(5, "reviewer"), rules: policy.pack.restrictions,
                                               calendar: policy.calendar, by: lua.state.recorder, in: db)
            return [try restrictionValue(id, on: on, in: db)]
        }
    }

    /// `restriction_get(id)` → the warning or restriction, or nil.
    static let restrictionGet: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (_, db) = try session(lua)
            guard let record = try CaseStore.restriction(try restrictionID(lua), in: db) else { return [.nil] }
            return [value(record, on: lua.state.today)]
        }
    }

    /// `restrictions_of(party, on)` → the party's warnings and restrictions, with `active` as of `on`.
    static let restrictionsOf: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (_, db) = try session(lua)
            let on = try lua.dateArgument(2, "on") ?? lua.state.today
            return [.array(try CaseStore.restrictions(ofParty: try partyID(lua, 1), in: db).map { value($0, on: on) })]
        }
    }

    /// `restriction_activity(id, on)` → what the review of restriction `id` on `on` weighs.
    static let restrictionActivity: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (_, db) = try session(lua)
            let activity = try CaseStore.activity(of: try restrictionID(lua), on: try lua.dateArgument(2, "on") ?? lua.state.today, in: db)
            func day(_ text: String?) -> LuaValue { text.flatMap { try? LocalDate(iso: $0) }.map { .date($0) } ?? .nil }
            return [.map([
                "since": day(activity.since), "contacts": .integer(Int64(activity.contacts)), "flagged": .integer(Int64(activity.flagged)),
                "last_flagged": day(activity.lastFlagged), "new_cases": .integer(Int64(activity.newCases)),
                "reviews": .integer(Int64(activity.reviews)),
            ].keyedByString)]
        }
    }

    /// `restrictions_due(on)` → the restrictions in force whose review is due by `on`, most overdue first.
    static let restrictionsDue: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (_, db) = try session(lua)
            let on = try lua.dateArgument(1, "on") ?? lua.state.today
            return [.array(try CaseStore.restrictionsDue(by: on, in: db).map { value($0, on: on) })]
        }
    }

    /// `flag_contact(ref, restriction, flag, on, intake)` → true: flags case `ref`'s latest contact,
    /// or with `intake` true its arrival.
    static let flagContact: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (_, db) = try session(lua)
            guard let ref = try lua.textArgument(1, "ref"), let restriction = try lua.integerArgument(2, "restriction") else {
                throw InputError(field: "ref", message: "required, with the restriction")
            }
            try CaseStore.flagContact(of: ref, restriction: Int64(restriction), flag: try lua.textArgument(3, "flag") ?? "",
                                      on: try lua.dateArgument(4, "on") ?? lua.state.today, intake: try lua.flagArgument(5, "intake"),
                                      by: lua.state.recorder, in: db)
            return [.boolean(true)]
        }
    }

    /// `contact_flags(ref)` → the flags on case `ref`'s contacts, oldest first.
    static let contactFlags: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (_, db) = try session(lua)
            guard let ref = try lua.textArgument(1, "ref") else { throw InputError(field: "ref", message: "required") }
            return [.array(try CaseStore.contactFlags(of: ref, in: db).map { .string($0) })]
        }
    }

    // MARK: Helpers

    static func restrictionSession(_ lua: LuaCall) throws -> (Database, LoadedPolicy) {
        let (_, db) = try session(lua)
        guard let policy = lua.state.policy else { throw StoreError(message: "the store's pack is not loaded") }
        return (db, policy)
    }

    static func partyID(_ lua: LuaCall, _ index: Int32) throws(InputError) -> Int64 {
        guard let id = try lua.integerArgument(index, "party") else { throw InputError(field: "party", message: "required (a party id)") }
        return Int64(id)
    }

    static func restrictionID(_ lua: LuaCall) throws(InputError) -> Int64 {
        guard let id = try lua.integerArgument(1, "id") else { throw InputError(field: "id", message: "required (a restriction id)") }
        return Int64(id)
    }

    static func restrictionValue(_ id: Int64, on date: LocalDate, in db: Database) throws -> LuaValue {
        guard let record = try CaseStore.restriction(id, in: db) else { throw StoreError(message: "no restriction \(id)") }
        return value(record, on: date)
    }

    /// A warning or restriction as Lua sees it.
    static func value(_ record: RestrictionRecord, on date: LocalDate) -> LuaValue {
        func day(_ text: String?) -> LuaValue {
            guard let text, let value = try? LocalDate(iso: text) else { return .nil }
            return .date(value)
        }
        return .map([
            "id": .integer(record.id), "party": .integer(record.partyID), "kind": .string(record.kind),
            "detail": record.detail.map { .string($0) } ?? .nil, "reasons": .string(record.reasons), "starts": day(record.starts),
            "review_due": day(record.reviewDue), "lifted": day(record.lifted), "challenged": day(record.challenged),
            "challenge_outcome": record.challengeOutcome.map { .string($0) } ?? .nil, "active": .boolean(record.isActive(on: date)),
        ].keyedByString)
    }
}
