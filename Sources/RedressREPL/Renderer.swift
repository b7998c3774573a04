import RedressCalendar
import RedressCore

/// Turns a chunk's results into text in one of the output modes.
///
/// In `column` mode (the default), as lua.c does, results that are all simple print on one line
/// separated by tabs (strings without quotes); a case prints as a card; an array of cases, or of
/// rows (from `sql()` or any array of records), as an aligned table with a row count; other
/// tables as indented Lua, with `<cycle>` where a table contains itself. The other modes print
/// rows (and a case, as one row) as the sqlite3 shell's modes of the same names do, and
/// anything else as `column` mode does.
struct Renderer {
    var mode: OutputMode = .column
    /// The width to fit tables and cards to; nil when the output is not a terminal.
    var width: Int?
    /// "Today", for how a case's next clock stands.
    var today: LocalDate
    /// Whether rows print under their column names (`.headers`): in column, list and csv modes.
    var headers = true

    /// Width assumed for indenting nested tables when the output is not a terminal.
    static let defaultWidth = 100

    /// The results' text, ending in a newline; empty when there are none.
    func render(_ values: [Shown]) -> String {
        guard !values.isEmpty else { return "" }
        switch mode {
        case .column:
            if values.allSatisfy(\.isScalar) { return values.map(plain).joined(separator: "\t") + "\n" }
            return values.map(block).joined()
        case .table, .box, .markdown, .list, .line:
            if values.allSatisfy(\.isScalar) { return values.map(plain).joined(separator: "\t") + "\n" }
            return values.map(rows).joined()
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

    /// The value as rows and columns: a case as one row, a record as one row, an array of cases
    /// or of records; nil for anything else. `raw` keeps cells as they are (for list, line and
    /// CSV) and gives a case all its columns.
    func rowsGrid(_ value: Shown, raw: Bool) -> TextTable? {
        switch value {
        case .caseRecord(let summary, _): return caseGrid([summary], forCSV: raw)
        case .table(let table) where table.isRecord: return recordGrid([table], columns: table.columns ?? table.fieldNames, forCSV: raw)
        case .table(let table): return grid(table, forCSV: raw)
        default: return nil
        }
    }

    /// One result in table, box, markdown, list or line mode.
    func rows(_ value: Shown) -> String {
        let raw = mode == .list || mode == .line
        guard let grid = rowsGrid(value, raw: raw) else { return block(value) }
        switch mode {
        case .table: return grid.render(width: width, style: .table)
        case .box: return grid.render(width: width, style: .box)
        case .markdown: return grid.render(width: width, style: .markdown)
        case .list:
            let lines = (headers ? [grid.headers] : []) + grid.rows
            return lines.map { $0.joined(separator: "|") + "\n" }.joined()
        default:
            // As the sqlite3 shell: names right-aligned to the longest (at least five), a blank
            // line between rows.
            let name = max(5, grid.headers.map(TextTable.length).max() ?? 0)
            return grid.rows.enumerated().map { index, row in
                (index == 0 ? "" : "\n") + zip(grid.headers, row).map { header, cell in
                    String(repeating: " ", count: name - TextTable.length(header)) + header + " = " + cell + "\n"
                }.joined()
            }.joined()
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
            if let grid = grid(table) { return grid.render(width: width, showHeaders: headers) }
            return LuaLiteral(style: .display, width: width ?? Renderer.defaultWidth).text(value) + "\n"
        default:
            return plain(value) + "\n"
        }
    }

    /// A case, an array of cases or an array of records as CSV rows, after a header when
    /// `.headers` is on.
    func csv(_ value: Shown) -> String {
        guard let grid = rowsGrid(value, raw: true) else { return CSV.field(plain(value)) + "\r\n" }
        return ((headers ? [grid.headers] : []) + grid.rows).map { $0.map(CSV.field).joined(separator: ",") + "\r\n" }.joined()
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
        // A reference, a status, dates and numbers are never cut: a cut one would read as
        // another (free text is what gives way).
        var kept = numeric
        for (index, column) in columns.enumerated() {
            let values = records.compactMap { $0[column] }.filter { $0 != .nil }
            if Renderer.keptNames.contains(column.lowercased()) || column.lowercased().hasSuffix("_ref")
                || (!values.isEmpty && values.allSatisfy(Renderer.isDate)) {
                kept.insert(index)
            }
        }
        return TextTable(headers: columns, rows: rows, rightAligned: numeric, kept: kept)
    }

    /// Columns kept whole whatever they hold.
    static let keptNames: Set<String> = ["ref", "reference", "status"]

    /// True for a date, or text that starts as an ISO date does (`2026-11-02`,
    /// `2026-11-02T10:00:00Z`) and is no longer than a timestamp.
    static func isDate(_ value: Shown) -> Bool {
        switch value {
        case .date: return true
        case .string(let text):
            let bytes = Array(text.utf8)
            guard (10...32).contains(bytes.count) else { return false }
            return bytes[0..<10].enumerated().allSatisfy { index, byte in
                index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            }
        default: return false
        }
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
        // The card has the rest (received, channel, category). The reference, status and next due
        // date are never cut; kind, stage, clock and how late are never cut but, on a narrow
        // terminal, left out (kind first, then clock, stage, complainant); the complainant and
        // the summary are what gets shortened.
        let headers = ["ref", "kind", "stage", "status", "next due", "clock", "overdue", "complainant", "summary"]
        return TextTable(headers: headers, rows: cases.map { c in
            [c.ref, c.kind, c.stage ?? "", c.status, c.nextDue?.date.description ?? "", c.nextDue?.clock ?? "",
             c.overdue(on: today) ?? "",
             TextTable.cell(c.complainantName ?? c.complainantID.map { "party \($0)" } ?? ""), TextTable.cell(c.summary ?? "")]
        }, kept: [0, 3, 4], whole: [1, 2, 5, 6], leaveOut: [1, 5, 2, 7])
    }

    /// A value as it shows in a cell: text as it is (on one line, except in CSV, which quotes
    /// line breaks), nil as nothing, tables on one line.
    func cell(_ value: Shown?, forCSV: Bool) -> String {
        guard let value, value != .nil else { return "" }
        return forCSV ? plain(value) : TextTable.cell(plain(value))
    }
}
