import Foundation
import Testing

/// The yearly review of restrictions on contact (Scripts/jobs/restriction-reviews.lua) and the
/// restriction letters, on southern-charity's pack: "We'll review customers we manage this way
/// each year. But, if a customer wants to challenge the way they're managed, they can ask us to
/// review it. The Head of Customer Feedback will do this review and we will only do this once."
/// Dates are worked by hand on GOV.UK's England and Wales bank holidays (Christmas Day Friday
/// 25 December 2026, Boxing Day substitute Monday 28 December).
@Suite struct RestrictionReviewTests {
    typealias Workspace = JobsCommandTests.Workspace

    /// A southern-charity store with Pat restricted to email from Monday 22 December 2025, so the
    /// review falls due on Tuesday 22 December 2026; `contacts` are logged on Pat's complaint.
    func restricted(_ contacts: String = "") throws -> Workspace {
        let workspace = try PackJobsTests().landlord("southern-charity")
        #expect(try lua(workspace, asOf: "2025-12-22", """
            local c = cases.intake{ received = "2025-12-01", channel = "email", dissatisfied = true,
                                    complainant = { name = "Pat Example", address = "1 High Street" } }
            local r = restrictions.add{ party = c.complainant, kind = "single_channel", detail = "email",
                                        reasons = "daily calls to several teams", on = "2025-12-22" }
            \(contacts)
            print(r.review_due)
            """) == "2026-12-22\n")
        return workspace
    }

    func lua(_ workspace: Workspace, asOf: String, _ code: String) throws -> String {
        let result = try Redress.run(["--db", workspace.db, "--as-of", asOf, "-e", code])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func aReviewFallingDueSoonIsListedAndNothingIsDecided() throws {
        let workspace = try restricted()
        // Friday 18 December 2026: due Tuesday 22 December, within 3 working days (21, 22, 23).
        let run = try workspace.jobs(["run", "restriction-reviews", "--as-of", "2026-12-18"])
        #expect(run.stdout.hasPrefix("2026-12-18 restriction-reviews: ok: 0 reviewed, 0 for a person to decide, 1 due within 3 working days\n"),
                "\(run.stderr)")
        #expect(workspace.file("s-reports/restriction-reviews/2026-12-18.txt") == """
            Restrictions on contact due for review on 2026-12-18 (or by 2026-12-23); the pack reviews them every 12 months

            restriction 1  party 1 Pat Example  single_channel (email)
              since 2025-12-22; review due 2026-12-22; reasons: daily calls to several teams
              due in 2 working days

            """)
        #expect(try workspace.query("SELECT count(*) AS n FROM restriction_reviews") == ["0"])
    }

    @Test func aYearWithoutContactLiftsTheRestrictionAndTheLetterSaysSo() throws {
        let workspace = try restricted()
        let dry = try workspace.jobs(["run", "restriction-reviews", "--as-of", "2026-12-22", "--dry-run"])
        #expect(dry.stdout.contains("dry run, nothing kept: 1 reviewed"), "\(dry.stdout)\(dry.stderr)")
        #expect(try workspace.query("SELECT count(*) AS n FROM restriction_reviews") + workspace.query("SELECT count(*) AS n FROM letters") == ["0", "0"])
        #expect(workspace.file("s-reports/letters/restriction-1/2026-12-22-restriction-review.txt") == nil)

        let run = try workspace.jobs(["run", "restriction-reviews", "--as-of", "2026-12-22"])
        #expect(run.stdout.hasPrefix("2026-12-22 restriction-reviews: ok: 1 reviewed, 0 for a person to decide, 0 due within 3 working days\n"),
                "\(run.stderr)")
        #expect(try workspace.query("SELECT outcome, reviewer FROM restriction_reviews") == ["lift|yearly review (pack southern-charity)"])
        #expect(try workspace.query("SELECT lifted, review_due FROM restrictions") == ["2026-12-22|nil"])
        #expect(try workspace.query("SELECT case_id, restriction_id, kind, issued FROM letters") == ["nil|1|restriction-review|2026-12-22"])
        let letter = try #require(workspace.file("s-reports/letters/restriction-1/2026-12-22-restriction-review.txt"))
        #expect(letter.contains("Dear Pat Example,"))
        #expect(letter.contains("that began on 22 December 2025."))
        #expect(letter.contains("We have decided to end this arrangement. From 22 December 2026 you can contact us in the usual way."))
        #expect(letter.contains("You have not needed to contact us about this since 22 December 2025"))
        // A lifted restriction offers no challenge.
        #expect(!letter.contains("challenge"))
        #expect(workspace.file("s-reports/letters/restriction-1/2026-12-22-restriction-review.html")?.contains("<h2>Why</h2>") == true)
        // Run again for the same date: nothing new.
        #expect(try workspace.jobs(["run", "--as-of", "2026-12-22"]).stdout.contains("restriction-reviews") == false)
        #expect(try workspace.query("SELECT count(*) AS n FROM restriction_reviews") == ["1"])
    }

    @Test func contactOutsideTheArrangementContinuesItForAnotherYear() throws {
        // A phone call on Monday 1 March 2026 is flagged: the customer is to use email only.
        let workspace = try restricted("""
            c:log{ channel = "phone", direction = "in", summary = "Rang the repairs line", at = "2026-03-01" }
            """)
        // Run late, on Wednesday 30 December 2026 (the job's first run does the latest date only).
        let run = try workspace.jobs(["run", "restriction-reviews", "--as-of", "2026-12-30"])
        #expect(run.stdout.hasPrefix("2026-12-30 restriction-reviews: ok: 1 reviewed"), "\(run.stderr)")
        let report = try #require(workspace.file("s-reports/restriction-reviews/2026-12-30.txt"))
        // Due Tuesday 22 December; 23, 24, 29, 30 December are the working days since.
        #expect(report.contains("  REVIEWED 4 working days late: continue. since 22 December 2025, 1 of your contacts did not keep to the arrangement (the last on 1 March 2026)"),
                "\(report)")
        #expect(report.contains("  next review due 2027-12-30"))
        let letter = try #require(workspace.file("s-reports/letters/restriction-1/2026-12-30-restriction-review.txt"))
        #expect(letter.contains("We have decided to keep this arrangement in place: please contact us only by email."))
        #expect(letter.contains("We will review the arrangement again by 30 December 2027."))
        #expect(letter.contains("If you want to challenge the way we manage your contact, you can ask us to review it. The Head of Customer Feedback will do this review. We will do this once."))
    }

    @Test func contactThatKeptToTheArrangementIsLeftToAPerson() throws {
        let workspace = try restricted("""
            c:log{ channel = "email", direction = "in", summary = "Asked about the fence", at = "2026-05-04" }
            """)
        let run = try workspace.jobs(["run", "restriction-reviews", "--as-of", "2026-12-22"])
        #expect(run.stdout.hasPrefix("2026-12-22 restriction-reviews: ok: 0 reviewed, 1 for a person to decide, 0 due within 3 working days\n"),
                "\(run.stderr)")
        #expect(workspace.file("s-reports/restriction-reviews/2026-12-22.txt")?.contains(
            "  TO DECIDE: the pack's review hook leaves this review to a person; record it with restrictions.review{ id = 1, outcome =, reasons = }") == true)
        #expect(try workspace.query("SELECT count(*) AS n FROM restriction_reviews") + workspace.query("SELECT count(*) AS n FROM letters") == ["0", "0"])
        // The person decides; the letter follows from `redress letter`.
        _ = try lua(workspace, asOf: "2026-12-23", """
            restrictions.review{ id = 1, outcome = "vary", detail = "email or letter", reasons = "your contact has been by email, as we asked" }
            """)
        let letter = try Redress.run(["letter", "restriction-review", "--restriction", "1", "--db", workspace.db, "--as-of", "2026-12-23", "--preview"])
        #expect(letter.status == 0, "\(letter.stderr)")
        #expect(letter.stdout.contains("We have decided to change this arrangement. From 23 December 2026, please contact us only by email or letter."))
        #expect(letter.stdout.contains("Your contact has been by email, as we asked."))
        #expect(letter.stdout.contains("We will review the arrangement again by 23 December 2027."))
    }

    @Test func theRestrictionNoticeGivesTheReasonsTheChallengeAndTheOmbudsman() throws {
        let workspace = try restricted()
        let issued = try Redress.run(["letter", "restriction", "--restriction", "1", "--db", workspace.db, "--as-of", "2025-12-22"])
        #expect(issued.stdout == """
            Wrote \(workspace.folder.path)/s-reports/letters/restriction-1/2025-12-22-restriction.txt
            Wrote \(workspace.folder.path)/s-reports/letters/restriction-1/2025-12-22-restriction.html

            """, "\(issued.stderr)")
        let letter = try #require(workspace.file("s-reports/letters/restriction-1/2025-12-22-restriction.txt"))
        #expect(letter.contains("From 22 December 2025, please contact us only by email."))
        #expect(letter.contains("## Why we have decided this\n\nDaily calls to several teams.\nThe part of our policy this relies on: Unreasonable customer behaviour."))
        #expect(letter.contains("We will review this arrangement by 22 December 2026"))
        #expect(letter.contains("The Head of Customer Feedback will do this review. We will do this once."))
        #expect(letter.contains("- Housing Ombudsman Service"))
        #expect(try workspace.query("SELECT restriction_id, kind FROM letters") == ["1|restriction"])
        // A review letter before any review lacks its review, and nothing is issued.
        let early = try Redress.run(["letter", "restriction-review", "--restriction", "1", "--db", workspace.db, "--as-of", "2025-12-23"])
        #expect(early.status != 0)
        #expect(early.stderr.contains("lacks a required part (nothing issued):\n  review: the review of the restriction"))
        let missing = try Redress.run(["letter", "restriction", "--restriction", "7", "--db", workspace.db])
        #expect(missing.stderr == "redress: --restriction: no restriction with id 7\n")
    }

    @Test func aChallengeIsReviewedOnceByTheRoleThePackNames() throws {
        let workspace = try restricted()
        for (user, role) in [("boss", "manager"), ("olu", "complaints_officer"), ("hana", "head_of_customer_feedback")] {
            let added = try Redress.run(["users", "add", user, "--role", role, "--db", workspace.db, "--user", "boss"])
            #expect(added.status == 0, "\(added.stderr)")
        }
        let challenge = "restrictions.challenge{ id = 1, outcome = 'continue', reasons = 'the restriction is proportionate', on = '2026-01-12' }"
        let byOfficer = try Redress.run(["--db", workspace.db, "--user", "olu", "-e", challenge])
        #expect(byOfficer.status != 0)
        #expect(byOfficer.stderr.contains("a challenge's review is recorded by a user with the role head_of_customer_feedback ('olu' has the role complaints_officer)"),
                "\(byOfficer.stderr)")
        #expect(try Redress.run(["--db", workspace.db, "--user", "hana", "-e", challenge]).status == 0)
        let second = try Redress.run(["--db", workspace.db, "--user", "hana", "-e", challenge.replacingOccurrences(of: "2026-01-12", with: "2026-02-02")])
        #expect(second.stderr.contains("restriction 1 was already challenged on 2026-01-12: the policy allows one challenge"), "\(second.stderr)")
        let after = try Redress.run(["--db", workspace.db, "--user", "hana", "-e",
                                     "local r = restrictions.get(1) print(r.challenged, r.challenge_outcome, r.review_due)"])
        #expect(after.stdout == "2026-01-12\tcontinue\t2027-01-12\n", "\(after.stderr)")
    }
}
