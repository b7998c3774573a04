import RedressCalendar
import Testing
@testable import RedressCore

/// Comparing a pack's declarations with the Code's (domain.md 1.6: 6.2, 6.3, 6.4, 6.11, 6.14,
/// 6.15, 2.3, 5.2/5.3). Expected dates are worked from GOV.UK's England and Wales bank holidays.
@Suite struct CodeComparisonTests {
    /// The Code as Scripts/policies/hos-code.lua declares it, with its clauses.
    static let code = pack(name: "hos-code", acceptance: Duration(12, .months), stages: [
        StageRule(name: "1", clocks: [
            ClockRule(name: "acknowledge", duration: Duration(5, .workingDays), anchor: .received, clause: "Code 6.2"),
            ClockRule(name: "respond", duration: Duration(10, .workingDays), anchor: .acknowledged,
                      extensionRule: ExtensionRule(cap: Duration(10, .workingDays), beyondCapWithAgreement: true, clause: "Code 6.4"),
                      clause: "Code 6.3"),
        ], clause: "Code 6.1-6.9"),
        StageRule(name: "2", clocks: [
            ClockRule(name: "acknowledge", duration: Duration(5, .workingDays), anchor: .escalated, clause: "Code 6.11"),
            ClockRule(name: "respond", duration: Duration(20, .workingDays), anchor: .acknowledged,
                      extensionRule: ExtensionRule(cap: Duration(20, .workingDays), beyondCapWithAgreement: false, clause: "Code 6.15"),
                      clause: "Code 6.14"),
        ], clause: "Code 5.2, 5.3, 6.10"),
    ])

    static func pack(name: String, acceptance: Duration? = nil, stages: [StageRule], closures: [Holiday] = []) -> PolicyPack {
        try! PolicyPack(name: name, title: nil, region: .englandAndWales, closures: closures, acceptanceWindow: acceptance,
                        stages: stages, hash: "test", acceptanceClause: acceptance == nil ? nil : "Code 2.3")
    }

    static let sample = TestData.date("2026-01-01")...TestData.date("2027-12-31")

    func departures(_ pack: PolicyPack) -> [String] {
        CodeComparison.departures(of: pack, on: TestData.calendar(.englandAndWales, closures: pack.closures),
                                  from: Self.code, on: TestData.calendar(.englandAndWales), sample: Self.sample).map(\.description)
    }

    @Test func theCodeDoesNotDepartFromItself() {
        #expect(departures(Self.code) == [])
    }

    @Test func aThirdStageAndAShortAcceptanceWindowDepart() {
        var stages = Self.code.stages
        stages.append(StageRule(name: "board", clocks: []))
        #expect(departures(Self.pack(name: "three", acceptance: Duration(6, .months), stages: stages)) == [
            "stages: 3 stages (1, 2, board), more than the Code's 2: board after the Code's last stage 2 [Code 5.2, 5.3, 6.10]",
            "acceptance: complaints accepted for 6 months after the issue, less than the Code's 12 months [Code 2.3]",
        ])
    }

    @Test func aMissingClockAndALaterAnchorDepart() {
        let stages = [
            StageRule(name: "1", clocks: [
                ClockRule(name: "acknowledge", duration: Duration(2, .workingDays), anchor: .logged),
                ClockRule(name: "respond", duration: Duration(10, .workingDays), anchor: .received),
            ]),
            StageRule(name: "review", clocks: [ClockRule(name: "respond", duration: Duration(20, .workingDays), anchor: .escalated)]),
        ]
        // A shorter time from an earlier anchor complies: respond 10 working days from receipt
        // is never later than 10 from acknowledgement, nor 20 from the request than 20 from
        // its acknowledgement.
        #expect(departures(Self.pack(name: "p", stages: stages)) == [
            "stage 1 acknowledge: 2 working days from logged starts later than the Code's 5 working days from received [Code 6.2]",
            "stage review (the Code's stage 2) acknowledge: no acknowledge clock; the Code: 5 working days from escalated [Code 6.11]",
        ])
    }

    @Test func calendarDaysAreComparedWithWorkingDaysDateByDate() {
        // 30 days from Thursday 1 January 2026 is Saturday 31 January; 20 working days from it
        // (rolled to Friday 2 January) end on Friday 30 January. 14 days never exceed 10
        // working days (two whole weeks), so the stage 1 cap complies.
        let stages = [
            StageRule(name: "1", clocks: [
                ClockRule(name: "acknowledge", duration: Duration(5, .workingDays), anchor: .received),
                ClockRule(name: "respond", duration: Duration(10, .workingDays), anchor: .received,
                          extensionRule: ExtensionRule(cap: Duration(14, .days), beyondCapWithAgreement: false)),
            ]),
            StageRule(name: "2", clocks: [
                ClockRule(name: "acknowledge", duration: Duration(5, .workingDays), anchor: .escalated),
                ClockRule(name: "respond", duration: Duration(20, .workingDays), anchor: .escalated,
                          extensionRule: ExtensionRule(cap: Duration(30, .days), beyondCapWithAgreement: true)),
            ]),
        ]
        #expect(departures(Self.pack(name: "p", stages: stages)) == [
            "stage 2 respond extension: up to 30 days, more than the Code's 20 working days (from 2026-01-01: 2026-01-31, the Code's 2026-01-30) [Code 6.15]",
            "stage 2 respond extension: may go past its cap with the customer's agreement; the Code allows nothing past 20 working days [Code 6.15]",
        ])
    }

    @Test func closureDaysMakeTheSameTimescaleLonger() {
        // Closed 29–31 December 2026: 5 working days from Friday 18 December end on Monday 4
        // January 2027 (21–24, then 25 and 28 December and 1 January are bank holidays) instead
        // of Tuesday 29 December.
        let closures = ["2026-12-29", "2026-12-30", "2026-12-31"].map { Holiday(date: TestData.date($0), name: "Closed", kind: .closure) }
        let closed = Self.pack(name: "closed", acceptance: Duration(12, .months), stages: Self.code.stages, closures: closures)
        #expect(departures(closed).first
            == "stage 1 acknowledge: 5 working days from received ends later, on the pack's calendar, than the Code's 5 working days from received (from 2026-12-18: due 2027-01-04, the Code's 2026-12-29) [Code 6.2]")
    }
}
