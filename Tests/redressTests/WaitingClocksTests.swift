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
}
