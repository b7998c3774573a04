import Foundation
import GRDB
import RedressCalendar
import Testing
@testable import RedressCore

/// The two measures of "on time", on complaints worked by hand under the Code's timescales
/// (stage 1: acknowledged within 5 working days of receipt, answered within 10 of the
/// acknowledgement) over Christmas 2025 in England: Christmas Day Thu 25 and Boxing Day Fri 26
/// December, New Year's Day Thu 1 January 2026 (GOV.UK).
///
/// All received Wed 17 Dec 2025, so the acknowledgement is due Wed 24 Dec (18, 19, 22, 23, 24).
/// - A acknowledged Mon 29 Dec, late; the answer is due 10 working days later, Tue 13 Jan (30,
///   31 Dec, 2, 5-9, 12, 13 Jan), and given that day: on time by its own due date only.
/// - B acknowledged 24 Dec, answer due Mon 12 Jan (29, 30, 31, 2, 5-9, 12), given 12 Jan: both.
/// - C acknowledged Thu 18 Dec, answer due Tue 6 Jan (19, 22, 23, 24, 29, 30, 31, 2, 5, 6),
///   extended 10 working days to Tue 20 Jan (7-9, 12-16, 19, 20), given 20 Jan: both.
/// - D acknowledged 18 Dec, answer due 6 Jan, given Wed 7 Jan: neither.
/// - E never acknowledged nor answered: neither yet (NULL), and not in the shares.
/// - F excluded at intake: not a complaint the reports count.
@Suite struct OnTimeMeasureTests {
    let pack = LifecycleTests.code
    let calendar = TestData.calendars[.englandAndWales]!
    let recorder = Recorder(actor: "tester", script: "OnTimeMeasureTests")

    func date(_ text: String) -> LocalDate { TestData.date(text) }

    func withWorkedStore(_ body: (CaseStore) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("redress-ontime-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try CaseStore(path: path)
        func complaint(acknowledged: String?, extended: String? = nil, responded: String?) throws {
            let ref = try store.record(NewCase(kind: .complaint, received: date("2025-12-17"), channel: "email"),
                                       pack: pack, calendar: calendar, by: recorder)
            if let acknowledged {
                try store.record(CaseEvent(.acknowledged, on: date(acknowledged)), on: ref, pack: pack, calendar: calendar, by: recorder)
            }
            if let extended {
                try store.record(CaseEvent(.extended, on: date(extended), clock: "respond", extensionBy: Duration(10, .workingDays),
                                           reason: "survey"), on: ref, pack: pack, calendar: calendar, by: recorder)
            }
            if let responded {
                try store.record(CaseEvent(.responded, on: date(responded)), on: ref, pack: pack, calendar: calendar, by: recorder,
                                 with: .decision(DecisionRecord(outcome: "not_upheld")))
            }
        }
        try complaint(acknowledged: "2025-12-29", responded: "2026-01-13")
        try complaint(acknowledged: "2025-12-24", responded: "2026-01-12")
        try complaint(acknowledged: "2025-12-18", extended: "2026-01-05", responded: "2026-01-20")
        try complaint(acknowledged: "2025-12-18", responded: "2026-01-07")
        try complaint(acknowledged: nil, responded: nil)
        _ = try store.record(NewCase(kind: .complaint, received: date("2025-12-17"), channel: "email",
                                     exclusion: ("legal proceedings have started", "Code 2.2(b)")),
                             pack: pack, calendar: calendar, by: recorder)
        try body(store)
    }

    @Test func theViewDecidesEachAnswerByBothMeasures() throws {
        try withWorkedStore { store in
            let rows = try store.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT ref, acknowledge_due, respond_due, within_code_timescales, by_own_due_date
                    FROM complaint_stages ORDER BY ref
                    """).map { row -> String in
                    let code: Int? = row[3], own: Int? = row[4]
                    return "\(row[0] as String) \(row[1] as String) \(row[2] as String? ?? "-") \(code.map(String.init) ?? "NULL") \(own.map(String.init) ?? "NULL")"
                }
            }
            #expect(rows == [
                "C-2025-000001 2025-12-24 2026-01-13 0 1",
                "C-2025-000002 2025-12-24 2026-01-12 1 1",
                "C-2025-000003 2025-12-24 2026-01-20 1 1",
                "C-2025-000004 2025-12-24 2026-01-06 0 0",
                "C-2025-000005 2025-12-24 - NULL NULL",
            ])
        }
    }

    @Test func theReportsCountWhatTheViewDecides() throws {
        try withWorkedStore { store in
            let january = ReportingYear.Period(name: "January", first: date("2026-01-01"), last: date("2026-01-31"))
            let facts = try store.read { db in try ComplaintFacts.fetch(from: january.first, to: january.last, in: db) }
            let answered = facts.answered("1", in: january)
            #expect(answered.count == 4)
            #expect(answered.filter { $0.isOnTime(.withinCodeTimescales) }.map(\.ref) == ["C-2025-000002", "C-2025-000003"])
            #expect(answered.filter { $0.isOnTime(.byOwnDueDate) }.map(\.ref) == ["C-2025-000001", "C-2025-000002", "C-2025-000003"])
        }
    }

    /// A script reads the same names and definitions the reports print (the view is made from
    /// them, quoted: "the Code's" has an apostrophe).
    @Test func scriptsReadTheMeasuresTheReportsPrint() throws {
        try withWorkedStore { store in
            let rows = try store.read { db in
                try Row.fetchAll(db, sql: "SELECT position, name, title, definition FROM on_time_measures ORDER BY position")
            }
            #expect(rows.map { $0[1] as String } == ["within_code_timescales", "by_own_due_date"])
            #expect(rows.map { $0[2] as String } == ["within the Code's timescales", "by its own due date"])
            #expect(rows.map { $0[3] as String } == OnTimeMeasure.all.map(\.definition))
            #expect(OnTimeMeasure.withinCodeTimescales.definition.contains("acknowledgement's due date"))
            #expect(!OnTimeMeasure.byOwnDueDate.definition.contains("acknowledged by"))
        }
    }
}
