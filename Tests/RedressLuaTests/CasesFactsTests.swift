import Foundation
import RedressCalendar
import RedressCore
import Testing
@testable import RedressLua

/// `cases.intake{}` takes the standard fields and the facts the store's pack declares, each of
/// its type; anything else is refused before triage runs, naming the field, with the nearest
/// names and the pack's list, and nothing is written.
@Suite struct CasesFactsTests {
    typealias Fixture = CasesModuleTests.Fixture

    /// The issue's case: WDH's triage reads `asb` ("Complaints of nuisance or antisocial
    /// behaviour (ASB), are dealt with by our Antisocial Behaviour Policy"); `asb_report` was
    /// taken as a fact no triage read, and the complaint opened.
    @Test func aMisspelledFactIsRefusedNamingTheOneThePackReads() throws {
        let fixture = try Fixture(pack: "wdh")
        let before = try fixture.snapshot()
        let message = try fixture.failure("""
            cases.intake{ received = "2026-12-22", channel = "email", asb_report = true,
                          complainant = { name = "Ann Example", email = "ann@example.org" } }
            """)
        #expect(message.hasPrefix("test:1: cases.intake: asb_report: unknown field: pack wdh declares no fact 'asb_report' (did you mean asb?); "
                                  + "its facts: about_handling, asb, asked_for_complaint, consent, "))
        #expect(message.contains("; the standard fields: received, channel, category, summary, "))
        // Nothing written: not the case, not the complainant the intake would have added.
        #expect(try fixture.snapshot() == before)
        // Spelled as the pack reads it, the report is excluded under the ASB policy.
        let excluded = try fixture.run("""
            local c = cases.intake{ received = "2026-12-22", channel = "email", asb = true }
            return c.status .. " / " .. c.exclusion.clause
            """)
        #expect(excluded == .string("excluded / Exclusions"))
    }

    @Test(arguments: [
        ("wdh", "asb = 'yes'", "asb: expected true or false (yes or no in a CSV), got 'yes'"),
        ("wdh", "other_route = true", "other_route: expected text, got true"),
        ("wdh", "new_build_completed = '2026-02-30'", "new_build_completed: invalid date '2026-02-30': February 2026 has 28 days"),
        ("wdh", "new_build_completed = 20260301", "new_build_completed: expected a date (a date value or ISO text, YYYY-MM-DD), got 20260301"),
        ("halton", "via = 'MP'", "via: expected one of: mp, councillor, board_member, advocate, got 'MP'"),
        ("halton", "catgory = 'repairs'", "catgory: unknown field: pack halton declares no fact 'catgory' (did you mean category?)"),
        ("hos-code", "[1] = 'x'", "intake: a field is named by text, got 1"),
    ])
    func aFactOfTheWrongTypeIsRefusedNamingItAndTheValue(pack: String, field: String, message: String) throws {
        let fixture = try Fixture(pack: pack)
        let before = try fixture.snapshot()
        let refusal = try fixture.failure("cases.intake{ received = '2026-12-22', channel = 'email', \(field) }")
        #expect(refusal.hasPrefix("test:1: cases.intake: \(message)"), "\(refusal)")
        #expect(try fixture.snapshot() == before)
    }

    /// Of several bad fields, the first by name is refused, whatever order Lua keeps them in.
    @Test func theFirstBadFieldByNameIsRefused() throws {
        let fixture = try Fixture(pack: "wdh")
        for _ in 0..<3 {
            #expect(try fixture.failure("cases.intake{ received = '2026-12-22', channel = 'email', zz = 1, asb = 'x', mm = 2 }")
                .hasPrefix("test:1: cases.intake: asb: expected true or false"))
        }
    }

    /// A date fact given as ISO text, and a number fact given as text (a CSV cell), reach triage
    /// as a date and a number.
    @Test func dateAndNumberFactsReachTriageConverted() throws {
        let folder = try TemporaryFolder()
        let pack = try folder.write("typed.lua", """
            return { name = "typed", stages = { { name = "1" } },
                     facts = { completed = { type = "date", meaning = "when the home was completed" },
                               rooms = { type = "number", meaning = "rooms affected" } },
                     triage = function(intake)
                       local seen = tostring(getmetatable(intake.completed) ~= nil) .. " " .. tostring(math.type(intake.rooms))
                       return { exclude = seen, clause = "test" }
                     end }
            """)
        let fixture = try Fixture(pack: pack)
        #expect(try fixture.run("return cases.intake{ received = '2026-12-22', channel = 'email', completed = '2026-03-01', rooms = '3' }.exclusion.reason")
                == .string("true integer"))
        #expect(try fixture.run("return cases.intake{ received = '2026-12-22', channel = 'email', rooms = '2.5' }.exclusion.reason")
                == .string("false float"))
        #expect(try fixture.failure("cases.intake{ received = '2026-12-22', channel = 'email', rooms = 'three' }")
                == "test:1: cases.intake: rooms: expected a number, got 'three'")
        #expect(try fixture.failure("cases.intake{ received = '2026-12-22', channel = 'email', rooms = 'inf' }")
                == "test:1: cases.intake: rooms: expected a number, got 'inf'")
    }

    @Test func aPackThatDeclaresNoFactsTakesOnlyTheStandardFields() throws {
        let folder = try TemporaryFolder()
        let pack = try folder.write("bare.lua", "return { name = 'bare', stages = { { name = '1' } } }")
        let fixture = try Fixture(pack: pack)
        #expect(try fixture.run("return cases.intake{ received = '2026-12-22', channel = 'email', anonymous = true, tenure = 'lcra' }.status")
                == .string("open"))
        #expect(try fixture.failure("cases.intake{ received = '2026-12-22', channel = 'email', legal_proceedings = true }")
            .contains("legal_proceedings: unknown field: pack bare declares no fact 'legal_proceedings'; it declares no facts at all"))
    }

    /// The check that guards the store is Swift's, on what the intake primitive records: the
    /// same refusal, whatever the Lua half did before it.
    @Test func theHostChecksWhatTheIntakeRecords() throws {
        let wdh = try PolicyLoader.load(path: TestSupport.scripts + "/policies/wdh.lua", in: TestSupport.state())
        #expect(throws: InputError.self) { _ = try CasesModule.checked([.string("asb_report"): .boolean(true)], pack: wdh) }
        #expect(throws: InputError(field: "asb", message: "expected true or false (yes or no in a CSV), got 'yes'")) {
            _ = try CasesModule.checked([.string("asb"): .string("yes"), .string("received"): .string("anything")], pack: wdh)
        }
        let converted = try CasesModule.checked([.string("new_build_completed"): .string("2026-03-01"), .string("asb"): .boolean(true),
                                                 .string("channel"): .string("email")], pack: wdh)
        #expect(converted == [.string("new_build_completed"): .date(try LocalDate(iso: "2026-03-01"))])
    }
}
