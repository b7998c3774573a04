import Foundation
import RedressCalendar
import RedressCore
import Testing
@testable import RedressLua

@Suite struct SQLModuleTests {
    static let pack = try! PolicyPack(
        name: "hos-code", title: nil, region: .englandAndWales, closures: [], acceptanceWindow: nil,
        stages: [StageRule(name: "1", clocks: [ClockRule(name: "acknowledge", duration: Duration(5, .workingDays), anchor: .received)])],
        hash: "test")

    func withStore(_ body: (CaseStore, LuaState) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("redress-sql-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try CaseStore(path: path)
        let calendar = try HolidayData.load(files: [TestSupport.scripts + "/calendar/uk-bank-holiday-changes.txt"]).calendar(.englandAndWales)
        for day in ["2026-12-22", "2026-12-23"] {
            _ = try store.record(NewCase(kind: .complaint, received: try LocalDate(iso: day), channel: "email", category: "repairs"),
                                 pack: Self.pack, calendar: calendar, by: Recorder())
        }
        try body(store, try TestSupport.state())
    }

    @Test func readsRowsWithBoundParameters() throws {
        try withStore { store, state in
            let rows = try state.withTransaction(on: store) {
                try state.run("return sql('select ref, received, next_due from open_cases where received >= ? order by ref', date('2026-12-23'))", name: "=t")
            }
            #expect(rows == [.array([.map([.string("ref"): .string("C-2026-000002"), .string("received"): .string("2026-12-23"),
                                           .string("next_due"): .string("2027-01-04")])])])
            let count = try state.withTransaction(on: store) {
                try state.run("return sql('select count(*) as n, ? as flag, ? as missing from cases', true, nil)[1]", name: "=t")
            }
            #expect(count == [.map([.string("n"): .integer(2), .string("flag"): .integer(1)])])
        }
    }

    @Test(arguments: [
        ("sql('delete from cases')", "sql() is read-only: DELETE FROM cases would change the store (use the cases API)"),
        ("sql('update settings set value = 1')", "sql() is read-only"),
        ("sql('drop view open_cases')", "sql() is read-only"),
        ("sql('pragma user_version = 7')", "sql(): PRAGMA user_version is not allowed (read-only query path)"),
        ("sql('attach ? as x', '/tmp/redress-attach-test.db')", "sql(): ATTACH is not allowed (read-only query path)"),
        ("sql('select * from nowhere')", "sql: no such table: nowhere"),
        ("sql('select ?', {})", "bad argument #2 to 'sql' (SQL parameter expected (nil, boolean, number, string or date), got table)"),
    ])
    func refusesWritesAndNamesErrors(code: String, message: String) throws {
        try withStore { store, state in
            do {
                try state.withTransaction(on: store) { try state.run(code, name: "=t") }
                Issue.record("accepted \(code)")
            } catch let error as LuaError {
                #expect(error.message.contains(message), "\(error.message)")
            }
            #expect(!FileManager.default.fileExists(atPath: "/tmp/redress-attach-test.db"))
            #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM cases") } == 2)
        }
    }

    @Test func aStringInDoubleQuotesGetsAHint() throws {
        try withStore { store, state in
            let failure = #expect(throws: LuaError.self) {
                try state.withTransaction(on: store) {
                    try state.run("return sql('select count(*) as n from cases where status = \"open\"')", name: "=t")
                }
            }
            #expect(failure?.message == "t:1: sql: no such column: open (in SQL a string takes single quotes: 'open'; double quotes name a column)")
            // A column that is really missing, not written in double quotes, gets no hint.
            let plain = #expect(throws: LuaError.self) {
                try state.withTransaction(on: store) { try state.run("return sql('select nosuch from cases')", name: "=t") }
            }
            #expect(plain?.message == "t:1: sql: no such column: nosuch")
        }
    }

    @Test func withoutAStoreSqlSaysSo() throws {
        let error = try TestSupport.failure("sql('select 1')")
        #expect(error.message == "test:1: no case store is open (create one with `redress init`, or name it with --db or REDRESS_DB)")
    }

    @Test func aFailedRunKeepsNothingItWrote() throws {
        try withStore { store, state in
            let calendar = try HolidayData.load(files: [TestSupport.scripts + "/calendar/uk-bank-holiday-changes.txt"]).calendar(.englandAndWales)
            #expect(throws: LuaError.self) {
                try state.withTransaction(on: store) {
                    _ = try CaseStore.record(NewCase(kind: .complaint, received: try LocalDate(iso: "2026-12-24"), channel: "phone"),
                                             pack: Self.pack, calendar: calendar, by: Recorder(), in: state.database!)
                    // The write is visible inside the run...
                    #expect(try state.run("return sql('select count(*) as n from cases')[1].n", name: "=t") == [.integer(3)])
                    // ...and gone when the run fails.
                    try state.run("error('the script failed')", name: "=t")
                }
            }
            #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM cases") } == 2)
            #expect(state.database == nil)
        }
    }
}
