import GRDB
import RedressCore

extension REPL {
    /// `.import FILE TABLE`: reads a CSV file into a new table `temp.TABLE` on the session's
    /// connection, so that `sql()` can read it and join it to the store's tables. The host makes
    /// the table (`sql()` is read-only); it lasts until the session ends or `.open`. As the
    /// sqlite3 shell does, the header row names the columns and every column is TEXT (empty
    /// cells are empty text); `CAST(x AS INTEGER)` compares numbers. A name the store or the
    /// session already uses, a header with an empty or repeated name, or a row with more or
    /// fewer fields than the header is refused, naming it, and nothing is made.
    func importCSV(_ path: String, into table: String) throws -> String {
        let store = try openStore(for: ".import")
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path)
        } catch {
            throw DotCommandError(".import: cannot read '\(path)': \(error.reason)")
        }
        let taken = try store.read { db in
            try String.fetchOne(db, sql: """
                SELECT name FROM sqlite_temp_master WHERE lower(name) = lower(?1)
                UNION ALL SELECT name FROM sqlite_master WHERE lower(name) = lower(?1)
                """, arguments: [table])
        }
        if let taken {
            throw DotCommandError(".import: the name '\(table)' is taken" + (taken == table ? "" : " (by '\(taken)')") + ": choose another (.tables lists the store's)")
        }
        do {
            guard try reader.next() else {
                throw DotCommandError(".import: '\(path)' is empty: expected a header row of column names")
            }
        } catch let error as CSVError {
            throw DotCommandError(".import: \(error)")
        }
        let columns = (0..<reader.count).map(reader.field)
        var seen: [String: Int] = [:]
        for (index, name) in columns.enumerated() {
            if name.trimmingCharacters(in: .whitespaces).isEmpty {
                throw DotCommandError(".import: '\(path)' row 1: column \(index + 1) has no name (the header row names every column)")
            }
            if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) {
                throw DotCommandError(".import: '\(path)' row 1: column \(index + 1)'s name \(REPL.quoted(name)) holds a control character")
            }
            if let earlier = seen[name.lowercased()] {
                throw DotCommandError(".import: '\(path)' row 1: columns \(earlier + 1) and \(index + 1) are both named '\(name)'")
            }
            seen[name.lowercased()] = index
        }
        func quote(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let count: Int
        do {
            count = try store.writeThrowingAny { db in
                try db.execute(sql: "CREATE TABLE temp.\(quote(table)) (" + columns.map { quote($0) + " TEXT" }.joined(separator: ", ") + ")")
                let insert = try db.makeStatement(sql: "INSERT INTO temp.\(quote(table)) VALUES (" +
                                                  columns.map { _ in "?" }.joined(separator: ", ") + ")")
                var count = 0
                while try reader.next() {
                    guard reader.count == columns.count else {
                        throw DotCommandError(".import: '\(path)' row \(reader.row) has \(reader.count) field\(reader.count == 1 ? "" : "s") "
                                              + "where the header has \(columns.count): nothing was imported")
                    }
                    try insert.execute(arguments: StatementArguments((0..<reader.count).map(reader.field)))
                    count += 1
                }
                return count
            }
        } catch let error as DotCommandError {
            throw error
        } catch let error as CSVError {
            throw DotCommandError(".import: \(error): nothing was imported")
        } catch {
            throw DotCommandError(".import: \(StoreError.describe(error)): nothing was imported")
        }
        return "temp.\(table): \(count) row\(count == 1 ? "" : "s"), columns \(columns.joined(separator: ", "))\n"
    }
}
