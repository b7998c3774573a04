import RedressCalendar
import Testing
@testable import RedressCore

/// The lifecycle against the Code's timescales (domain.md 1.6) and its worked deadlines (5.8).
@Suite struct LifecycleTests {
    /// The Housing Ombudsman Code's two stages, as Scripts/policies/hos-code.lua declares them.
    static let code: PolicyPack = try! PolicyPack(
        name: "hos-code", title: nil, region: .englandAndWales, closures: [], acceptanceWindow: Duration(12, .months),
        stages: [
            StageRule(name: "1", clocks: [
                ClockRule(name: "acknowledge", duration: Duration(5, .workingDays), anchor: .received),
                ClockRule(name: "respond", duration: Duration(10, .workingDays), anchor: .acknowledged,
                          extensionRule: ExtensionRule(cap: Duration(10, .workingDays), beyondCapWithAgreement: true)),
                ClockRule(name: "escalation_window", duration: Duration(14, .days), anchor: .decisionSent),
            ]),
            StageRule(name: "2", clocks: [
                ClockRule(name: "acknowledge", duration: Duration(5, .workingDays), anchor: .escalated),
                ClockRule(name: "respond", duration: Duration(20, .workingDays), anchor: .acknowledged,
                          extensionRule: ExtensionRule(cap: Duration(20, .workingDays), beyondCapWithAgreement: false)),
            ]),
        ], hash: "test")

    func date(_ text: String) -> LocalDate { TestData.date(text) }
    func replay(_ events: [CaseEvent], region: Region = .englandAndWales) throws -> CaseState {
        try CaseState.replay(events, pack: Self.code, calendar: TestData.calendars[region]!)
    }

    @Test func stageOneDeadlinesAcrossChristmas() throws {
        // Received Wed 17 Dec 2025: acknowledge by 24 Dec; acknowledged that day, respond by
        // Mon 12 Jan 2026; a 10-working-day extension moves it to Mon 26 Jan (Scotland: 13 and 27 Jan).
        let events = [
            CaseEvent(.received, on: date("2025-12-17"), stage: "1"),
            CaseEvent(.acknowledged, on: date("2025-12-24")),
            CaseEvent(.extended, on: date("2026-01-05"), clock: "respond", extensionBy: Duration(10, .workingDays), reason: "repairs survey"),
        ]
        let england = try replay(events)
        #expect(england.clock("acknowledge")?.due.description == "2025-12-24")
        #expect(england.clock("acknowledge")?.metLate == false)
        #expect(england.clock("respond")?.due.description == "2026-01-12")
        #expect(england.clock("respond")?.dueNow.description == "2026-01-26")
        let scotland = try replay(events, region: .scotland)
        #expect(scotland.clock("respond")?.due.description == "2026-01-13")
        #expect(scotland.clock("respond")?.dueNow.description == "2026-01-27")
    }

    @Test func stageTwoDeadlinesAcrossEaster() throws {
        // Escalation received Thu 12 Mar 2026: acknowledge by 19 Mar; respond by Mon 20 Apr
        // (skips Good Friday and Easter Monday); NI acknowledges by 20 Mar (St Patrick's Day).
        let events = [
            CaseEvent(.received, on: date("2026-02-02"), stage: "1"),
            CaseEvent(.acknowledged, on: date("2026-02-03")),
            CaseEvent(.responded, on: date("2026-02-16")),
            CaseEvent(.escalated, on: date("2026-03-12")),
            CaseEvent(.acknowledged, on: date("2026-03-19")),
        ]
        let england = try replay(events)
        #expect(england.stage == "2")
        #expect(england.clock("escalation_window", stage: "1")?.met?.description == "2026-03-12")
        #expect(england.clock("escalation_window", stage: "1")?.metLate == true)   // 14 days from 16 Feb
        #expect(england.clock("acknowledge")?.due.description == "2026-03-19")
        #expect(england.clock("respond")?.due.description == "2026-04-20")
        #expect(try replay(Array(events.prefix(4)), region: .northernIreland).clock("acknowledge")?.due.description == "2026-03-20")
    }

    @Test func lateAndOverdueClocks() throws {
        let state = try replay([CaseEvent(.received, on: date("2026-12-22"), stage: "1"), CaseEvent(.acknowledged, on: date("2027-01-04"))])
        let acknowledge = try #require(state.clock("acknowledge"))
        #expect(acknowledge.due.description == "2026-12-31")
        #expect(acknowledge.metLate == true)
        let respond = try #require(state.clock("respond"))
        #expect(respond.due.description == "2027-01-18")
        #expect(!respond.isOverdue(on: date("2027-01-18")))
        #expect(respond.isOverdue(on: date("2027-01-19")))
    }

    @Test(arguments: [
        ([CaseEvent(.received, on: TestData.date("2026-12-22"), stage: "1"), CaseEvent(.responded, on: TestData.date("2026-12-23"))],
         "cannot record responded on 2026-12-23: stage 1 must be acknowledged before it is answered"),
        ([CaseEvent(.received, on: TestData.date("2026-12-22"), stage: "1"), CaseEvent(.acknowledged, on: TestData.date("2026-12-23")),
          CaseEvent(.acknowledged, on: TestData.date("2026-12-24"))],
         "cannot record acknowledged on 2026-12-24: stage 1 was already acknowledged"),
        ([CaseEvent(.received, on: TestData.date("2026-12-22"), stage: "1"), CaseEvent(.closed, on: TestData.date("2026-12-23")),
          CaseEvent(.escalated, on: TestData.date("2026-12-24"))],
         "cannot record escalated on 2026-12-24: the case is closed"),
        ([CaseEvent(.received, on: TestData.date("2026-12-22"), stage: "1"), CaseEvent(.acknowledged, on: TestData.date("2026-12-23")),
          CaseEvent(.escalated, on: TestData.date("2026-12-24"))],
         "cannot record escalated on 2026-12-24: stage 1 has not been answered yet, so it cannot be escalated"),
        ([CaseEvent(.received, on: TestData.date("2026-12-22"), stage: "1"), CaseEvent(.acknowledged, on: TestData.date("2026-12-23")),
          CaseEvent(.extended, on: TestData.date("2026-12-24"), clock: "respond", extensionBy: Duration(11, .workingDays), reason: "survey")],
         "cannot record extended on 2026-12-24: extending clock respond past 10 working days (0 used) needs the customer's agreement"),
        ([CaseEvent(.received, on: TestData.date("2026-12-22"), stage: "1"), CaseEvent(.acknowledged, on: TestData.date("2026-12-23")),
          CaseEvent(.extended, on: TestData.date("2026-12-24"), clock: "respond", extensionBy: Duration(5, .workingDays))],
         "cannot record extended on 2026-12-24: an extension needs a reason"),
        ([CaseEvent(.received, on: TestData.date("2026-12-22"), stage: "1"), CaseEvent(.acknowledged, on: TestData.date("2026-12-23")),
          CaseEvent(.extended, on: TestData.date("2026-12-24"), clock: "respond", extensionBy: Duration(2, .weeks), reason: "survey")],
         "cannot record extended on 2026-12-24: clock respond extends in working days, not weeks"),
        ([CaseEvent(.received, on: TestData.date("2026-12-22"), stage: "board")],
         "cannot record received on 2026-12-22: unknown stage 'board' (the pack's stages: 1, 2)"),
        ([CaseEvent(.acknowledged, on: TestData.date("2026-12-22"))],
         "cannot record acknowledged on 2026-12-22: the case has not been received yet"),
        ([CaseEvent(.received, on: TestData.date("2026-06-18"), stage: "1"), CaseEvent(.closed, on: TestData.date("2026-01-05"))],
         "cannot record closed on 2026-01-05: that is before the case was received (2026-06-18)"),
    ])
    func illegalTransitionsAreRefused(events: [CaseEvent], message: String) throws {
        do {
            _ = try replay(events)
            Issue.record("accepted")
        } catch let error as LifecycleError {
            #expect(error.description == message)
        }
    }

    @Test func extensionsBeyondTheCapNeedAgreementOrAreRefused() throws {
        var state = try replay([CaseEvent(.received, on: date("2026-12-22"), stage: "1"), CaseEvent(.acknowledged, on: date("2026-12-23"))])
        let calendar = TestData.calendars[.englandAndWales]!
        try state.apply(CaseEvent(.extended, on: date("2027-01-04"), clock: "respond", extensionBy: Duration(10, .workingDays), reason: "a"),
                        pack: Self.code, calendar: calendar)
        let before = state
        #expect(throws: LifecycleError.self) {
            try state.apply(CaseEvent(.extended, on: date("2027-01-05"), clock: "respond", extensionBy: Duration(5, .workingDays), reason: "b"),
                            pack: Self.code, calendar: calendar)
        }
        #expect(state == before)   // a refused event changes nothing
        try state.apply(CaseEvent(.extended, on: date("2027-01-05"), clock: "respond", extensionBy: Duration(5, .workingDays), agreed: true, reason: "b"),
                        pack: Self.code, calendar: calendar)
        // Acknowledged 23 Dec 2026: due Mon 11 Jan 2027; 10 + 5 working days later, Mon 1 Feb.
        #expect(state.clock("respond")?.due.description == "2027-01-11")
        #expect(state.clock("respond")?.dueNow.description == "2027-02-01")
        // Stage 2 allows no extension past 20 working days, even with agreement.
        var two = try replay([
            CaseEvent(.received, on: date("2026-02-02"), stage: "1"), CaseEvent(.acknowledged, on: date("2026-02-03")),
            CaseEvent(.responded, on: date("2026-02-16")), CaseEvent(.escalated, on: date("2026-02-20")),
            CaseEvent(.acknowledged, on: date("2026-02-23")),
        ])
        #expect(throws: LifecycleError.self) {
            try two.apply(CaseEvent(.extended, on: date("2026-03-02"), clock: "respond", extensionBy: Duration(21, .workingDays), agreed: true, reason: "x"),
                          pack: Self.code, calendar: calendar)
        }
    }

    /// A pack with a compliment track (Halton: relayed in 3 working days, filed in 5), a stage 1
    /// whose escalation window closes (Willow Tree: 14 days), and an uncapped extension.
    static let tracked: PolicyPack = try! PolicyPack(
        name: "tracked", title: nil, region: .englandAndWales, closures: [], acceptanceWindow: nil,
        stages: [
            StageRule(name: "1", clocks: [
                ClockRule(name: "respond", duration: Duration(10, .workingDays), anchor: .received,
                          extensionRule: ExtensionRule(cap: nil, beyondCapWithAgreement: false)),
                ClockRule(name: "escalation_window", duration: Duration(14, .days), anchor: .decisionSent, late: .refused),
            ]),
            StageRule(name: "2", clocks: []),
        ], hash: "test",
        tracks: [StageRule(name: "compliment", clocks: [
            ClockRule(name: "relay", duration: Duration(3, .workingDays), anchor: .received),
            ClockRule(name: "file", duration: Duration(5, .workingDays), anchor: .received),
        ])])

    func replayTracked(_ events: [CaseEvent]) throws -> CaseState {
        try CaseState.replay(events, pack: Self.tracked, calendar: TestData.calendars[.englandAndWales]!)
    }

    @Test func aComplimentRunsInItsTrackAndItsDutiesAreMetByName() throws {
        // Received Tue 22 Dec 2026: relay within 3 working days (23, 24, 29 — 25 and 28 are bank
        // holidays), file within 5 (30, 31); filed Mon 4 Jan 2027, late.
        let state = try replayTracked([
            CaseEvent(.received, on: date("2026-12-22"), stage: "compliment"),
            CaseEvent(.contact, on: date("2026-12-24"), clock: "relay"),
            CaseEvent(.met, on: date("2027-01-04"), clock: "file", reason: "on the officer's file"),
        ])
        #expect(state.clock("relay")?.due.description == "2026-12-29")
        #expect(state.clock("relay")?.metLate == false)
        #expect(state.clock("file")?.due.description == "2026-12-31")
        #expect(state.clock("file")?.metLate == true)
        #expect(throws: LifecycleError(event: .escalated, on: date("2027-01-05"),
                                       message: "the case is not a complaint: it has no stage to escalate from")) {
            _ = try replayTracked([CaseEvent(.received, on: date("2026-12-22"), stage: "compliment"),
                                   CaseEvent(.escalated, on: date("2027-01-05"))])
        }
    }

    @Test func aMetEventNamesARunningClockThatNoOtherEventMeets() throws {
        let received = CaseEvent(.received, on: date("2026-12-22"), stage: "1")
        #expect(throws: LifecycleError(event: .met, on: date("2026-12-23"), message: "clock respond is met by the responded event, not by naming it")) {
            _ = try replayTracked([received, CaseEvent(.met, on: date("2026-12-23"), clock: "respond")])
        }
        #expect(throws: LifecycleError(event: .met, on: date("2026-12-23"), message: "stage 1 has no running clock 'relay'")) {
            _ = try replayTracked([received, CaseEvent(.met, on: date("2026-12-23"), clock: "relay")])
        }
    }

    @Test func aWindowThatClosesRefusesALateEscalation() throws {
        // Decision sent Tue 15 Dec 2026: 14 days later is Tue 29 Dec.
        let answered = [CaseEvent(.received, on: date("2026-12-01"), stage: "1"), CaseEvent(.responded, on: date("2026-12-15"))]
        #expect(try replayTracked(answered + [CaseEvent(.escalated, on: date("2026-12-29"))]).stage == "2")
        #expect(throws: LifecycleError(event: .escalated, on: date("2026-12-30"),
                                       message: "too late: clock escalation_window of stage 1 (14 days from decision sent 2026-12-15) ended on 2026-12-29")) {
            _ = try replayTracked(answered + [CaseEvent(.escalated, on: date("2026-12-30"))])
        }
    }

    @Test func anUncappedExtensionTakesAnyLengthWithAReason() throws {
        // Received Mon 7 Dec 2026: respond within 10 working days, Mon 21 Dec; extended by 30
        // calendar days to Wed 20 Jan 2027.
        let state = try replayTracked([
            CaseEvent(.received, on: date("2026-12-07"), stage: "1"),
            CaseEvent(.extended, on: date("2026-12-18"), clock: "respond", extensionBy: Duration(30, .days), reason: "anticipated date given"),
        ])
        #expect(state.clock("respond")?.due.description == "2026-12-21")
        #expect(state.clock("respond")?.dueNow.description == "2027-01-20")
    }
}
