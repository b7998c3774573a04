import Foundation
import GRDB
import Testing
@testable import RedressCore

/// The tenure of a case (v10), for the Regulator's TSM returns by low-cost rental (LCRA) and
/// low-cost home ownership (LCHO): recorded at intake, checked where it enters, set later with a
/// reason, and NULL on the cases of a store made before it.
@Suite struct CaseStoreTenureTests {
    let pack = LifecycleTests.code
    let calendar = TestData.calendars[.englandAndWales]!
    let recorder = Recorder(actor: "tester", script: "CaseStoreTenureTests")

    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("redress-tenure-\(UUID()).sqlite").path
    }

    func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    @Test func intakeRecordsAKnownTenureAndRefusesAnyOther() throws {
        let path = temporaryPath()
        defer { remove(path) }
        let store = try CaseStore(path: path)
        var new = NewCase(kind: .complaint, received: TestData.date("2026-12-22"), channel: "email")
        new.tenure = "lcho"
        let ref = try store.record(new, pack: pack, calendar: calendar, by: recorder)
        try store.read { (db: Database) throws in #expect(try CaseStore.fetchCase(ref, in: db)?.tenure == "lcho") }
        for wrong in ["LCHO", "shared_ownership", ""] {
            new.tenure = wrong
            #expect(throws: InputError(field: "tenure", message: "unknown value '\(wrong)' (expected one of: lcho, lcra)")) {
                try store.writeThrowingAny { db in try CaseStore.record(new, pack: pack, calendar: calendar, by: recorder, in: db) }
            }
        }
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM cases") } == 1)
        // The schema says the same, for a writer that is not Redress.
        #expect(throws: StoreError.self) {
            try store.write { try $0.execute(sql: "UPDATE main.cases SET tenure = 'council'") }
        }
    }

    @Test func aTenureSetLaterIsAnEventWithItsReason() throws {
        let path = temporaryPath()
        defer { remove(path) }
        let store = try CaseStore(path: path)
        let ref = try store.record(NewCase(kind: .complaint, received: TestData.date("2026-12-22"), channel: "email"),
                                   pack: pack, calendar: calendar, by: recorder)
        try store.write { (db: Database) throws in
            try CaseStore.setTenure(of: ref, to: "lcra", reason: "tenancy file", on: TestData.date("2027-01-04"), by: recorder, in: db)
            try CaseStore.setTenure(of: ref, to: "lcho", reason: "a shared ownership lease", on: TestData.date("2027-01-05"), by: recorder, in: db)
        }
        try store.read { (db: Database) throws in
            #expect(try CaseStore.fetchCase(ref, in: db)?.tenure == "lcho")
            #expect(try String.fetchAll(db, sql: "SELECT on_date || ' ' || data FROM events WHERE type = 'tenure_set' ORDER BY id") == [
                #"2027-01-04 {"reason":"tenancy file","tenure":"lcra"}"#,
                #"2027-01-05 {"reason":"a shared ownership lease","tenure":"lcho","was":"lcra"}"#,
            ])
        }
        let before = try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM events") }
        #expect(throws: InputError(field: "tenure", message: "\(ref) is already 'lcho'")) {
            try store.writeThrowingAny { try CaseStore.setTenure(of: ref, to: "lcho", reason: "again", on: TestData.date("2027-01-05"), by: recorder, in: $0) }
        }
        #expect(throws: InputError(field: "reason", message: "required: why the tenure is recorded now (where it was found)")) {
            try store.writeThrowingAny { try CaseStore.setTenure(of: ref, to: "lcra", reason: " ", on: TestData.date("2027-01-05"), by: recorder, in: $0) }
        }
        #expect(throws: InputError(field: "tenure", message: "unknown value 'social' (expected one of: lcho, lcra)")) {
            try store.writeThrowingAny { try CaseStore.setTenure(of: ref, to: "social", reason: "x", on: TestData.date("2027-01-05"), by: recorder, in: $0) }
        }
        #expect(throws: InputError(field: "ref", message: "no case 'C-2026-000009'")) {
            try store.writeThrowingAny { try CaseStore.setTenure(of: "C-2026-000009", to: "lcra", reason: "x", on: TestData.date("2027-01-05"), by: recorder, in: $0) }
        }
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM events") } == before)
        try store.read { (db: Database) throws in #expect(try CaseStore.fetchCase(ref, in: db)?.tenure == "lcho") }
    }

    /// A store written before v10 migrates with its cases' tenure unknown (NULL), and counts them.
    @Test func v10LeavesAnEarlierStoresCasesWithoutATenure() throws {
        let path = temporaryPath()
        defer { remove(path) }
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v8: rounds of a stage entered again (a complaint referred back)")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO cases(ref, kind, status, stage, received, channel, policy, policy_hash, calendar_version, created_at)
                    VALUES ('C-2026-000001', 'complaint', 'open', '1', '2026-12-22', 'email', 'hos-code', 'h', 'v', '2026-12-22T09:00:00Z');
                    INSERT INTO stage_history(case_id, stage, entered) VALUES (1, '1', '2026-12-22');
                    """)
            }
        }
        let store = try CaseStore(path: path)
        try store.read { (db: Database) throws in
            #expect(try CaseStore.fetchCase("C-2026-000001", in: db)?.tenure == nil)
            #expect(try String.fetchAll(db, sql: "SELECT coalesce(tenure, 'unknown') FROM complaint_stages") == ["unknown"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
        try store.write { (db: Database) throws in
            try CaseStore.setTenure(of: "C-2026-000001", to: "lcra", reason: "housing file", on: TestData.date("2027-01-04"), by: recorder, in: db)
        }
        #expect(try store.read { try String.fetchOne($0, sql: "SELECT tenure FROM complaint_stages") } == "lcra")
    }
}
