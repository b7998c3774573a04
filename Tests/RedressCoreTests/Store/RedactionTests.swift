import Foundation
import GRDB
import Testing
@testable import RedressCore

/// The declaration of what is withheld, and the views the connection makes from it.
@Suite struct RedactionTests {
    @Test func eachProtectedTableIsReadThroughAViewWithItsOwnColumns() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("redress-redaction-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try CaseStore(path: path)
        try store.read { db in
            for table in Redaction.tables {
                let real = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?, 'main') ORDER BY cid", arguments: [table.name])
                let view = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?, 'temp') ORDER BY cid", arguments: [table.name])
                #expect(!real.isEmpty && view == real, "\(table.name)")
                for protection in table.protections {
                    for column in protection.columns + protection.jsonKeys.keys.sorted() {
                        #expect(real.contains(column), "\(table.name).\(column) is not a column")
                    }
                }
            }
        }
    }

    /// The list an SQLite authorizer on `sql()` reads: what the real tables must not give out.
    @Test func theProtectedColumnsAreAPlainList() {
        let columns = Redaction.protectedColumns
        #expect(columns["parties"] == ["name", "email", "phone", "address"])
        #expect(columns["decisions"] == ["outcome", "findings", "reasons"])
        #expect(columns["remedies"] == ["*"] && columns["remedy_items"] == ["*"])
        #expect(columns["actions"] == ["description"] && columns["learning_actions"] == ["action", "area"])
        #expect(columns["extensions"] == ["reason"] && columns["events"] == ["data"])
        #expect(columns["letters"] == ["text_hash", "files"])
        #expect(columns.count == Redaction.tables.count)
    }
}
