/// An aligned table of text with a header, fitted to a width, in one of the sqlite3 shell's
/// aligned styles (`column`, `table`, `box`, `markdown`).
///
/// Fitting: the columns in `kept` (a reference, dates, a status, numbers) and `whole` are never
/// cut. The others (free text) give way, widest first: first down to `comfortable` characters,
/// then to `narrowest` (never below their header), and text cut to fit ends in an ellipsis. If
/// the table is still too wide, columns other than `kept` are left out (`leaveOut` first, then
/// from the right), and a line after the table names them.
struct TextTable {
    /// How the table is drawn.
    enum Style: Sendable {
        /// Columns two spaces apart under a dashed rule, with a row count (the sqlite3 shell's
        /// `.mode column`, plus the count).
        case column
        /// ASCII boxes: `+----+`, `| a  |`.
        case table
        /// Unicode boxes: `┌────┐`, `│ a  │`.
        case box
        /// A Markdown table: `| a  |`, `|----|`.
        case markdown
    }

    var headers: [String]
    var rows: [[String]]
    /// Columns whose cells align right (numbers).
    var rightAligned: Set<Int> = []
    /// Columns that are never cut or left out (references, dates, status, numbers).
    var kept: Set<Int> = []
    /// Columns never cut, but left out when the table cannot fit (short codes a cut would spoil).
    var whole: Set<Int> = []
    /// The columns to leave out first, in order, when the table cannot fit; after them, the
    /// right-most that may be left out.
    var leaveOut: [Int] = []

    /// Columns are cut to this before any narrower column is cut (references, dates and codes
    /// stay whole while a summary gives way).
    static let comfortable = 16
    /// Columns narrower than this are never cut further (unless their text is shorter).
    static let narrowest = 6
    static let gap = "  "

    /// The table's lines, fitted to `width` columns when given. `showHeaders` false leaves out
    /// the header in `column` style; the boxed styles always show it, as the sqlite3 shell does.
    func render(width: Int?, style: Style = .column, showHeaders: Bool = true) -> String {
        let (shown, widths) = layout(width: width, style: style)
        let left = headers.indices.filter { !shown.contains($0) }.map { headers[$0] }
        func cells(_ row: [String]) -> [String] {
            shown.map { column in column < row.count ? row[column] : "" }
        }
        func aligned(_ row: [String]) -> [String] {
            zip(shown, cells(row)).enumerated().map { index, pair in
                let cell = TextTable.fit(pair.1, to: widths[index])
                let padding = String(repeating: " ", count: widths[index] - TextTable.length(cell))
                return rightAligned.contains(pair.0) ? padding + cell : cell + padding
            }
        }
        func centred(_ row: [String]) -> [String] {
            zip(cells(row), widths).map { text, width in
                let cell = TextTable.fit(text, to: width)
                let space = width - TextTable.length(cell)
                return String(repeating: " ", count: space / 2) + cell + String(repeating: " ", count: space - space / 2)
            }
        }
        var lines: [String] = []
        switch style {
        case .column:
            func line(_ parts: [String]) -> String {
                var text = parts.joined(separator: TextTable.gap)
                while text.last == " " { text.removeLast() }
                return text
            }
            if showHeaders {
                lines.append(line(aligned(headers)))
                lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: TextTable.gap))
            }
            lines += rows.map { line(aligned($0)) }
            var count = "(\(rows.count) row\(rows.count == 1 ? "" : "s")"
            if !left.isEmpty { count += "; not shown at this width: " + left.joined(separator: ", ") }
            lines.append(count + ")")
            return lines.joined(separator: "\n") + "\n"
        case .table, .box:
            let ascii = style == .table
            func rule(_ l: String, _ m: String, _ r: String) -> String {
                l + widths.map { String(repeating: ascii ? "-" : "─", count: $0 + 2) }.joined(separator: m) + r
            }
            let bar = ascii ? "|" : "│"
            func line(_ parts: [String]) -> String { bar + " " + parts.joined(separator: " \(bar) ") + " " + bar }
            lines.append(ascii ? rule("+", "+", "+") : rule("┌", "┬", "┐"))
            lines.append(line(centred(headers)))
            lines.append(ascii ? rule("+", "+", "+") : rule("├", "┼", "┤"))
            lines += rows.map { line(aligned($0)) }
            lines.append(ascii ? rule("+", "+", "+") : rule("└", "┴", "┘"))
        case .markdown:
            func line(_ parts: [String]) -> String { "| " + parts.joined(separator: " | ") + " |" }
            lines.append(line(centred(headers)))
            lines.append("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
            lines += rows.map { line(aligned($0)) }
        }
        if !left.isEmpty { lines.append("(not shown at this width: " + left.joined(separator: ", ") + ")") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The columns shown and their widths, fitted to `width` when given.
    func layout(width: Int?, style: Style) -> (columns: [Int], widths: [Int]) {
        let natural = headers.indices.map { column in
            rows.reduce(TextTable.length(headers[column])) { max($0, $1.indices.contains(column) ? TextTable.length($1[column]) : 0) }
        }
        var shown = Array(headers.indices)
        guard let width else { return (shown, natural) }
        while true {
            var widths = natural
            func total() -> Int {
                shown.reduce(0) { $0 + widths[$1] } + (style == .column ? TextTable.gap.count * max(0, shown.count - 1) : 3 * shown.count + 1)
            }
            for least in [TextTable.comfortable, TextTable.narrowest] {
                let floor = headers.indices.map {
                    kept.contains($0) || whole.contains($0) ? widths[$0] : min(widths[$0], max(least, TextTable.length(headers[$0])))
                }
                while total() > width {
                    guard let widest = shown.filter({ widths[$0] > floor[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
                    widths[widest] -= 1
                }
            }
            // Still too wide: the right-most column that may give way is left out, and the rest
            // fitted again from their full widths.
            guard total() > width,
                  let next = leaveOut.first(where: shown.contains) ?? shown.last(where: { !kept.contains($0) }) else {
                return (shown, shown.map { widths[$0] })
            }
            shown.removeAll { $0 == next }
        }
    }

    /// Text as it shows in a cell: line breaks and tabs as spaces.
    static func cell(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
    }

    /// `text` cut to `width` characters, ending in an ellipsis when cut.
    static func fit(_ text: String, to width: Int) -> String {
        guard length(text) > width else { return text }
        guard width > 1 else { return String(repeating: "…", count: max(0, width)) }
        return String(text.prefix(width - 1)) + "…"
    }

    /// Characters on the screen (a character per column).
    static func length(_ text: String) -> Int { text.count }
}
