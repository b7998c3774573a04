import GRDB

/// Formats the store can export.
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, json
}

extension CaseStore {
    /// The columns of `redress export cases`, with each case's next unmet clock.
    static let caseExportSQL = """
        SELECT c.ref, c.kind, c.status, c.stage, c.received, c.channel, c.category, c.summary,
               c.event_date, c.tenure, c.exclusion_reason, c.exclusion_clause, c.policy, c.policy_hash,
               c.calendar_version, c.created_at,
               (SELECT k.name FROM clocks k WHERE k.case_id = c.id AND k.met IS NULL
                ORDER BY coalesce(k.extended_due, k.due) LIMIT 1) AS next_clock,
               (SELECT min(coalesce(k.extended_due, k.due)) FROM clocks k
                WHERE k.case_id = c.id AND k.met IS NULL) AS next_due
        FROM cases c ORDER BY c.id
        """

    /// Writes every case to `output` in `format`, a row at a time (a million cases never sit in
    /// memory at once). Returns the number of cases written.
    @discardableResult
    public func exportCases(format: ExportFormat, to output: (String) -> Void) throws(StoreError) -> Int {
        try read { db in
            let statement = try db.makeStatement(sql: Self.caseExportSQL)
            let columns = statement.columnNames
            switch format {
            case .csv: output(columns.map(CSV.field).joined(separator: ",") + "\r\n")
            case .json: output("[")
            }
            let rows = try Row.fetchCursor(statement)
            var count = 0
            while let row = try rows.next() {
                let values: [String?] = (0..<row.count).map { index in
                    let value: DatabaseValue = row[index]
                    switch value.storage {
                    case .null: return nil
                    case .int64(let number): return String(number)
                    case .double(let number): return String(number)
                    case .string(let text): return text
                    case .blob(let data): return "<\(data.count) bytes>"
                    }
                }
                switch format {
                case .csv:
                    output(values.map { CSV.field($0 ?? "") }.joined(separator: ",") + "\r\n")
                case .json:
                    let fields = zip(columns, values).map { "\(JSON.quote($0)): \($1.map(JSON.quote) ?? "null")" }
                    output((count == 0 ? "\n  {" : ",\n  {") + fields.joined(separator: ", ") + "}")
                }
                count += 1
            }
            if format == .json { output(count == 0 ? "]\n" : "\n]\n") }
            return count
        }
    }
}

/// RFC 4180 fields.
public enum CSV {
    /// The field as written: quoted (quotes doubled) when it holds a comma, quote or line break.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingQuotes() + "\""
    }
}

extension String {
    func replacingQuotes() -> String {
        var out = ""
        for character in self {
            out.append(character)
            if character == "\"" { out.append("\"") }
        }
        return out
    }
}
