/// What a viewer may not see, declared once. The connection's redacting views
/// (`Schema.installRedaction`) and the read-only query path's authorizer (`QueryGuard`) are both
/// made from this list, so a column added here is hidden in both.
public enum Redaction {
    /// Who may see a kind of protected value.
    public enum Audience: Sendable, CaseIterable {
        /// A withheld complainant's identity (anonymous or confidential cases).
        case identity
        /// A confidential outcome (e.g. a complaint about a member of staff).
        case outcome

        /// The setting that lists, as a JSON array, the roles that see every such value.
        var rolesSetting: String {
            switch self {
            case .identity: "confidentiality.identity_roles"
            case .outcome: "confidentiality.outcome_roles"
            }
        }

        /// The temporary view of the ids (of parties, of cases) whose values the viewer may not see.
        var hiddenView: String {
            switch self {
            case .identity: "redress_withheld_parties"
            case .outcome: "redress_confidential_cases"
            }
        }

        /// What a hidden value reads as.
        var placeholder: String {
            switch self {
            case .identity: "[withheld]"
            case .outcome: "[confidential]"
            }
        }

        /// SQL, true when the viewer `v` (a row of `temp.redress_viewer`) has one of the roles
        /// that see every such value.
        var viewerHasRole: String {
            """
            coalesce(v.role IN (SELECT j.value FROM json_each(coalesce(
                  (SELECT s.value FROM main.settings s WHERE s.key = '\(rolesSetting)'), '[]')) j), 0)
            """
        }
    }

    /// A table with protected columns. `key` is the column whose value the audience's hidden
    /// view lists (a party's id, a decision's case); every such table has an `id` primary key.
    public struct Table: Sendable {
        public let name: String
        public let audience: Audience
        public let key: String
        public let columns: [String]
    }

    /// Every protected column of the store.
    public static let tables: [Table] = [
        Table(name: "parties", audience: .identity, key: "id", columns: ["name", "email", "phone", "address"]),
        Table(name: "decisions", audience: .outcome, key: "case_id", columns: ["outcome", "findings", "reasons"]),
    ]

    /// The audience of `table.column` when it is protected, else nil.
    public static func audience(table: String, column: String) -> Audience? {
        for entry in tables where entry.name.caseInsensitiveCompare(table) == .orderedSame {
            if entry.columns.contains(where: { $0.caseInsensitiveCompare(column) == .orderedSame }) { return entry.audience }
        }
        return nil
    }

    /// The SQL function the redacting views call for a protected value they could not read
    /// (`QueryGuard`): `redress_visible(table, column, id)`.
    static let visibleFunction = "redress_visible"

    /// The body of the temporary view that stands in front of `table` (whose columns, in order,
    /// are `columns`): each protected value is the placeholder in a hidden row. Where the value
    /// reads as NULL, because the read-only query path's authorizer hid the raw column from an
    /// analyst's query, `redress_visible` fetches what this view would show.
    static func viewSQL(_ table: Table, columns: [String]) -> String {
        let selected = columns.map { column in
            guard table.columns.contains(column) else { return "t.\(column)" }
            return """
                CASE WHEN h.id IS NOT NULL AND t.\(column) IS NOT NULL THEN '\(table.audience.placeholder)'
                     ELSE coalesce(t.\(column), \(visibleFunction)('\(table.name)', '\(column)', t.id)) END AS \(column)
                """
        }
        return """
            CREATE TEMP VIEW \(table.name) AS
              SELECT \(selected.joined(separator: ",\n       "))
              FROM main.\(table.name) t LEFT JOIN temp.\(table.audience.hiddenView) h ON h.id = t.\(table.key)
            """
    }
}
