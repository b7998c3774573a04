import Foundation
import Testing

/// `redress letter KIND REF`: letters from the case's data, a decision letter refused when it
/// lacks a part the Code requires (stage, definition, decision, findings, reasons, remedy,
/// outstanding actions, how to escalate, the Ombudsman's details). Dates are worked by hand from
/// England and Wales bank holidays (Christmas Friday 25 December 2026, Boxing Day substitute
/// Monday 28 December, New Year's Day Friday 1 January 2027).
@Suite struct LetterCommandTests {
    typealias Workspace = JobsCommandTests.Workspace

    func lua(_ workspace: Workspace, asOf: String, _ code: String) throws {
        let result = try Redress.run(["--db", workspace.db, "--as-of", asOf, "-e", code])
        #expect(result.status == 0, "\(result.stderr)")
    }

    func letter(_ workspace: Workspace, _ arguments: [String]) throws -> Redress.Result {
        try Redress.run(["letter"] + arguments + ["--db", workspace.db])
    }

    /// A complaint received Tuesday 22 December 2026, acknowledged Wednesday 23 December.
    func complaint(_ workspace: Workspace) throws {
        for (key, value) in [("landlord", "Example Homes"), ("landlord_address", "1 High Street, Exampleton EX1 1AA"),
                             ("complaints_email", "complaints@example.org")] {
            #expect(try Redress.run(["settings", "set", key, value, "--db", workspace.db]).status == 0)
        }
        try lua(workspace, asOf: "2026-12-23", """
            local c = cases.intake{ received = "2026-12-22", channel = "email", category = "repairs",
                                    summary = "The boiler has not worked since 1 December.",
                                    complainant = { name = "Ann Example", email = "ann@example.org" } }
            c:assign{ officer = "Jo Bloggs" }
            c:acknowledge{ on = "2026-12-23" }
            """)
    }

    @Test func anAcknowledgementGivesTheDefinitionAndTheResponseDate() throws {
        let workspace = try Workspace()
        try complaint(workspace)
        let issued = try letter(workspace, ["acknowledgement", "C-2026-000001", "--as-of", "2026-12-23"])
        let folder = workspace.folder.appendingPathComponent("s-reports/letters/C-2026-000001").path
        #expect(issued.stdout == "Wrote \(folder)/2026-12-23-acknowledgement.txt\nWrote \(folder)/2026-12-23-acknowledgement.html\n", "\(issued.stderr)")
        let text = try #require(workspace.file("s-reports/letters/C-2026-000001/2026-12-23-acknowledgement.txt"))
        #expect(text.hasPrefix("Example Homes\n1 High Street, Exampleton EX1 1AA\n\n23 December 2026\n\nDear Ann Example,\n"))
        // 10 working days from Wednesday 23 December: 24, 29, 30, 31, 4, 5, 6, 7, 8, 11 January.
        #expect(text.contains("Jo Bloggs is looking into your complaint. We will send you our response by 11 January 2027."))
        #expect(text.contains("## What we understand your complaint to be\n\nThe boiler has not worked since 1 December.\n"))
        let html = try #require(workspace.file("s-reports/letters/C-2026-000001/2026-12-23-acknowledgement.html"))
        #expect(html.contains("<h2>What we understand your complaint to be</h2>\n<p>The boiler has not worked since 1 December.</p>"))
        #expect(try workspace.query("SELECT kind, stage, issued FROM letters") == ["acknowledgement|1|2026-12-23"])
        #expect(try workspace.query("SELECT type FROM events WHERE type = 'letter_issued'") == ["letter_issued"])
    }

    @Test func anExtensionNoticeGivesTheReasonTheNewDateAndTheOmbudsman() throws {
        let workspace = try Workspace()
        try complaint(workspace)
        try lua(workspace, asOf: "2027-01-05", """
            cases.get("C-2026-000001"):extend{ clock = "respond", working_days = 5, reason = "we are waiting for the engineer's report" }
            """)
        let notice = try letter(workspace, ["extension", "C-2026-000001", "--as-of", "2027-01-05", "--preview"])
        // From 11 January, 5 more working days: 12, 13, 14, 15, 18.
        #expect(notice.stdout.contains("We have extended the time for our response by 5 working days, because we are waiting for the engineer's report.\nWe will now respond by 18 January 2027."), "\(notice.stderr)")
        #expect(notice.stdout.contains("- Housing Ombudsman Service\n- PO Box 152, Liverpool L33 7WQ\n- Email: info@housing-ombudsman.org.uk\n- Telephone: 0300 111 3000"))
        // A preview issues nothing.
        #expect(try workspace.query("SELECT count(*) AS n FROM letters") == ["0"])
        // Without an extension there is nothing to give notice of.
        let workspace2 = try Workspace()
        try complaint(workspace2)
        let refused = try letter(workspace2, ["extension", "C-2026-000001", "--preview"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("extension: the extension: how long, why, and the new date (Code 6.4, 6.5)"))
    }

    @Test func aDecisionLetterLackingAPartIsRefusedNamingThePart() throws {
        let workspace = try Workspace()
        try complaint(workspace)
        try lua(workspace, asOf: "2027-01-08", """
            cases.get("C-2026-000001"):respond{ outcome = "upheld", findings = "The contractor missed two appointments." }
            """)
        let refused = try letter(workspace, ["decision", "C-2026-000001", "--as-of", "2027-01-08"])
        #expect(refused.status == 2)
        #expect(refused.stderr == """
            redress: decision letter for C-2026-000001 lacks a required part (nothing issued):
              reasons: the reasons for any decisions made (Code 6.9)
              remedy: the details of any remedy offered to put things right (Code 6.9, 7.3); record it with the response
              outstanding_actions: the details of any outstanding actions (Code 6.9); record them with c:actions{...}, or c:actions{} for none

            """)
        #expect(try workspace.query("SELECT count(*) AS n FROM letters") == ["0"])
        #expect(workspace.file("s-reports/letters/C-2026-000001/2027-01-08-decision.txt") == nil)
    }

    @Test func aCompleteDecisionLetterHasEveryPartTheCodeRequires() throws {
        let workspace = try Workspace()
        try complaint(workspace)
        try lua(workspace, asOf: "2027-01-08", """
            local c = cases.get("C-2026-000001")
            c:respond{ outcome = "partly_upheld", findings = "The contractor missed two appointments.",
                       reasons = "We should have offered a heater.",
                       remedy = { items = { { kind = "apology", reason = "the missed appointments" },
                                            { kind = "loss_of_amenity", pence = 12000, reason = "eight days without heating" } },
                                  accept_by = "2027-03-05", payment_route = "rent account" } }
            c:actions{ { description = "Fit the new boiler part", owner = "Repairs team", due = "2027-01-15" } }
            """)
        let issued = try letter(workspace, ["decision", "C-2026-000001", "--as-of", "2027-01-08"])
        #expect(issued.status == 0, "\(issued.stderr)")
        let text = try #require(workspace.file("s-reports/letters/C-2026-000001/2027-01-08-decision.txt"))
        for part in ["This is our response to your complaint at stage 1 of our complaints procedure.",   // stage
                     "## Your complaint\n\nThe boiler has not worked since 1 December.",                 // definition
                     "## What we found\n\nThe contractor missed two appointments.",                      // findings
                     "We have decided that your complaint is partly upheld.\n\nWe should have offered a heater.",  // decision, reasons
                     "- apology (the missed appointments)\n- loss of amenity: £120.00 (eight days without heating)",  // remedy
                     "We will pay it to your rent account. Please tell us whether you accept this offer by 5 March 2027.",
                     "- Fit the new boiler part (Repairs team), by 15 January 2027",                     // outstanding actions
                     "you can ask us to consider your complaint at stage 2. You do not need to give reasons",  // escalation
                     "- Email: info@housing-ombudsman.org.uk"] {                                        // the Ombudsman
            #expect(text.contains(part), "missing: \(part)")
        }
        let html = try #require(workspace.file("s-reports/letters/C-2026-000001/2027-01-08-decision.html"))
        #expect(html.contains("<title>Our response to your complaint C-2026-000001 (stage 1)</title>"))
        #expect(html.contains("<li>loss of amenity: £120.00 (eight days without heating)</li>"))
    }

    @Test func theFinalStagesLetterSendsTheCustomerToTheOmbudsmanAndAWindowIsGiven() throws {
        let pack = """
            return {
              name = "test-window",
              stages = {
                { name = "1", clocks = { acknowledge = { working_days = 5, from = "received" },
                                         respond = { working_days = 10, from = "acknowledged" },
                                         escalation_window = { days = 14, from = "decision_sent" } } },
                { name = "2", clocks = { acknowledge = { working_days = 5, from = "escalated" },
                                         respond = { working_days = 20, from = "acknowledged" } } },
              },
            }
            """
        let workspace = try Workspace(policy: pack)
        try lua(workspace, asOf: "2026-12-10", """
            local c = cases.intake{ received = "2026-12-01", channel = "email", summary = "Damp in the bedroom",
                                    complainant = { name = "Cy Example" } }
            c:acknowledge{ on = "2026-12-02" }
            c:respond{ on = "2026-12-10", outcome = "not_upheld", findings = "No damp found", reasons = "The survey found none" }
            c:actions{}
            """)
        // The window: 14 days from Thursday 10 December, to Thursday 24 December.
        let first = try letter(workspace, ["decision", "C-2026-000001", "--as-of", "2026-12-10", "--preview"])
        #expect(first.stdout.contains("consider your complaint at stage 2, within 14 days of this response (by 24 December 2026)."), "\(first.stderr)")
        #expect(first.stdout.contains("As we have not upheld your complaint, we are not offering a remedy."))
        #expect(first.stdout.contains("There is nothing left for us to do on your complaint."))
        try lua(workspace, asOf: "2026-12-21", """
            local c = cases.get("C-2026-000001")
            c:escalate{ on = "2026-12-21" }
            c:acknowledge{ on = "2026-12-22" }
            c:respond{ on = "2027-01-12", outcome = "not_upheld", findings = "Still no damp", reasons = "A second survey agreed" }
            c:actions{}
            """)
        let last = try letter(workspace, ["decision", "C-2026-000001", "--as-of", "2027-01-12", "--preview"])
        #expect(last.stdout.contains("at stage 2 of our complaints procedure, and our final response."), "\(last.stderr)")
        #expect(last.stdout.contains("If you remain dissatisfied, you can refer your complaint to the Housing Ombudsman Service."))
    }

    @Test func anExclusionNoticeGivesTheReasonAndTheClause() throws {
        let workspace = try Workspace()
        try lua(workspace, asOf: "2026-12-22", """
            cases.intake{ received = "2026-12-22", channel = "letter", legal_proceedings = true, complainant = { name = "Bob Example" } }
            """)
        let notice = try letter(workspace, ["exclusion", "C-2026-000001", "--preview"])
        #expect(notice.stdout.contains("## Why\n\nLegal proceedings about this matter have started (a claim has been filed at court)"), "\(notice.stderr)")
        #expect(notice.stdout.contains("\nThe part of our policy this relies on: Code 2.2(b).\n"))
        #expect(notice.stdout.contains("you can ask the Housing Ombudsman Service to look at it"))
        // An open complaint has no exclusion to explain.
        try lua(workspace, asOf: "2026-12-22", "cases.intake{ received = '2026-12-22', channel = 'email', complainant = { name = 'Di' } }")
        #expect(try letter(workspace, ["exclusion", "C-2026-000002", "--preview"]).stderr.contains("exclusion: why the complaint is not accepted (Code 2.1, 2.4)"))
    }

    @Test func aStoresOwnTemplateComesFirstAndIsChecked() throws {
        let workspace = try Workspace()
        try complaint(workspace)
        let letters = workspace.folder.appendingPathComponent("s-letters")
        try FileManager.default.createDirectory(at: letters, withIntermediateDirectories: true)
        try "required: complainant\nsubject: Hello\n---\nDear {{complainant.name}}, your officer is {{officer}}.\n"
            .write(to: letters.appendingPathComponent("acknowledgement.txt"), atomically: true, encoding: .utf8)
        #expect(try letter(workspace, ["acknowledgement", "C-2026-000001", "--preview"]).stdout == "Dear Ann Example, your officer is Jo Bloggs.\n")
        // A required part the template never uses is refused: the data alone is not enough.
        try "required: complainant, respond_due\nsubject: Hello\n---\nDear {{complainant.name}}.\n"
            .write(to: letters.appendingPathComponent("acknowledgement.txt"), atomically: true, encoding: .utf8)
        #expect(try letter(workspace, ["acknowledgement", "C-2026-000001", "--preview"]).stderr
                .contains("respond_due: when the response is due (Code 6.3, 6.14); the template \(letters.path)/acknowledgement.txt never uses it"))
        try "required: complainant, respnd_due\n---\nx\n".write(to: letters.appendingPathComponent("acknowledgement.txt"), atomically: true, encoding: .utf8)
        #expect(try letter(workspace, ["acknowledgement", "C-2026-000001", "--preview"]).stderr.contains("acknowledgement.txt: required: unknown part 'respnd_due'"))
        #expect(try letter(workspace, ["welcome", "C-2026-000001"]).stderr.contains("no letter template 'welcome' (looked for \(letters.path)/welcome.txt"))
        #expect(try letter(workspace, ["../x", "C-2026-000001"]).status == 2)
    }

    /// southern-charity: "If a customer makes a complaint in confidence, their identity will only
    /// be known to the person who received the complaint and to a member of the Resolution team."
    /// A letter to that customer is addressed to them by someone who may see who they are; anyone
    /// else is refused, and the letter names why.
    @Test func aConfidentialComplainantsLetterIsAddressedBySomeoneWhoMaySeeThem() throws {
        let workspace = try PackJobsTests().landlord("southern-charity")
        for (user, role) in [("boss", "manager"), ("ann", "complaints_officer"), ("bea", "complaints_officer"), ("rita", "resolution_team")] {
            #expect(try Redress.run(["users", "add", user, "--role", role, "--db", workspace.db, "--user", "boss"]).status == 0)
        }
        let intake = try Redress.run(["--db", workspace.db, "--user", "ann", "--as-of", "2026-12-22", "-e", """
            cases.intake{ received = "2026-12-22", channel = "phone", confidential = true, summary = "A neighbour's threats",
                          complainant = { name = "Cara Confidential", address = "2 Low Road" } }
            """])
        #expect(intake.status == 0, "\(intake.stderr)")
        for user in ["ann", "rita"] {
            let preview = try Redress.run(["letter", "acknowledgement", "C-2026-000001", "--preview", "--as-of", "2026-12-22",
                                           "--db", workspace.db, "--user", user])
            // addressed for the post: the name and address above the greeting
            #expect(preview.stdout.contains("22 December 2026\n\nCara Confidential\n2 Low Road\n\nDear Cara Confidential,"),
                    "\(user): \(preview.stdout)\(preview.stderr)")
            #expect(!preview.stdout.contains("[withheld]"))
        }
        let refused = try Redress.run(["letter", "acknowledgement", "C-2026-000001", "--as-of", "2026-12-22", "--db", workspace.db, "--user", "bea"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("lacks a required part (nothing issued):\n  complainant: the complainant's identity is withheld from you"),
                "\(refused.stderr)")
        #expect(workspace.file("s-reports/letters/C-2026-000001/2026-12-22-acknowledgement.txt") == nil)
    }

    /// WDH's own letter (Scripts/letters/wdh/acceptance-form.txt): "Customers will receive an
    /// Acceptance Form ... The customer will be given eight weeks to return the form"; any payment
    /// "offset against any monies owed to us", or paid "to a customer's rent account".
    @Test func wdhsAcceptanceFormGivesTheOfferTheOffsetAndEightWeeks() throws {
        let workspace = try PackJobsTests().landlord("wdh")
        try lua(workspace, asOf: "2027-01-13", """
            local c = cases.intake{ received = "2026-12-22", channel = "email", asked_for_complaint = true, summary = "Boiler",
                                    complainant = { name = "Ann Tenant", role = "tenant" } }
            c:logged{ on = "2026-12-22" } c:acknowledge{ on = "2026-12-23" }
            c:respond{ on = "2027-01-13", outcome = "upheld", findings = { apology = "the repair took six days",
              days_without_heating = 6, arrears = 5000, rent_account = true } }
            local d = cases.intake{ received = "2026-12-22", channel = "email", asked_for_complaint = true, summary = "Fence",
                                    complainant = { name = "Bob Tenant", role = "tenant" } }
            d:logged{ on = "2026-12-22" } d:acknowledge{ on = "2026-12-23" }
            d:respond{ on = "2027-01-13", outcome = "not_upheld", reasons = "the fence is the neighbour's" }
            """)
        let form = try letter(workspace, ["acceptance-form", "C-2026-000001", "--as-of", "2027-01-13", "--preview"])
        #expect(form.status == 0, "\(form.stderr)")
        // 6 days without heating at the Ombudsman's £15 a day; eight weeks from Wednesday 13 January 2027.
        #expect(form.stdout.contains("- loss of amenity: £90.00 (6 days without heating at £15.00 a day"), "\(form.stdout)")
        #expect(form.stdout.contains("Total: £90.00\nAny payment is set against money owed to us: £50.00 of this offer will be set against the arrears on your account. We will make the payment to your rent account."))
        #expect(form.stdout.contains("Please return this form by 10 March 2027 (eight weeks from our decision) to accept the offer."))
        #expect(!form.stdout.contains("WDH, Remedies"), "the template's comment lines stay out of the letter")
        let none = try letter(workspace, ["acceptance-form", "C-2026-000002", "--as-of", "2027-01-13"])
        #expect(none.stderr == "redress: acceptance-form letter for C-2026-000002 lacks a required part (nothing issued):\n  acceptance: an offer of redress with the date to accept it by (the pack's remedy hook sets accept_by)\n")
        // Another pack has no such template.
        let other = try letter(try Workspace(), ["acceptance-form", "C-2026-000001", "--as-of", "2027-01-13"])
        #expect(other.status != 0)
    }
}
