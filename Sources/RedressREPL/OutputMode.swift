/// How results print (`.mode`).
enum OutputMode: String, CaseIterable, Sendable {
    /// For reading: a case as a card, arrays of cases or rows as aligned tables, other tables as
    /// indented Lua.
    case table
    /// Rows as CSV (RFC 4180) with a header line.
    case csv
    /// Each result as one line of JSON.
    case json
    /// Each result as a Lua constructor that reads back (`date("2026-12-22")` for dates).
    case lua

    /// The names, for messages: `table, csv, json or lua`.
    static var names: String {
        let all = allCases.map(\.rawValue)
        return all.dropLast().joined(separator: ", ") + " or " + all.last!
    }
}
