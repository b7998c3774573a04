import GRDB
import RedressCalendar

/// What intake decided about a new case (triage's answer plus the intake's facts).
public struct NewCase: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case complaint, serviceRequest = "service_request", enquiry, compliment
    }

    public var kind: Kind
    /// The pack stage triage chose; when nil, the pack's first stage for a complaint, and no
    /// stage (no clocks) for anything else.
    public var stage: String?
    public var received: LocalDate
    public var channel: String
    public var category: String?
    public var summary: String?
    public var desiredOutcome: String?
    public var eventDate: LocalDate?
    /// `lcra` or `lcho` (`Vocabulary.tenures`), for TSM returns by tenure; nil when not known.
    public var tenure: String?
    /// When the customer became aware of the problem (an acceptance window may run from it).
    public var awareDate: LocalDate?
    public var complainantID: Int64?
    public var representativeID: Int64?
    public var anonymous = false
    public var confidential = false
    public var safeguarding = false
    /// Triage said the outcome is confidential (e.g. a complaint about a member of staff): only
    /// the pack's outcome roles read the decision.
    public var outcomeConfidential = false
    /// Set when triage excluded it: the reason given to the customer and the clause relied on.
    public var exclusion: (reason: String, clause: String?)?
    /// The facts the pack's triage was given, kept with the case (nil: no triage ran).
    public var facts: IntakeFacts?
    /// What the pack's triage answered, as a JSON object (nil: no triage ran).
    public var triage: String?

    public init(kind: Kind, stage: String? = nil, received: LocalDate, channel: String, category: String? = nil,
                summary: String? = nil, eventDate: LocalDate? = nil, complainantID: Int64? = nil,
                exclusion: (reason: String, clause: String?)? = nil) {
        self.kind = kind
        self.stage = stage
        self.received = received
        self.channel = channel
        self.category = category
        self.summary = summary
        self.eventDate = eventDate
        self.complainantID = complainantID
        self.exclusion = exclusion
    }
}

/// What intake makes of a new case (`CaseStore.decide`): its first events and the state they
/// give, the exclusion (triage's, or the acceptance window's), and the window's finding.
public struct IntakeDecision: Sendable {
    public let events: [CaseEvent]
    public let state: CaseState
    public let exclusion: (reason: String, clause: String?)?
    public let acceptance: AcceptanceFinding?
}

/// Who and what is recording a change, for the audit log.
public struct Recorder: Sendable {
    public var actor: String?
    public var script: String?

    public init(actor: String? = nil, script: String? = nil) {
        self.actor = actor
        self.script = script
    }
}

extension CaseStore {
    /// Records a new case: the case row, its `received` event (and `excluded` when triage
    /// excluded it, or the pack's acceptance window does), its stage, the clocks that start at
    /// receipt, and the facts of its intake. Returns the reference.
    public func record(_ new: NewCase, pack: PolicyPack, calendar: WorkingDayCalendar, by recorder: Recorder) throws(StoreError) -> String {
        try write { db in try Self.record(new, pack: pack, calendar: calendar, by: recorder, in: db) }
    }

    /// As `record(_:pack:calendar:by:)`, inside the caller's transaction. Everything is checked
    /// before the first row is written, and the rows are written in a savepoint: a failure
    /// leaves the transaction as it was. With `isolated` false they are written without one,
    /// for a caller that discards the whole transaction when anything fails.
    public static func record(_ new: NewCase, pack: PolicyPack, calendar: WorkingDayCalendar, by recorder: Recorder,
                              in db: Database, isolated: Bool = true) throws -> String {
        if let tenure = new.tenure { _ = try Vocabulary.check(tenure, in: Vocabulary.tenures, field: "tenure") }
        let decision = try decide(new, pack: pack, calendar: calendar)
        let (events, state, exclusion, acceptance) = (decision.events, decision.state, decision.exclusion, decision.acceptance)
        let now = Timestamp.nowUTC()
        return try DirectStatement.savepoint(db, isolated: isolated) {
            let ref = try nextReference(year: new.received.year, in: db)
            let row = try DirectStatement(db, """
                INSERT INTO cases(ref, kind, status, stage, received, channel, category, summary, desired_outcome,
                                  event_date, complainant_id, representative_id, anonymous, confidential, safeguarding,
                                  exclusion_reason, exclusion_clause, policy, policy_hash, calendar_version, created_at,
                                  outcome_confidential, tenure, aware_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) -- direct
                """)
            row.bind(1, ref)
            row.bind(2, new.kind.rawValue)
            row.bind(3, state.status.rawValue)
            row.bind(4, state.stage)
            row.bind(5, new.received.description)
            row.bind(6, new.channel)
            row.bind(7, new.category)
            row.bind(8, new.summary)
            row.bind(9, new.desiredOutcome)
            row.bind(10, new.eventDate?.description)
            row.bind(11, new.complainantID)
            row.bind(12, new.representativeID)
            row.bind(13, new.anonymous)
            row.bind(14, new.confidential)
            row.bind(15, new.safeguarding)
            row.bind(16, exclusion?.reason)
            row.bind(17, exclusion?.clause)
            row.bind(18, pack.name)
            row.bind(19, pack.hash)
            row.bind(20, calendar.version)
            row.bind(21, now)
            row.bind(22, new.outcomeConfidential)
            row.bind(23, new.tenure)
            row.bind(24, new.awareDate?.description)
            try row.run()
            let caseID = db.lastInsertedRowID
            try keepIntake(new, acceptance: acceptance, caseID: caseID, in: db)
            if let stage = state.stage {
                let history = try DirectStatement(db, "INSERT INTO stage_history(case_id, stage, entered) VALUES (?, ?, ?) -- direct")
                history.bind(1, caseID)
                history.bind(2, stage)
                history.bind(3, new.received.description)
                try history.run()
            }
            for event in events {
                try insert(event, caseID: caseID, by: recorder, at: now, in: db)
            }
            try saveClocks(state, caseID: caseID, calendar: calendar, new: true, in: db)
            return ref
        }
    }

    /// What recording `new` would make of it, checked, without writing anything: its first
    /// events (received, and excluded when triage excluded it or the pack's acceptance window
    /// does), the state they give, the exclusion, and the window's finding.
    public static func decide(_ new: NewCase, pack: PolicyPack, calendar: WorkingDayCalendar) throws -> IntakeDecision {
        _ = try Vocabulary.check(new.channel, in: Vocabulary.intakeChannels, field: "channel")
        if let reason = new.exclusion?.reason, reason.isEmpty {
            throw InputError(field: "exclude", message: "an exclusion needs the reason given to the customer")
        }
        if let eventDate = new.eventDate, eventDate > new.received {
            throw InputError(field: "event_date", message: "\(eventDate) is after the date received (\(new.received))")
        }
        if let awareDate = new.awareDate, awareDate > new.received {
            throw InputError(field: "aware_date", message: "\(awareDate) is after the date received (\(new.received))")
        }
        try new.facts?.checkSize()
        // The pack's acceptance window, whatever triage answered: a complaint made after its
        // last day is excluded unless one of the pack's exceptions applies.
        let acceptance = try acceptanceFinding(for: new, pack: pack, calendar: calendar)
        var exclusion = new.exclusion
        if exclusion == nil, let reason = acceptance?.exclusionReason { exclusion = (reason, pack.acceptance?.clause) }
        // A complaint enters triage's stage or the pack's first; anything else has no stage.
        let stage = new.stage ?? (new.kind == .complaint ? pack.stages[0].name : nil)
        var events = [CaseEvent(.received, on: new.received, stage: stage)]
        if exclusion != nil { events.append(CaseEvent(.excluded, on: new.received)) }
        let state = try CaseState.replay(events, pack: pack, calendar: calendar)
        return IntakeDecision(events: events, state: state, exclusion: exclusion, acceptance: acceptance)
    }

    /// What else an event records beside itself: a logged contact, or a stage's decision.
    public enum Attachment: Sendable {
        case contact(ContactRecord)
        case decision(DecisionRecord)
    }

    /// Records `event` on case `ref`: replays its log with the new event (refusing it, and
    /// changing nothing, when the lifecycle does), appends it, and saves the derived clocks,
    /// stage and status. Returns the new state.
    @discardableResult
    public func record(_ event: CaseEvent, on ref: String, pack: PolicyPack, calendar: WorkingDayCalendar,
                       by recorder: Recorder, with attachment: Attachment? = nil) throws(StoreError) -> CaseState {
        try write { db in try Self.record(event, on: ref, pack: pack, calendar: calendar, by: recorder, with: attachment, in: db) }
    }

    @discardableResult
    public static func record(_ event: CaseEvent, on ref: String, pack: PolicyPack, calendar: WorkingDayCalendar,
                              by recorder: Recorder, with attachment: Attachment? = nil, in db: Database) throws -> CaseState {
        guard let caseID = try Int64.fetchOne(db, sql: "SELECT id FROM cases WHERE ref = ?", arguments: [ref]) else {
            throw StoreError(message: "no case '\(ref)'")
        }
        switch attachment {
        case .contact(let contact)?: _ = try contact.validated()
        case .decision(let decision)?: _ = try decision.validated()
        case nil: break
        }
        var state = try CaseState.replay(events(ofCase: caseID, in: db), pack: pack, calendar: calendar)
        let stageBefore = state.stage
        try state.apply(event, pack: pack, calendar: calendar)
        var recorded = event
        if event.kind == .escalated || event.kind == .referredBack {
            // The log says which stage the case entered.
            recorded = event.entering(state.stage)
        }
        try DirectStatement.savepoint(db) {
            var extra: [String: String] = [:]
            switch attachment {
            case .contact(let contact)?:
                try db.execute(sql: "INSERT INTO contacts(case_id, at, channel, direction, staff, summary) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [caseID, contact.at, contact.channel, contact.direction, contact.staff, contact.summary])
                extra["contact_id"] = String(db.lastInsertedRowID)
            case .decision(let decision)?:
                try db.execute(sql: "INSERT INTO main.decisions(case_id, stage, outcome, findings, reasons, decided) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [caseID, stageBefore, decision.outcome, decision.findings, decision.reasons, event.on.description])
                let decisionID = db.lastInsertedRowID
                extra["decision_id"] = String(decisionID)
                if let remedy = decision.remedy {
                    // An offer that sets no deadline has the pack's acceptance window, if it has one.
                    var acceptBy = remedy.acceptBy
                    if acceptBy == nil, let window = pack.remedyAcceptance.window {
                        acceptBy = try window.due(from: event.on, calendar: calendar)
                    }
                    try db.execute(sql: """
                        INSERT INTO main.remedies(case_id, decision_id, offered, accept_by, payment_route, arrears_offset_pence)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """, arguments: [caseID, decisionID, event.on.description, acceptBy?.description,
                                         remedy.paymentRoute, remedy.arrearsOffsetPence])
                    let remedyID = db.lastInsertedRowID
                    extra["remedy_id"] = String(remedyID)
                    for item in remedy.items {
                        try db.execute(sql: "INSERT INTO main.remedy_items(remedy_id, kind, amount_pence, reason) VALUES (?, ?, ?, ?)",
                                       arguments: [remedyID, item.kind, item.pence, item.reason])
                    }
                }
            case nil:
                break
            }
            try insert(recorded, caseID: caseID, by: recorder, extra: extra, in: db)
            try saveClocks(state, caseID: caseID, calendar: calendar, in: db)
            if event.kind == .extended, let name = event.clock, let by = event.extensionBy,
               let clock = state.clock(name, stage: stageBefore) {
                try db.execute(sql: """
                    INSERT INTO main.extensions(clock_id, amount, unit, reason, agreed, new_due, granted)
                    SELECT id, ?, ?, ?, ?, ?, ? FROM clocks WHERE case_id = ? AND stage = ? AND round = ? AND name = ?
                    """, arguments: [by.amount, by.unit.rawValue, event.reason, event.agreed, clock.dueNow.description,
                                     event.on.description, caseID, clock.stage, clock.round, name])
            }
            try db.execute(sql: "UPDATE cases SET status = ?, stage = ? WHERE id = ?",
                           arguments: [state.status.rawValue, state.stage, caseID])
            // The stage the case was in ends when it moves on or the case ends.
            if state.stage != stageBefore || state.status != .open {
                try db.execute(sql: "UPDATE stage_history SET left = ?, reason = ? WHERE case_id = ? AND left IS NULL",
                               arguments: [event.on.description, event.kind.rawValue, caseID])
            }
            if let stage = state.stage, stage != stageBefore {
                try db.execute(sql: "INSERT INTO stage_history(case_id, stage, entered, round) VALUES (?, ?, ?, ?)",
                               arguments: [caseID, stage, event.on.description, state.round(of: stage)])
            }
        }
        return state
    }

    /// The lifecycle events of case `ref`, in the order they were recorded.
    public func events(of ref: String) throws(StoreError) -> [CaseEvent] {
        try read { db in
            guard let caseID = try Int64.fetchOne(db, sql: "SELECT id FROM cases WHERE ref = ?", arguments: [ref]) else {
                throw StoreError(message: "no case '\(ref)'")
            }
            return try Self.events(ofCase: caseID, in: db)
        }
    }

    /// The clocks as stored for case `ref`: (stage, name, due, extended_due, met).
    public func storedClocks(of ref: String) throws(StoreError) -> [StoredClock] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT k.stage, k.name, k.due, k.extended_due, k.met, k.met_late
                FROM clocks k JOIN cases c ON c.id = k.case_id WHERE c.ref = ? ORDER BY k.id
                """, arguments: [ref]).map {
                StoredClock(stage: $0["stage"], name: $0["name"], due: $0["due"], extendedDue: $0["extended_due"],
                            met: $0["met"], metLate: $0["met_late"])
            }
        }
    }

    // MARK: Rows

    /// The lifecycle events of a case (the log also holds other entries, such as a party added),
    /// as recorded: the replay reads the real log, not the viewer's redacted one.
    static let lifecycleEventsSQL = """
        SELECT type, on_date, json_extract(data, '$.stage') AS stage, json_extract(data, '$.clock') AS clock,
               json_extract(data, '$.amount') AS amount, json_extract(data, '$.unit') AS unit,
               json_extract(data, '$.agreed') AS agreed, json_extract(data, '$.reason') AS reason,
               json_extract(data, '$.appointed') AS appointed, json_extract(data, '$.outcome') AS outcome
        FROM main.events WHERE case_id = ? AND type IN (\(CaseEvent.Kind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")))
        ORDER BY id
        """

    static func events(ofCase caseID: Int64, in db: Database) throws -> [CaseEvent] {
        try Row.fetchAll(db.cachedStatement(sql: lifecycleEventsSQL), arguments: [caseID]).map { row throws -> CaseEvent in
            let type: String = row["type"]
            guard let kind = CaseEvent.Kind(rawValue: type), let on = try? LocalDate(iso: row["on_date"] ?? "") else {
                throw StoreError(message: "event log of case \(caseID) holds an unreadable \(type) event")
            }
            let unit: String? = row["unit"]
            let amount: Int? = row["amount"]
            let extensionBy = unit.flatMap(Duration.Unit.init(rawValue:)).flatMap { unit in amount.map { Duration($0, unit) } }
            let appointedText: String? = row["appointed"]
            let appointed = try appointedText.map { text throws -> LocalDate in
                guard let date = try? LocalDate(iso: text) else {
                    throw StoreError(message: "event log of case \(caseID) holds an unreadable date '\(text)' in a \(type) event")
                }
                return date
            }
            return CaseEvent(kind, on: on, stage: row["stage"], clock: row["clock"], extensionBy: extensionBy,
                             agreed: (row["agreed"] as Int?) == 1, reason: row["reason"], appointed: appointed, outcome: row["outcome"])
        }
    }

    static func insert(_ event: CaseEvent, caseID: Int64, by recorder: Recorder, extra: [String: String] = [:],
                       at now: String = Timestamp.nowUTC(), in db: Database) throws {
        var data: [String] = []
        if let stage = event.stage { data.append("\"stage\":\(JSON.quote(stage))") }
        if let clock = event.clock { data.append("\"clock\":\(JSON.quote(clock))") }
        if let by = event.extensionBy { data.append("\"amount\":\(by.amount),\"unit\":\(JSON.quote(by.unit.rawValue))") }
        if event.kind == .extended { data.append("\"agreed\":\(event.agreed ? 1 : 0)") }
        if let reason = event.reason { data.append("\"reason\":\(JSON.quote(reason))") }
        if let appointed = event.appointed { data.append("\"appointed\":\(JSON.quote(appointed.description))") }
        if let outcome = event.outcome { data.append("\"outcome\":\(JSON.quote(outcome))") }
        for (key, value) in extra.sorted(by: { $0.key < $1.key }) { data.append("\(JSON.quote(key)):\(value)") }
        let statement = try DirectStatement(db, """
            INSERT INTO main.events(case_id, type, on_date, at, actor, script, data) VALUES (?, ?, ?, ?, ?, ?, ?) -- direct
            """)
        statement.bind(1, caseID)
        statement.bind(2, event.kind.rawValue)
        statement.bind(3, event.on.description)
        statement.bind(4, now)
        statement.bind(5, recorder.actor)
        statement.bind(6, recorder.script)
        statement.bind(7, data.isEmpty ? nil : "{" + data.joined(separator: ",") + "}")
        try statement.run()
    }

    /// Writes the state's clocks: inserts them for a `new` case, else inserts the ones that
    /// started and updates the ones not yet met, with the store's calendar (a met clock keeps
    /// the dates and calendar it was met under: its history). (The upsert opens a temporary table on every run, so a new
    /// case's clocks are plainly inserted.)
    static func saveClocks(_ state: CaseState, caseID: Int64, calendar: WorkingDayCalendar, new: Bool = false,
                           in db: Database) throws {
        for clock in state.clocks {
            let statement = try DirectStatement(db, new ? """
                INSERT INTO clocks(case_id, stage, name, anchor, anchor_date, amount, unit, due, extended_due, met, met_late, calendar_version, round)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) -- direct
                """ : """
                INSERT INTO clocks(case_id, stage, name, anchor, anchor_date, amount, unit, due, extended_due, met, met_late, calendar_version, round)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(case_id, stage, round, name) DO UPDATE SET
                  due = excluded.due, extended_due = excluded.extended_due, met = excluded.met, met_late = excluded.met_late,
                  calendar_version = excluded.calendar_version
                WHERE clocks.met IS NULL -- direct
                """)
            statement.bind(1, caseID)
            statement.bind(2, clock.stage)
            statement.bind(3, clock.name)
            statement.bind(4, clock.rule.anchor.rawValue)
            statement.bind(5, clock.anchorDate.description)
            statement.bind(6, clock.rule.duration.amount)
            statement.bind(7, clock.rule.duration.unit.rawValue)
            statement.bind(8, clock.due.description)
            statement.bind(9, clock.dueNow == clock.due ? nil : clock.dueNow.description)
            statement.bind(10, clock.met?.description)
            statement.bind(11, clock.metLate.map { $0 ? 1 : 0 })
            statement.bind(12, calendar.version)
            statement.bind(13, clock.round)
            try statement.run()
        }
    }

    /// The next reference of `year`: C-2026-000001, C-2026-000002... One past the year's
    /// highest (cases are never deleted), read from the end of the `ref` index.
    static func nextReference(year: Int, in db: Database) throws -> String {
        let prefix = "C-\(year)-"
        // Not max(ref): with a range condition SQLite computes it by scanning the whole range.
        let last = try DirectStatement(db, "SELECT ref FROM cases WHERE ref >= ? AND ref < ? ORDER BY ref DESC LIMIT 1 -- direct")
        last.bind(1, prefix)
        last.bind(2, "C-\(year).")
        let highest = try last.text()
        let next = (highest.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0) + 1
        let digits = String(next)
        return prefix + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}

/// A clock row as the store holds it (dates as ISO text).
public struct StoredClock: Hashable, Sendable {
    public let stage: String
    public let name: String
    public let due: String
    public let extendedDue: String?
    public let met: String?
    public let metLate: Int?
}
