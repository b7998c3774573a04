/// An aligned table of text with a header, fitted to a width: long columns (free text) give way
/// first, down to `comfortable` characters, and only then the others, widest first; text cut to
/// fit ends in an ellipsis. A row count follows the rows.
struct TextTable {
    var headers: [String]
    var rows: [[String]]
    /// Columns whose cells align right (numbers).
    var rightAligned: Set<Int> = []

    /// Columns are cut to this before any narrower column is cut (references, dates and codes
    /// stay whole while a summary gives way).
    static let comfortable = 16
    /// Columns narrower than this are never cut further (unless their text is shorter).
    static let narrowest = 6
    static let gap = "  "

    /// The table's lines, fitted to `width` columns when given.
    func render(width: Int?) -> String {
        var widths = headers.indices.map { column in
            rows.reduce(headers[column].count) { max($0, $1.indices.contains(column) ? TextTable.length($1[column]) : 0) }
        }
        if let width {
            var total = widths.reduce(0, +) + TextTable.gap.count * max(0, widths.count - 1)
            for least in [TextTable.comfortable, TextTable.narrowest] {
                let floor = widths.indices.map { min(widths[$0], max(least, headers[$0].count)) }
                while total > width {
                    guard let widest = widths.indices.filter({ widths[$0] > floor[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
                    widths[widest] -= 1
                    total -= 1
                }
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for column in widths.indices {
                let cell = TextTable.fit(column < cells.count ? cells[column] : "", to: widths[column])
                let padding = String(repeating: " ", count: widths[column] - TextTable.length(cell))
                parts.append(rightAligned.contains(column) ? padding + cell : cell + padding)
            }
            var text = parts.joined(separator: TextTable.gap)
            while text.last == " " { text.removeLast() }
            return text
        }
        var lines = [line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: TextTable.gap)]
        lines += rows.map(line)
        lines.append("(\(rows.count) row\(rows.count == 1 ? "" : "s"))")
        return lines.joined(separator: "\n") + "\n"
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
