import Foundation
import Testing

/// `redress explain`, `c:explain` and the REPL's `.explain` on a hos-code store, the dates worked
/// by hand from GOV.UK's bank holidays for England and Wales.
@Suite struct ExplainCommandTests {
    /// A complaint received on Saturday 26 December 2026, acknowledged Wednesday 30 December, its
    /// response extended by 5 working days.
    static func store() throws -> (folder: URL, db: String) {
        let folder = URL(fileURLWithPath: "/tmp/rx-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = folder.appendingPathComponent("x.sqlite").path
        #expect(try Redress.run(["init", "--db", db, "--policy", "hos-code"]).status == 0)
        let made = try Redress.run(["--db", db, "--as-of", "2026-12-30", "-e", """
            local c = cases.intake{ received = "2026-12-26", channel = "email", summary = "Boiler",
                                    complainant = { name = "Ann Example" } }
            c:acknowledge{ on = "2026-12-30" }
            c:extend{ clock = "respond", working_days = 5, reason = "heating engineer's report" }
            """])
        #expect(made.status == 0, "\(made.stderr)")
        return (folder, db)
    }

    @Test func theCommandLineExplainsEveryClockOfTheStage() throws {
        let (folder, db) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Redress.run(["--db", db, "explain", "C-2026-000001"])
        #expect(result.status == 0, "\(result.stderr)")
        // Acknowledge: Saturday 26 December rolls to Tuesday 29 (past Sunday 27 and Monday 28,
        // Boxing Day's substitute); 5 working days on: 30, 31 December, 4, 5, 6 January.
        #expect(result.stdout.contains("""
            Clock acknowledge of stage 1: due 2027-01-06
              clause     Code 6.2
              rule       5 working days from received
              anchor     received on 2026-12-26 (Saturday)
              roll       not a working day: counting starts on 2026-12-29 (Tuesday), past 2026-12-26 Saturday, 2026-12-27 Sunday, 2026-12-28 Boxing Day (substitute day)
              count      5 working days after 2026-12-29: 2027-01-06; skipped 2027-01-01 New Year’s Day and 2 weekend days
              met        2026-12-30, on time
            """))
        // Respond: 10 working days after 30 December is 14 January; 5 more, 21 January.
        #expect(result.stdout.contains("""
            Clock respond of stage 1: due 2027-01-21
              clause     Code 6.3
              rule       10 working days from acknowledged
              anchor     acknowledged on 2026-12-30 (Wednesday)
              count      10 working days after 2026-12-30: 2027-01-14; skipped 2027-01-01 New Year’s Day and 4 weekend days
              extended   on 2026-12-30 by 5 working days ("heating engineer's report"): 2027-01-14 to 2027-01-21; skipped 2 weekend days
            """))
    }

    @Test func theCaseExplanationBeginsWithItsIntake() throws {
        let (folder, db) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        // An issue of 10 January 2025 the resident learned of on 1 March 2026: the Code 2.3's 12
        // months run from the later date, to 1 March 2027.
        let made = try Redress.run(["--db", db, "-e", """
            cases.intake{ received = "2026-12-22", channel = "letter", event_date = "2025-01-10", aware_date = "2026-03-01",
                          dissatisfied = true }
            """])
        #expect(made.status == 0, "\(made.stderr)")
        let result = try Redress.run(["--db", db, "explain", "C-2026-000002"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("""
            C-2026-000002
            Intake on 2026-12-22: complaint, stage 1, open
              facts      aware_date 2026-03-01 · channel letter · dissatisfied · event_date 2025-01-10 · received 2026-12-22
              triage     complaint, stage 1
              window     within: 12 months from aware_date 2026-03-01, last day 2027-03-01; received 2026-12-22 [Code 2.3]

            Clock acknowledge of stage 1: due 2026-12-31
            """))
    }

    @Test func refusalsNameWhatIsMissing() throws {
        let (folder, db) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Redress.run(["--db", db, "explain", "C-2026-000009"])
            == .init(status: 2, stdout: "", stderr: "redress: no case 'C-2026-000009'\n"))
        #expect(try Redress.run(["--db", db, "explain", "C-2026-000001", "reply"])
            == .init(status: 2, stdout: "", stderr: "redress: C-2026-000001: stage 1 has no clock 'reply' (its clocks: acknowledge, respond)\n"))
    }

    @Test func luaGetsTheSameAsATable() throws {
        let (folder, db) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Redress.run(["--db", db, "-e", """
            local e = cases.get("C-2026-000001"):explain("respond")
            print(e.anchor, e.anchor_date, e.start, e.due, e.due_now, e.rule, e.clause)
            print(e.skipped[1].date, e.skipped[1].reason, e.skipped[1].kind, #e.skipped)
            print(e.extensions[1].by, e.extensions[1].reason, e.extensions[1].from, e.extensions[1].to, e.extensions[1].agreed)
            """])
        #expect(result == .init(status: 0, stdout: """
            acknowledged\t2026-12-30\t2026-12-30\t2027-01-14\t2027-01-21\t10 working days\tCode 6.3
            2027-01-01\tNew Year’s Day\tbank holiday\t5
            5 working days\theating engineer's report\t2027-01-14\t2027-01-21\tfalse

            """, stderr: ""))
    }

    /// Answered Monday 25 January 2027, four calendar days after its due date (Thursday 21) but
    /// two working days (Friday 22, Monday 25): lateness is in the Code's unit.
    @Test func aLateAnswerIsLateByWorkingDays() throws {
        let (folder, db) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Redress.run(["--db", db, "-e", """
            local c = cases.get("C-2026-000001")
            c:respond{ on = "2027-01-25", outcome = "upheld" }
            local e = c:explain("respond")
            print(e.met, e.met_late, e.late_by, c.clocks[2].name, c.clocks[2].late_by, c.clocks[1].late_by)
            print(e.text:match("  met [^\\n]*"))
            """])
        #expect(result == .init(status: 0, stdout: """
            2027-01-25\ttrue\t2\trespond\t2\tnil
              met        2027-01-25, late by 2 working days

            """, stderr: ""))
    }

    @Test func theWorkbenchExplainsToo() throws {
        let (folder, db) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Redress.run(["--db", db], input: ".explain C-2026-000001 acknowledge\n")
        #expect(result.stdout.contains("Clock acknowledge of stage 1: due 2027-01-06"))
        #expect(result.stdout.contains("skipped 2027-01-01 New Year’s Day and 2 weekend days"))
    }
}
