import RedressCalendar
import RedressCore
import Testing
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
        ("restrictions.review_due{ id = 'x' }", "test:2: restrictions.review_due: id: expected a whole number, got 'x'"),
        ("restrictions.review_due{ id = 7 }", "test:2: restrictions.review_due: id: no restriction with id 7"),
        ("restrictions.add{ party = c.complainant, kind = 'acknowledge_only', reasons = 'x', on = '2026-12-22' }\nrestrictions.review_due{ id = 1, on = '2027-02-30' }",
         "test:3: restrictions.review_due: on: invalid date '2027-02-30': February 2027 has 28 days"),
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

    /// What a review weighs: the contacts since the restriction began, the flagged ones among
    /// them, and the complainant's new cases; counted from after the day it began.
    @Test func aReviewWeighsTheContactSinceTheRestrictionBegan() throws {
        let fixture = try CasesModuleTests.Fixture(pack: "southern-charity", asOf: "2027-12-22")
        let result = try fixture.run("""
            local c = cases.intake{ received = "2026-12-01", channel = "email", dissatisfied = true,
                                    complainant = { name = "A Customer", email = "a@example.org" } }
            local r = restrictions.add{ party = c.complainant, kind = "single_channel", detail = "email",
                                        reasons = "daily calls", on = "2026-12-22" }
            c:log{ channel = "phone", direction = "in", summary = "Rang on the day", at = "2026-12-22" }
            c:log{ channel = "phone", direction = "in", summary = "Rang", at = "2027-02-01" }
            c:log{ channel = "email", direction = "in", summary = "Wrote", at = "2027-03-01" }
            c:log{ channel = "phone", direction = "out", summary = "Called back", at = "2027-03-02" }
            cases.intake{ received = "2027-06-01", channel = "email", complainant = c.complainant }
            local a = restrictions.activity(r.id, "2027-12-22")
            return { tostring(a.since), a.contacts, a.flagged, tostring(a.last_flagged), a.new_cases, a.reviews,
                     #restrictions.due("2027-12-21"), #restrictions.due("2027-12-22") }
            """)
        #expect(result == .array([.string("2026-12-22"), .integer(2), .integer(1), .string("2027-02-01"), .integer(1), .integer(0),
                                  .integer(0), .integer(1)]))
    }

    @Test(arguments: [
        ("return 'lift'", "test:3: policy decide-test: restrictions.review.decide returned string; expected { outcome =, reasons = } or nil"),
        ("return { outcome = 'end', reasons = 'x' }", "test:3: policy decide-test: restrictions.review.decide: outcome: expected continue, vary or lift, got end"),
        ("return { outcome = 'lift' }", "test:3: policy decide-test: restrictions.review.decide: reasons: a review outcome gives its reasons (text), got nil"),
        ("return { outcome = 'vary', reasons = 'x' }", "test:3: policy decide-test: restrictions.review.decide: detail: a varied restriction names what it now is, got nil"),
        ("return { outcome = 'lift', reasons = 'x', why = 'y' }", "test:3: policy decide-test: restrictions.review.decide returned an unknown field 'why' (expected outcome, reasons, detail)"),
    ])
    func aReviewHookReturningNonsenseIsNamedAndRecordsNothing(body: String, message: String) throws {
        let folder = try TemporaryFolder()
        let pack = try folder.write("decide-pack.lua", """
            return { name = "decide-test", stages = { { name = "1" } },
                     restrictions = { kinds = { acknowledge_only = {} },
                                      review = { months = 12, decide = function(r, activity) \(body) end } } }
            """)
        let fixture = try CasesModuleTests.Fixture(pack: pack, asOf: "2027-12-02")
        try fixture.run("""
            local c = cases.intake{ received = '2026-12-01', channel = 'email', complainant = { name = 'A', email = 'a@example.org' } }
            restrictions.add{ party = c.complainant, kind = 'acknowledge_only', reasons = 'x', on = '2026-12-02' }
            """)
        let before = try fixture.snapshot()
        let error = try fixture.failure("local r = restrictions.due()[1]\nlocal _ = 0\nrestrictions.review_due{ id = r.id }")
        #expect(error.hasPrefix(message), "\(error)")
        #expect(try fixture.snapshot() == before)
    }

    /// A new complaint from a restricted customer is a contact from them too: southern-charity asks
    /// them to "only contact us using a channel of our choice", so one made by phone is flagged.
    @Test func aNewComplaintFromARestrictedCustomerIsFlaggedAsThePackSays() throws {
        let fixture = try CasesModuleTests.Fixture(pack: "southern-charity", asOf: "2027-01-05")
        let result = try fixture.run("""
            local c = cases.intake{ received = "2026-12-01", channel = "email", dissatisfied = true,
                                    complainant = { name = "A Customer", email = "a@example.org" } }
            restrictions.add{ party = c.complainant, kind = "single_channel", detail = "email", reasons = "daily calls", on = "2026-12-22" }
            local by_phone = cases.intake{ received = "2027-01-04", channel = "phone", dissatisfied = true,
                                           complainant_email = "a@example.org", summary = "The fence again" }
            local by_email = cases.intake{ received = "2027-01-05", channel = "email", dissatisfied = true,
                                           complainant_email = "a@example.org", summary = "The fence, in writing" }
            local other = cases.intake{ received = "2027-01-05", channel = "phone", dissatisfied = true,
                                        complainant = { name = "B Neighbour", email = "b@example.org" } }
            local intake = sql("SELECT json_extract(data, '$.intake') AS intake FROM events WHERE type = 'contact_flagged'")[1].intake
            return { by_phone.complainant == c.complainant, restrictions.flags(by_phone)[1], #restrictions.flags(by_email),
                     #restrictions.flags(other), intake }
            """)
        #expect(result == .array([.boolean(true), .string("contact by phone; the customer is asked to use email only"), .integer(0),
                                  .integer(0), .string("1")]))
    }
}
