import CLua
import GRDB
import LuaShim
import RedressCalendar
import RedressCore

/// The store's pack as a run uses it: its declarations and the calendar they run on.
struct LoadedPolicy {
    let storePath: String
    let path: String
    let pack: PolicyPack
    /// The store's calendar (`CaseStore.calendar`), rebuilt when the store's calendar changes.
    var calendar: WorkingDayCalendar
}

/// The Swift half of `cases` and `parties` (the Lua half, `CasesModule.source`, validates the
/// tables scripts pass and runs the pack's hooks). Each primitive takes positional arguments,
/// read with API that never raises, and answers its result, or `nil` and a message naming the
/// field and the value: the Lua half raises it at the script's line. Everything is written in
/// the run's transaction (`LuaState.withTransaction`), each call in its own savepoint.
enum CasesModule {
    /// Registry key of the import entry: `intake_row(t)`, raising messages without a position.
    nonisolated(unsafe) static let intakeRowKey = UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1)

    static let functions: [(String, lshim_fn)] = [
        ("chunk", chunk), ("pack_source", packSource), ("use_pack", usePack), ("intake", intake), ("party", party),
        ("party_get", partyGet), ("get", get), ("find", find), ("event", event), ("contact", contact),
        ("respond", respond), ("history", history), ("retention", retention), ("assign", assign), ("actions", actions),
        ("learn", learn), ("learning_done", learningDone), ("remedy_answer", remedyAnswer), ("explain", explain),
        ("set_tenure", setTenure),
        ("intake_record", intakeRecord), ("decide", decide),
    ] + restrictionFunctions

    /// `chunk()`: the Lua half compiled (lua_load is protected inside: it never raises).
    static let chunk: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            guard LuaState.load(source, name: "=[redress cases]", on: lua.L) == LUA_OK else { throw .propagate }
            lua.returnTop()
        }
    }

    // MARK: The pack

    /// `pack_source()`: the bound pack's path and source when this state has not loaded it
    /// yet; `false` when it has.
    static let packSource: lshim_fn = { L, call in
        answerSource(L, call) { lua in
            let (store, db) = try session(lua)
            if let policy = lua.state.policy, policy.storePath == store.path { return nil }
            let bound = try PolicyLoader.boundSource(in: db, storePath: store.path, scripts: lua.state.options.scripts)
            lua.state.pendingPack = (bound.path, bound.hash)
            return (bound.path, bound.source)
        }
    }

    /// `use_pack(table)`: checks the pack's declarations and builds its calendar. The store's
    /// data-protection settings are left alone: they change only with the binding (`redress
    /// init`, `redress policy rebind`), never when a run loads the pack.
    static let usePack: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (store, db) = try session(lua)
            guard let (path, hash) = lua.state.pendingPack else { throw StoreError(message: "no pack is being loaded") }
            var pack: PolicyPack
            let declared = try lua.value(1, field: "pack")
            do throws(PolicyError) {
                pack = try PolicyLoader.pack(from: declared, hash: hash)
            } catch var error {
                error.source = path
                throw error
            }
            let calendar = try CaseStore.calendar(pack.region, packClosures: pack.closures, bundled: lua.state.loadedHolidayFiles().bundled,
                                                  storePath: store.path, in: db)
            lua.state.policy = LoadedPolicy(storePath: store.path, path: path, pack: pack, calendar: calendar)
            // Only now: a first write that had to wait for the lock runs this again.
            lua.state.pendingPack = nil
            return [.boolean(true)]
        }
    }

    // MARK: Intake and parties

    /// `intake(received, channel, category, summary, desired_outcome, event_date, complainant,
    /// representative, anonymous, confidential, safeguarding, kind, stage, exclude, clause,
    /// confidential_outcome, aware_date, facts, triage, tenure)` → ref. `facts`: what triage was given, as
    /// the store keeps it; `triage`: what it answered.
    static let intake: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (_, db) = try session(lua)
            guard let policy = lua.state.policy else { throw StoreError(message: "the store's pack is not loaded") }
            let new = try newCase(lua, policy: policy, in: db)
            let ref = try CaseStore.record(new, pack: policy.pack, calendar: policy.calendar, by: lua.state.recorder, in: db,
                                           isolated: lua.state.changesIsolated)
            return [.string(ref)]
        }
    }

    /// The new case `intake`'s arguments describe (and `decide`'s, the same), checked.
    static func newCase(_ lua: LuaCall, policy: LoadedPolicy, in db: Database) throws -> NewCase {
        guard let received = try lua.dateArgument(1, "received") else {
            throw InputError(field: "received", message: "required: the date the complaint reached the landlord")
        }
        guard let channel = try lua.textArgument(2, "channel") else {
            throw InputError(field: "channel", message: "required (one of: \(Vocabulary.intakeChannels.sorted().joined(separator: ", ")))")
        }
        let kindName = try lua.textArgument(12, "triage.kind") ?? "complaint"
        guard let kind = NewCase.Kind(rawValue: kindName) else {
            throw InputError(field: "triage.kind", message: "unknown kind '\(kindName)' (expected one of: \(NewCase.Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        var new = NewCase(kind: kind, stage: try policy.pack.entryStage(for: kind, named: lua.stageArgument(13, "triage.stage")),
                          received: received, channel: channel,
                          category: try lua.textArgument(3, "category"), summary: try lua.textArgument(4, "summary"),
                          eventDate: try lua.dateArgument(6, "event_date"))
        new.desiredOutcome = try lua.textArgument(5, "desired_outcome")
        new.complainantID = try lua.partyArgument(7, "complainant", in: db)
        new.representativeID = try lua.partyArgument(8, "representative", in: db)
        new.anonymous = try lua.flagArgument(9, "anonymous")
        new.confidential = try lua.flagArgument(10, "confidential")
        new.safeguarding = try lua.flagArgument(11, "safeguarding")
        new.outcomeConfidential = try lua.flagArgument(16, "triage.confidential_outcome")
        if let reason = try lua.textArgument(14, "triage.exclude") {
            new.exclusion = (reason, try lua.textArgument(15, "triage.clause"))
        }
        new.awareDate = try lua.dateArgument(17, "aware_date")
        if let facts = try lua.objectArgument(18, "intake") {
            new.facts = IntakeFacts(json: JSONText.object(facts), given: Set(facts.compactMap { key, value in
                guard case .string(let name) = key, value != .nil, value != .boolean(false) else { return nil }
                return name
            }))
        }
        new.triage = try lua.objectArgument(19, "triage").map(JSONText.object)
        new.tenure = try lua.textArgument(20, "tenure")
        return new
    }

    /// `party(name, role, email, phone, address, preferred_contact, language, vulnerability,
    /// reasonable_adjustments, reuse, field)` → id. With `reuse`, a party with the same email
    /// address is found rather than added.
    static let party: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (_, db) = try session(lua)
            let field = try lua.textArgument(11, "field") ?? "party"
            func text(_ index: Int32, _ name: String) throws(InputError) -> String? {
                try lua.textArgument(index, field + "." + name)
            }
            let party = NewParty(name: try text(1, "name"), role: try text(2, "role") ?? "tenant", email: try text(3, "email"),
                                 phone: try text(4, "phone"), address: try text(5, "address"),
                                 preferredContact: try text(6, "preferred_contact"), language: try text(7, "language"),
                                 vulnerability: try text(8, "vulnerability"), reasonableAdjustments: try text(9, "reasonable_adjustments"))
            let id = try lua.flagArgument(10, "reuse")
                ? CaseStore.findOrAdd(party, field: field, by: lua.state.recorder, in: db, isolated: lua.state.changesIsolated)
                : CaseStore.add(party, field: field, by: lua.state.recorder, in: db, isolated: lua.state.changesIsolated)
            return [.integer(id)]
        }
    }

    /// `party_get(id)` → the party's fields, or nil.
    static let partyGet: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (_, db) = try session(lua)
            guard let id = try lua.integerArgument(1, "id") else { throw InputError(field: "id", message: "required (a party id)") }
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM parties WHERE id = ?", arguments: [id]) else { return [.nil] }
            var fields: [LuaValue: LuaValue] = [:]
            for (column, value) in row {
                fields[.string(column)] = SQLModule.luaValue(value)
            }
            return [.map(fields)]
        }
    }

    // MARK: Reading cases

    /// `get(ref)` → the case, with what was kept of its intake, or nil.
    static let get: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (_, db) = try session(lua)
            guard let ref = try lua.textArgument(1, "ref") else { throw InputError(field: "ref", message: "required (e.g. C-2026-000123)") }
            guard let record = try CaseStore.fetchCase(ref, in: db) else { return [.nil] }
            return [try caseValue(record, today: lua.state.today, policy: lua.state.policy, in: db,
                              intake: try CaseStore.intakeRecord(of: ref, in: db).map { try intakeValue($0, in: db) })]
        }
    }

    /// `find(status, kind, stage, category, channel, overdue, as_of, received_from, received_to, limit,
    /// waiting)`; `waiting`: true, false, or the name of the event the clocks wait for.
    static let find: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (_, db) = try session(lua)
            var filter = CaseFilter(asOf: try lua.dateArgument(7, "as_of") ?? lua.state.today)
            filter.status = try lua.textArgument(1, "status")
            filter.kind = try lua.textArgument(2, "kind")
            filter.stage = try lua.stageArgument(3, "stage")
            filter.category = try lua.textArgument(4, "category")
            filter.channel = try lua.textArgument(5, "channel")
            if lua_type(lua.L, 6) > LUA_TNIL { filter.overdue = try lua.flagArgument(6, "overdue") }
            filter.receivedFrom = try lua.dateArgument(8, "received_from")
            filter.receivedTo = try lua.dateArgument(9, "received_to")
            filter.limit = try lua.integerArgument(10, "limit")
            filter.waiting = try lua.waitingArgument(11, policy: lua.state.policy)
            return [.array(try CaseStore.find(filter, in: db).map { try caseValue($0, today: filter.asOf, policy: lua.state.policy, in: db) })]
        }
    }

    /// `history(ref)` → the case's audit trail: { type, on, at, actor, script, data }.
    /// `retention(as_of, dry_run)` → what retention removed or would remove:
    /// `{ cutoff =, months =, cases = { refs }, parties = { ids }, dry_run = }`.
    static let retention: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (_, db) = try session(lua)
            let report = try CaseStore.applyRetention(asOf: try lua.dateArgument(1, "as_of") ?? lua.state.today,
                                                      dryRun: try lua.flagArgument(2, "dry_run"), by: lua.state.recorder.actor, in: db)
            return [.map([.string("cutoff"): .date(report.cutoff), .string("months"): .integer(Int64(report.months)),
                          .string("cases"): .array(report.cases.map { .string($0) }),
                          .string("parties"): .array(report.parties.map { .integer($0) }),
                          .string("dry_run"): .boolean(report.dryRun)])]
        }
    }

    static let history: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (_, db) = try session(lua)
            guard let ref = try lua.textArgument(1, "ref") else { throw InputError(field: "ref", message: "required") }
            let entries = try CaseStore.history(of: ref, in: db).map { entry throws -> LuaValue in
                var fields: [LuaValue: LuaValue] = [.string("type"): .string(entry.type), .string("at"): .string(entry.at)]
                if let on = entry.on, let date = try? LocalDate(iso: on) { fields[.string("on")] = .date(date) }
                if let actor = entry.actor { fields[.string("actor")] = .string(actor) }
                if let script = entry.script { fields[.string("script")] = .string(script) }
                if let data = entry.data {
                    var details: [LuaValue: LuaValue] = [:]
                    for row in try Row.fetchAll(db, sql: "SELECT key, value FROM json_each(?)", arguments: [data]) {
                        details[.string(row["key"])] = SQLModule.luaValue(row["value"])
                    }
                    fields[.string("data")] = .map(details)
                }
                return .map(fields)
            }
            return [.array(entries)]
        }
    }

    // MARK: The lifecycle

    /// `event(ref, kind, on, clock, amount, unit, agreed, reason, appointed, outcome)` → the case
    /// as it now is. `appointed`: the date the event sets (a referral's agreed response date, the
    /// date a notice gives); `outcome`: a closing outcome, or the ground for declining an escalation.
    static let event: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (db, policy, ref) = try lifecycle(lua)
            let kindName = try lua.textArgument(2, "event") ?? ""
            guard let kind = CaseEvent.Kind(rawValue: kindName), ![.received, .contact, .responded].contains(kind) else {
                throw InputError(field: "event", message: "unknown event '\(kindName)'")
            }
            let on = try lua.dateArgument(3, "on") ?? lua.state.today
            var by: Duration?
            if let unitName = try lua.textArgument(6, "unit") {
                guard let unit = Duration.Unit(rawValue: unitName) else {
                    throw InputError(field: "unit", message: "unknown unit '\(unitName)'")
                }
                let amount = try lua.integerArgument(5, unitName)
                guard let amount, amount > 0, amount <= Duration.maximum(unit) else {
                    throw InputError(field: unitName, message: Duration.refusal(amount, given: lua.describeArgument(5), unit, least: 1))
                }
                by = Duration(amount, unit)
            }
            let appointedField = kind == .referredBack ? "respond_by" : "date"
            let outcomeField = kind == .escalationDeclined ? "ground" : "outcome"
            let event = CaseEvent(kind, on: on, clock: try lua.textArgument(4, "clock"), extensionBy: by,
                                  agreed: try lua.flagArgument(7, "agreed"), reason: try lua.textArgument(8, "reason"),
                                  appointed: try lua.dateArgument(9, appointedField), outcome: try lua.textArgument(10, outcomeField))
            try CaseStore.record(event, on: ref, pack: policy.pack, calendar: policy.calendar, by: lua.state.recorder, in: db)
            return try refreshed(ref, lua: lua, db: db)
        }
    }

    /// `remedy_answer(ref, answer, on, reason)` → the case: `answer` is "accepted" or "declined",
    /// for the case's latest remedy offer; the pack's `remedy_acceptance` says what a late
    /// acceptance meets.
    static let remedyAnswer: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (db, policy, ref) = try lifecycle(lua)
            let name = try lua.textArgument(2, "answer") ?? ""
            guard let reply = CaseStore.RemedyAnswer(rawValue: name) else {
                throw InputError(field: "answer", message: "unknown answer '\(name)' (expected accepted or declined)")
            }
            try CaseStore.answerRemedy(reply, of: ref, on: try lua.dateArgument(3, "on") ?? lua.state.today,
                                       reason: try lua.textArgument(4, "reason"), rule: policy.pack.remedyAcceptance,
                                       by: lua.state.recorder, in: db)
            return try refreshed(ref, lua: lua, db: db)
        }
    }

    /// `contact(ref, channel, direction, summary, at, staff, meets)` → the case.
    static let contact: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (db, policy, ref) = try lifecycle(lua)
            let at: String
            let day: LocalDate
            if let date = try? lua.dateArgument(5, "at") {
                (at, day) = (date.description, date)
            } else if let text = try lua.textArgument(5, "at") {
                // A date-time: YYYY-MM-DDTHH:MM[:SS][Z]
                let shape = text.count >= 16 && text.count <= 20 && text.dropFirst(10).first == "T"
                guard shape, let date = try? LocalDate(iso: String(text.prefix(10))) else {
                    throw InputError(field: "at", message: "expected a date or a date-time (2026-12-22T14:30), got '\(text)'")
                }
                (at, day) = (text, date)
            } else if let asOf = lua.state.options.asOf {
                (at, day) = (asOf.description, asOf)
            } else {
                (at, day) = (Timestamp.nowUTC(), lua.state.today)
            }
            let record = ContactRecord(channel: try lua.textArgument(2, "channel") ?? "", direction: try lua.textArgument(3, "direction") ?? "",
                                       summary: try lua.textArgument(4, "summary") ?? "", at: at, staff: try lua.textArgument(6, "staff"))
            try CaseStore.record(CaseEvent(.contact, on: day, clock: try lua.textArgument(7, "meets")), on: ref, pack: policy.pack, calendar: policy.calendar,
                                 by: lua.state.recorder, with: .contact(record), in: db)
            return try refreshed(ref, lua: lua, db: db)
        }
    }

    /// `respond(ref, on, outcome, findings, reasons, remedy)` → the case. `findings` is text or
    /// a table (kept as JSON); `remedy` a table { items = {...}, accept_by, payment_route,
    /// arrears_offset } or an array of items { kind, pence, reason }.
    static let respond: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (db, policy, ref) = try lifecycle(lua)
            let on = try lua.dateArgument(2, "on") ?? lua.state.today
            let findings: String?
            switch try lua.value(4, field: "findings") {
            case .nil: findings = nil
            case .string(let text): findings = text
            case let table where table.isTable: findings = JSONText.encode(table)
            case let other: throw InputError(field: "findings", message: "expected text or a table, got \(other)")
            }
            let remedy = try remedyOffer(lua.value(6, field: "remedy"))
            let decision = DecisionRecord(outcome: try lua.textArgument(3, "outcome") ?? "", findings: findings,
                                          reasons: try lua.textArgument(5, "reasons"), remedy: remedy)
            try CaseStore.record(CaseEvent(.responded, on: on), on: ref, pack: policy.pack, calendar: policy.calendar,
                                 by: lua.state.recorder, with: .decision(decision), in: db)
            return try refreshed(ref, lua: lua, db: db)
        }
    }

    static func remedyOffer(_ value: LuaValue) throws(InputError) -> RemedyOffer? {
        let itemValues: [LuaValue]
        var offer = RemedyOffer(items: [])
        switch value {
        case .nil: return nil
        case .array(let items): itemValues = items
        case .map(let table):
            for key in table.keys {
                guard case .string(let name) = key, ["items", "accept_by", "payment_route", "arrears_offset"].contains(name) else {
                    throw InputError(field: "remedy.\(key)", message: "unknown key (expected items, accept_by, payment_route, arrears_offset)")
                }
            }
            guard case .array(let items)? = table["items"] else {
                throw InputError(field: "remedy.items", message: "expected an array of items { kind =, pence =, reason = }")
            }
            itemValues = items
            switch table["accept_by"] {
            case nil: break
            case .date(let date)?: offer.acceptBy = date
            case .string(let text)?:
                do { offer.acceptBy = try LocalDate(iso: text) } catch {
                    throw InputError(field: "remedy.accept_by", message: "\(error): \(error.reason)")
                }
            case let other?: throw InputError(field: "remedy.accept_by", message: "expected a date, got \(other)")
            }
            if case .string(let route)? = table["payment_route"] { offer.paymentRoute = route }
            switch table["arrears_offset"] {
            case nil: break
            case .integer(let pence)?: offer.arrearsOffsetPence = Int(pence)
            case let other?: throw InputError(field: "remedy.arrears_offset", message: "expected whole pence, got \(other)")
            }
        default:
            throw InputError(field: "remedy", message: "expected a table of items, got \(value)")
        }
        for (index, itemValue) in itemValues.enumerated() {
            let field = "remedy.items[\(index + 1)]"
            guard case .map(let item) = itemValue else {
                throw InputError(field: field, message: "expected a table { kind =, pence =, reason = }, got \(itemValue)")
            }
            for key in item.keys {
                guard case .string(let name) = key, ["kind", "pence", "reason"].contains(name) else {
                    throw InputError(field: "\(field).\(key)", message: "unknown key (expected kind, pence, reason)")
                }
            }
            guard case .string(let kind)? = item["kind"] else {
                throw InputError(field: field + ".kind", message: "required (one of: \(Vocabulary.remedyKinds.sorted().joined(separator: ", ")))")
            }
            let pence: Int
            switch item["pence"] {
            case .integer(let value)?: pence = Int(value)
            case nil: pence = 0
            case let other?: throw InputError(field: field + ".pence", message: "expected whole pence, got \(other)")
            }
            guard case .string(let reason)? = item["reason"] else {
                throw InputError(field: field + ".reason", message: "every item needs a reason")
            }
            offer.items.append(RemedyItem(kind: kind, pence: pence, reason: reason))
        }
        return offer
    }

    // MARK: Helpers

    /// The run's store and connection, or why there is none.
    static func session(_ lua: LuaCall) throws(StoreError) -> (CaseStore, Database) {
        guard let store = lua.state.store, let db = lua.state.database else {
            throw StoreError(message: "no case store is open (create one with `redress init`, or name it with --db or REDRESS_DB)")
        }
        return (store, db)
    }

    /// The connection, the loaded pack, and the case reference in argument 1.
    static func lifecycle(_ lua: LuaCall) throws -> (Database, LoadedPolicy, String) {
        let (_, db) = try session(lua)
        guard let policy = lua.state.policy else { throw StoreError(message: "the store's pack is not loaded") }
        guard let ref = try lua.textArgument(1, "ref") else { throw InputError(field: "ref", message: "required") }
        return (db, policy, ref)
    }

    static func refreshed(_ ref: String, lua: LuaCall, db: Database) throws -> [LuaValue] {
        guard let record = try CaseStore.fetchCase(ref, in: db) else { throw StoreError(message: "no case '\(ref)'") }
        return [try caseValue(record, today: lua.state.today, policy: lua.state.policy, in: db,
                              intake: try CaseStore.intakeRecord(of: ref, in: db).map { try intakeValue($0, in: db) })]
    }

    /// A case as Lua sees it: its fields, `due` (an open case's unmet current-stage clocks, of
    /// the stage's current round: name → due date after extensions; met ones stay in `clocks`), `clocks` (every clock, with
    /// `round` and `overdue` as of `today`), `overdue`, `round` (which entry of its stage),
    /// `remedy` (the latest offer and its `state` on `today`), `closure` (how it ended).
    /// Lateness is counted as the Code counts time, in working days by the pack's calendar:
    /// each unmet clock of an open case has `late_by` (working days past its due date, when
    /// overdue) or `due_in` (working days until it), a clock met late `late_by` (working days
    /// after its due date it was met), and the case `overdue_by` (its most overdue clock's `late_by`).
    /// `waiting`: the clocks of an open case's current stage round
    /// waiting for the event they run from (`waitingValue`). An open case needs the store's pack
    /// (`policy`), so that no clock is left out unsaid. With `intake` (what was kept of its
    /// intake: a single case's read, not `find`'s), `intake_facts`, `intake_triage` and `intake_window`.
    static func caseValue(_ record: CaseRecord, today: LocalDate, policy: LoadedPolicy?, in db: Database,
                          intake: LuaValue? = nil) throws -> LuaValue {
        let calendar = policy?.calendar
        var waiting: [WaitingClock] = []
        if record.status == "open" {
            guard let policy else { throw StoreError(message: "the store's pack is not loaded") }
            waiting = try CaseStore.waiting(record, pack: policy.pack, calendar: policy.calendar, in: db)
        }
        func date(_ text: String?) -> LuaValue {
            guard let text, let value = try? LocalDate(iso: text) else { return .nil }
            return .date(value)
        }
        func text(_ value: String?) -> LuaValue { value.map { .string($0) } ?? .nil }
        var due: [LuaValue: LuaValue] = [:]
        var overdue = false
        var overdueBy: Int?
        let clocks: [LuaValue] = record.clocks.map { clock in
            let late = record.status == "open" && clock.isOverdue(on: today)
            overdue = overdue || late
            var count: [String: LuaValue] = [:]
            if record.status == "open", clock.met == nil, let calendar, let dueNow = try? LocalDate(iso: clock.dueNow) {
                if late, let n = try? calendar.workingDaysBetween(dueNow, today) {
                    count["late_by"] = .integer(Int64(n))
                    overdueBy = max(overdueBy ?? 0, n)
                } else if !late, let n = try? calendar.workingDaysBetween(today, dueNow) {
                    count["due_in"] = .integer(Int64(n))
                }
            } else if clock.metLate == true, let calendar, let met = clock.met.flatMap({ try? LocalDate(iso: $0) }),
                      let dueNow = try? LocalDate(iso: clock.dueNow), let n = try? calendar.workingDaysBetween(dueNow, met) {
                count["late_by"] = .integer(Int64(n))
            }
            if record.status == "open" && clock.stage == record.stage && clock.round == record.round && clock.met == nil {
                due[.string(clock.name)] = date(clock.dueNow)
            }
            return .map([
                "stage": .string(clock.stage), "round": .integer(Int64(clock.round)), "name": .string(clock.name), "from": .string(clock.anchor),
                "started": date(clock.anchorDate), "due": date(clock.dueNow), "first_due": date(clock.due),
                "met": date(clock.met), "met_late": clock.metLate.map { .boolean($0) } ?? .nil, "overdue": .boolean(late),
            ].merging(count) { $1 }.keyedByString)
        }
        var fields: [String: LuaValue] = [
            "ref": .string(record.ref), "kind": .string(record.kind), "status": .string(record.status), "stage": text(record.stage),
            "received": date(record.received), "channel": .string(record.channel), "category": text(record.category),
            "summary": text(record.summary), "desired_outcome": text(record.desiredOutcome), "event_date": date(record.eventDate),
            "tenure": text(record.tenure),
            "aware_date": date(record.awareDate),
            "complainant": record.complainantID.map { .integer($0) } ?? .nil,
            "representative": record.representativeID.map { .integer($0) } ?? .nil,
            "anonymous": .boolean(record.anonymous), "confidential": .boolean(record.confidential),
            "safeguarding": .boolean(record.safeguarding), "policy": .string(record.policy), "officer": text(record.officer),
            "due": .map(due), "clocks": .array(clocks), "overdue": .boolean(overdue), "round": .integer(Int64(record.round)),
            "waiting": .array(waiting.map { waitingValue($0, today: today, calendar: calendar) }),
        ]
        if let overdueBy { fields["overdue_by"] = .integer(Int64(overdueBy)) }
        if case .map(let kept)? = intake {
            for (key, name) in [("facts", "intake_facts"), ("triage", "intake_triage"), ("window", "intake_window")] {
                if let value = kept[.string(key)] { fields[name] = value }
            }
        }
        if let remedy = record.remedy {
            fields["remedy"] = .map([
                "id": .integer(remedy.id), "offered": .date(remedy.offered), "accept_by": remedy.acceptBy.map { .date($0) } ?? .nil,
                "accepted": remedy.accepted.map { .date($0) } ?? .nil, "declined": remedy.declined.map { .date($0) } ?? .nil,
                "state": .string(remedy.state(on: today).rawValue), "pence": .integer(Int64(remedy.pence)),
                "arrears_offset": .integer(Int64(remedy.arrearsOffsetPence)), "payment_route": text(remedy.paymentRoute),
            ].keyedByString)
        }
        if let closure = record.closure {
            fields["closure"] = .map(["by": .string(closure.type), "on": date(closure.on), "outcome": text(closure.outcome),
                                      "reason": text(closure.reason)].keyedByString)
        }
        if let reason = record.exclusionReason {
            fields["exclusion"] = .map(["reason": .string(reason), "clause": text(record.exclusionClause)].keyedByString)
        }
        return .map(fields.keyedByString)
    }

    /// A waiting clock as Lua sees it: `clock`, `from` (the event it waits for), `since` (the day
    /// the case entered the stage's round) and `waited` (working days since, to `today`); then
    /// what limits the wait: `bounded_by` (the stage's clock that the event meets, which says
    /// when it is owed), or the pack's `limit` (`5 working days from received`) with its
    /// `clause` and `owed_by` (the date), `late_by` (working days past it) or `due_in` (working
    /// days until it), or, when the limit counts from an event the round did not begin with, a
    /// `note` saying so. Neither `bounded_by` nor `limit`: the pack sets no limit.
    static func waitingValue(_ w: WaitingClock, today: LocalDate, calendar: WorkingDayCalendar?) -> LuaValue {
        var entry: [String: LuaValue] = ["clock": .string(w.clock), "from": .string(w.anchor.rawValue), "since": .date(w.since)]
        if w.since <= today, let calendar, let n = try? calendar.workingDaysBetween(w.since, today) {
            entry["waited"] = .integer(Int64(n))
        }
        func describe(_ limit: AnchorLimit) {
            entry["limit"] = .string(limit.rule)
            if let clause = limit.clause { entry["clause"] = .string(clause) }
        }
        switch w.limit {
        case .clock(let name):
            entry["bounded_by"] = .string(name)
        case .declared(let limit, let due):
            describe(limit)
            entry["owed_by"] = .date(due)
            if due < today, let calendar, let n = try? calendar.workingDaysBetween(due, today) {
                entry["late_by"] = .integer(Int64(n))
            } else if due >= today, let calendar, let n = try? calendar.workingDaysBetween(today, due) {
                entry["due_in"] = .integer(Int64(n))
            }
        case .notCounted(let limit, let began):
            describe(limit)
            let start = began.isEmpty ? "an event that starts no stage" : began.map(\.rawValue).joined(separator: " and ")
            entry["note"] = .string("the limit counts from \(limit.from.rawValue), and this round began with \(start): no date is set")
        case .none:
            break
        }
        return .map(entry.keyedByString)
    }

    /// Runs `body`; answers its values, or `nil` and the message of what it threw.
    static func answer(_ L: OpaquePointer?, _ call: UnsafeMutablePointer<lshim_call>?,
                       _ body: (LuaCall) throws -> [LuaValue]) {
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            let values: [LuaValue]
            do {
                if let db = lua.state.database {
                    values = try CaseStore.waitingForTheLock(in: db) { try body(lua) }
                } else {
                    values = try body(lua)
                }
            } catch {
                try lua.return(.nil)
                try lua.return(.string(message(for: error)))
                return
            }
            for value in values { try lua.return(value) }
        }
    }

    /// Like `answer`, for a primitive that returns a file's path and its bytes exactly (a chunk
    /// to load: Lua source need not be UTF-8), or `false` when `body` returns nil.
    static func answerSource(_ L: OpaquePointer?, _ call: UnsafeMutablePointer<lshim_call>?,
                             _ body: (LuaCall) throws -> (path: String, source: [UInt8])?) {
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            let found: (path: String, source: [UInt8])?
            do {
                found = try body(lua)
            } catch {
                try lua.return(.nil)
                try lua.return(.string(message(for: error)))
                return
            }
            guard let found else { try lua.return(.boolean(false)); return }
            try lua.return(.string(found.path))
            try lua.return(bytes: found.source)
        }
    }

    static func message(for error: any Error) -> String {
        switch error {
        case let error as StoreError: error.message
        case let error as DatabaseError: StoreError.describe(error)
        default: "\(error)"
        }
    }
}

extension Dictionary where Key == String, Value == LuaValue {
    var keyedByString: [LuaValue: LuaValue] {
        var result: [LuaValue: LuaValue] = [:]
        for (key, value) in self where value != .nil { result[.string(key)] = value }
        return result
    }
}

extension LuaValue {
    var isTable: Bool {
        switch self {
        case .array, .map: true
        default: false
        }
    }
}

/// Lua values as JSON text (for findings kept in the store).
enum JSONText {
    /// A table's fields as a JSON object (an empty table is `{}`).
    static func object(_ fields: [LuaValue: LuaValue]) -> String {
        encode(.map(fields))
    }

    static func encode(_ value: LuaValue) -> String {
        switch value {
        case .nil: "null"
        case .boolean(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        case .number(let number): number.isFinite ? LuaValue.format(number) : "null"
        case .string(let text): JSON.quote(text)
        case .date(let date): JSON.quote(date.description)
        case .opaque(let text): JSON.quote(text)
        case .array(let items): "[" + items.map(encode).joined(separator: ",") + "]"
        case .map(let entries):
            "{" + entries.map { (JSON.quote($0.key.description), encode($0.value)) }.sorted { $0.0 < $1.0 }
                .map { "\($0.0):\($0.1)" }.joined(separator: ",") + "}"
        }
    }
}

// MARK: Reading positional arguments as named fields

extension LuaCall {
    /// Text, or nil when absent; anything else is an error naming `field`.
    func textArgument(_ index: Int32, _ field: String) throws(InputError) -> String? {
        switch lua_type(L, index) {
        case LUA_TNONE, LUA_TNIL: return nil
        case LUA_TSTRING: return text(at: index)
        default: throw InputError(field: field, message: "expected text, got \(describeArgument(index))")
        }
    }

    /// A date (value or ISO text), or nil when absent.
    func dateArgument(_ index: Int32, _ field: String) throws(InputError) -> LocalDate? {
        var day: lua_Integer = 0
        if lshim_todate(L, index, &day) != 0 { return LocalDate(dayNumber: Int(day)) }
        switch lua_type(L, index) {
        case LUA_TNONE, LUA_TNIL: return nil
        case LUA_TSTRING:
            do throws(DateError) {
                return try LocalDate(iso: text(at: index))
            } catch {
                throw InputError(field: field, message: "\(error): \(error.reason)")
            }
        default: throw InputError(field: field, message: "expected a date (YYYY-MM-DD), got \(describeArgument(index))")
        }
    }

    /// A table's fields, or nil when absent; anything else is an error naming `field`.
    func objectArgument(_ index: Int32, _ field: String) throws(InputError) -> [LuaValue: LuaValue]? {
        switch lua_type(L, index) {
        case LUA_TNONE, LUA_TNIL: return nil
        case LUA_TTABLE:
            switch try value(index, field: field) {
            case .map(let fields): return fields
            case .array(let items) where items.isEmpty: return [:]
            default: throw InputError(field: field, message: "expected a table of named fields, got a list")
            }
        default: throw InputError(field: field, message: "expected a table, got \(describeArgument(index))")
        }
    }

    /// Any value, copied into Swift; a table nested more than `LuaValue.maximumDepth` deep is
    /// an error naming `field`.
    func value(_ index: Int32, field: String) throws(InputError) -> LuaValue {
        do {
            return try state.value(at: index)
        } catch {
            throw InputError(field: field, message: "\(error)")
        }
    }

    /// A whole number, or nil when absent.
    func integerArgument(_ index: Int32, _ field: String) throws(InputError) -> Int? {
        switch lua_type(L, index) {
        case LUA_TNONE, LUA_TNIL: return nil
        case LUA_TNUMBER:
            var isInteger: Int32 = 0
            let value = lua_tointegerx(L, index, &isInteger)
            if isInteger != 0 { return Int(value) }
            fallthrough
        default: throw InputError(field: field, message: "expected a whole number, got \(describeArgument(index))")
        }
    }

    /// true or false; absent is false.
    func flagArgument(_ index: Int32, _ field: String) throws(InputError) -> Bool {
        switch lua_type(L, index) {
        case LUA_TNONE, LUA_TNIL: return false
        case LUA_TBOOLEAN: return lua_toboolean(L, index) != 0
        default: throw InputError(field: field, message: "expected true or false, got \(describeArgument(index))")
        }
    }

    /// A stage name: text, or a whole number written as text.
    func stageArgument(_ index: Int32, _ field: String) throws(InputError) -> String? {
        if lua_type(L, index) == LUA_TNUMBER, let number = try integerArgument(index, field) { return String(number) }
        return try textArgument(index, field)
    }

    /// `cases.find{ waiting = }`: true or false, or the name of an event a clock can wait for;
    /// nil when absent. Reads the clocks that can wait from the store's pack.
    func waitingArgument(_ index: Int32, policy: LoadedPolicy?) throws -> WaitingFilter? {
        let events = Anchor.awaitable.map(\.rawValue).joined(separator: ", ")
        let wanted: Bool, anchor: Anchor?
        switch lua_type(L, index) {
        case LUA_TNONE, LUA_TNIL: return nil
        case LUA_TBOOLEAN: (wanted, anchor) = (lua_toboolean(L, index) != 0, nil)
        case LUA_TSTRING:
            let name = text(at: index)
            guard let event = Anchor(rawValue: name) else {
                throw InputError(field: "waiting", message: "unknown event '\(name)' (expected true, false or one of: \(events))")
            }
            guard !event.startsRound else {
                throw InputError(field: "waiting", message: "'\(name)' starts a stage, so no clock waits for it (expected true, false or one of: \(events))")
            }
            (wanted, anchor) = (true, event)
        default:
            throw InputError(field: "waiting", message: "expected true, false or one of: \(events), got \(describeArgument(index))")
        }
        guard let policy else { throw StoreError(message: "the store's pack is not loaded") }
        return WaitingFilter(wanted: wanted, anchor: anchor, pack: policy.pack)
    }

    /// A party id that exists, or nil when absent.
    func partyArgument(_ index: Int32, _ field: String, in db: Database) throws -> Int64? {
        guard let id = try integerArgument(index, field) else { return nil }
        guard try CaseStore.partyExists(Int64(id), in: db) else {
            throw InputError(field: field, message: "no party with id \(id)")
        }
        return Int64(id)
    }

    /// The value for a message: `'text'`, a number, or its type.
    func describeArgument(_ index: Int32) -> String {
        guard lua_type(L, index) != LUA_TTABLE, let value = try? state.value(at: index) else { return typeName(index) }
        return switch value {
        case .string(let text): "'\(text)'"
        case .integer(let number): String(number)
        case .number(let number): LuaValue.format(number)
        case .boolean(let flag): String(flag)
        case .date(let date): "date \(date)"
        default: typeName(index)
        }
    }
}
