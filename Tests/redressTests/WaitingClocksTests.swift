import Foundation
import Testing

/// No clock vanishes silently (issue 16 item 3), on a WDH store: WDH's stage 1 response runs "10
/// working days from the complaint being logged" (seeds/002), so a complaint acknowledged but
/// never logged has a response clock waiting for the logging, not none at all.
@Suite struct WaitingClocksTests {
    @Test func aResponseWhoseClockNeverStartedIsRefusedAndTheClockShowsAsWaiting() throws {
        let folder = URL(fileURLWithPath: "/tmp/rw-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("w.sqlite").path
        #expect(try Redress.run(["init", "--db", db, "--policy", "wdh"]).status == 0)
        let result = try Redress.run(["--db", db, "--as-of", "2026-11-16", "-e", """
            local c = cases.intake{ received = "2026-11-02", channel = "email", summary = "Damp", asked_for_complaint = true,
                                    complainant = { name = "Ann Example" } }
            c:acknowledge{ on = "2026-11-03" }
            local names = {}
            for _, w in ipairs(c.waiting) do names[#names + 1] = w.clock .. " from " .. w.from end
            print(table.concat(names, "; "))
            print(c.due.acknowledge, c.due.allocate, c.due.respond)
            local ok, why = pcall(c.respond, c, { on = "2026-11-16", outcome = "upheld", findings = "x" })
            print(ok, why)
            c:logged{ on = "2026-11-04" }
            print(#c.waiting, c.due.respond)
            """])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The customer's escalation window waits for the decision letter, as it should.
        #expect(lines[0] == "contact from logged; escalation_window from decision_sent; respond from logged")
        // The acknowledgement was met on 3 November: c.due keeps only the unmet allocation
        // (5 working days from Monday 2 November: Monday 9 November).
        #expect(lines[1] == "nil\t2026-11-09\tnil")
        #expect(lines[2].hasPrefix("false\t"))
        #expect(lines[2].contains("stage 1's respond clock has not started: it runs from logged, which has not been recorded (record it first with c:logged{ on = })"))
        // Logged on Wednesday 4 November: 10 working days is Wednesday 18 November.
        #expect(lines[3] == "1\t2026-11-18")
    }

    /// For every case of the store: is it in `cases.find{ waiting = true }`, `false`, and each
    /// event's list exactly when `c.waiting` says so? Prints the disagreements, then how many cases
    /// each filter found.
    static let agreement = """
        local all = cases.find{}
        local function check(filter, expected)
          local found = {}
          for _, c in ipairs(cases.find(filter)) do found[c.ref] = true end
          local n = 0
          for _, c in ipairs(all) do
            local want = expected(c)
            if want then n = n + 1 end
            if want ~= (found[c.ref] == true) then print("disagree", tostring(filter.waiting), c.ref) end
          end
          return n
        end
        local counts = { #all, check({ waiting = true }, function(c) return #c.waiting > 0 end),
                         check({ waiting = false }, function(c) return #c.waiting == 0 end) }
        for _, event in ipairs{ "logged", "acknowledged", "decision_sent" } do
          counts[#counts + 1] = check({ waiting = event }, function(c)
            for _, w in ipairs(c.waiting) do if w.from == event then return true end end
            return false
          end)
        end
        print(table.concat(counts, " "))
        """

    /// A sample store (`redress sample`) imported into a landlord's store and worked by the
    /// sample casework, with a complaint referred back and one at a later stage not yet logged.
    @Test(arguments: ["wdh", "willow-tree", "halton"])
    func findWaitingAgreesWithCWaitingOnEveryCaseOfASampleStore(pack: String) throws {
        let folder = URL(fileURLWithPath: "/tmp/rw-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("s.sqlite").path, csv = folder.appendingPathComponent("intake.csv").path
        #expect(try Redress.run(["init", "--db", db, "--policy", pack]).status == 0)
        #expect(try Redress.run(["sample", "--contacts", "300", "--seed", "16", "--from", "2026-10-01", "--to", "2026-12-31",
                                 "--output", csv]).status == 0)
        let imported = try Redress.run(["import", "--db", db, csv])
        #expect(imported.status == 0, "\(imported.stderr)")
        let casework = SamplesTests.samples.appendingPathComponent("scripts/casework.lua").path
        let worked = try Redress.run(["run", "--db", db, "--as-of", "2027-01-04", casework])
        #expect(worked.status == 0, "\(worked.stderr)")
        if pack == "wdh" {
            #expect(try Redress.run(["--db", db, "--as-of", "2027-01-07", "-e", PackJobsTests.unloggedComplaints]).status == 0)
        }
        let result = try Redress.run(["--db", db, "--as-of", "2027-01-07", "-e", Self.agreement])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("disagree"), "\(result.stdout)")
        let counts = result.stdout.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        try #require(counts.count == 6, "\(result.stdout)")
        // Every case is in one of waiting = true and waiting = false; some are in each.
        #expect(counts[1] + counts[2] == counts[0] && counts[1] > 0 && counts[2] > 0, "\(result.stdout)")
        switch pack {
        case "wdh": #expect(counts[3] > 0, "WDH's clocks wait for the logging: \(result.stdout)")
        case "willow-tree": #expect(counts[4] > 0, "Willow Tree's response waits for the acknowledgement: \(result.stdout)")
        default: #expect(counts[5] > 0, "the escalation window waits for the decision: \(result.stdout)")
        }
    }

    @Test func theReadmesLoopOverTheCasesWaitingForTheLoggingPrintsWhatItShows() throws {
        let readme = try String(contentsOf: SamplesTests.root.appendingPathComponent("README.md"), encoding: .utf8)
        let fence = "  ```lua\n"
        let start = try #require(readme.range(of: fence + "  for _, c in ipairs(cases.find{ waiting = \"logged\" })"))
        let end = try #require(readme.range(of: "\n  ```", range: start.upperBound..<readme.endIndex))
        let block = readme[readme.index(start.lowerBound, offsetBy: fence.count)..<end.lowerBound].split(separator: "\n").map { $0.dropFirst(2) }
        let code = block.filter { !$0.hasPrefix("-->") }.joined(separator: "\n")
        // The example's lines, without their notes in brackets.
        let shown = block.filter { $0.hasPrefix("-->") }.map { line in
            line.dropFirst(3).split(separator: "(")[0].split(separator: " ").joined(separator: "\t")
        }
        let folder = URL(fileURLWithPath: "/tmp/rw-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("w.sqlite").path
        #expect(try Redress.run(["init", "--db", db, "--policy", "wdh"]).status == 0)
        #expect(try Redress.run(["--db", db, "--as-of", "2027-01-07", "-e", PackJobsTests.unloggedComplaints]).status == 0)
        let result = try Redress.run(["--db", db, "--as-of", "2027-01-07", "-e", code])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(shown.count == 5)
        #expect(result.stdout.split(separator: "\n").map(String.init) == shown, "\(result.stdout)")
    }

    @Test func theCardShowsWhatEachClockWaitsForAndForHowLong() throws {
        let folder = URL(fileURLWithPath: "/tmp/rw-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("w.sqlite").path
        #expect(try Redress.run(["init", "--db", db, "--policy", "wdh"]).status == 0)
        #expect(try Redress.run(["--db", db, "--as-of", "2027-01-07", "-e", PackJobsTests.unloggedComplaints]).status == 0)
        let session = try Redress.run(["--db", db, "--as-of", "2027-01-07"],
                                      input: "cases.get('C-2026-000001')\ncases.get('C-2026-000002')\ncases.get('C-2027-000001')\n")
        #expect(session.status == 0, "\(session.stderr)")
        // Case 1: logging owed Thursday 31 December 2026 (five working days from Tuesday 22
        // December, over Christmas), 4 working days late on Thursday 7 January 2027.
        #expect(session.stdout.contains("""
              waiting      contact, respond wait for logged since 2026-12-22 · owed by 2026-12-31, 4 working days late
                           escalation_window waits for decision_sent (owed by the respond clock)
            """), "\(session.stdout)")
        // Case 2, escalated on Thursday 3 December: 22 working days, with no limit in WDH's procedure.
        #expect(session.stdout.contains("  waiting      respond waits for logged since 2026-12-03 · 22 working days; the pack sets no limit\n"),
                "\(session.stdout)")
        // Case 4, received Tuesday 5 January: owed by Tuesday 12 January, 3 working days away.
        #expect(session.stdout.contains("  waiting      contact, respond wait for logged since 2027-01-05 · owed by 2027-01-12, in 3 working days\n"),
                "\(session.stdout)")
    }
}
