import RedressCalendar
import Testing
@testable import RedressCore

/// `CaseState.explain` against the worked deadlines of domain.md 5.8, every skipped day named by
/// hand from GOV.UK's bank holidays.
@Suite struct ClockExplanationTests {
    func date(_ text: String) -> LocalDate { TestData.date(text) }
    var england: WorkingDayCalendar { TestData.calendars[.englandAndWales]! }

    /// Stage 2 escalation received Thu 12 Mar 2026, acknowledged Thu 19 Mar: respond by Mon
    /// 20 Apr 2026 (20 working days, skipping Good Friday 3 Apr and Easter Monday 6 Apr); with a
    /// 20-working-day extension Tue 19 May (skipping the early May bank holiday, Mon 4 May).
    static let easter = [
        CaseEvent(.received, on: TestData.date("2026-02-02"), stage: "1"),
        CaseEvent(.acknowledged, on: TestData.date("2026-02-03")),
        CaseEvent(.responded, on: TestData.date("2026-02-16")),
        CaseEvent(.escalated, on: TestData.date("2026-03-12")),
        CaseEvent(.acknowledged, on: TestData.date("2026-03-19")),
        CaseEvent(.extended, on: TestData.date("2026-04-14"), clock: "respond", extensionBy: Duration(20, .workingDays),
                  reason: "independent surveyor's report"),
    ]

    @Test func stageTwoResponseAcrossEasterNamesEverySkippedDay() throws {
        let e = try CaseState.explain("respond", events: Self.easter, pack: LifecycleTests.code, calendar: england)
        #expect(e.stage == "2")
        #expect(e.anchor == .acknowledged)
        #expect(e.anchorDate == date("2026-03-19"))
        #expect(e.start == date("2026-03-19"))          // a Thursday: no roll
        #expect(e.rolledOver.isEmpty)
        #expect(e.due == date("2026-04-20"))
        // 19 Mar to 20 Apr: five weekends (21-22 and 28-29 Mar, 4-5, 11-12 and 18-19 Apr) and
        // Good Friday and Easter Monday.
        #expect(e.skipped.filter { $0.kind != "weekend" }.map(\.date) == [date("2026-04-03"), date("2026-04-06")])
        #expect(e.skipped.filter { $0.kind != "weekend" }.map(\.reason) == ["Good Friday", "Easter Monday"])
        #expect(e.skipped.filter { $0.kind == "weekend" }.count == 10)
        #expect(e.extensions.count == 1)
        let ext = try #require(e.extensions.first)
        #expect(ext.from == date("2026-04-20"))
        #expect(ext.to == date("2026-05-19"))
        #expect(ext.reason == "independent surveyor's report")
        #expect(ext.skipped.filter { $0.kind != "weekend" }.map(\.reason) == ["Early May bank holiday"])
        #expect(e.dueNow == date("2026-05-19"))
        #expect(e.met == nil)
        #expect(e.calendarVersion == england.version)
        #expect(e.text.contains("skipped 2026-04-03 Good Friday, 2026-04-06 Easter Monday and 10 weekend days"))
        #expect(e.text.contains("extended   on 2026-04-14 by 20 working days (\"independent surveyor's report\"): 2026-04-20 to 2026-05-19"))
    }

    /// Received Saturday 26 December 2026 (Boxing Day falls on the Saturday, so GOV.UK's bank
    /// holiday is its substitute, Monday 28): the count starts on the next working day, Tuesday
    /// 29 December, past Saturday 26, Sunday 27 and Monday 28; five working days on is Wednesday
    /// 6 January 2027 (30, 31 December, 4, 5, 6 January), skipping New Year's Day (Friday 1
    /// January) and the weekend of 2-3 January.
    @Test func anAnchorOnADayOffRollsForwardAndSaysPastWhichDays() throws {
        let events = [CaseEvent(.received, on: date("2026-12-26"), stage: "1")]
        let e = try CaseState.explain("acknowledge", events: events, pack: LifecycleTests.code, calendar: england)
        #expect(e.start == date("2026-12-29"))
        #expect(e.rolledOver.map(\.date) == [date("2026-12-26"), date("2026-12-27"), date("2026-12-28")])
        #expect(e.rolledOver.map(\.reason) == ["Saturday", "Sunday", "Boxing Day (substitute day)"])
        #expect(e.due == date("2027-01-06"))
        #expect(e.skipped.map(\.reason) == ["New Year’s Day", "Saturday", "Sunday"])
        #expect(e.text.contains("roll       not a working day: counting starts on 2026-12-29 (Tuesday), past 2026-12-26 Saturday, 2026-12-27 Sunday, 2026-12-28 Boxing Day (substitute day)"))
    }

    @Test func aClockWaitingForItsAnchorSaysWhichEvent() throws {
        let events = [CaseEvent(.received, on: date("2026-12-01"), stage: "1")]
        #expect(throws: ExplanationError(message: "clock respond of stage 1 has not started: it runs from acknowledged, which has not been recorded")) {
            try CaseState.explain("respond", events: events, pack: LifecycleTests.code, calendar: england)
        }
        #expect(throws: ExplanationError(message: "stage 1 has no clock 'reply' (its clocks: acknowledge, escalation_window, respond)")) {
            try CaseState.explain("reply", events: events, pack: LifecycleTests.code, calendar: england)
        }
    }

    @Test func aMetClockSaysWhetherItWasLate() throws {
        let events = [
            CaseEvent(.received, on: date("2025-12-17"), stage: "1"),
            CaseEvent(.acknowledged, on: date("2025-12-29")),
        ]
        let e = try CaseState.explain("acknowledge", events: events, pack: LifecycleTests.code, calendar: england)
        #expect(e.due == date("2025-12-24"))
        #expect(e.met == date("2025-12-29"))
        #expect(e.metLate == true)
        // Five calendar days, but one working day: 25 and 26 December are bank holidays, 27 and
        // 28 a weekend; 29 December is the first working day after the due date.
        #expect(e.lateBy == 1)
        #expect(e.text.contains("met        2025-12-29, late by 1 working day\n"))
    }
}
