import GRDB

/// What the store withholds from a viewer, declared once: every table that holds something
/// about a withheld identity or a confidential outcome, the columns that read as `[withheld]`
/// or `[confidential]`, and the tables whose rows a viewer who may not see them does not see
/// at all. `Schema.installRedaction` builds the connection's redacting views from this list,
/// so every read that names a table without `main.` (the Lua API, `sql()`, the REPL, reports,
/// letters, exports, subject access) reads through them; nothing else decides redaction.
///
/// Who may see what is decided by two views over the viewer (`temp.redress_viewer`) and the
/// pack's settings: `temp.redress_withheld_parties` (the ids of the complainants of anonymous or
/// confidential cases, unless the viewer has an `identity_roles` role or took that complaint)
/// and `temp.redress_confidential_cases` (the ids of the cases whose outcome is confidential,
/// unless the viewer has an `outcome_roles` role).
///
/// Plain data on purpose: a check elsewhere (an SQLite authorizer on `sql()`) reads
/// `protectedColumns` to know which columns of the real tables must not be read directly.
public enum Redaction {
    /// Why something is withheld.
    public enum Ground: String, Sendable, CaseIterable {
        /// The complainant of an anonymous or confidential case.
        case identity
        /// The outcome of a case triage marked `confidential_outcome`.
        case outcome

        /// What a withheld text reads as.
        public var mask: String {
            switch self {
            case .identity: "[withheld]"
            case .outcome: "[confidential]"
            }
        }

        /// The setting that lists, as a JSON array, the roles that see everything withheld on
        /// this ground.
        public var rolesSetting: String {
            switch self {
            case .identity: "confidentiality.identity_roles"
            case .outcome: "confidentiality.outcome_roles"
            }
        }

        /// SQL true when the connection's viewer has one of the roles that see everything
        /// withheld on this ground (the read-only query path's authorizer asks it once a query).
        public var viewerSeesAll: String { Redaction.viewerHasRole(rolesSetting) }

        /// The temporary view holding the ids withheld on this ground from the viewer.
        var withheldIDs: String {
            switch self {
            case .identity: "temp.redress_withheld_parties"
            case .outcome: "temp.redress_confidential_cases"
            }
        }

        /// SQL over a case `c`, true when this ground withholds something of it from the
        /// viewer: its complainant (identity) or its outcome.
        var withholds: String {
            switch self {
            case .identity:
                """
                (c.anonymous = 1 OR c.confidential = 1) AND NOT \(Redaction.viewerHasRole(Ground.identity.rolesSetting))
                  AND NOT EXISTS (SELECT 1 FROM main.events e WHERE e.case_id = c.id AND e.type = 'received'
                                  AND e.actor = (SELECT v.user FROM temp.redress_viewer v))
                """
            case .outcome:
                "c.outcome_confidential = 1 AND NOT \(Redaction.viewerHasRole(Ground.outcome.rolesSetting))"
            }
        }
    }

    /// SQL true when the viewer's role is in the pack's list under settings `key` (a JSON array).
    /// The viewer is read in scalar subqueries, so a query plan never joins it with `cases`.
    static func viewerHasRole(_ key: String) -> String {
        """
        coalesce((SELECT v.role FROM temp.redress_viewer v) IN (SELECT j.value FROM json_each(coalesce(
          (SELECT s.value FROM main.settings s WHERE s.key = '\(key)'), '[]')) j), 0)
        """
    }

    /// One ground on which a table's rows are protected.
    public struct Protection: Sendable {
        public let ground: Ground
        /// The party (identity) or case (outcome) a row is about, as SQL over the row `t`.
        public let about: String
        /// Columns that read as the ground's mask (a NULL stays NULL).
        public let columns: [String]
        /// JSON columns whose listed keys read as the mask (keys absent stay absent).
        public let jsonKeys: [String: [String]]
        /// The viewer does not see the row at all: for figures (a remedy's sums) that a mask
        /// cannot stand in for without reading as a real amount.
        public let hidesRows: Bool
        /// SQL over the row `t`: rows it holds for are not about the ground (nil: none).
        public let unless: String?

        public init(_ ground: Ground, about: String, columns: [String] = [], jsonKeys: [String: [String]] = [:],
                    hidesRows: Bool = false, unless: String? = nil) {
            self.ground = ground
            self.about = about
            self.columns = columns
            self.jsonKeys = jsonKeys
            self.hidesRows = hidesRows
            self.unless = unless
        }

        /// SQL true when the row `t` is withheld from the viewer on this ground.
        var condition: String {
            "(\(about)) IN (SELECT id FROM \(ground.withheldIDs))" + (unless.map { " AND NOT (\($0))" } ?? "")
        }
    }

    /// A table read through a redacting view of the same name.
    public struct Table: Sendable {
        public let name: String
        public let protections: [Protection]
    }

    /// The case a row is about, for a table with a `case_id`.
    static let ownCase = "t.case_id"
    /// The complainant of the case a row is about.
    static let complainantOfCase = "SELECT c.complainant_id FROM main.cases c WHERE c.id = t.case_id"

    /// Every protected table. Free text that is not about the outcome (a case's summary, its
    /// contact notes) is as recorded; a case's kind, stage, status and dates stay readable, so
    /// deadlines and returns still count it.
    public static let tables: [Table] = [
        Table(name: "parties", protections: [
            Protection(.identity, about: "t.id", columns: ["name", "email", "phone", "address"]),
        ]),
        Table(name: "decisions", protections: [
            Protection(.outcome, about: ownCase, columns: ["outcome", "findings", "reasons"]),
        ]),
        Table(name: "actions", protections: [
            Protection(.outcome, about: "SELECT d.case_id FROM main.decisions d WHERE d.id = t.decision_id", columns: ["description"]),
        ]),
        Table(name: "remedies", protections: [
            Protection(.outcome, about: ownCase, hidesRows: true),
        ]),
        Table(name: "remedy_items", protections: [
            Protection(.outcome, about: "SELECT m.case_id FROM main.remedies m WHERE m.id = t.remedy_id", hidesRows: true),
        ]),
        Table(name: "learning_actions", protections: [
            Protection(.outcome, about: ownCase, columns: ["action", "area"]),
        ]),
        Table(name: "extensions", protections: [
            Protection(.outcome, about: "SELECT k.case_id FROM main.clocks k WHERE k.id = t.clock_id", columns: ["reason"]),
        ]),
        // Closing, withdrawal, extension, escalation and remedy answers' reasons, a closing's
        // outcome, a declined escalation's ground and which remedy offer there was: every event
        // of the case but the audit of a request to see a withheld identity, whose reason is not
        // about the outcome.
        Table(name: "events", protections: [
            Protection(.outcome, about: ownCase, jsonKeys: ["data": ["reason", "outcome", "findings", "reasons", "remedy_id"]],
                       unless: "t.type = 'identity_revealed'"),
        ]),
        // A job run's summary is what the job returned as the user who ran it saw the store: a
        // remedy-offers run by an outcome role lists a confidential offer's sum. Another viewer
        // from whom anything is withheld reads it masked (the run's name, dates and status stay).
        Table(name: "job_runs", protections: [
            Protection(.identity, about: "SELECT min(h.id) FROM temp.redress_withheld_parties h", columns: ["summary"],
                       unless: "t.actor IS (SELECT v.user FROM temp.redress_viewer v)"),
            Protection(.outcome, about: "SELECT min(h.id) FROM temp.redress_confidential_cases h", columns: ["summary"],
                       unless: "t.actor IS (SELECT v.user FROM temp.redress_viewer v)"),
        ]),
        // A letter's files and the hash of its text would confirm a guessed name, address or
        // outcome.
        Table(name: "letters", protections: [
            Protection(.identity, about: """
                coalesce((\(complainantOfCase)), (SELECT r.party_id FROM main.restrictions r WHERE r.id = t.restriction_id))
                """, columns: ["text_hash", "files"]),
            Protection(.outcome, about: ownCase, columns: ["text_hash", "files"]),
        ]),
    ]

    /// The columns of the real tables that only the redacting views may read, by table (`*`:
    /// every column, for a table whose rows a viewer may not see at all).
    public static var protectedColumns: [String: [String]] {
        var columns: [String: [String]] = [:]
        for table in tables {
            var names: [String] = []
            for protection in table.protections {
                if protection.hidesRows { names = ["*"]; break }
                for name in protection.columns + protection.jsonKeys.keys.sorted() where !names.contains(name) {
                    names.append(name)
                }
            }
            columns[table.name] = names
        }
        return columns
    }

    /// The grounds on which `table.column` of a real table is protected (every column of a
    /// table whose rows a viewer may not see), for the read-only query path's authorizer.
    public static func grounds(table: String, column: String) -> [Ground] {
        guard let entry = tables.first(where: { $0.name.caseInsensitiveCompare(table) == .orderedSame }) else { return [] }
        return entry.protections.filter { protection in
            protection.hidesRows || (protection.columns + protection.jsonKeys.keys).contains {
                $0.caseInsensitiveCompare(column) == .orderedSame
            }
        }.map(\.ground)
    }

    /// True when `table` is one whose rows a viewer without the role does not see at all.
    public static func hidesRows(_ table: String) -> Bool {
        tables.contains { $0.name.caseInsensitiveCompare(table) == .orderedSame && $0.protections.contains(where: \.hidesRows) }
    }

    /// True for the name of one of the redacting views (each named after its table).
    public static func isView(_ name: String) -> Bool {
        tables.contains { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// The redacting view of `table`, whose columns are `columns` (the real table's, in order).
    static func view(of table: Table, columns: [String]) -> String {
        let selected = columns.map { column -> String in
            var cases: [String] = []
            for protection in table.protections where !protection.hidesRows {
                if protection.columns.contains(column) {
                    cases.append("WHEN \(protection.condition) THEN '\(protection.ground.mask)'")
                } else if let keys = protection.jsonKeys[column] {
                    let replacements = keys.map { "'$.\($0)', '\(protection.ground.mask)'" }.joined(separator: ", ")
                    cases.append("WHEN \(protection.condition) THEN json_replace(t.\(column), \(replacements))")
                }
            }
            guard !cases.isEmpty else { return "t.\(column)" }
            return "CASE WHEN t.\(column) IS NULL THEN NULL \(cases.joined(separator: " ")) ELSE t.\(column) END AS \(column)"
        }
        var sql = "CREATE TEMP VIEW \(table.name) AS\n  SELECT \(selected.joined(separator: ",\n         "))\n  FROM main.\(table.name) t"
        let hidden = table.protections.filter(\.hidesRows).map { "NOT \($0.condition)" }
        if !hidden.isEmpty { sql += "\n  WHERE " + hidden.joined(separator: " AND ") }
        return sql
    }

    /// SQL true when `id` (a party id for `.identity`, a case id for `.outcome`) is withheld
    /// from the connection's viewer: for the store's own look-ups on the real tables. A look-up
    /// by index, not a read of the whole set.
    public static func withheld(_ ground: Ground, _ id: String) -> String {
        switch ground {
        case .identity: "EXISTS (SELECT 1 FROM main.cases c WHERE c.complainant_id = \(id) AND \(ground.withholds))"
        case .outcome: "EXISTS (SELECT 1 FROM main.cases c WHERE c.id = \(id) AND \(ground.withholds))"
        }
    }

    /// Makes the connection's viewer (`temp.redress_viewer`, no one until `identify`), the two
    /// sets of what is withheld from them, and a redacting view for each of `tables`. Each view
    /// has its table's columns in order, read from the table itself, so a column a later
    /// migration adds is carried through unmasked until `tables` names it.
    static func install(in db: Database) throws {
        try db.execute(sql: """
            CREATE TEMP TABLE redress_viewer (user TEXT, role TEXT);
            INSERT INTO temp.redress_viewer VALUES (NULL, NULL);
            CREATE TEMP VIEW redress_withheld_parties AS
              SELECT DISTINCT c.complainant_id AS id FROM main.cases c
              WHERE c.complainant_id IS NOT NULL AND \(Ground.identity.withholds);
            CREATE TEMP VIEW redress_confidential_cases AS
              SELECT c.id FROM main.cases c WHERE \(Ground.outcome.withholds);
            """)
        for table in tables {
            let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?, 'main') ORDER BY cid", arguments: [table.name])
            try db.execute(sql: view(of: table, columns: columns))
        }
    }
}
