import Testing
import RedressCalendar
@testable import RedressCore

@Suite struct DurationTests {
    @Test(arguments: [
        (Duration(5, .workingDays), "2026-12-22", "2026-12-31"),
        (Duration(10, .workingDays), "2026-12-31", "2027-01-15"),
        (Duration(14, .days), "2026-12-22", "2027-01-05"),
        (Duration(28, .days), "2026-12-22", "2027-01-19"),
        (Duration(8, .weeks), "2026-12-22", "2027-02-16"),
        (Duration(6, .months), "2026-08-31", "2027-02-28"),
        (Duration(12, .months), "2024-02-29", "2025-02-28"),
        (Duration(0, .workingDays), "2026-12-26", "2026-12-29"),
    ])
    func dueDates(duration: Duration, start: String, expected: String) throws {
        let due = try duration.due(from: LocalDate(iso: start), calendar: TestData.calendar(.englandAndWales))
        #expect(due.description == expected)
    }

    @Test func packsRefuseDuplicateStagesAndClocks() {
        let clock = ClockRule(name: "respond", duration: Duration(10, .workingDays), anchor: .acknowledged)
        #expect(throws: PolicyError(field: "stages[2].name", message: "stage '1' is declared twice")) {
            try PolicyPack(name: "p", title: nil, region: .englandAndWales, closures: [], acceptanceWindow: nil,
                           stages: [StageRule(name: "1", clocks: []), StageRule(name: "1", clocks: [])], hash: "h")
        }
        #expect(throws: PolicyError(field: "stages[1].clocks", message: "clock 'respond' is declared twice")) {
            try PolicyPack(name: "p", title: nil, region: .englandAndWales, closures: [], acceptanceWindow: nil,
                           stages: [StageRule(name: "1", clocks: [clock, clock])], hash: "h")
        }
        #expect(throws: PolicyError(field: "stages", message: "a pack needs at least one stage")) {
            try PolicyPack(name: "p", title: nil, region: .englandAndWales, closures: [], acceptanceWindow: nil, stages: [], hash: "h")
        }
    }
}
