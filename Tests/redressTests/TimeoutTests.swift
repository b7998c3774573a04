import Foundation
import Testing

/// `--timeout`: a run stops after so many seconds of wall-clock time, whatever it is doing (Lua
/// code, a long string-pattern or table call, an SQL statement), with a message naming the
/// limit, exit code 1, and none of its changes kept.
@Suite struct TimeoutTests {
    /// A store with the sample pack, in a fresh folder.
    func store() throws -> (folder: URL, db: String) {
        let folder = URL(fileURLWithPath: "/tmp/rt-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = folder.appendingPathComponent("t.sqlite").path
        #expect(try Redress.run(["init", "--db", db]).status == 0)
        return (folder, db)
    }

    /// Runs `redress` and measures how long it took.
    func timed(_ arguments: [String]) throws -> (result: Redress.Result, seconds: Double) {
        let start = Date()
        let result = try Redress.run(arguments)
        return (result, Date().timeIntervalSince(start))
    }

    let intake = "cases.intake{ received = '2026-12-22', channel = 'phone', complainant = { name = 'Ann' } } "

    @Test(.timeLimit(.minutes(5)), arguments: [
        "while true do end",
        "while true do pcall(function() while true do end end) end",
        // C calls the instruction count cannot see: a backtracking pattern, a huge table.move.
        "print(string.rep('a', 300000):find('.-b'))",
        "for _ in string.rep('a', 300000):gmatch('.-b') do end",
        "table.move({}, 1, 1e15, 2)",
    ])
    func aRunStopsAtItsTimeLimit(code: String) throws {
        let (result, seconds) = try timed(["--timeout", "1", "-e", code])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("redress: (command line):1: run stopped after 1 s (--timeout)\n"))
        #expect(result.stdout == "")
        #expect(seconds < 8)
    }

    @Test(.timeLimit(.minutes(5))) func aLongSQLStatementIsInterruptedAndTheRunRolledBack() throws {
        let (folder, db) = try store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let forever = "sql('with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c')"
        let (result, seconds) = try timed(["--db", db, "--timeout", "1", "-e", intake + forever])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("redress: (command line):1: run stopped after 1 s (--timeout)\n"))
        #expect(seconds < 8)
        #expect(try Redress.run(["--db", db, "-e", "print(#cases.find{})"]).stdout == "0\n")
        // Caught by pcall, the interrupted statement does not let the run go on.
        let (caught, _) = try timed(["--db", db, "--timeout", "1", "-e", intake + "while true do pcall(sql, '" +
                                     "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c') end"])
        #expect(caught.status == 1)
        #expect(caught.stderr.contains("run stopped after 1 s (--timeout)"))
        #expect(try Redress.run(["--db", db, "-e", "print(#cases.find{})"]).stdout == "0\n")
    }

    @Test(.timeLimit(.minutes(5))) func aScriptPastItsTimeLimitKeepsNothing() throws {
        let (folder, db) = try store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("slow.lua")
        try (intake + "\nprint('written')\nlocal s = string.rep('a', 300000)\nprint(s:match('.-b'))\n")
            .write(to: script, atomically: true, encoding: .utf8)
        let (result, seconds) = try timed(["run", "--db", db, "--timeout", "1", script.path])
        #expect(result.status == 1)
        #expect(result.stdout == "written\n")
        #expect(result.stderr.hasPrefix("redress: \(script.path):4: run stopped after 1 s (--timeout)\n"))
        #expect(seconds < 8)
        #expect(try Redress.run(["--db", db, "-e", "print(#cases.find{})"]).stdout == "0\n")
    }

    @Test func theLimitIsOneForTheWholeRunAndZeroMeansNone() throws {
        // Two chunks of about 0.6 s each: each fits in 1 s, both together do not.
        let busy = "local t = os.clock() + 0.6 while os.clock() < t do end"
        let both = try Redress.run(["--timeout", "1", "-e", busy, "-e", busy, "-e", "print('done')"])
        #expect(both.status == 1)
        #expect(both.stderr.contains("run stopped after 1 s (--timeout)"))
        #expect(try Redress.run(["--timeout", "0", "-e", busy, "-e", "print('done')"]).stdout == "done\n")
        #expect(try Redress.run(["--timeout", "0.5", "-e", "print(1)"]).stdout == "1\n")
    }

    @Test func aBadTimeoutIsAUsageError() throws {
        for bad in ["-1", "nan", "abc", "1e30"] {
            let result = try Redress.run(["--timeout", bad, "-e", "print(1)"])
            #expect(result.status == 2, "--timeout \(bad)")
        }
    }

    @Test(.timeLimit(.minutes(5))) func aJobPastItsTimeLimitFailsKeepsNothingAndIsRecorded() throws {
        let workspace = try JobsCommandTests.Workspace()
        let ref = try Redress.run(["--db", workspace.db, "--as-of", "2026-12-21", "-e",
                                   "print(cases.intake{ received = '2026-12-21', channel = 'email' }.ref)"])
        #expect(ref.stdout == "C-2026-000001\n")
        try workspace.job("stuck", """
            return {
              schedule = "daily",
              run = function(job)
                cases.get("C-2026-000001"):assign{ officer = "JB" }
                job:write("stuck.txt", "never")
                return ("a"):rep(300000):match(".-b")
              end,
            }
            """)
        let start = Date()
        let result = try workspace.jobs(["run", "stuck", "--as-of", "2026-12-22", "--timeout", "1"])
        #expect(Date().timeIntervalSince(start) < 15)
        #expect(result.status == 1)
        #expect(result.stdout.contains("2026-12-22 stuck: failed"))
        #expect(result.stderr.contains("s-jobs/stuck.lua:6: run stopped after 1 s (--timeout)"))
        #expect(try workspace.query("SELECT assigned FROM assignments") == [])
        #expect(workspace.file("s-reports/stuck.txt") == nil)
        #expect(try workspace.query("SELECT due, status FROM job_runs WHERE job = 'stuck'") == ["2026-12-22|failed"])
    }

    @Test(.timeLimit(.minutes(5))) func eachChunkPipedIntoTheREPLHasTheLimit() throws {
        let start = Date()
        let result = try Redress.run(["--timeout", "1"], input: "print(1)\nwhile true do end\nprint(2)\n")
        #expect(Date().timeIntervalSince(start) < 8)
        #expect(result.stdout == "1\n2\n")
        #expect(result.stderr == "stdin:2: run stopped after 1 s (--timeout)\n")
        #expect(result.status == 1)
    }
}
