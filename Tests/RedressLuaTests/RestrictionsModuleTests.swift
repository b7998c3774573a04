import Testing
import RedressCore
@testable import RedressLua

/// `restrictions` through the real host, on a store bound to southern-charity (acknowledge-only,
/// one named employee, one channel; reviewed each year; one challenge).
@Suite struct RestrictionsModuleTests {
    @Test func aRestrictedCustomersContactsAreFlaggedAsThePackSays() throws {
        let fixture = try CasesModuleTests.Fixture(pack: "southern-charity", asOf: "2027-01-05")
        let result = try fixture.run("""
            local c = cases.intake{ received = "2026-12-01", channel = "email", dissatisfied = true,
                                    complainant = { name = "A Customer", email = "a@example.org" } }
            local r = restrictions.add{ party = c.complainant, kind = "single_channel", detail = "email",
                                        reasons = "daily calls", on = "2026-12-22" }
            c:log{ channel = "phone", direction = "in", summary = "Rang", at = "2026-12-23" }
            c:log{ channel = "email", direction = "in", summary = "Wrote", at = "2026-12-24" }
            local all = restrictions.of(c.complainant)
            return { r.kind, r.review_due, r.active, #all, restrictions.flags(c)[1], #restrictions.flags(c) }
            """)
        // Restricted Tuesday 22 December 2026: reviewed a year later, 22 December 2027.
        #expect(result == .array([.string("single_channel"), .date(try LocalDate(iso: "2027-12-22")), .boolean(true), .integer(1),
                                  .string("contact by phone; the customer is asked to use email only"), .integer(1)]))
    }

    @Test(arguments: [
        ("restrictions.add{ party = c.complainant, kind = 'banned', reasons = 'x', on = '2026-12-22' }",
         "test:2: restrictions.add: kind: unknown kind 'banned' (the pack's kinds: acknowledge_only, single_channel, single_contact)"),
        ("restrictions.add{ party = c.complainant, kind = 'single_contact', reasons = 'x', on = '2026-12-22' }",
         "test:2: restrictions.add: detail: a single_contact restriction names the named employee"),
        ("restrictions.add{ party = c.complainant, knd = 'single_contact' }", "test:2: restrictions.add: unknown field 'knd'"),
        ("restrictions.add{ party = 99, kind = 'acknowledge_only', reasons = 'x' }", "test:2: restrictions.add: party: no party with id 99"),
        ("restrictions.review{ id = 7, outcome = 'continue', reasons = 'x' }", "test:2: restrictions.review: id: no restriction with id 7"),
    ])
    func badCallsNameTheFieldAndChangeNothing(code: String, message: String) throws {
        let fixture = try CasesModuleTests.Fixture(pack: "southern-charity")
        try fixture.run("cases.intake{ received = '2026-12-01', channel = 'email', complainant = { name = 'A', email = 'a@example.org' } }")
        let before = try fixture.snapshot()
        let error = try fixture.failure("local c = cases.get('C-2026-000001')\n" + code)
        #expect(error.hasPrefix(message), "\(error)")
        #expect(try fixture.snapshot() == before)
    }

    @Test func aFlagHookReturningNonsenseIsNamed() throws {
        let folder = try TemporaryFolder()
        let pack = try folder.write("flag-pack.lua", """
            return { name = "flag-test", stages = { { name = "1" } },
                     restrictions = { kinds = { acknowledge_only = {} }, flag = function(r, contact) return 42 end } }
            """)
        let fixture = try CasesModuleTests.Fixture(pack: pack)
        let message = try fixture.failure("""
            local c = cases.intake{ received = '2026-12-01', channel = 'email', complainant = { name = 'A', email = 'a@example.org' } }
            restrictions.add{ party = c.complainant, kind = 'acknowledge_only', reasons = 'x', on = '2026-12-02' }
            c:log{ channel = 'phone', direction = 'in', summary = 'Rang', at = '2026-12-03' }
            """)
        #expect(message == "test:3: policy flag-test: restrictions.flag returned number; expected text (why the contact is flagged) or nil")
    }
}
