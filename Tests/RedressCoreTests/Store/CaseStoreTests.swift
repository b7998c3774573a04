import Foundation
import GRDB
import Testing
@testable import RedressCore

@Suite struct CaseStoreTests {
    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("redress-store-\(UUID()).sqlite").path
    }

    func removeStore(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    @Test func createsAMigratedWALStoreReadableByItsOwnerOnly() throws {
        let path = temporaryPath()
        defer { removeStore(path) }
        let store = try CaseStore(path: path)
        #expect(try store.appliedMigrations() == ["v1: cases, clocks, remedies, restrictions, event log",
                                                 "v2: look-ups by party email, by case for decisions and remedies; overdue_clocks by due date"])
        #expect(try store.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try store.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") } == 1)
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        let tables = try store.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name") }
        #expect(Set(tables).isSuperset(of: ["cases", "parties", "contacts", "stage_history", "clocks", "extensions",
                                           "decisions", "actions", "remedies", "remedy_items", "restrictions",
                                           "restriction_reviews", "events", "settings",
                                           "clock_status", "overdue_clocks", "open_cases"]))
        // Opening again migrates nothing and keeps the data.
        try store.setSetting("policy", "hos-code")
        let again = try CaseStore(path: path)
        #expect(try again.setting("policy") == "hos-code")
    }

    @Test func theEventLogRefusesUpdatesAndDeletes() throws {
        let path = temporaryPath()
        defer { removeStore(path) }
        let store = try CaseStore(path: path)
        try store.write { db in
            try db.execute(sql: "INSERT INTO events(type, at, data) VALUES ('received', '2026-12-22T09:00:00Z', '{\"a\":1}')")
        }
        #expect(throws: StoreError(message: "the event log is append-only: events cannot be changed")) {
            try store.write { db in try db.execute(sql: "UPDATE events SET type = 'forged'") }
        }
        #expect(throws: StoreError(message: "the event log is append-only: events cannot be deleted")) {
            try store.write { db in try db.execute(sql: "DELETE FROM events") }
        }
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM events WHERE type = 'received'") } == 1)
    }

    @Test func constraintsRefuseBadRowsAndAFailedWriteChangesNothing() throws {
        let path = temporaryPath()
        defer { removeStore(path) }
        let store = try CaseStore(path: path)
        // A write that fails half-way leaves nothing behind.
        #expect(throws: StoreError.self) {
            try store.write { db in
                try db.execute(sql: "INSERT INTO settings(key, value) VALUES ('half', 'written')")
                try db.execute(sql: "INSERT INTO contacts(case_id, at, channel, direction, summary) VALUES (999, '2026-12-22', 'phone', 'in', 'x')")
            }
        }
        #expect(try store.setting("half") == nil)
        // Money is never negative; an excluded case needs its reason; channels are a closed list.
        try store.write { db in
            try db.execute(sql: """
                INSERT INTO cases(ref, kind, status, received, channel, policy, policy_hash, calendar_version, created_at)
                VALUES ('C-2026-000001', 'complaint', 'open', '2026-12-22', 'email', 'hos-code', 'h', 'v', '2026-12-22T09:00:00Z')
                """)
            try db.execute(sql: "INSERT INTO remedies(case_id, offered) VALUES (1, '2026-12-23')")
        }
        #expect(throws: StoreError.self) {
            try store.write { db in try db.execute(sql: "INSERT INTO remedy_items(remedy_id, kind, amount_pence, reason) VALUES (1, 'goodwill_gesture', -500, 'x')") }
        }
        #expect(throws: StoreError.self) {
            try store.write { db in try db.execute(sql: "UPDATE cases SET status = 'excluded'") }
        }
        #expect(throws: StoreError.self) {
            try store.write { db in try db.execute(sql: "UPDATE cases SET received = '22/12/2026'") }
        }
        #expect(throws: StoreError.self) {
            try store.write { db in try db.execute(sql: "INSERT INTO contacts(case_id, at, channel, direction, summary) VALUES (1, '2026-12-22', 'pigeon', 'in', 'x')") }
        }
    }

    @Test func theViewsAnswerTheUsualQuestions() throws {
        let path = temporaryPath()
        defer { removeStore(path) }
        let store = try CaseStore(path: path)
        try store.write { db in
            try db.execute(sql: """
                INSERT INTO cases(ref, kind, status, stage, received, channel, policy, policy_hash, calendar_version, created_at)
                VALUES ('C-2020-000001', 'complaint', 'open', '1', '2020-01-06', 'email', 'hos-code', 'h', 'v', '2020-01-06T09:00:00Z');
                INSERT INTO clocks(case_id, stage, name, anchor, anchor_date, amount, unit, due, calendar_version)
                VALUES (1, '1', 'acknowledge', 'received', '2020-01-06', 5, 'working_days', '2020-01-13', 'v'),
                       (1, '1', 'respond', 'acknowledged', '2020-01-13', 10, 'working_days', '2020-01-27', 'v');
                UPDATE clocks SET met = '2020-01-10', met_late = 0 WHERE name = 'acknowledge';
                """)
        }
        let open = try store.read { try Row.fetchOne($0, sql: "SELECT ref, next_clock, next_due FROM open_cases") }
        #expect(open?["ref"] == "C-2020-000001")
        #expect(open?["next_clock"] == "respond")
        #expect(open?["next_due"] == "2020-01-27")
        #expect(try store.read { try String.fetchAll($0, sql: "SELECT clock FROM overdue_clocks") } == ["respond"])
    }
}
