import Foundation
import GRDB
import Testing
import RedressCore
@testable import RedressLua

/// The case methods for what the landlords' policies add to the lifecycle, through the real
/// host and packs: c:accept_remedy and c:decline_remedy (WDH's Acceptance Form, eight weeks),
/// c:refer_back and c:decline_escalation (WDH's stage 2), c:meet{ date = } (Halton's notice of a
/// review meeting) and c:close{ outcome = } (Halton's fast track to the Ombudsman), and the case
/// fields they leave: `remedy`, `round`, `closure`.
@Suite struct CasesLifecycleTests {
    typealias Fixture = CasesModuleTests.Fixture

    /// A WDH complaint upheld on Wed 13 Jan 2027 with £90 for six days without heating.
    static let upheld = """
        local c = cases.intake{ received = "2026-12-22", channel = "email", asked_for_complaint = true }
        c:logged{ on = "2026-12-22" } c:acknowledge{ on = "2026-12-23" }
        c:respond{ on = "2027-01-13", outcome = "upheld", findings = { apology = "six days without heating", days_without_heating = 6 } }
        """

    @Test func anOfferIsAcceptedWithinItsEightWeeks() throws {
        let fixture = try Fixture(pack: "wdh", asOf: "2027-02-01")
        let result = try fixture.run(Self.upheld + """
            local before = { c.remedy.state, tostring(c.remedy.accept_by), c.remedy.pence, c.remedy.payment_route }
            c:accept_remedy{ on = "2027-03-10" }
            return { before[1], before[2], before[3], before[4], c.remedy.state, tostring(c.remedy.accepted),
                     cases.get(c.ref).remedy.state, c:history()[#c:history()].type }
            """)
        // "eight weeks to return the form": Wed 13 Jan 2027 + 8 weeks = Wed 10 Mar 2027.
        #expect(result == .array([.string("open"), .string("2027-03-10"), .integer(9000), .string("payment to the customer"),
                                  .string("accepted"), .string("2027-03-10"), .string("accepted"), .string("remedy_accepted")]))
        #expect(try fixture.store.read { try String.fetchOne($0, sql: "SELECT accepted FROM remedies") } == "2027-03-10")
    }

    @Test func anUnansweredOfferHasLapsedAfterItsDate() throws {
        let fixture = try Fixture(pack: "wdh", asOf: "2027-03-11")
        #expect(try fixture.run(Self.upheld + "return c.remedy.state") == .string("lapsed"))
    }

    @Test func remedyRefusalsNameTheFieldAndChangeNothing() throws {
        let fixture = try Fixture(pack: "wdh", asOf: "2027-03-11")
        try fixture.run(Self.upheld)
        let before = try fixture.snapshot()
        let c = "cases.get('C-2026-000001')"
        #expect(try fixture.failure("\(c):accept_remedy{ on = '2027-01-12' }")
                == "test:1: case:accept_remedy: C-2026-000001: on: 2027-01-12 is before the remedy offer was made (2027-01-13)")
        #expect(try fixture.failure("\(c):accept_remedy{ on = '2027-03-11' }")
                == "test:1: case:accept_remedy: C-2026-000001: reason: late: the offer of 2027-01-13 was to be accepted by 2027-03-10 (Putting things right); give the reason it is accepted late")
        #expect(try fixture.failure("\(c):accept_remedy{ when = '2027-03-11' }")
                == "test:1: case:accept_remedy: unknown field 'when' (expected: on, reason)")
        #expect(try fixture.failure("\(c):decline_remedy{ on = '2027-02-30' }")
                == "test:1: case:decline_remedy: C-2026-000001: on: invalid date '2027-02-30': February 2027 has 28 days")
        #expect(try fixture.failure("\(c).accept_remedy{ on = '2027-03-11' }")
                == "test:1: case:accept_remedy: call it on a case, with a colon: c:accept_remedy{...}")
        #expect(try fixture.snapshot() == before)
        // A refusal caught with pcall leaves the rest of the run intact.
        let result = try fixture.run("""
            local c = \(c)
            local ok, why = pcall(c.decline_remedy, c, { on = "2027-01-01" })
            c:decline_remedy{ on = "2027-03-11", reason = "will ask the Housing Ombudsman" }
            return { ok, c.remedy.state, select(2, pcall(c.accept_remedy, c, { on = "2027-03-12" })) }
            """)
        #expect(result == .array([.boolean(false), .string("declined"),
                                  .string("case:accept_remedy: C-2026-000001: the remedy offer of 2027-01-13 was already declined on 2027-03-11")]))
        #expect(try fixture.failure("cases.intake{ received = '2026-12-22', channel = 'email', asked_for_complaint = true }:accept_remedy{}")
                == "test:1: case:accept_remedy: C-2026-000002: case C-2026-000002 has no remedy offer to accept")
    }

    @Test func stageTwoRefersBackAndTheReviewIsEscalatedAgain() throws {
        let fixture = try Fixture(pack: "wdh", asOf: "2026-09-08")
        let result = try fixture.run("""
            local c = cases.intake{ received = "2026-07-20", channel = "email", asked_for_complaint = true }
            c:logged{ on = "2026-07-20" } c:acknowledge{ on = "2026-07-21" }
            c:respond{ on = "2026-07-31", outcome = "not_upheld" }
            c:escalate{ on = "2026-08-10" }
            c:refer_back{ on = "2026-08-14", respond_by = "2026-09-04", reason = "the survey report was missed" }
            local referred = { c.stage, c.round, tostring(c.due.respond), c.due.acknowledge == nil }
            c:respond{ on = "2026-09-03", outcome = "partly_upheld" }
            c:escalate{ on = "2026-09-07" }
            return { referred[1], referred[2], referred[3], referred[4], c.stage, c.round, tostring(c.due.acknowledge) }
            """)
        // Stage 2 again from Mon 7 Sep 2026: acknowledged within 5 working days, by Mon 14 Sep.
        #expect(result == .array([.string("1"), .integer(2), .string("2026-09-04"), .boolean(true),
                                  .string("2"), .integer(2), .string("2026-09-14")]))
        #expect(try fixture.failure("cases.get('C-2026-000001'):refer_back{ on = '2026-09-08', respond_by = 'soon' }")
                == "test:1: case:refer_back: C-2026-000001: respond_by: invalid date 'soon': expected YYYY-MM-DD")
    }

    @Test func aDeclinedEscalationClosesTheCaseWithItsGround() throws {
        let fixture = try Fixture(pack: "wdh", asOf: "2026-08-26")
        let result = try fixture.run("""
            local c = cases.intake{ received = "2026-08-10", channel = "letter", asked_for_complaint = true }
            c:logged{ on = "2026-08-10" } c:acknowledge{ on = "2026-08-11" }
            c:respond{ on = "2026-08-21", outcome = "not_upheld" }
            local ok, why = pcall(c.decline_escalation, c, { on = "2026-08-26", ground = "vexatious" })
            c:decline_escalation{ on = "2026-08-26", ground = "unacceptable_behaviour", reason = "threats to the officer" }
            return { why, c.status, c.closure.by, c.closure.outcome, c.closure.reason, tostring(c.closure.on) }
            """)
        #expect(result == .array([
            .string("case:decline_escalation: C-2026-000001: cannot record escalation_declined on 2026-08-26: ground: unknown ground 'vexatious' (stage 2's grounds: disproportionate, excluded, resolved, unacceptable_behaviour)"),
            .string("closed"), .string("escalation_declined"), .string("unacceptable_behaviour"), .string("threats to the officer"),
            .string("2026-08-26"),
        ]))
    }

    @Test func haltonsReviewMeetingNoticeAndFastTrack() throws {
        let fixture = try Fixture(pack: "halton", asOf: "2027-01-20")
        try fixture.run("""
            local c = cases.intake{ received = "2026-12-07", channel = "letter", dissatisfied = true }
            c:respond{ on = "2026-12-18", outcome = "not_upheld" }
            c:escalate{ on = "2027-01-15" }
            """)
        let before = try fixture.snapshot()
        // Notified Wed 20 Jan 2027: ten working days' notice runs to Wed 3 Feb.
        #expect(try fixture.failure("cases.get('C-2026-000001'):meet{ clock = 'notify', on = '2027-01-20', date = '2027-02-02' }")
                == "test:1: case:meet: C-2026-000001: cannot record met on 2027-01-20: date: 2027-02-02 gives less than 10 working days' notice from 2027-01-20; clock notify needs a date on or after 2027-02-03")
        #expect(try fixture.failure("cases.get('C-2026-000001'):close{ on = '2027-01-20', outcome = 'fast_track' }")
                == "test:1: case:close: C-2026-000001: cannot record closed on 2027-01-20: outcome: unknown outcome 'fast_track' (the pack's closing outcomes: ombudsman_fast_track)")
        #expect(try fixture.snapshot() == before)
        let result = try fixture.run("""
            local c = cases.get('C-2026-000001')
            c:meet{ clock = 'notify', on = '2027-01-20', date = '2027-02-03' }
            c:close{ on = '2027-01-21', outcome = 'ombudsman_fast_track', reason = 'nothing more the Trust can do' }
            return { c.status, c.closure.by, c.closure.outcome }
            """)
        #expect(result == .array([.string("closed"), .string("closed"), .string("ombudsman_fast_track")]))
        #expect(try fixture.store.read { try String.fetchOne($0, sql: "SELECT json_extract(data, '$.appointed') FROM events WHERE type = 'met'") }
                == "2027-02-03")
    }
}
