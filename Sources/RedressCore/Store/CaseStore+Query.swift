import GRDB
import RedressCalendar

/// A case as the store holds it, with its clocks.
public struct CaseRecord: Sendable, Equatable {
    public var id: Int64
    public var ref: String
    public var kind: String
    public var status: String
    public var stage: String?
    public var received: String
    public var channel: String
    public var category: String?
    public var summary: String?
    public var desiredOutcome: String?
    public var eventDate: String?
    /// `lcra`, `lcho`, or nil when not recorded.
    public var tenure: String?
    /// When the customer became aware of the problem, if intake gave it.
    public var awareDate: String?
    public var complainantID: Int64?
    public var representativeID: Int64?
    public var anonymous: Bool
    public var confidential: Bool
    public var safeguarding: Bool
    public var exclusionReason: String?
    public var exclusionClause: String?
    public var policy: String
    /// The officer handling it (its latest assignment), if any.
    public var officer: String?
    public var clocks: [ClockRecord]
    /// Which entry of its current stage the case is in (2 after a referral back to it).
    public var round = 1
    /// Its latest remedy offer, if any.
    public var remedy: RemedyRecord?
    /// How a case that is no longer open ended.
    public var closure: ClosureRecord?
}

/// How a case ended: the event (`closed`, `withdrawn`, `excluded`, `escalation_declined`), its
/// day, the pack's closing outcome or ground for declining, and the reason.
public struct ClosureRecord: Sendable, Equatable {
    public var type: String
    public var on: String?
    public var outcome: String?
    public var reason: String?
}

/// A clock as the store holds it; `dueNow` is the due date after extensions.
public struct ClockRecord: Sendable, Equatable {
    public var stage: String
    /// Which entry of the stage it belongs to (1 unless the stage was entered again).
    public var round = 1
    public var name: String
    public var anchor: String
    public var anchorDate: String
    public var due: String
    public var dueNow: String
    public var met: String?
    public var metLate: Bool?

    /// Not met, and past due on `date`: a deadline the landlord missed (the customer's
    /// escalation window is never overdue).
    public func isOverdue(on date: LocalDate) -> Bool {
        met == nil && dueNow < date.description && name != ClockRule.escalationWindow
    }
}

/// An entry of a case's audit trail.
public struct EventRecord: Sendable, Equatable {
    public var type: String
    public var on: String?
    public var at: String
    public var actor: String?
    public var script: String?
    /// The event's details as JSON text.
    public var data: String?
}

/// What `cases.find` looks for. Every field narrows; nil means any.
public struct CaseFilter: Sendable, Equatable {
    public var status: String?
    public var kind: String?
    public var stage: String?
    public var category: String?
    public var channel: String?
    /// true: open cases with a clock past due on `asOf`; false: cases without one.
    public var overdue: Bool?
    /// Open cases with a clock waiting for the event it runs from (or cases without one).
    public var waiting: WaitingFilter?
    public var asOf: LocalDate
    public var receivedFrom: LocalDate?
    public var receivedTo: LocalDate?
    public var limit: Int?

    public init(asOf: LocalDate) {
        self.asOf = asOf
    }

    public static let statuses: Set<String> = ["open", "closed", "withdrawn", "excluded"]
}

extension CaseStore {
    /// The case `ref`, or nil.
    public static func fetchCase(_ ref: String, in db: Database) throws -> CaseRecord? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(caseColumns) FROM cases c WHERE c.ref = ?"), arguments: [ref]) else {
            return nil
        }
        return try caseRecord(row, in: db)
    }

    /// The cases matching `filter`, oldest first; with `overdue = true`, most overdue first.
    public static func find(_ filter: CaseFilter, in db: Database) throws -> [CaseRecord] {
        if let status = filter.status { _ = try Vocabulary.check(status, in: CaseFilter.statuses, field: "status") }
        if let kind = filter.kind {
            _ = try Vocabulary.check(kind, in: Set(NewCase.Kind.allCases.map(\.rawValue)), field: "kind")
        }
        if let limit = filter.limit, limit < 0 {
            throw InputError(field: "limit", message: "expected 0 or more, got \(limit)")
        }
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        // `+c.status`: most cases share a status, so the (status, kind) index would make SQLite
        // read and sort all of them to return the first page in reference order.
        for (column, value) in [("+c.status", filter.status), ("c.kind", filter.kind), ("c.stage", filter.stage),
                                ("c.category", filter.category), ("c.channel", filter.channel)] {
            if let value {
                conditions.append("\(column) = ?")
                arguments.append(value)
            }
        }
        if let from = filter.receivedFrom {
            conditions.append("c.received >= ?")
            arguments.append(from.description)
        }
        if let to = filter.receivedTo {
            conditions.append("c.received <= ?")
            arguments.append(to.description)
        }
        if let waiting = filter.waiting?.condition {
            conditions.append(waiting.sql)
            arguments += waiting.arguments.map { $0 as (any DatabaseValueConvertible)? }
        }
        if filter.overdue == true {
            // Most overdue first, straight from the index of unmet clocks by due date: the first
            // page of a long list comes without reading the rest.
            var sql = """
                SELECT \(caseColumns) FROM clocks k CROSS JOIN cases c ON c.id = k.case_id
                WHERE k.met IS NULL AND coalesce(k.extended_due, k.due) < ? AND c.status = 'open'
                  AND k.name <> '\(ClockRule.escalationWindow)'
                """
            for condition in conditions { sql += " AND " + condition }
            // The index's own order (due date, then clock row): no sort, so the first page
            // comes without reading the rest. A case with two overdue clocks comes once.
            sql += " ORDER BY coalesce(k.extended_due, k.due), k.id"
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments([filter.asOf.description] + arguments))
            var seen: Set<Int64> = []
            var records: [CaseRecord] = []
            while filter.limit.map({ records.count < $0 }) ?? true, let row = try rows.next() {
                if seen.insert(row[0]).inserted { records.append(try caseRecord(row, in: db)) }
            }
            return records
        }
        if filter.overdue == false {
            conditions.append("""
                NOT (c.status = 'open' AND c.id IN (SELECT k.case_id FROM clocks k WHERE k.met IS NULL
                                                    AND coalesce(k.extended_due, k.due) < ?
                                                    AND k.name <> '\(ClockRule.escalationWindow)'))
                """)
            arguments.append(filter.asOf.description)
        }
        var sql = "SELECT \(caseColumns) FROM cases c"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY c.id"
        if let limit = filter.limit {
            sql += " LIMIT ?"
            arguments.append(limit)
        }
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { try caseRecord($0, in: db) }
    }

    /// Case `ref`'s audit trail, oldest first.
    public static func history(of ref: String, in db: Database) throws -> [EventRecord] {
        guard let caseID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM cases WHERE ref = ?"), arguments: [ref]) else {
            throw StoreError(message: "no case '\(ref)'")
        }
        return try Row.fetchAll(db, sql: "SELECT type, on_date, at, actor, script, data FROM events WHERE case_id = ? ORDER BY id",
                                arguments: [caseID]).map {
            EventRecord(type: $0["type"], on: $0["on_date"], at: $0["at"], actor: $0["actor"], script: $0["script"], data: $0["data"])
        }
    }

    /// The columns `caseRecord` reads, in its order (by position: reading a GRDB row by column
    /// name lower-cases and hashes the name each time, which dominated `cases.find`).
    static let caseColumns = """
        c.id, c.ref, c.kind, c.status, c.stage, c.received, c.channel, c.category, c.summary, c.desired_outcome,
        c.event_date, c.complainant_id, c.representative_id, c.anonymous, c.confidential, c.safeguarding,
        c.exclusion_reason, c.exclusion_clause, c.policy,
        (SELECT a.officer FROM assignments a WHERE a.case_id = c.id ORDER BY a.id DESC LIMIT 1),
        (SELECT h.round FROM stage_history h WHERE h.case_id = c.id ORDER BY h.id DESC LIMIT 1), c.tenure,
        c.aware_date
        """

    static func caseRecord(_ row: Row, in db: Database) throws -> CaseRecord {
        let id: Int64 = row[0]
        let clocks = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT stage, name, anchor, anchor_date, due, coalesce(extended_due, due) AS due_now, met, met_late, round
            FROM clocks WHERE case_id = ? ORDER BY id
            """), arguments: [id]).map {
            ClockRecord(stage: $0[0], round: $0[8], name: $0[1], anchor: $0[2], anchorDate: $0[3], due: $0[4], dueNow: $0[5],
                        met: $0[6], metLate: $0[7])
        }
        var record = CaseRecord(
            id: id, ref: row[1], kind: row[2], status: row[3], stage: row[4], received: row[5], channel: row[6],
            category: row[7], summary: row[8], desiredOutcome: row[9], eventDate: row[10], complainantID: row[11],
            representativeID: row[12], anonymous: row[13], confidential: row[14], safeguarding: row[15],
            exclusionReason: row[16], exclusionClause: row[17], policy: row[18], officer: row[19], clocks: clocks)
        record.round = row[20] ?? 1
        record.tenure = row[21]
        record.awareDate = row[22]
        record.remedy = try latestRemedy(ofCase: id, in: db)
        if record.status != "open",
           let end = try Row.fetchOne(db.cachedStatement(sql: """
               SELECT type, on_date, json_extract(data, '$.outcome'), json_extract(data, '$.reason') FROM events
               WHERE case_id = ? AND type IN ('closed', 'withdrawn', 'excluded', 'escalation_declined') ORDER BY id DESC LIMIT 1
               """), arguments: [id]) {
            record.closure = ClosureRecord(type: end[0], on: end[1], outcome: end[2], reason: end[3])
        }
        return record
    }
}
