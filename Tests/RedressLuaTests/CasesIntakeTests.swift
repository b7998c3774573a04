import Foundation
import GRDB
import RedressCalendar
import RedressCore
import Testing
@testable import RedressLua

/// `cases.intake` under the lifecycle's acceptance window, and the facts of intake kept with the
/// case (`c.intake_facts`, `c.intake_triage`, `c.intake_window`, `c:retriage()`), through the real
/// host and packs. Boundary dates are worked by hand from the packs' declarations: WDH's
/// Exclusions ("Complaints made six months after a problem occurred or the customer became aware
/// of it"; "We will comply with any instruction from the HOS to enter a complaint into our
/// Complaints Procedure").
@Suite struct CasesIntakeTests {
    typealias Fixture = CasesModuleTests.Fixture

    /// A pack declaring "complaints within 3 months", whose triage has lost its time bar.
    static let threeMonths = """
        return {
          name = "three",
          acceptance = { months = 3, clause = "Time limits",
                         exceptions = { ombudsman_instruction = { clause = "Time limits" } } },
          stages = { { name = "1", clocks = { acknowledge = { working_days = 5, from = "received" } } } },
          triage = function(intake) return { kind = "complaint", stage = "1" } end,
        }
        """

    @Test func aComplaintThreeMonthsAndADayAfterAwarenessIsExcludedWhateverTriageSays() throws {
        let folder = try TemporaryFolder()
        let fixture = try Fixture(pack: try folder.write("three.lua", Self.threeMonths))
        // Aware on 1 March 2026: 3 months on is 1 June, the last day; 2 June is a day late.
        let result = try fixture.run("""
            local late = cases.intake{ received = "2026-06-02", channel = "email", aware_date = "2026-03-01" }
            local last = cases.intake{ received = "2026-06-01", channel = "email", aware_date = "2026-03-01" }
            local told = cases.intake{ received = "2026-06-02", channel = "email", aware_date = "2026-03-01", ombudsman_instruction = true }
            return { late.status, late.exclusion.clause, late.intake_triage.kind, late.intake_window.result,
                     late.intake_window.last_day, late.aware_date, last.status, last.intake_window.result,
                     told.status, told.intake_window.result, told.intake_window.exception }
            """)
        #expect(result == .array([.string("excluded"), .string("Time limits"), .string("complaint"), .string("outside"),
                                  .date(try LocalDate(iso: "2026-06-01")), .date(try LocalDate(iso: "2026-03-01")),
                                  .string("open"), .string("within"),
                                  .string("open"), .string("excepted"), .string("ombudsman_instruction")]))
        #expect(try fixture.store.read { try String.fetchOne($0, sql: "SELECT exclusion_reason FROM cases WHERE ref = 'C-2026-000001'") }
            == "the complaint was made on 2026-06-02, after the last day the policy allows for it, 2026-06-01 (3 months from 2026-03-01, when you became aware of it)")
    }

    @Test func wdhEntersAnOldComplaintTheOmbudsmanInstructsItTo() throws {
        let fixture = try Fixture(pack: "wdh")
        // A problem on 5 January 2026: six months on is 5 July, so the last day was 4 July.
        let result = try fixture.run("""
            local told = cases.intake{ received = "2026-12-22", channel = "letter", event_date = "2026-01-05", ombudsman_instruction = true }
            local old = cases.intake{ received = "2026-12-22", channel = "letter", event_date = "2026-01-05", asked_for_complaint = true }
            return { told.status, told.kind, told.stage, told.intake_window.result, told.intake_window.last_day,
                     told.intake_window.exception_clause, old.status, old.exclusion.clause, old.intake_window.result }
            """)
        #expect(result == .array([.string("open"), .string("complaint"), .string("1"), .string("excepted"),
                                  .date(try LocalDate(iso: "2026-07-04")), .string("Exclusions"),
                                  .string("excluded"), .string("Exclusions"), .string("outside")]))
    }

    @Test func theFactsTriageWasGivenAreKeptWithoutTheComplainantsDetails() throws {
        let fixture = try Fixture(pack: "wdh")
        let result = try fixture.run("""
            local c = cases.intake{ received = "2026-12-22", channel = "email", summary = "Boiler", event_date = "2026-10-01",
                                    aware_date = date("2026-11-02"), asked_for_complaint = true, consent = false,
                                    complainant = { name = "Ann Example", email = "ann@example.org", role = "tenant" },
                                    complainant_phone = "07700 900123", household = { adults = 2, rooms = { "kitchen", "hall" } },
                                    damp = 0.5 }
            local f = c.intake_facts
            return { f.received, f.event_date, f.aware_date, f.summary, f.asked_for_complaint, f.consent, f.complainant,
                     f.complainant_phone == nil, f.household.adults, f.household.rooms[2], f.damp,
                     c.intake_triage.kind, c.intake_triage.stage, c.aware_date }
            """)
        #expect(result == .array([.date(try LocalDate(iso: "2026-12-22")), .date(try LocalDate(iso: "2026-10-01")),
                                  .date(try LocalDate(iso: "2026-11-02")), .string("Boiler"), .boolean(true), .boolean(false),
                                  .integer(1), .boolean(true), .integer(2), .string("hall"), .number(0.5),
                                  .string("complaint"), .string("1"), .date(try LocalDate(iso: "2026-11-02"))]))
        // The name and contact details are the party's, nowhere in the facts.
        let kept = try fixture.store.read { try String.fetchOne($0, sql: "SELECT facts FROM intake_facts") } ?? ""
        #expect(!kept.contains("Ann") && !kept.contains("ann@") && !kept.contains("07700"))
        // cases.find leaves the kept intake out; a single case's read has it.
        #expect(try fixture.run("return cases.find{}[1].intake_facts == nil and cases.get('C-2026-000001').intake_facts ~= nil") == .boolean(true))
    }

    @Test func triageIsReRunOnTheKeptFacts() throws {
        let fixture = try Fixture(pack: "wdh")
        let result = try fixture.run("""
            local a = cases.intake{ received = "2026-12-22", channel = "email", event_date = "2026-06-23", asked_for_complaint = true,
                                    complainant = { name = "A Neighbour", role = "member_of_public", email = "n@example.org" } }
            local b = cases.intake{ received = "2026-12-22", channel = "email", event_date = "2026-06-22", asked_for_complaint = true }
            local ra, rb = a:retriage(), b:retriage()
            return { ra.status, ra.kind, ra.stage, ra.window.result, rb.status, rb.exclusion.clause, rb.triage.exclude ~= nil,
                     #cases.find{} }
            """)
        // 23 June + six months is 23 December: 22 December is inside. From 22 June, it is not.
        #expect(result == .array([.string("open"), .string("complaint"), .string("1"), .string("within"),
                                  .string("excluded"), .string("Exclusions"), .boolean(true), .integer(2)]))
        // The complainant is given to triage as the party now reads (WDH reads its role).
        let excluded = try fixture.run("""
            local c = cases.intake{ received = "2026-12-22", channel = "email", previously_considered = true,
                                    complainant = { name = "B Neighbour", role = "member_of_public", email = "b@example.org" } }
            return c:retriage().exclusion.reason
            """)
        guard case .string(let reason) = excluded else { Issue.record("no reason: \(excluded)"); return }
        #expect(reason.hasSuffix("outside the remit of the Housing Ombudsman Service Scheme: you may wish to seek independent advice."))
    }

    @Test func aCaseWithoutKeptFactsCannotBeReTriaged() throws {
        let fixture = try Fixture(pack: "wdh")
        try fixture.run("cases.intake{ received = '2026-12-22', channel = 'email', asked_for_complaint = true }")
        // As a case recorded before Redress kept the facts of intake.
        try fixture.store.write { try $0.execute(sql: "DELETE FROM intake_facts") }
        #expect(try fixture.failure("cases.get('C-2026-000001'):retriage()")
            == "test:1: case:retriage: C-2026-000001: the facts of its intake were not kept (it was recorded before Redress kept them)")
    }

    @Test func factsThatCannotBeKeptAreRefusedAndNothingIsWritten() throws {
        let fixture = try Fixture(pack: "wdh")
        let before = try fixture.snapshot()
        let message = try fixture.failure("""
            cases.intake{ received = '2026-12-22', channel = 'email', asked_for_complaint = true, notes = string.rep('x', 1000001) }
            """)
        #expect(message.hasSuffix("cases.intake: intake: its facts take 1000082 bytes as JSON, more than the 1000000 a case keeps"))
        #expect(try fixture.failure("cases.intake{ received = '2026-12-22', channel = 'email', aware_date = '2026-12-23' }")
            == "test:1: cases.intake: aware_date: 2026-12-23 is after the date received (2026-12-22)")
        #expect(try fixture.snapshot() == before)
    }
}
