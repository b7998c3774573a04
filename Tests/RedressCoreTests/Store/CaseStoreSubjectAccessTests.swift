import Foundation
import GRDB
import RedressCalendar
import Testing
@testable import RedressCore

@Suite struct CaseStoreSubjectAccessTests {
    @Test func aReportHoldsThePersonsRecordsWithOtherPeopleRedacted() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("redress-sar-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try CaseStore(path: path)
        let pack = try PolicyPack(name: "t", title: nil, region: .englandAndWales, closures: [], acceptanceWindow: nil,
                                  stages: [StageRule(name: "1", clocks: [ClockRule(name: "acknowledge", duration: Duration(5, .workingDays), anchor: .received)])],
                                  hash: "h")
        let calendar = try HolidayData.load(files: [Installation.locate().bankHolidayChanges]).calendar(.englandAndWales)
        let (ann, rep) = try store.write { db in
            let ann = try CaseStore.add(NewParty(name: "Ann Tenant", email: "ann@example.org"), by: Recorder(actor: "jo"), in: db)
            let rep = try CaseStore.add(NewParty(name: "Cllr Rep", role: "mp_or_councillor"), by: Recorder(actor: "jo"), in: db)
            let other = try CaseStore.add(NewParty(name: "Someone Else"), by: Recorder(actor: "jo"), in: db)
            var new = NewCase(kind: .complaint, received: try LocalDate(iso: "2026-12-22"), channel: "email", category: "repairs",
                              summary: "Boiler broken", complainantID: ann)
            new.representativeID = rep
            _ = try CaseStore.record(new, pack: pack, calendar: calendar, by: Recorder(actor: "jo"), in: db)
            _ = try CaseStore.record(NewCase(kind: .complaint, received: try LocalDate(iso: "2026-12-22"), channel: "email", complainantID: other),
                                     pack: pack, calendar: calendar, by: Recorder(actor: "jo"), in: db)
            try db.execute(sql: "INSERT INTO main.contacts(case_id, at, channel, direction, staff, summary) VALUES (1, '2026-12-23T10:00:00Z', 'phone', 'out', 'JB', 'Booked a visit')")
            return (ann, rep)
        }
        let report = try store.subjectAccess("ANN@example.org", by: "jo")
        #expect(report.partyID == ann)
        func section(_ table: String) -> SubjectAccessReport.Section { report.sections.first { $0.table == table }! }
        #expect(section("parties").rows.count == 1)
        let cases = section("cases")
        #expect(cases.rows.map { $0[0] } == ["C-2026-000001"])
        let column = { (name: String) in cases.columns.firstIndex(of: name)! }
        #expect(cases.rows[0][column("complainant")] == "Ann Tenant")
        #expect(cases.rows[0][column("representative")] == "[third party]")
        #expect(section("contacts").rows.map { $0.last! } == ["Booked a visit"])
        #expect(section("clocks").rows.map { $0[4] } == ["2026-12-31"])
        // The audit trail: her party, her case's receipt; not the other complainant's.
        #expect(section("events").rows.map { $0[1] } == ["party_added", "received"])
        #expect(!report.json.contains("Someone Else") && !report.html.contains("Someone Else"))
        #expect(!report.json.contains("Cllr Rep") && !report.html.contains("Cllr Rep"))
        #expect(report.json.contains(#""representative": "[third party]""#))
        #expect(report.html.contains("<td>Boiler broken</td>"))
        #expect(report.json.contains(#""id": \#(ann), "name": "Ann Tenant""#))
        // For the representative, the complainant is the third party.
        let forRep = try store.subjectAccess(String(rep), by: "jo")
        let repCases = forRep.sections.first { $0.table == "cases" }!
        #expect(repCases.rows[0][repCases.columns.firstIndex(of: "complainant")!] == "[third party]")
        // Each request is audited against the person.
        #expect(try store.read { try Int64.fetchAll($0, sql: "SELECT party_id FROM events WHERE type = 'subject_access' ORDER BY id") } == [ann, rep])
        #expect(throws: StoreError(message: "party: no party 'nobody@example.org' (give its id or email address)")) {
            try store.subjectAccess("nobody@example.org", by: "jo")
        }
        // Once there are users, only a manager or auditor may.
        try store.addUser("jo", role: "manager", by: "jo")
        try store.addUser("ana", role: "analyst", by: "jo")
        try store.identify("ana")
        #expect(throws: StoreError(message: "--user: a subject access report is for a manager or auditor (role 'analyst')")) {
            try store.subjectAccess(String(ann), by: "ana")
        }
    }
}
