import GRDB

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
    public var complainantID: Int64?
    public var representativeID: Int64?
    public var anonymous: Bool
    public var confidential: Bool
    public var safeguarding: Bool
    public var exclusionReason: String?
    public var exclusionClause: String?
    public var policy: String
    public var clocks: [ClockRecord]
}

/// A clock as the store holds it; `dueNow` is the due date after extensions.
public struct ClockRecord: Sendable, Equatable {
    public var stage: String
    public var name: String
    public var anchor: String
    public var anchorDate: String
    public var due: String
    public var dueNow: String
    public var met: String?
    public var metLate: Bool?

    /// Not met, and past due on `date`.
    public func isOverdue(on date: LocalDate) -> Bool {
        met == nil && dueNow < date.description
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
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM cases WHERE ref = ?"), arguments: [ref]) else {
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
        for (column, value) in [("status", filter.status), ("kind", filter.kind), ("stage", filter.stage),
                                ("category", filter.category), ("channel", filter.channel)] {
            if let value {
                conditions.append("c.\(column) = ?")
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
        if filter.overdue == true {
            // Most overdue first, straight from the index of unmet clocks by due date: the first
            // page of a long list comes without reading the rest.
            var sql = """
                SELECT c.* FROM clocks k CROSS JOIN cases c ON c.id = k.case_id
                WHERE k.met IS NULL AND coalesce(k.extended_due, k.due) < ? AND c.status = 'open'
                """
            for condition in conditions { sql += " AND " + condition }
            sql += " ORDER BY coalesce(k.extended_due, k.due), c.id"
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments([filter.asOf.description] + arguments))
            var seen: Set<Int64> = []
            var ids: [Int64] = []
            while let row = try rows.next(), filter.limit.map({ ids.count < $0 }) ?? true {
                let id: Int64 = row["id"]
                if seen.insert(id).inserted { ids.append(id) }
            }
            return try ids.map { id in
                try caseRecord(Row.fetchOne(db, sql: "SELECT * FROM cases WHERE id = ?", arguments: [id])!, in: db)
            }
        }
        if filter.overdue == false {
            conditions.append("""
                NOT (c.status = 'open' AND c.id IN (SELECT k.case_id FROM clocks k WHERE k.met IS NULL
                                                    AND coalesce(k.extended_due, k.due) < ?))
                """)
            arguments.append(filter.asOf.description)
        }
        var sql = "SELECT c.* FROM cases c"
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

    static func caseRecord(_ row: Row, in db: Database) throws -> CaseRecord {
        let id: Int64 = row["id"]
        let clocks = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT stage, name, anchor, anchor_date, due, coalesce(extended_due, due) AS due_now, met, met_late
            FROM clocks WHERE case_id = ? ORDER BY id
            """), arguments: [id]).map {
            ClockRecord(stage: $0["stage"], name: $0["name"], anchor: $0["anchor"], anchorDate: $0["anchor_date"],
                        due: $0["due"], dueNow: $0["due_now"], met: $0["met"], metLate: $0["met_late"])
        }
        return CaseRecord(
            id: id, ref: row["ref"], kind: row["kind"], status: row["status"], stage: row["stage"], received: row["received"],
            channel: row["channel"], category: row["category"], summary: row["summary"], desiredOutcome: row["desired_outcome"],
            eventDate: row["event_date"], complainantID: row["complainant_id"], representativeID: row["representative_id"],
            anonymous: row["anonymous"], confidential: row["confidential"], safeguarding: row["safeguarding"],
            exclusionReason: row["exclusion_reason"], exclusionClause: row["exclusion_clause"], policy: row["policy"],
            clocks: clocks)
    }
}
