import Foundation
import Testing

/// The jobs that read what a pack declares (Scripts/jobs): closing complaints whose escalation
/// window passed, remedy offers lapsing, quarterly samples. Small test packs stand in for the
/// landlords' packs; expected dates are worked by hand from GOV.UK's England and Wales bank
/// holidays (Christmas Friday 25 December 2026, Boxing Day substitute Monday 28 December).
@Suite struct PackJobsTests {
    typealias Workspace = JobsCommandTests.Workspace

    /// A Willow-Tree-like pack: a 14-day escalation window after the stage 1 decision, complaints
    /// closed when it passes, and two quarterly samples.
    static let windowPack = """
        return {
          name = "test-window",
          stages = {
            { name = "1", clocks = {
                acknowledge = { working_days = 5, from = "received" },
                respond = { working_days = 10, from = "acknowledged" },
                escalation_window = { days = 14, from = "decision_sent" } } },
            { name = "2", clocks = { acknowledge = { working_days = 5, from = "escalated" },
                                     respond = { working_days = 20, from = "acknowledged" } } },
          },
          jobs = {
            ["escalation-window"] = CLOSE,
            sampling = {
              { purpose = "feedback", share = 0.10, of = "complainants", clause = "Performance Standards" },
              { purpose = "learning", share = 0.25, of = { stage = "2" } },
            },
          },
        }
        """

    func lua(_ workspace: Workspace, asOf: String, _ code: String) throws -> String {
        let result = try Redress.run(["--db", workspace.db, "--as-of", asOf, "-e", code])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func complaintsCloseWhenTheirEscalationWindowPassesIfThePackSaysSo() throws {
        let workspace = try Workspace(policy: Self.windowPack.replacingOccurrences(of: "CLOSE", with: "{ close = true, clause = \"14 days\" }"))
        // Answered Thursday 10 December 2026: the window is 14 calendar days, to Thursday 24 December.
        _ = try lua(workspace, asOf: "2026-12-10", """
            for i = 1, 2 do
              local c = cases.intake{ received = "2026-12-01", channel = "email" }
              c:acknowledge{ on = "2026-12-02" }
              c:respond{ on = "2026-12-10", outcome = "not_upheld" }
            end
            cases.get("C-2026-000002"):escalate{ on = "2026-12-23" }
            """)
        // On the last day of the window nothing closes; the next day (Christmas Day: the job is
        // daily, not a working-day job) the unescalated complaint closes.
        #expect(try workspace.jobs(["run", "escalation-window", "--as-of", "2026-12-24"]).stdout.hasPrefix("2026-12-24 escalation-window: ok: 0 closed\n"))
        let closing = try workspace.jobs(["run", "escalation-window", "--as-of", "2026-12-25"])
        #expect(closing.stdout.hasPrefix("2026-12-25 escalation-window: ok: 1 closed\n"), "\(closing.stderr)")
        #expect(try lua(workspace, asOf: "2026-12-25", """
            for _, ref in ipairs{ "C-2026-000001", "C-2026-000002" } do
              local c = cases.get(ref)
              local last = c:history()[#c:history()]
              print(c.ref, c.status, c.stage, last.type, last.on, last.data.reason)
            end
            """) == """
            C-2026-000001\tclosed\t1\tclosed\t2026-12-25\tno request to escalate stage 1 by 2026-12-24 (14 days)
            C-2026-000002\topen\t2\tescalated\t2026-12-23\tnil

            """)
        #expect(workspace.file("s-reports/escalation-window/2026-12-25.txt")?.contains("C-2026-000001  stage 1        window ended 2026-12-24") == true)
    }

    @Test func aPackThatDoesNotCloseComplaintsIsLeftAlone() throws {
        let workspace = try Workspace(policy: Self.windowPack.replacingOccurrences(of: "CLOSE", with: "nil"))
        _ = try lua(workspace, asOf: "2026-12-10", """
            local c = cases.intake{ received = "2026-12-01", channel = "email" }
            c:acknowledge{ on = "2026-12-02" }
            c:respond{ on = "2026-12-10", outcome = "not_upheld" }
            """)
        let run = try workspace.jobs(["run", "escalation-window", "--as-of", "2027-01-04"])
        #expect(run.stdout == "2027-01-04 escalation-window: ok: nothing to do: pack test-window closes no complaint when an escalation window passes\n")
        #expect(try lua(workspace, asOf: "2027-01-04", "print(cases.get('C-2026-000001').status)") == "open\n")
        // A window that refuses late requests closes its complaints, unless the pack says close = false.
        let refusing = Self.windowPack.replacingOccurrences(of: "escalation_window = { days = 14, from = \"decision_sent\" }",
                                                            with: "escalation_window = { days = 14, from = \"decision_sent\", late = \"refused\" }")
        for (close, closed) in [("nil", "1 closed"), ("{ close = false }", "nothing to do: pack test-window closes no complaint when an escalation window passes")] {
            let other = try Workspace(policy: refusing.replacingOccurrences(of: "CLOSE", with: close))
            _ = try lua(other, asOf: "2026-12-10", """
                local c = cases.intake{ received = "2026-12-01", channel = "email" }
                c:acknowledge{ on = "2026-12-02" }
                c:respond{ on = "2026-12-10", outcome = "not_upheld" }
                """)
            #expect(try other.jobs(["run", "escalation-window", "--as-of", "2026-12-25"]).stdout.hasPrefix("2026-12-25 escalation-window: ok: \(closed)\n"))
            #expect(try lua(other, asOf: "2026-12-25", "print(cases.get('C-2026-000001').status)") == (close == "nil" ? "closed\n" : "open\n"))
        }
        // A misspelled field in the pack's declaration is refused, naming it.
        let typo = try Workspace(policy: Self.windowPack.replacingOccurrences(of: "CLOSE", with: "{ clsoe = true }"))
        let refused = try typo.jobs(["run", "escalation-window", "--as-of", "2027-01-04"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("pack test-window: jobs.escalation-window: unknown field 'clsoe' (expected: clause, close)"))
    }

    /// A store bound to one of the landlords' packs in Scripts/policies.
    func landlord(_ pack: String) throws -> Workspace {
        let workspace = try Workspace()
        let other = workspace.folder.appendingPathComponent("\(pack).sqlite").path
        let created = try Redress.run(["init", "--db", other, "--policy", pack])
        #expect(created.status == 0, "\(created.stderr)")
        try FileManager.default.removeItem(atPath: workspace.db)
        try FileManager.default.moveItem(atPath: other, toPath: workspace.db)
        return workspace
    }

    @Test func willowTreesComplaintsCloseWhenTheFourteenDaysPass() throws {
        // willow-tree.lua: escalation_window = { days = 14, from = "decision_sent", late = "refused" }.
        let workspace = try landlord("willow-tree")
        _ = try lua(workspace, asOf: "2026-12-15", """
            for i = 1, 2 do
              local c = cases.intake{ received = "2026-12-01", channel = "email", asked_for_complaint = true }
              c:acknowledge{ on = "2026-12-02" }
              c:respond{ on = "2026-12-15", outcome = "not_upheld" }
            end
            cases.get("C-2026-000002"):escalate{ on = "2026-12-28" }
            """)
        // Answered Tuesday 15 December: 14 days to Tuesday 29 December.
        #expect(try workspace.jobs(["run", "escalation-window", "--as-of", "2026-12-29"]).stdout.hasPrefix("2026-12-29 escalation-window: ok: 0 closed\n"))
        let run = try workspace.jobs(["run", "escalation-window", "--as-of", "2026-12-30"])
        #expect(run.stdout.hasPrefix("2026-12-30 escalation-window: ok: 1 closed\n"), "\(run.stderr)")
        #expect(try lua(workspace, asOf: "2026-12-30", "print(cases.get('C-2026-000001').status, cases.get('C-2026-000002').status)")
                == "closed\topen\n")
        #expect(workspace.file("s-reports/escalation-window/2026-12-30.txt")?.contains("C-2026-000001  stage 1        window ended 2026-12-29") == true)
    }

    /// willow-tree.lua's Performance Standards: "Contact a minimum of 10% of all complainants every
    /// quarter", "learning sessions on a minimum of 25% of all Stage 2 complaints received".
    @Test func willowTreesQuarterlySamples() throws {
        let workspace = try landlord("willow-tree")
        _ = try lua(workspace, asOf: "2026-12-01", Self.quarterOfComplaints.replacingOccurrences(
            of: "channel = \"email\",", with: "channel = \"email\", asked_for_complaint = true,"))
        let run = try workspace.jobs(["run", "sampling", "--as-of", "2027-01-04"])
        // 10% of 31 complainants is 3.1: at least 4; 25% of 6 stage 2 complaints is 1.5: at least 2.
        #expect(run.stdout.hasPrefix("""
            2027-01-01 sampling: ok: 2026-Q4: feedback: 4 drawn of 31 (0 drawn before; at least 4 needed); \
            learning: 2 drawn of 6 (0 drawn before; at least 2 needed)
            """), "\(run.stdout) \(run.stderr)")
    }

    /// A pack keeping personal data six years after closure: on 1 December 2026 a case closed
    /// on 3 June 2019 has passed it (cut-off 1 December 2020); the next day there is nothing.
    @Test func retentionRemovesWhatHasPassedThePacksPeriodOnce() throws {
        let workspace = try Workspace(policy: "return { name = 'kept', stages = { { name = '1' } }, retention = { years = 6 } }")
        _ = try lua(workspace, asOf: "2019-06-03", """
            local c = cases.intake{ received = "2019-05-07", channel = "email", summary = "Damp",
                                    complainant = { name = "Old Case", email = "old@example.org" } }
            c:close{ on = "2019-06-03", reason = "resolved" }
            cases.intake{ received = "2026-11-30", channel = "email", summary = "New" }
            """)
        let run = try workspace.jobs(["run", "retention", "--as-of", "2026-12-01"])
        #expect(run.stdout.hasPrefix("2026-12-01 retention: ok: 1 cases, 1 people\n"), "\(run.stdout) \(run.stderr)")
        #expect(workspace.file("s-reports/retention/2026-12-01.txt")?.contains("  C-2019-000001") == true)
        #expect(try lua(workspace, asOf: "2026-12-01", "print(sql('select name from parties')[1].name, sql('select summary from cases order by id')[2].summary)")
                == "[anonymised]\tNew\n")
        #expect(try workspace.jobs(["run", "retention", "--as-of", "2026-12-02"]).stdout
                .hasPrefix("2026-12-02 retention: ok: nothing past the period (cases closed on or before 2020-12-02)\n"))
        let code = try Workspace()
        #expect(try code.jobs(["run", "retention", "--as-of", "2026-12-01"]).stdout
                == "2026-12-01 retention: ok: nothing to do: pack hos-code declares no retention period\n")
    }

    @Test func wdhsEscalationWindowRecordsALateRequestAndClosesNothing() throws {
        // wdh.lua: escalation_window = { working_days = 10, from = "decision_sent", late = "needs_reason" }: a late
        // request with its exceptional circumstances is recorded late, not refused, so nothing closes.
        let workspace = try landlord("wdh")
        _ = try lua(workspace, asOf: "2026-12-15", """
            local c = cases.intake{ received = "2026-12-01", channel = "email", asked_for_complaint = true }
            c:logged{ on = "2026-12-01" }
            c:acknowledge{ on = "2026-12-02" }
            c:respond{ on = "2026-12-15", outcome = "not_upheld" }
            """)
        let run = try workspace.jobs(["run", "escalation-window", "--as-of", "2027-02-01"])
        #expect(run.stdout == "2027-02-01 escalation-window: ok: nothing to do: pack wdh closes no complaint when an escalation window passes\n", "\(run.stderr)")
    }

    @Test func wdhsEightWeekAcceptanceFormIsChased() throws {
        let workspace = try landlord("wdh")
        // wdh.lua's remedy_acceptance: "eight weeks to return the form": from Wed 13 Jan 2027, Wed 10 Mar 2027.
        #expect(try lua(workspace, asOf: "2027-01-13", """
            local c = cases.intake{ received = "2026-12-22", channel = "email", asked_for_complaint = true }
            c:logged{ on = "2026-12-22" }
            c:acknowledge{ on = "2026-12-23" }
            c:respond{ on = "2027-01-13", outcome = "upheld", findings = { apology = "the boiler repair took six days",
                       time_and_trouble = { pence = 5000, reason = "five calls chasing the repair" } } }
            print(sql("SELECT accept_by FROM remedies")[1].accept_by)
            """) == "2027-03-10\n")
        // Friday 5 March: 3 working days ahead is Wednesday 10 March (8, 9, 10).
        let soon = try workspace.jobs(["run", "remedy-offers", "--as-of", "2027-03-05"])
        #expect(soon.stdout.hasPrefix("2027-03-05 remedy-offers: ok: 0 lapsed, 1 lapsing within 3 working days\n"), "\(soon.stderr)")
        #expect(workspace.file("s-reports/remedy-offers/2027-03-05.txt")?.contains("C-2026-000001  offered 2027-01-13  lapses 2027-03-10") == true)
        let lapsed = try workspace.jobs(["run", "remedy-offers", "--as-of", "2027-03-11"])
        #expect(lapsed.stdout.contains("2027-03-11 remedy-offers: ok: 1 lapsed, 0 lapsing within 3 working days\n"))
        // The form comes back late; WDH takes it with the reason, and the offer is no longer chased.
        _ = try lua(workspace, asOf: "2027-03-12", """
            cases.get("C-2026-000001"):accept_remedy{ reason = "form posted on 9 March" }
            """)
        let answered = try workspace.jobs(["run", "remedy-offers", "--as-of", "2027-03-12"])
        #expect(answered.stdout.contains("2027-03-12 remedy-offers: ok: no offers lapsed or lapsing\n"), "\(answered.stderr)")
    }

    @Test func haltonsComplimentsAreRelayedInThreeAndFiledInFiveWorkingDays() throws {
        // halton.lua: kinds.compliment: relay 3, file 5 working days from receipt. From Thu 27 Aug
        // 2026: 28, (31 Aug summer bank holiday), 1, 2 Sep → relay 2 Sep; 3, 4 → file 4 Sep.
        let workspace = try landlord("halton")
        _ = try lua(workspace, asOf: "2026-08-27", """
            local c = cases.intake{ received = "2026-08-27", channel = "web", compliment = true, summary = "Thanks to the caretaker" }
            c:assign{ officer = "ECC Coordinator" }
            """)
        let run = try workspace.jobs(["run", "deadlines", "--as-of", "2026-09-03"])
        #expect(run.stdout.hasPrefix("2026-09-03 deadlines: ok: 1 overdue, 1 due within 3 working days\n"), "\(run.stderr)")
        let report = try #require(workspace.file("s-reports/deadlines/2026-09-03.txt"))
        #expect(report.contains("""
            ECC Coordinator
              compliment
                C-2026-000001  relay              due 2026-09-02  OVERDUE  1 working day late
                C-2026-000001  file               due 2026-09-04  due in 1 working day
            """), "\(report)")
    }

    @Test func aComplaintReferredBackIsChasedForItsAgreedDateOnly() throws {
        // wdh.lua: stage 2 refers back to stage 1 for a review by a date agreed with the customer.
        // The officer's stage 1 contact (3 working days from logging on Mon 20 Jul 2026: Thu 23
        // Jul) was never made; after the referral that first round is history, and the review's
        // agreed date, Fri 4 Sep, is what the deadlines list chases.
        let workspace = try landlord("wdh")
        _ = try lua(workspace, asOf: "2026-08-14", """
            local c = cases.intake{ received = "2026-07-20", channel = "email", asked_for_complaint = true }
            c:logged{ on = "2026-07-20" } c:acknowledge{ on = "2026-07-21" }
            c:respond{ on = "2026-07-31", outcome = "not_upheld" }
            c:escalate{ on = "2026-08-10" }
            c:refer_back{ on = "2026-08-14", respond_by = "2026-09-04" }
            c:assign{ officer = "JB" }
            """)
        let run = try workspace.jobs(["run", "deadlines", "--as-of", "2026-09-02"])
        #expect(run.stdout.hasPrefix("2026-09-02 deadlines: ok: 0 overdue, 1 due within 3 working days\n"), "\(run.stderr)")
        let report = try #require(workspace.file("s-reports/deadlines/2026-09-02.txt"))
        #expect(report.contains("C-2026-000001  respond            due 2026-09-04  due in 2 working days"), "\(report)")
        #expect(!report.contains("contact"), "\(report)")
    }

    /// WDH's stage 1 and stage 2 complaints not yet logged (seeds/002): stage 1 is logged "within
    /// five working days" of the complaint form (wdh.lua: anchors.logged), stage 2 has no such time.
    static let unloggedComplaints = """
        local one, two, three, four
        -- received Tue 22 Dec 2026, acknowledged and allocated, never logged: logging owed by Thu 31 Dec
        one = cases.intake{ received = "2026-12-22", channel = "email", asked_for_complaint = true }
        one:acknowledge{ on = "2026-12-23" } one:assign{ officer = "JB", on = "2026-12-23" }
        -- answered at stage 1 and escalated on Thu 3 Dec; stage 2 acknowledged, never logged
        two = cases.intake{ received = "2026-12-01", channel = "email", asked_for_complaint = true }
        two:logged{ on = "2026-12-01" } two:acknowledge{ on = "2026-12-01" } two:assign{ officer = "AB", on = "2026-12-01" }
        two:log{ channel = "phone", direction = "out", summary = "introduced", at = "2026-12-01T10:00", meets = "contact" }
        two:respond{ on = "2026-12-02", outcome = "not_upheld" }
        two:escalate{ on = "2026-12-03" } two:acknowledge{ on = "2026-12-04" }
        -- referred back to stage 1 on Mon 14 Dec: its review is due on the agreed date, nothing waits for a logging
        three = cases.intake{ received = "2026-11-02", channel = "email", asked_for_complaint = true }
        three:logged{ on = "2026-11-02" } three:acknowledge{ on = "2026-11-02" } three:assign{ officer = "JB", on = "2026-11-02" }
        three:respond{ on = "2026-11-13", outcome = "not_upheld" }
        three:escalate{ on = "2026-11-20" }
        three:refer_back{ on = "2026-12-14", respond_by = "2027-01-29" }
        -- received Tue 5 Jan 2027: logging owed by Tue 12 Jan, not yet late
        four = cases.intake{ received = "2027-01-05", channel = "email", asked_for_complaint = true }
        four:acknowledge{ on = "2027-01-05" }
        """

    @Test func wdhsComplaintsWaitingLongerThanFiveWorkingDaysToBeLoggedAreListed() throws {
        let workspace = try landlord("wdh")
        _ = try lua(workspace, asOf: "2027-01-07", Self.unloggedComplaints)
        let run = try workspace.jobs(["run", "deadlines", "--as-of", "2027-01-07"])
        #expect(run.stdout.contains(" due within 3 working days; 1 waiting past the pack's limit; 1 waiting with no limit set\n"), "\(run.stderr)")
        let report = try #require(workspace.file("s-reports/deadlines/2027-01-07.txt"))
        // Case 1: owed Thursday 31 December; on Thursday 7 January it is 4 working days late (New
        // Year's Day, Friday 1 January, is a bank holiday: 4, 5, 6, 7 January), and its clocks have
        // waited 9 working days since 22 December (23, 24, 29, 30, 31 December, 4-7 January).
        #expect(report.contains("""
            Waiting longer than the pack allows for the event their clocks run from.

            JB
              stage 1
                C-2026-000001  logged             owed 2026-12-31  4 working days late; contact, respond waiting since 2026-12-22 (9 working days)
            The pack's limits:
              stage 1: logged within 5 working days from received (Customer Relations team)
            """), "\(report)")
        // Case 2: escalated Thursday 3 December, 22 working days before 7 January (4, 7-11, 14-18,
        // 21-24, 29-31 December, 4-7 January).
        #expect(report.contains("""
            Waiting for an event the pack sets no limit on.

              stage 2: 1 case waiting for logged (respond): the pack sets no limit for logged at stage 2; the longest, C-2026-000002, since 2026-12-03 (22 working days)
            """), "\(report)")
        // Case 3's review and case 4's logging (owed by Tuesday 12 January) are not waits past a limit.
        #expect(!report.contains("C-2026-000003  logged") && !report.contains("C-2027-000001  logged"), "\(report)")
        // Logged: case 1's clocks start, and nothing is listed as waiting past the limit.
        _ = try lua(workspace, asOf: "2027-01-08", "cases.get('C-2026-000001'):logged{ on = '2027-01-08' }")
        let after = try workspace.jobs(["run", "deadlines", "--as-of", "2027-01-08"])
        #expect(after.stdout.contains(" due within 3 working days; 1 waiting with no limit set\n"), "\(after.stdout)")
        #expect(try workspace.file("s-reports/deadlines/2027-01-08.txt")?.contains("Waiting longer than") == false)
    }

    /// 31 complainants with complaints received in the fourth quarter of 2026, every fifth
    /// escalated to stage 2 in the quarter (6 of them).
    static let quarterOfComplaints = """
        for i = 1, 31 do
          local c = cases.intake{ received = date("2026-10-01") + i, channel = "email",
                                  complainant = { name = "Person " .. i, email = "p" .. i .. "@example.org" } }
          c:acknowledge{ on = date("2026-10-01") + i }
          c:respond{ on = date("2026-10-05") + i, outcome = "not_upheld" }
          if i % 5 == 0 then c:escalate{ on = date("2026-10-10") + i } end
        end
        """

    @Test func quarterlySamplesDrawTheSharesThePackAsksForReproducibly() throws {
        let pack = Self.windowPack.replacingOccurrences(of: "CLOSE", with: "nil")
        var drawn: [[String]] = []
        for _ in 0..<2 {
            let workspace = try Workspace(policy: pack)
            _ = try lua(workspace, asOf: "2026-12-01", Self.quarterOfComplaints)
            let run = try workspace.jobs(["run", "sampling", "--as-of", "2027-01-04"])
            // 10% of 31 people is 3.1: at least 4; 25% of 6 stage 2 complaints is 1.5: at least 2.
            #expect(run.stdout.hasPrefix("""
                2027-01-01 sampling: ok: 2026-Q4: feedback: 4 drawn of 31 (0 drawn before; at least 4 needed); \
                learning: 2 drawn of 6 (0 drawn before; at least 2 needed)
                """), "\(run.stderr)")
            let feedback = try #require(workspace.file("s-reports/sampling/2026-Q4-feedback.csv"))
            let lines = feedback.split(separator: "\r\n").map(String.init)
            #expect(lines.first == "purpose,period,case,party,name,email,phone,preferred_contact")
            #expect(lines.count == 5)
            let learning = try #require(workspace.file("s-reports/sampling/2026-Q4-learning.csv"))
            // Only stage 2 complaints (every fifth) are drawn for learning sessions.
            for line in learning.split(separator: "\r\n").dropFirst() {
                let ref = line.split(separator: ",")[2]
                #expect(Int(ref.suffix(6))! % 5 == 0, "\(line)")
            }
            drawn.append(lines)
        }
        // Same data, same seed: the same people, in the same order.
        #expect(drawn[0] == drawn[1])
        // Another base seed draws differently.
        let reseeded = try Workspace(policy: pack)
        _ = try lua(reseeded, asOf: "2026-12-01", Self.quarterOfComplaints)
        #expect(try Redress.run(["settings", "set", "sample_seed", "20261231", "--db", reseeded.db]).status == 0)
        _ = try reseeded.jobs(["run", "sampling", "--as-of", "2027-01-04"])
        #expect(reseeded.file("s-reports/sampling/2026-Q4-feedback.csv")?.split(separator: "\r\n").map(String.init) != drawn[0])
    }

    @Test func noOneIsDrawnTwiceForAPurposeInAQuarter() throws {
        let workspace = try Workspace(policy: Self.windowPack.replacingOccurrences(of: "CLOSE", with: "nil"))
        _ = try lua(workspace, asOf: "2026-12-01", Self.quarterOfComplaints)
        // A store job that draws 10% of the first 20 people, then 10% of all 31 (with the first
        // 20 among them), then the same again.
        try workspace.job("redraw", """
            return { schedule = "daily", run = function(job)
              local people = sql("SELECT complainant_id AS party, ref AS 'case' FROM cases ORDER BY id")
              local first20 = {}
              for i = 1, 20 do first20[i] = people[i] end
              local a = job:sample{ purpose = "feedback", period = "2026-Q4", share = 0.1, population = first20 }
              local b = job:sample{ purpose = "feedback", period = "2026-Q4", share = 0.1, population = people }
              local c = job:sample{ purpose = "feedback", period = "2026-Q4", share = 0.1, population = people }
              local other = job:sample{ purpose = "feedback", period = "2027-Q1", share = 0.1, population = people }
              return ("%d %d/%d/%d %d/%d/%d %d"):format(#a.drawn, #b.drawn, b.earlier, b.target, #c.drawn, c.earlier, c.target, #other.drawn)
            end }
            """)
        let run = try workspace.jobs(["run", "redraw", "--as-of", "2027-01-04"])
        // 10% of 20 is 2; of 31, at least 4, two of them drawn already; then nothing more; a new
        // quarter starts afresh.
        #expect(run.stdout == "2027-01-04 redraw: ok: 2 2/2/4 0/4/4 4\n", "\(run.stderr)")
        let rows = try workspace.query("SELECT party_id AS p FROM sample_draws WHERE period = '2026-Q4'")
        #expect(rows.count == 4)
        #expect(Set(rows).count == 4)
    }

    @Test func remedyOffersLapsingWithoutAnAnswerAreListed() throws {
        let workspace = try Workspace()
        _ = try lua(workspace, asOf: "2026-12-10", """
            for i, accept_by in ipairs{ "2026-12-21", "2026-12-29", "2027-01-04" } do
              local c = cases.intake{ received = "2026-12-01", channel = "email" }
              c:acknowledge{ on = "2026-12-02" }
              c:respond{ on = "2026-12-10", outcome = "upheld", findings = "Late",
                         remedy = { items = { { kind = "time_and_trouble", pence = 2500 * i, reason = "chasing" } },
                                    accept_by = accept_by } }
              if i == 1 then c:assign{ officer = "JB" } end
            end
            """)
        // On Tuesday 22 December, 3 working days ahead is Tuesday 29 December (23, 24, 29).
        let run = try workspace.jobs(["run", "remedy-offers", "--as-of", "2026-12-22"])
        #expect(run.stdout.hasPrefix("2026-12-22 remedy-offers: ok: 1 lapsed, 1 lapsing within 3 working days\n"), "\(run.stderr)")
        #expect(workspace.file("s-reports/remedy-offers/2026-12-22.txt") == """
            Remedy offers awaiting an answer on 2026-12-22 (lapsing by 2026-12-29)

            (unassigned)
              C-2026-000002  offered 2026-12-10  lapses 2026-12-29  £50.00
            JB
              C-2026-000001  offered 2026-12-10  LAPSED 2026-12-21  £25.00

            """)
    }
}
