import Foundation
import Testing

/// `redress -e` and `redress run` as a user runs them: output, exit codes and messages.
@Suite struct RunCommandTests {
    @Test func theIssuesExamplesWorkExactly() throws {
        #expect(try Redress.run(["-e", "print(calendar:add_working_days(\"2026-12-22\", 5))"])
            == .init(status: 0, stdout: "2026-12-31\n", stderr: ""))
        #expect(try Redress.run(["--region", "scotland", "-e", "print(calendar:add_working_days(\"2026-06-12\", 1))"]).stdout
            == "2026-06-16\n")
        #expect(try Redress.run(["-e", "print(date(\"2026-03-31\"):add_months(1))"]).stdout == "2026-04-30\n")
        let refused = try Redress.run(["-e", "os.execute(\"true\")"])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("redress: (command line):1: os.execute is not available in the sandbox"))
    }

    @Test func chunksRunInOrderInOneState() throws {
        #expect(try Redress.run(["-e", "x = 1", "-e", "x = x + 1", "-e", "print(x)"]).stdout == "2\n")
    }

    @Test func asOfSetsToday() throws {
        #expect(try Redress.run(["--as-of", "2026-12-22", "-e", "print(date.today())"]).stdout == "2026-12-22\n")
        let bad = try Redress.run(["--as-of", "2026-02-30", "-e", "print(1)"])
        #expect(bad.status == 2)
        #expect(bad.stderr == "redress: --as-of: invalid date '2026-02-30': February 2026 has 28 days\n")
    }

    @Test func optionsGoBeforeTheScriptAndEverythingAfterIsTheScripts() throws {
        let folder = URL(fileURLWithPath: "/tmp/rr-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("args.lua")
        try "print(date.today(), select('#', ...), ...)\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try Redress.run(["run", "--as-of", "2026-12-22", "--region", "scotland", script.path, "a", "-x", "--flag"])
        #expect(result == .init(status: 0, stdout: "2026-12-22\t3\ta\t-x\t--flag\n", stderr: ""))
        let db = folder.appendingPathComponent("r.sqlite").path
        #expect(try Redress.run(["init", "--db", db]).status == 0)
        try "print(#cases.find{})\n".write(to: script, atomically: true, encoding: .utf8)
        #expect(try Redress.run(["run", "--db", db, script.path]).stdout == "0\n")
    }

    @Test func aScriptErrorExitsOneWithFileLineAndTraceback() throws {
        // A short path: Lua abbreviates chunk names over 60 characters in messages.
        let folder = URL(fileURLWithPath: "/tmp/rr-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("fails.lua")
        try "local function check(n)\n  if tonumber(n) > 1 then error('too many: ' .. n) end\nend\ncheck(...)\nprint('unreached')\n"
            .write(to: script, atomically: true, encoding: .utf8)
        let result = try Redress.run(["run", script.path, "2"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("redress: \(script.path):2: too many: 2\nstack traceback:\n"))
        #expect(result.stderr.contains("\(script.path):4: in main chunk"))
    }

    @Test func scriptsGetArgumentsAndRequireFromTheirFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redress-run-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "return { twice = function(s) return s .. s end }\n"
            .write(to: folder.appendingPathComponent("helper.lua"), atomically: true, encoding: .utf8)
        let script = folder.appendingPathComponent("main.lua")
        try "local helper = require 'helper'\nprint(#arg, arg[0] ~= nil, helper.twice(arg[1]), select('#', ...), ...)\n"
            .write(to: script, atomically: true, encoding: .utf8)
        let result = try Redress.run(["run", script.path, "ab", "--flag"])
        #expect(result == .init(status: 0, stdout: "2\ttrue\tabab\t2\tab\t--flag\n", stderr: ""))
    }

    @Test func usageErrorsExitTwo() throws {
        let missing = try Redress.run(["run", "/nonexistent/script.lua"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "redress: script: cannot open '/nonexistent/script.lua'\n")
        #expect(try Redress.run(["--max-instructions", "-5", "-e", ""]).status == 2)
        #expect(try Redress.run(["--frobnicate"]).status == 2)
    }

    @Test func syntaxErrorsExitOneNamingTheLine() throws {
        let result = try Redress.run(["-e", "local x = = 1"])
        #expect(result.status == 1)
        #expect(result.stderr == "redress: (command line):1: unexpected symbol near '='\n")
    }

    @Test func limitsStopRunawayScripts() throws {
        let loop = try Redress.run(["--max-instructions", "1000000", "-e", "while true do end"])
        #expect(loop.status == 1)
        #expect(loop.stderr.contains("instruction limit exceeded (1000000 instructions; raise it with --max-instructions)"))
        let memory = try Redress.run(["--max-memory", "16", "-e", "local t = {} while true do t[#t+1] = ('x'):rep(1e6) end"])
        #expect(memory.status == 1)
        #expect(memory.stderr.contains("memory limit exceeded (16 MB; raise it with --max-memory)"))
    }

    @Test func unsafeLiftsTheSandbox() throws {
        #expect(try Redress.run(["--unsafe", "-e", "print(os.execute('true'))"]).stdout == "true\texit\t0\n")
    }
}
