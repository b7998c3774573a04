import Foundation
import GRDB
import Testing
@testable import RedressCore

/// The lifecycle's acceptance window at intake, and the facts of intake kept with the case. A
/// pack declaring "complaints within 3 months of the problem or of learning of it", whose
/// triage (here: none) accepts everything, and the Ombudsman's instruction as its exception;
/// the boundary dates are worked by hand (aware on 1 March 2026: the last day is 1 June).
@Suite struct CaseStoreIntakeTests {
    static let pack: PolicyPack = {
        var pack = try! PolicyPack(name: "three", title: nil, region: .englandAndWales, closures: [], acceptanceWindow: nil,
                                   stages: [StageRule(name: "1", clocks: [
                                       ClockRule(name: "acknowledge", duration: Duration(5, .workingDays), anchor: .received),
                                   ])], hash: "h")
        pack.acceptance = AcceptanceRule(window: Duration(3, .months),
                                         exceptions: [.init(fact: "ombudsman_instruction", clause: "Exclusions")],
                                         clause: "Time limits", signpost: "You can ask the Housing Ombudsman to look at this decision.")
        return pack
    }()
    let calendar = TestData.calendars[.englandAndWales]!
    let recorder = Recorder(actor: "tester", script: "CaseStoreIntakeTests")

    func withStore(_ body: (CaseStore) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("redress-intake-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try body(CaseStore(path: path))
    }

    func complaint(received: String, aware: String? = nil, facts: IntakeFacts? = nil) -> NewCase {
        var new = NewCase(kind: .complaint, received: TestData.date(received), channel: "email")
        new.awareDate = aware.map(TestData.date)
        new.facts = facts
        new.triage = #"{"kind":"complaint","stage":"1"}"#
        return new
    }

    func row(_ store: CaseStore, _ ref: String) throws -> Row? {
        try store.read { db in
            try Row.fetchOne(db, sql: """
                SELECT c.status, c.aware_date, c.exclusion_reason, c.exclusion_clause, f.facts, f.triage,
                       json_extract(f.acceptance, '$.result') AS result, json_extract(f.acceptance, '$.last_day') AS last_day
                FROM cases c LEFT JOIN intake_facts f ON f.case_id = c.id WHERE c.ref = ?
                """, arguments: [ref])
        }
    }

    @Test func aComplaintThreeMonthsAndADayAfterAwarenessIsExcludedByTheWindow() throws {
        try withStore { store in
            let inside = try store.record(complaint(received: "2026-06-01", aware: "2026-03-01"), pack: Self.pack, calendar: calendar, by: recorder)
            let late = try store.record(complaint(received: "2026-06-02", aware: "2026-03-01"), pack: Self.pack, calendar: calendar, by: recorder)
            let a = try #require(try row(store, inside)), b = try #require(try row(store, late))
            #expect(a["status"] as String == "open")
            #expect(a["result"] as String == "within")
            #expect(b["status"] as String == "excluded")
            #expect(b["exclusion_clause"] as String == "Time limits")
            #expect(b["exclusion_reason"] as String == "the complaint was made on 2026-06-02, after the last day the policy allows for it, "
                    + "2026-06-01 (3 months from 2026-03-01, when you became aware of it). You can ask the Housing Ombudsman to look at this decision.")
            #expect(b["aware_date"] as String == "2026-03-01")
            #expect(b["result"] as String == "outside")
            #expect(b["last_day"] as String == "2026-06-01")
            // What triage answered is kept beside the window's finding that overrode it.
            #expect(b["triage"] as String == #"{"kind":"complaint","stage":"1"}"#)
            #expect(try store.read { try String.fetchAll($0, sql: "SELECT type FROM events WHERE case_id = 2 ORDER BY id") } == ["received", "excluded"])
        }
    }

    @Test func theDeclaredExceptionLetsItIn() throws {
        try withStore { store in
            let facts = IntakeFacts(json: #"{"aware_date":"2026-03-01","ombudsman_instruction":true,"received":"2026-06-02"}"#,
                                    given: ["aware_date", "ombudsman_instruction", "received"])
            let ref = try store.record(complaint(received: "2026-06-02", aware: "2026-03-01", facts: facts), pack: Self.pack,
                                       calendar: calendar, by: recorder)
            let kept = try #require(try row(store, ref))
            #expect(kept["status"] as String == "open")
            #expect(kept["result"] as String == "excepted")
            #expect(kept["facts"] as String == facts.json)
            // Given as false, the fact is no exception.
            let refused = IntakeFacts(json: #"{"ombudsman_instruction":false}"#, given: [])
            let other = try store.record(complaint(received: "2026-06-02", aware: "2026-03-01", facts: refused), pack: Self.pack,
                                         calendar: calendar, by: recorder)
            #expect(try row(store, other)?["status"] as String? == "excluded")
        }
    }

    @Test func anotherKindIsNotJudgedByTheWindow() throws {
        try withStore { store in
            var compliment = complaint(received: "2026-06-02", aware: "2025-01-01")
            compliment.kind = .compliment
            let ref = try store.record(compliment, pack: Self.pack, calendar: calendar, by: recorder)
            let kept = try #require(try row(store, ref))
            #expect(kept["status"] as String == "open")
            #expect(kept["result"] as String? == nil)
        }
    }

    @Test func anAwarenessAfterReceiptIsRefusedAndNothingIsWritten() throws {
        try withStore { store in
            #expect(throws: StoreError(message: "aware_date: 2026-06-03 is after the date received (2026-06-02)")) {
                try store.record(complaint(received: "2026-06-02", aware: "2026-06-03"), pack: Self.pack, calendar: calendar, by: recorder)
            }
            let written = try store.read { try Int.fetchOne($0, sql: "SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM intake_facts)") }
            #expect(written == 0)
        }
    }

    @Test func theKeptFactsAreReadBack() throws {
        try withStore { store in
            let facts = IntakeFacts(json: #"{"asked_for_complaint":true,"event_date":"2026-05-01","received":"2026-06-02"}"#,
                                    given: ["asked_for_complaint", "event_date", "received"])
            let ref = try store.record(complaint(received: "2026-06-02", facts: facts), pack: Self.pack, calendar: calendar, by: recorder)
            let record = try #require(try store.read { try CaseStore.intakeRecord(of: ref, in: $0) })
            #expect(record.facts == facts.json)
            #expect(record.triage == #"{"kind":"complaint","stage":"1"}"#)
            #expect(record.removed == nil)
            #expect(try store.read { try CaseStore.intakeRecord(of: "C-2026-999999", in: $0) } == nil)
        }
    }

    @Test func factsTooLargeToKeepAreRefused() throws {
        try withStore { store in
            let big = IntakeFacts(json: "{\"notes\":\"" + String(repeating: "x", count: IntakeFacts.maximumBytes) + "\"}", given: ["notes"])
            #expect(throws: StoreError(message: "intake: its facts take 1000012 bytes as JSON, more than the 1000000 a case keeps")) {
                try store.record(complaint(received: "2026-06-02", facts: big), pack: Self.pack, calendar: calendar, by: recorder)
            }
        }
    }

    @Test func retentionRemovesTheTextAndTablesAmongTheFacts() throws {
        try withStore { store in
            var pack = Self.pack
            pack.retentionMonths = 12
            try store.bind(to: pack, source: "three", actor: "tester")
            let facts = IntakeFacts(json: """
                {"asked_for_complaint":true,"category":"repairs","household":{"name":"Ann Example"},\
                "notes":"Ann's neighbour plays drums","received":"2020-02-03","channel":"email","visits":3}
                """, given: ["asked_for_complaint", "category", "household", "notes", "received", "channel", "visits"])
            let ref = try store.record(complaint(received: "2020-02-03", facts: facts), pack: pack, calendar: calendar, by: recorder)
            try store.record(CaseEvent(.closed, on: TestData.date("2020-03-02")), on: ref, pack: pack, calendar: calendar, by: recorder)
            let report = try store.applyRetention(asOf: TestData.date("2026-12-01"), dryRun: false, by: "tester")
            #expect(report.cases == [ref])
            let record = try #require(try store.read { try CaseStore.intakeRecord(of: ref, in: $0) })
            #expect(record.facts == #"{"asked_for_complaint":true,"category":"repairs","received":"2020-02-03","channel":"email","visits":3}"#)
            #expect(record.removed == "2026-12-01")
        }
    }

    @Test func aStoreFromBeforeMigratesAndItsCasesHaveNoFacts() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("redress-intake-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v8: rounds of a stage entered again (a complaint referred back)")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO cases(ref, kind, status, stage, received, channel, event_date, policy, policy_hash, calendar_version, created_at)
                    VALUES ('C-2026-000001', 'complaint', 'open', '1', '2026-06-02', 'email', '2026-05-01', 'three', 'h', 'v', '2026-06-02T09:00:00Z');
                    INSERT INTO events(case_id, type, on_date, at, data) VALUES (1, 'received', '2026-06-02', '2026-06-02T09:00:00Z', '{"stage":"1"}');
                    """)
            }
        }
        let store = try CaseStore(path: path)
        #expect(try store.appliedMigrations().last == "v11: the facts of intake, kept for re-running triage")
        let old = try #require(try row(store, "C-2026-000001"))
        #expect(old["aware_date"] as String? == nil)
        #expect(old["facts"] as String? == nil)
        #expect(try store.read { try CaseStore.intakeRecord(of: "C-2026-000001", in: $0) } == IntakeRecord())
        #expect(try store.read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }.isEmpty)
        // The store takes new intakes with their facts.
        let ref = try store.record(complaint(received: "2026-06-02", aware: "2026-03-01"), pack: Self.pack, calendar: calendar, by: recorder)
        #expect(ref == "C-2026-000002")
        #expect(try row(store, ref)?["status"] as String? == "excluded")
        // The new column and table refuse what is not a date or a JSON object.
        #expect(throws: StoreError.self) {
            try store.write { try $0.execute(sql: "UPDATE cases SET aware_date = '1 March' WHERE id = 1") }
        }
        #expect(throws: StoreError.self) {
            try store.write { try $0.execute(sql: "INSERT INTO intake_facts(case_id, facts) VALUES (1, '[1, 2]')") }
        }
    }
}
