import RedressCalendar
import Testing
@testable import RedressCore

/// Which clocks wait for the event they run from, and what limits the wait, against the seed
/// policies' timescales (shared/seeds/) and GOV.UK's bank holidays.
@Suite struct WaitingTests {
    /// WDH's stage 1 (seeds/002, "Customer Relations team"): "log and acknowledge the complaint and
    /// allocate it to an appropriate officer, within five working days"; the officer contacts the
    /// customer "within three working days" of receiving it; a response "within 10 working days
    /// from the complaint being logged"; an escalation "within 10 working days from the date of
    /// the Stage 1 decision letter".
    static let wdhStageOne: StageRule = {
        var stage = StageRule(name: "1", clocks: [
            ClockRule(name: "acknowledge", duration: Duration(5, .workingDays), anchor: .received),
            ClockRule(name: "allocate", duration: Duration(5, .workingDays), anchor: .received),
            ClockRule(name: "contact", duration: Duration(3, .workingDays), anchor: .logged),
            ClockRule(name: "respond", duration: Duration(10, .workingDays), anchor: .logged),
            ClockRule(name: "escalation_window", duration: Duration(10, .workingDays), anchor: .decisionSent, late: .needsReason),
        ])
        stage.anchorLimits = [AnchorLimit(anchor: .logged, duration: Duration(5, .workingDays), from: .received,
                                          clause: "Customer Relations team")]
        return stage
    }()

    /// WDH's stage 2: acknowledged "within five working days from receipt" of the request,
    /// answered "within 20 working days from the complaint being logged"; it may refer back to stage 1.
    static let wdhStageTwo = StageRule(name: "2", clocks: [
        ClockRule(name: "acknowledge", duration: Duration(5, .workingDays), anchor: .escalated),
        ClockRule(name: "respond", duration: Duration(20, .workingDays), anchor: .logged),
    ], referBack: ReferBackRule(to: "1"))

    static let wdh = try! PolicyPack(name: "wdh", title: nil, region: .englandAndWales, closures: [], acceptanceWindow: nil,
                                     stages: [wdhStageOne, wdhStageTwo], hash: "test")

    let england = TestData.calendars[.englandAndWales]!
    func date(_ text: String) -> LocalDate { TestData.date(text) }

    /// The clocks of the current stage round that have started, and how the round began, from a replay.
    func waiting(_ events: [CaseEvent], began: [Anchor], entered: String) throws -> [WaitingClock] {
        let state = try CaseState.replay(events, pack: Self.wdh, calendar: england)
        let stage = try #require(state.stage)
        let started = Set(state.clocks.filter { $0.stage == stage && $0.round == state.round(of: stage) }.map(\.rule.name))
        return try #require(Self.wdh.stage(stage)).waiting(started: started, entered: date(entered), began: began, calendar: england)
    }

    @Test func aComplaintAcknowledgedButNotLoggedWaitsForTheLoggingWhichIsOwedInFiveWorkingDays() throws {
        // Received Tuesday 22 December 2026: the five working days to log it are 23 and 24
        // December, then (Christmas Day on Friday, Boxing Day on Saturday, its substitute Monday
        // 28 December) 29, 30 and 31 December.
        let list = try waiting([CaseEvent(.received, on: date("2026-12-22"), stage: "1"), CaseEvent(.acknowledged, on: date("2026-12-23"))],
                               began: [.received], entered: "2026-12-22")
        let limit = Self.wdhStageOne.anchorLimits[0]
        #expect(list == [
            WaitingClock(clock: "contact", anchor: .logged, since: date("2026-12-22"), limit: .declared(limit, due: date("2026-12-31"))),
            WaitingClock(clock: "escalation_window", anchor: .decisionSent, since: date("2026-12-22"), limit: .clock("respond")),
            WaitingClock(clock: "respond", anchor: .logged, since: date("2026-12-22"), limit: .declared(limit, due: date("2026-12-31"))),
        ])
        #expect(limit.rule == "5 working days from received")
    }

    @Test func onceLoggedOnlyTheDecisionIsAwaitedAndItsRespondClockOwesIt() throws {
        let list = try waiting([CaseEvent(.received, on: date("2026-11-02"), stage: "1"), CaseEvent(.logged, on: date("2026-11-04"))],
                               began: [.received], entered: "2026-11-02")
        #expect(list.map(\.clock) == ["escalation_window"])
        #expect(list.first?.limit == .clock("respond"))
        // Answered: nothing waits.
        let answered = try waiting([CaseEvent(.received, on: date("2026-11-02"), stage: "1"), CaseEvent(.logged, on: date("2026-11-04")),
                                    CaseEvent(.acknowledged, on: date("2026-11-04")), CaseEvent(.responded, on: date("2026-11-18"))],
                                   began: [.received], entered: "2026-11-02")
        #expect(answered.isEmpty)
    }

    @Test func stageTwoWaitsForItsLoggingWithNoLimitBecauseTheProcedureSetsNone() throws {
        let events = [CaseEvent(.received, on: date("2026-11-02"), stage: "1"), CaseEvent(.logged, on: date("2026-11-02")),
                      CaseEvent(.responded, on: date("2026-11-10")), CaseEvent(.escalated, on: date("2026-11-12"))]
        let list = try waiting(events, began: [.escalated, .received], entered: "2026-11-12")
        #expect(list == [WaitingClock(clock: "respond", anchor: .logged, since: date("2026-11-12"), limit: .none)])
    }

    @Test func aRoundEnteredByAReferralWaitsOnlyForItsDecision() throws {
        // The referral gives stage 1's second round its respond clock (the agreed date) and stands
        // for the logging: the contact clock does not wait for a second logging, and clocks from
        // `received` do not apply to the round.
        let events = [CaseEvent(.received, on: date("2026-07-20"), stage: "1"), CaseEvent(.logged, on: date("2026-07-20")),
                      CaseEvent(.acknowledged, on: date("2026-07-21")), CaseEvent(.responded, on: date("2026-07-31")),
                      CaseEvent(.escalated, on: date("2026-08-10")), CaseEvent(.referredBack, on: date("2026-08-14"), appointed: date("2026-09-04"))]
        let list = try waiting(events, began: [.referred], entered: "2026-08-14")
        #expect(list == [WaitingClock(clock: "escalation_window", anchor: .decisionSent, since: date("2026-08-14"), limit: .clock("respond"))])
        #expect(Self.wdhStageOne.awaitingClocks(referred: true).map(\.name) == ["escalation_window"])
    }

    @Test func aLimitFromAnEventTheRoundDidNotBeginWithSetsNoDateAndSaysSo() throws {
        var stage = StageRule(name: "2", clocks: [ClockRule(name: "respond", duration: Duration(20, .workingDays), anchor: .logged)])
        let limit = AnchorLimit(anchor: .logged, duration: Duration(5, .workingDays), from: .escalated)
        stage.anchorLimits = [limit]
        // A complaint triage placed straight into stage 2 began the round with `received` only.
        let list = try stage.waiting(started: [], entered: date("2026-11-02"), began: [.received], calendar: england)
        #expect(list.first?.limit == .notCounted(limit, began: [.received]))
        // Entered by an escalation on Monday 2 November 2026: owed five working days later, Monday 9 November.
        let escalated = try stage.waiting(started: [], entered: date("2026-11-02"), began: [.escalated, .received], calendar: england)
        #expect(escalated.first?.limit == .declared(limit, due: date("2026-11-09")))
    }

    @Test func willowTreesResponseWaitsForTheAcknowledgementItsOwnClockOwes() throws {
        // seeds/003: "Acknowledgement within 5 working days of receipt. Respond in full within 10
        // working days of acknowledgement."
        let stage = StageRule(name: "1", clocks: [
            ClockRule(name: "acknowledge", duration: Duration(5, .workingDays), anchor: .received),
            ClockRule(name: "respond", duration: Duration(10, .workingDays), anchor: .acknowledged),
        ])
        let list = try stage.waiting(started: ["acknowledge"], entered: date("2026-11-02"), began: [.received], calendar: england)
        #expect(list == [WaitingClock(clock: "respond", anchor: .acknowledged, since: date("2026-11-02"), limit: .clock("acknowledge"))])
    }

    @Test func haltonsReviewDecisionHasNoTimescaleSoItsEscalationWindowWaitsWithNoLimit() throws {
        // seeds/004 times the review meeting's notification (10 working days), not its decision.
        let review = StageRule(name: "review", clocks: [
            ClockRule(name: "notify", duration: Duration(10, .workingDays), anchor: .escalated),
            ClockRule(name: "escalation_window", duration: Duration(28, .days), anchor: .decisionSent, late: .refused),
        ])
        let list = try review.waiting(started: ["notify"], entered: date("2026-11-02"), began: [.escalated, .received], calendar: england)
        #expect(list == [WaitingClock(clock: "escalation_window", anchor: .decisionSent, since: date("2026-11-02"), limit: .none)])
    }

    @Test func theEventsThatStartARoundAreNeverAwaited() {
        #expect(Anchor.awaitable == [.logged, .acknowledged, .decisionSent])
        #expect(Anchor.acknowledged.meets == "acknowledge")
        #expect(Anchor.decisionSent.meets == "respond")
        #expect(Anchor.logged.meets == nil)
    }
}
