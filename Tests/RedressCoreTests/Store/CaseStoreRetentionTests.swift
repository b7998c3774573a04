import Foundation
import GRDB
import RedressCalendar
import Testing
@testable import RedressCore

/// Retention on a store whose pack keeps personal data six years after closure, run on
/// 2026-12-01: cases closed on or before 2020-12-01 lose it.
@Suite struct CaseStoreRetentionTests {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("redress-retention-\(UUID()).sqlite").path

    func remove() {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    func day(_ text: String) -> LocalDate { try! LocalDate(iso: text) }

    /// A: Ann's complaint, answered with a remedy and closed 2020-03-02 (past the period).
    /// B: Bob's, closed 2020-06-01 (past), but Bob has C, still open. D: Dee's, closed 2024.
    func store(retentionMonths: Int? = 72) throws -> CaseStore {
        let store = try CaseStore(path: path)
        var pack = try PolicyPack(name: "t", title: nil, region: .englandAndWales, closures: [], acceptanceWindow: nil,
                                  stages: [StageRule(name: "1", clocks: [
                                      ClockRule(name: "acknowledge", duration: Duration(5, .workingDays), anchor: .received),
                                      ClockRule(name: "respond", duration: Duration(10, .workingDays), anchor: .acknowledged,
                                                extensionRule: ExtensionRule(cap: Duration(10, .workingDays), beyondCapWithAgreement: true)),
                                  ])], hash: "h")
        pack.retentionMonths = retentionMonths
        try store.bind(to: pack, source: "t", actor: "jo")
        let calendar = try HolidayData.load(files: [Installation.locate().bankHolidayChanges]).calendar(.englandAndWales)
        let jo = Recorder(actor: "jo")
        func intake(_ name: String, _ received: String) throws -> String {
            try store.write { db in
                let party = try CaseStore.add(NewParty(name: name, email: "\(name.lowercased())@example.org", phone: "07700 900003"), by: jo, in: db)
                return try CaseStore.record(NewCase(kind: .complaint, received: day(received), channel: "email", category: "repairs",
                                                    summary: "\(name)'s boiler", complainantID: party), pack: pack, calendar: calendar, by: jo, in: db)
            }
        }
        func event(_ ref: String, _ event: CaseEvent, _ attachment: CaseStore.Attachment? = nil) throws {
            try store.record(event, on: ref, pack: pack, calendar: calendar, by: jo, with: attachment)
        }
        let a = try intake("Ann", "2020-01-06")
        try event(a, CaseEvent(.acknowledged, on: day("2020-01-08")))
        try event(a, CaseEvent(.contact, on: day("2020-01-09")),
                  .contact(ContactRecord(channel: "phone", direction: "out", summary: "Ann says her son is ill", at: "2020-01-09T10:00:00Z")))
        try event(a, CaseEvent(.extended, on: day("2020-01-10"), clock: "respond", extensionBy: Duration(5, .workingDays),
                               reason: "Ann in hospital"))
        try event(a, CaseEvent(.responded, on: day("2020-01-27")),
                  .decision(DecisionRecord(outcome: "upheld", findings: "Ann waited 3 weeks", reasons: "late repair",
                                           remedy: RemedyOffer(items: [RemedyItem(kind: "time_and_trouble", pence: 5000, reason: "Ann's chasers")]))))
        try event(a, CaseEvent(.closed, on: day("2020-03-02"), reason: "Ann satisfied"))
        let b = try intake("Bob", "2020-05-04")
        try event(b, CaseEvent(.withdrawn, on: day("2020-06-01"), reason: "Bob moved"))
        try store.write { db in
            let bob = try Int64.fetchOne(db, sql: "SELECT complainant_id FROM main.cases WHERE ref = ?", arguments: [b])
            _ = try CaseStore.record(NewCase(kind: .complaint, received: day("2026-11-30"), channel: "phone", complainantID: bob),
                                     pack: pack, calendar: calendar, by: jo, in: db)
        }
        let d = try intake("Dee", "2024-02-05")
        try event(d, CaseEvent(.closed, on: day("2024-03-01")))
        return store
    }

    func snapshot(_ store: CaseStore) throws -> [String: [Row]] {
        try store.read { db in
            var all: [String: [Row]] = [:]
            for table in ["parties", "cases", "contacts", "decisions", "extensions", "remedy_items", "events", "clocks"] {
                all[table] = try Row.fetchAll(db, sql: "SELECT * FROM main.\(table) ORDER BY id")
            }
            return all
        }
    }

    @Test func removesPersonalDataPastThePeriodKeepsTheFiguresAndRunsOnce() throws {
        defer { remove() }
        let store = try store()
        let before = try snapshot(store)
        let dry = try store.applyRetention(asOf: day("2026-12-01"), dryRun: true, by: "jo")
        #expect(dry == RetentionReport(cutoff: day("2020-12-01"), months: 72, cases: ["C-2020-000001", "C-2020-000002"], parties: [1],
                                       dryRun: true))
        #expect(try snapshot(store) == before)

        let report = try store.applyRetention(asOf: day("2026-12-01"), dryRun: false, by: "jo")
        #expect(report.cases == ["C-2020-000001", "C-2020-000002"] && report.parties == [1])
        try store.read { (db: Database) throws in
            // Ann: gone. Bob keeps his details (his 2026 case is open); his old case's text is gone.
            #expect(try Row.fetchAll(db, sql: "SELECT name, email, phone FROM main.parties ORDER BY id").map { [$0[0], $0[1], $0[2]] as [String?] }
                    == [["[anonymised]", nil, nil], ["Bob", "bob@example.org", "07700 900003"], ["Dee", "dee@example.org", "07700 900003"]])
            #expect(try String?.fetchAll(db, sql: "SELECT summary FROM main.cases ORDER BY id") == [nil, nil, nil, "Dee's boiler"])
            #expect(try String.fetchAll(db, sql: "SELECT summary FROM main.contacts") == ["[removed]"])
            #expect(try Row.fetchOne(db, sql: "SELECT outcome, findings, reasons FROM main.decisions") == ["outcome": "upheld", "findings": nil, "reasons": nil])
            #expect(try Row.fetchOne(db, sql: "SELECT amount_pence, reason FROM main.remedy_items") == ["amount_pence": 5000, "reason": "[removed]"])
            #expect(try String.fetchAll(db, sql: "SELECT reason FROM main.extensions") == ["[removed]"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM main.events WHERE case_id IN (1, 2) AND data LIKE '%reason%'") == 0)
            // The figures survive: kinds, dates, categories, clocks and when they were met.
            #expect(try Row.fetchAll(db, sql: "SELECT kind, status, received, category FROM main.cases WHERE id = 1")
                    == [["kind": "complaint", "status": "closed", "received": "2020-01-06", "category": "repairs"]])
            #expect(try String?.fetchAll(db, sql: "SELECT met FROM main.clocks WHERE case_id = 1 ORDER BY id") == ["2020-01-08", "2020-01-27"])
            #expect(try String.fetchAll(db, sql: "SELECT anonymised FROM main.cases WHERE anonymised IS NOT NULL") == ["2026-12-01", "2026-12-01"])
            #expect(try String?.fetchOne(db, sql: "SELECT data FROM main.events WHERE type = 'retention_applied'")
                    == #"{"cases":"2","cutoff":"2020-12-01","months":"72","parties":"1"}"#)
        }
        // Again for the same date: nothing to do, nothing written.
        let after = try snapshot(store)
        let again = try store.applyRetention(asOf: day("2026-12-01"), dryRun: false, by: "jo")
        #expect(again.cases.isEmpty && again.parties.isEmpty)
        #expect(try snapshot(store) == after)
        // The log still refuses any other change.
        #expect(throws: StoreError(message: "the event log is append-only: events cannot be changed")) {
            try store.write { db in try db.execute(sql: "UPDATE main.events SET actor = 'someone else' WHERE id = 1") }
        }
    }

    @Test func aPackWithoutARetentionPeriodIsTold() throws {
        defer { remove() }
        let store = try store(retentionMonths: nil)
        #expect(throws: StoreError(message: "the store's pack declares no retention period (add retention = { years = 6 } to the pack)")) {
            try store.applyRetention(asOf: day("2026-12-01"), dryRun: true, by: "jo")
        }
    }
}
