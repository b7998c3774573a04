import RedressCalendar
import Testing
@testable import RedressCore

/// What a stage may do besides answer and escalate: refer a complaint back to an earlier stage
/// (WDH, shared/seeds/002: "they may refer the complaint back to Stage 1, for a review of the
/// decision. The customer will be notified of this and a response timescale will be agreed with
/// them"), decline a request to escalate on the policy's grounds (WDH 2.15), close with a named
/// outcome (Halton: "refer the customer to the Housing Ombudsman Service using a 'fast track'
/// mechanism"), and give notice of a meeting (Halton: "at least 10 working days notice").
/// Expected dates are counted by hand on GOV.UK's England and Wales bank holidays (2026: summer
/// 31 August; 2027: Good Friday 26 March, Easter Monday 29 March).
@Suite struct LifecycleReferralTests {
    /// WDH's timescales: stage 1 answered within 10 working days, escalation asked for within 10
    /// working days of the decision letter (late only with exceptional circumstances); stage 2
    /// acknowledged within 5 and answered within 20 working days of the request; stage 2 refers
    /// back and declines on the 2.15 grounds. Halton's review notifies its meeting within 10
    /// working days with 10 working days' notice.
    static let pack: PolicyPack = {
        var pack = try! PolicyPack(
            name: "referrals", title: nil, region: .englandAndWales, closures: [], acceptanceWindow: nil,
            stages: [
                StageRule(name: "1", clocks: [
                    ClockRule(name: "acknowledge", duration: Duration(5, .workingDays), anchor: .received),
                    ClockRule(name: "respond", duration: Duration(10, .workingDays), anchor: .acknowledged),
                    ClockRule(name: "escalation_window", duration: Duration(10, .workingDays), anchor: .decisionSent, late: .needsReason),
                ]),
                StageRule(name: "2", clocks: [
                    ClockRule(name: "acknowledge", duration: Duration(5, .workingDays), anchor: .escalated),
                    ClockRule(name: "respond", duration: Duration(20, .workingDays), anchor: .escalated),
                    ClockRule(name: "escalation_window", duration: Duration(28, .days), anchor: .decisionSent),
                ], referBack: ReferBackRule(to: "1"),
                   decline: DeclineRule(grounds: ["resolved": "upheld at Stage 1 with a proportionate resolution",
                                                  "unacceptable_behaviour": "behaviour deemed unacceptable"])),
                StageRule(name: "review", clocks: [
                    ClockRule(name: "notify", duration: Duration(10, .workingDays), anchor: .escalated, notice: Duration(10, .workingDays)),
                ]),
            ], hash: "test")
        pack.closings = [ClosingOutcome(name: "ombudsman_fast_track")]
        return pack
    }()

    func date(_ text: String) -> LocalDate { TestData.date(text) }
    func replay(_ events: [CaseEvent], pack: PolicyPack = Self.pack) throws -> CaseState {
        try CaseState.replay(events, pack: pack, calendar: TestData.calendars[.englandAndWales]!)
    }

    /// Stage 1 answered Fri 31 Jul 2026, escalation asked for Mon 10 Aug.
    var escalated: [CaseEvent] {
        [CaseEvent(.received, on: date("2026-07-20"), stage: "1"), CaseEvent(.acknowledged, on: date("2026-07-21")),
         CaseEvent(.responded, on: date("2026-07-31")), CaseEvent(.escalated, on: date("2026-08-10"))]
    }

    func refused(_ events: [CaseEvent], _ message: String, pack: PolicyPack = Self.pack,
                 sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try CaseState.replay(events, pack: pack, calendar: TestData.calendars[.englandAndWales]!)
            Issue.record("expected the refusal: \(message)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.message == message, sourceLocation: sourceLocation)
        }
    }

    @Test func aReferralBackReentersStageOneWithTheAgreedDate() throws {
        // Referred Fri 14 Aug with a response agreed for Fri 4 Sep. The referral answers the
        // request: stage 2's acknowledgement (due Mon 17 Aug) and response (20 working days from
        // 10 Aug, past the 31 Aug holiday: Tue 8 Sep) are met on 14 Aug.
        let state = try replay(escalated + [CaseEvent(.referredBack, on: date("2026-08-14"), appointed: date("2026-09-04"))])
        #expect(state.stage == "1")
        #expect(state.round(of: "1") == 2)
        #expect(state.referred)
        let respond = try #require(state.clock("respond"))
        #expect(respond.round == 2)
        #expect(respond.due == date("2026-09-04"))
        #expect(respond.anchorDate == date("2026-08-14"))
        #expect(respond.met == nil)
        #expect(state.clock("acknowledge", stage: "2")?.due == date("2026-08-17"))
        #expect(state.clock("acknowledge", stage: "2")?.met == date("2026-08-14"))
        #expect(state.clock("respond", stage: "2")?.due == date("2026-09-08"))
        #expect(state.clock("respond", stage: "2")?.metLate == false)
        // Round 1 stays as it was: the first answer on 31 Jul.
        #expect(state.clocks.filter { $0.stage == "1" && $0.name == "respond" }.map(\.met) == [date("2026-07-31"), nil])
        // No acknowledgement clock starts for the review: the referral told the customer.
        #expect(state.clock("acknowledge") == nil)
    }

    @Test func theReviewIsAnsweredAndMayBeEscalatedAgain() throws {
        // Review answered Thu 3 Sep: its window is 10 working days, to Thu 17 Sep. Escalated again
        // Mon 7 Sep: stage 2's second round is acknowledged by Mon 14 Sep.
        let state = try replay(escalated + [
            CaseEvent(.referredBack, on: date("2026-08-14"), appointed: date("2026-09-04")),
            CaseEvent(.responded, on: date("2026-09-03")),
            CaseEvent(.escalated, on: date("2026-09-07")),
        ])
        #expect(state.stage == "2")
        #expect(state.round(of: "2") == 2)
        #expect(!state.referred)
        #expect(state.clock("respond", stage: "1")?.met == date("2026-09-03"))
        #expect(state.clock("escalation_window", stage: "1")?.due == date("2026-09-17"))
        #expect(state.clock("escalation_window", stage: "1")?.met == date("2026-09-07"))
        #expect(state.clock("acknowledge")?.due == date("2026-09-14"))
        #expect(state.clock("acknowledge")?.round == 2)
        // Stage 1: acknowledge, respond, window; stage 2: acknowledge, respond; stage 1 again: the
        // agreed respond and a window; stage 2 again: acknowledge, respond.
        #expect(state.clocks.count == 9)
    }

    @Test func theAgreedDateMovesOnlyWithTheCustomersAgreement() throws {
        let referred = escalated + [CaseEvent(.referredBack, on: date("2026-08-14"), appointed: date("2026-09-04"))]
        refused(referred + [CaseEvent(.extended, on: date("2026-09-01"), clock: "respond", extensionBy: Duration(7, .days), reason: "contractor")],
                "clock respond may be moved only with the customer's agreement (agreed = true)")
        refused(referred + [CaseEvent(.extended, on: date("2026-09-01"), clock: "respond", extensionBy: Duration(5, .workingDays),
                                      agreed: true, reason: "contractor")],
                "clock respond extends in days, not working days")
        let moved = try replay(referred + [CaseEvent(.extended, on: date("2026-09-01"), clock: "respond", extensionBy: Duration(7, .days),
                                                     agreed: true, reason: "contractor")])
        #expect(moved.clock("respond")?.dueNow == date("2026-09-11"))
    }

    @Test func aReferralIsRefusedWhereThePackDoesNotAllowItOrTheDateIsMissing() {
        refused([CaseEvent(.received, on: date("2026-07-20"), stage: "1"),
                 CaseEvent(.referredBack, on: date("2026-07-22"), appointed: date("2026-08-01"))],
                "the pack does not let stage 1 refer a complaint back (no refer_back on the stage)")
        refused(escalated + [CaseEvent(.referredBack, on: date("2026-08-14"))], "respond_by: give the response date agreed with the customer")
        refused(escalated + [CaseEvent(.referredBack, on: date("2026-08-14"), appointed: date("2026-08-13"))],
                "respond_by: the agreed response date 2026-08-13 is before the referral")
        refused(escalated + [CaseEvent(.responded, on: date("2026-08-20")),
                             CaseEvent(.referredBack, on: date("2026-08-21"), appointed: date("2026-09-04"))],
                "stage 2 has already been answered, so it can no longer refer the complaint back")
    }

    @Test func aDeclinedEscalationMeetsTheWindowAndClosesTheCase() throws {
        // Decision Fri 31 Jul: the window runs 10 working days, to Fri 14 Aug.
        let answered = Array(escalated.prefix(3))
        let state = try replay(answered + [CaseEvent(.escalationDeclined, on: date("2026-08-05"), reason: "threats",
                                                     outcome: "unacceptable_behaviour")])
        #expect(state.status == .closed)
        #expect(state.stage == "1")
        #expect(state.clock("escalation_window")?.due == date("2026-08-14"))
        #expect(state.clock("escalation_window")?.met == date("2026-08-05"))
        refused(answered + [CaseEvent(.escalationDeclined, on: date("2026-08-05"))],
                "give the ground for declining (ground =: one of resolved, unacceptable_behaviour)")
        refused(answered + [CaseEvent(.escalationDeclined, on: date("2026-08-05"), outcome: "rude")],
                "ground: unknown ground 'rude' (stage 2's grounds: resolved, unacceptable_behaviour)")
        refused(Array(escalated.prefix(2)) + [CaseEvent(.escalationDeclined, on: date("2026-08-05"), outcome: "resolved")],
                "stage 1 has not been answered yet, so there is no request to escalate to decline")
        // A late request is declined only with the reason the window asks for.
        refused(answered + [CaseEvent(.escalationDeclined, on: date("2026-08-17"), outcome: "resolved")],
                "late: clock escalation_window of stage 1 (10 working days from decision sent 2026-07-31) ended on 2026-08-14; give the reason it is accepted late (reason =)")
        // Stage 2 is followed by a review that gives no grounds to decline.
        refused(escalated + [CaseEvent(.responded, on: date("2026-08-20")),
                             CaseEvent(.escalationDeclined, on: date("2026-08-24"), outcome: "resolved")],
                "the pack gives no grounds for declining a request to escalate to stage review")
        refused(answered + [CaseEvent(.closed, on: date("2026-08-03")), CaseEvent(.escalationDeclined, on: date("2026-08-05"), outcome: "resolved")],
                "the case is closed")
    }

    @Test func aClosingOutcomeIsOneThePackNames() throws {
        let received = CaseEvent(.received, on: date("2027-03-01"), stage: "1")
        let state = try replay([received, CaseEvent(.closed, on: date("2027-03-15"), reason: "exhausted", outcome: "ombudsman_fast_track")])
        #expect(state.status == .closed)
        refused([received, CaseEvent(.closed, on: date("2027-03-15"), outcome: "ombudsman")],
                "outcome: unknown outcome 'ombudsman' (the pack's closing outcomes: ombudsman_fast_track)")
        refused([received, CaseEvent(.closed, on: date("2027-03-15"), outcome: "ombudsman_fast_track")],
                "outcome: the pack names no closing outcomes, so 'ombudsman_fast_track' is unknown", pack: LifecycleTests.code)
        #expect(try replay([received, CaseEvent(.closed, on: date("2027-03-15"))]).status == .closed)
    }

    /// To the review stage, asked for Mon 22 Mar 2027; notification due Wed 7 Apr (past Easter).
    var inReview: [CaseEvent] {
        escalated + [CaseEvent(.responded, on: date("2026-08-20")), CaseEvent(.escalated, on: date("2027-03-22"), reason: "late, but allowed")]
    }

    @Test func aNoticeGivesAtLeastItsWorkingDays() throws {
        // Notified Thu 25 Mar 2027: ten working days past Easter end on Mon 12 Apr.
        #expect(try replay(inReview).clock("notify")?.due == date("2027-04-07"))
        refused(inReview + [CaseEvent(.met, on: date("2027-03-25"), clock: "notify", appointed: date("2027-04-09"))],
                "date: 2027-04-09 gives less than 10 working days' notice from 2027-03-25; clock notify needs a date on or after 2027-04-12")
        let state = try replay(inReview + [CaseEvent(.met, on: date("2027-03-25"), clock: "notify", appointed: date("2027-04-12"))])
        #expect(state.clock("notify")?.met == date("2027-03-25"))
        refused(inReview + [CaseEvent(.met, on: date("2027-03-25"), clock: "notify")],
                "clock notify gives 10 working days' notice of a date: give the date (date =), or the reason no date is given (reason =)")
        #expect(try replay(inReview + [CaseEvent(.met, on: date("2027-03-25"), clock: "notify", reason: "no meeting: the customer asked for a written review")])
                    .clock("notify")?.met == date("2027-03-25"))
        refused(inReview + [CaseEvent(.contact, on: date("2027-03-25"), clock: "notify")],
                "clock notify gives notice of a date: record it with c:meet{ clock = \"notify\", date = }")
    }

    @Test func aDateIsRefusedForAClockThatGivesNoNotice() {
        let pack = HaltonLike.pack
        refused([CaseEvent(.received, on: date("2026-12-21"), stage: "1"),
                 CaseEvent(.met, on: date("2026-12-22"), clock: "meeting", appointed: date("2027-01-05"))],
                "clock meeting gives no notice of a date, so it takes no date (date =)", pack: pack)
    }

    enum HaltonLike {
        static let pack = try! PolicyPack(name: "halton-like", title: nil, region: .englandAndWales, closures: [], acceptanceWindow: nil,
                                          stages: [StageRule(name: "1", clocks: [
                                              ClockRule(name: "meeting", duration: Duration(3, .workingDays), anchor: .received),
                                          ])], hash: "test")
    }

    @Test func aPackReferringBackToALaterOrUnknownStageIsRefused() {
        #expect(throws: PolicyError(field: "stages[1].refer_back.to",
                                    message: "'2' is not a stage before stage 1 (a complaint is referred back to an earlier stage)")) {
            try PolicyPack(name: "x", title: nil, region: .englandAndWales, closures: [], acceptanceWindow: nil,
                           stages: [StageRule(name: "1", clocks: [], referBack: ReferBackRule(to: "2")), StageRule(name: "2", clocks: [])],
                           hash: "test")
        }
        #expect(throws: PolicyError(field: "stages[1].decline",
                                    message: "the first stage is not entered by a request to escalate, so none can be declined")) {
            try PolicyPack(name: "x", title: nil, region: .englandAndWales, closures: [], acceptanceWindow: nil,
                           stages: [StageRule(name: "1", clocks: [], decline: DeclineRule(grounds: ["a": "b"]))], hash: "test")
        }
    }
}
