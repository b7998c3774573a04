import RedressCalendar
import RedressCore

/// Turns a chunk's results into text in one of the output modes.
///
/// In `table` mode, as lua.c does, results that are all simple print on one line separated by
/// tabs (strings without quotes); a case prints as a card; an array of cases, or of rows (from
/// `sql()` or any array of records), as an aligned table with a row count; other tables as
/// indented Lua, with `<cycle>` where a table contains itself.
struct Renderer {
    var mode: OutputMode = .table
    /// The width to fit tables and cards to; nil when the output is not a terminal.
    var width: Int?
    /// "Today", for how a case's next clock stands.
    var today: LocalDate

    /// Width assumed for indenting nested tables when the output is not a terminal.
    static let defaultWidth = 100

    /// The results' text, ending in a newline; empty when there are none.
    func render(_ values: [Shown]) -> String {
        guard !values.isEmpty else { return "" }
        switch mode {
        case .table:
            if values.allSatisfy(\.isScalar) { return values.map(plain).joined(separator: "\t") + "\n" }
            return values.map(block).joined()
        case .lua:
            let literal = LuaLiteral(style: .source, width: width ?? Renderer.defaultWidth)
            if values.allSatisfy(\.isScalar) { return values.map { literal.compact($0) }.joined(separator: ", ") + "\n" }
            return values.map { literal.text($0) + "\n" }.joined()
        case .json:
            return values.map { JSONWriter.text($0) + "\n" }.joined()
        case .csv:
            if values.allSatisfy(\.isScalar) { return values.map { CSV.field(plain($0)) }.joined(separator: ",") + "\r\n" }
            return values.map(csv).joined()
        }
    }

    /// A simple value as `print` shows it.
    func plain(_ value: Shown) -> String {
        if case .string(let text) = value { return text }
        return LuaLiteral(style: .display, width: .max).compact(value)
    }

    /// One result in table mode.
    func block(_ value: Shown) -> String {
        switch value {
        case .caseRecord(let summary, _):
            return CaseCard(summary: summary, today: today).render(width: width)
        case .table(let table):
            if let grid = grid(table) { return grid.render(width: width) }
            return LuaLiteral(style: .display, width: width ?? Renderer.defaultWidth).text(value) + "\n"
        default:
            return plain(value) + "\n"
        }
    }

    /// A case, an array of cases or an array of records as CSV rows after a header.
    func csv(_ value: Shown) -> String {
        var grid: TextTable?
        switch value {
        case .caseRecord(let summary, _): grid = caseGrid([summary], forCSV: true)
        case .table(let table) where table.isRecord: grid = recordGrid([table], columns: table.fieldNames, forCSV: true)
        case .table(let table): grid = self.grid(table, forCSV: true)
        default: break
        }
        guard let grid else { return CSV.field(plain(value)) + "\r\n" }
        return ([grid.headers] + grid.rows).map { $0.map(CSV.field).joined(separator: ",") + "\r\n" }.joined()
    }

    // MARK: Tables of rows

    /// The table as rows and columns, when it is an array of cases or of records (or the empty
    /// result of `sql()`).
    func grid(_ table: ShownTable, forCSV: Bool = false) -> TextTable? {
        guard table.fields.isEmpty else { return nil }
        if table.array.isEmpty {
            return table.columns.map { TextTable(headers: $0, rows: []) }
        }
        var cases: [CaseSummary] = []
        for case .caseRecord(let summary, _) in table.array { cases.append(summary) }
        if cases.count == table.array.count { return caseGrid(cases, forCSV: forCSV) }
        var records: [ShownTable] = []
        for case .table(let record) in table.array where record.isRecord || record.isEmpty { records.append(record) }
        guard records.count == table.array.count else { return nil }
        var columns = table.columns ?? []
        if table.columns == nil {
            var names: Set<String> = []
            for record in records { names.formUnion(record.fieldNames) }
            columns = names.sorted()
        }
        return recordGrid(records, columns: columns, forCSV: forCSV)
    }

    func recordGrid(_ records: [ShownTable], columns: [String], forCSV: Bool) -> TextTable {
        let rows = records.map { record in columns.map { cell(record[$0], forCSV: forCSV) } }
        var numeric: Set<Int> = []
        for (index, column) in columns.enumerated() {
            let values = records.compactMap { $0[column] }
            if !values.isEmpty, values.allSatisfy({ if case .integer = $0 { true } else if case .number = $0 { true } else { false } }) {
                numeric.insert(index)
            }
        }
        return TextTable(headers: columns, rows: rows, rightAligned: numeric)
    }

    func caseGrid(_ cases: [CaseSummary], forCSV: Bool) -> TextTable {
        if forCSV {
            let headers = ["ref", "kind", "stage", "status", "received", "channel", "category", "next_clock", "next_due",
                           "overdue", "complainant", "summary"]
            return TextTable(headers: headers, rows: cases.map { c in
                [c.ref, c.kind, c.stage ?? "", c.status, c.received?.description ?? "", c.channel ?? "", c.category ?? "",
                 c.nextDue?.clock ?? "", c.nextDue?.date.description ?? "", c.overdue ? "yes" : "no",
                 c.complainantName ?? c.complainantID.map(String.init) ?? "", c.summary ?? ""]
            })
        }
        // The card has the rest (received, channel, category). The next due clock is two short
        // columns, which a narrow terminal never cuts (the summary gives way).
        let headers = ["ref", "kind", "stage", "status", "next due", "clock", "overdue", "complainant", "summary"]
        return TextTable(headers: headers, rows: cases.map { c in
            [c.ref, c.kind, c.stage ?? "", c.status, c.nextDue?.date.description ?? "", c.nextDue?.clock ?? "",
             c.overdue(on: today) ?? "",
             TextTable.cell(c.complainantName ?? c.complainantID.map { "party \($0)" } ?? ""), TextTable.cell(c.summary ?? "")]
        })
    }

    /// A value as it shows in a cell: text as it is (on one line, except in CSV, which quotes
    /// line breaks), nil as nothing, tables on one line.
    func cell(_ value: Shown?, forCSV: Bool) -> String {
        guard let value, value != .nil else { return "" }
        return forCSV ? plain(value) : TextTable.cell(plain(value))
    }
}
