import Foundation
import GRDB
import Testing
@testable import RedressCore

/// Restrictions against the seed policies' rules: southern-charity's kinds (acknowledge-only,
/// one named employee, one channel), reviewed each year, one challenge reviewed by the Head of
/// Customer Feedback; WDH's warning before a restriction.
@Suite struct CaseStoreRestrictionsTests {
    let calendar = TestData.calendars[.englandAndWales]!
    let recorder = Recorder(actor: "tester", script: "CaseStoreRestrictionsTests")
    let charity = try! RestrictionRules(
        kinds: [RestrictionRules.Kind(name: "acknowledge_only"), RestrictionRules.Kind(name: "single_contact", detail: "the named employee"),
                RestrictionRules.Kind(name: "single_channel", detail: "the channel of our choice")],
        review: Duration(12, .months), challenges: 1, challengeReviewer: "Head of Customer Feedback")
    let wdh = try! RestrictionRules(kinds: [RestrictionRules.Kind(name: "communications", detail: "the channel")], warningFirst: true)

    func withParty(_ body: (Database, Int64) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("redress-restrictions-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try CaseStore(path: path)
        try store.write { db in
            try body(db, CaseStore.add(NewParty(name: "A Customer"), by: recorder, in: db))
        }
    }

    func refusal(_ body: () throws -> Void) -> String {
        do {
            try body()
        } catch {
            return "\(error)"
        }
        return "accepted"
    }

    @Test func aRestrictionIsReviewedAYearAfterItStarts() throws {
        try withParty { db, party in
            let id = try CaseStore.restrict(party: party, kind: "single_channel", detail: "email", reasons: "daily calls",
                                            on: TestData.date("2026-12-22"), rules: charity, calendar: calendar, by: recorder, in: db)
            #expect(try CaseStore.restriction(id, in: db)?.reviewDue == "2027-12-22")
            try CaseStore.reviewRestriction(id, on: TestData.date("2027-12-20"), outcome: "continue", reasons: "calls continue",
                                            reviewer: "Resolution team", detail: nil, rules: charity, calendar: calendar, by: recorder, in: db)
            #expect(try CaseStore.restriction(id, in: db)?.reviewDue == "2028-12-20")
            try CaseStore.reviewRestriction(id, on: TestData.date("2028-12-18"), outcome: "lift", reasons: "no calls in a year",
                                            reviewer: "Resolution team", detail: nil, rules: charity, calendar: calendar, by: recorder, in: db)
            let lifted = try #require(try CaseStore.restriction(id, in: db))
            #expect(lifted.lifted == "2028-12-18")
            #expect(lifted.isActive(on: TestData.date("2028-12-17")))
            #expect(!lifted.isActive(on: TestData.date("2028-12-18")))
            #expect(try String.fetchAll(db, sql: "SELECT type FROM events WHERE party_id = ? ORDER BY id", arguments: [party])
                == ["party_added", "restricted", "restriction_reviewed", "restriction_reviewed"])
        }
    }

    @Test func oneChallengeReviewedByTheHeadOfCustomerFeedback() throws {
        try withParty { db, party in
            let id = try CaseStore.restrict(party: party, kind: "acknowledge_only", detail: nil, reasons: "repeated letters",
                                            on: TestData.date("2026-12-22"), rules: charity, calendar: calendar, by: recorder, in: db)
            let refused1 = refusal {
                try CaseStore.challengeRestriction(id, on: TestData.date("2027-01-11"), outcome: "lift", reasons: "x", reviewer: "Director",
                                                   rules: charity, calendar: calendar, by: recorder, in: db)
            }
            #expect(refused1 == "reviewer: a challenge is reviewed by the Head of Customer Feedback, not 'Director'")
            try CaseStore.challengeRestriction(id, on: TestData.date("2027-01-11"), outcome: "continue", reasons: "proportionate",
                                               reviewer: nil, rules: charity, calendar: calendar, by: recorder, in: db)
            #expect(try String.fetchOne(db, sql: "SELECT reviewer FROM restriction_reviews") == "Head of Customer Feedback")
            let refused2 = refusal {
                try CaseStore.challengeRestriction(id, on: TestData.date("2027-02-01"), outcome: "lift", reasons: "again", reviewer: nil,
                                                   rules: charity, calendar: calendar, by: recorder, in: db)
            }
            #expect(refused2 == "id: restriction \(id) was already challenged on 2027-01-11: the policy allows one challenge")
        }
    }

    @Test func aWarningComesFirstWhenThePolicySaysSo() throws {
        try withParty { db, party in
            let refused3 = refusal {
                _ = try CaseStore.restrict(party: party, kind: "communications", detail: "email", reasons: "abuse",
                                           on: TestData.date("2026-12-10"), rules: wdh, calendar: calendar, by: recorder, in: db)
            }
            #expect(refused3 == "party: party \(party) has not been warned: the policy gives a warning before restricting (restrictions.warn)")
            _ = try CaseStore.warn(party: party, on: TestData.date("2026-12-03"), reasons: "shouted at an officer", by: recorder, in: db)
            let id = try CaseStore.restrict(party: party, kind: "communications", detail: "email", reasons: "abuse continued",
                                            on: TestData.date("2026-12-10"), rules: wdh, calendar: calendar, by: recorder, in: db)
            #expect(try CaseStore.restrictions(ofParty: party, in: db).map(\.kind) == ["warning", "communications"])
            #expect(try CaseStore.restriction(id, in: db)?.reviewDue == nil)
            let refused4 = refusal {
                try CaseStore.challengeRestriction(id, on: TestData.date("2026-12-11"), outcome: "lift", reasons: "x", reviewer: nil,
                                                   rules: wdh, calendar: calendar, by: recorder, in: db)
            }
            #expect(refused4 == "id: the policy offers no challenge to a restriction")
        }
    }

    @Test(arguments: [
        ("single_channel", nil as String?, "daily calls", "detail: a single_channel restriction names the channel of our choice"),
        ("banned", nil, "daily calls", "kind: unknown kind 'banned' (the pack's kinds: acknowledge_only, single_contact, single_channel)"),
        ("acknowledge_only", nil, "", "reasons: a restriction needs its reasons"),
    ])
    func badRestrictionsAreRefusedNamingTheField(kind: String, detail: String?, reasons: String, message: String) throws {
        try withParty { db, party in
            let refused5 = refusal {
                _ = try CaseStore.restrict(party: party, kind: kind, detail: detail, reasons: reasons, on: TestData.date("2026-12-22"),
                                           rules: charity, calendar: calendar, by: recorder, in: db)
            }
            #expect(refused5 == message)
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM restrictions")
            #expect(count == 0)
        }
    }
}
