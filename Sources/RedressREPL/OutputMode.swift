/// How results print (`.mode`), after the sqlite3 shell's modes of the same names.
enum OutputMode: String, CaseIterable, Sendable {
    /// For reading (the default): a case as a card, arrays of cases or rows as aligned columns
    /// under a dashed rule with a row count, other tables as indented Lua.
    case column
    /// Rows as ASCII boxes (`+----+`), headers centred, as the sqlite3 shell's `.mode table`.
    case table
    /// Rows in boxes drawn with Unicode lines (`┌──┬──┐`).
    case box
    /// Rows as a Markdown (GitHub) table.
    case markdown
    /// Rows as fields separated by `|`, one row a line, nothing aligned or cut.
    case list
    /// Each row as `name = value` lines, names right-aligned, a blank line between rows.
    case line
    /// Rows as CSV (RFC 4180).
    case csv
    /// Each result as one line of JSON; rows from `sql()` keep the query's column order.
    case json
    /// Each result as a Lua constructor that reads back (`date("2026-12-22")` for dates).
    case lua

    /// The names, for messages: `column, table, box, ... or lua`.
    static var names: String {
        let all = allCases.map(\.rawValue)
        return all.dropLast().joined(separator: ", ") + " or " + all.last!
    }
}
