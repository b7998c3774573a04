import RedressCalendar
import Testing
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

    // A duration is bounded per unit, so no pack can ask for a due date the calendar cannot count.
    @Test func aDurationLongerThanAPolicyCouldMeanIsRefusedAndDueDatesNeverTrap() throws {
        #expect(Duration(checked: 2600, .workingDays) != nil)
        #expect(Duration(checked: 2601, .workingDays) == nil)
        #expect(Duration(checked: 3650, .days) != nil && Duration(checked: 3651, .days) == nil)
        #expect(Duration(checked: 520, .weeks) != nil && Duration(checked: 521, .weeks) == nil)
        #expect(Duration(checked: 120, .months) != nil && Duration(checked: 121, .months) == nil)
        #expect(Duration(checked: -1, .days) == nil)
        #expect(Duration.refusal(Int.max, given: String(Int.max), .workingDays)
            == "expected at most 2600 working days (about ten years), got 9223372036854775807")

        // Even an unchecked duration (one read back from an old store) gives an error, not a trap.
        let calendar = TestData.calendar(.englandAndWales)
        let start = try LocalDate(iso: "2026-01-01")
        for unit in Duration.Unit.allCases {
            #expect(throws: CalendarError.self) { try Duration(Int.max, unit).due(from: start, calendar: calendar) }
        }
        #expect(throws: CalendarError.dateOutOfRange(DateRangeError(start: try LocalDate(iso: "9999-12-30"), amount: 2, unit: "days"))) {
            try Duration(2, .days).due(from: try LocalDate(iso: "9999-12-30"), calendar: calendar)
        }
    }
}
