import Foundation
import Testing
import RedressCore
@testable import RedressREPL

/// The loop over lines: chunks, continuation, dot-commands, exit status.
@Suite struct REPLTests {
    @Test func inputThatIsNotATerminalRunsChunkByChunkAndFailsTheStatus() throws {
        let fixture = try Fixture()
        let input = ScriptedInput(["x = 1", "function f()", "  return x + 1", "end", "f()", "error('boom')", "",
                                   ".mode json", "{ 1, 2 }", ".5 * 4"])
        let status = fixture.repl().run(input: input)
        #expect(status == 1)
        #expect(fixture.stdout == "2\n[1,2]\n2.0\n")
        #expect(fixture.stderr == "stdin:6: boom\n")
        #expect(input.prompts == ["> ", "> ", ">> ", ">> ", "> ", "> ", "> ", "> ", "> ", "> ", "> "])
    }

    @Test func atATerminalABannerHistoryOfWholeChunksAndTheSessionGoesOn() throws {
        let fixture = try Fixture()
        let input = ScriptedInput(["function f()", "return 42 end", "f()", "nothing()"], interactive: true)
        #expect(fixture.repl().run(input: input) == 0)
        #expect(fixture.stdout == "Redress test · store \(fixture.path) · policy hos-code · today 2026-12-23 (--as-of) · .help for help\n42\n")
        #expect(fixture.stderr == "stdin:1: attempt to call a nil value (global 'nothing')\n")
        #expect(input.remembered == ["function f()\nreturn 42 end", "f()", "nothing()"])
    }

    @Test func ctrlCDropsAnUnfinishedChunkAndEndOfInputReportsOne() throws {
        let fixture = try Fixture()
        let dropped = ScriptedInput(events: [.line("function g()"), .interrupted, .line("g"), .end], interactive: true)
        #expect(fixture.repl().run(input: dropped) == 0)
        #expect(fixture.stdout.hasSuffix("nil\n"))
        let other = try Fixture()
        #expect(other.repl().run(input: ScriptedInput(["x = 1", "function f()", "return 1"])) == 1)
        #expect(other.stderr == "stdin:3: 'end' expected (to close 'function' at line 2) near <eof>\n")
    }

    /// `.read` runs a file that logs a contact and returns the length of the case's history
    /// (received, contact: 2).
    @Test func dotCommands() throws {
        let fixture = try Fixture()
        let ref = try fixture.intake()
        let results = fixture.folder.appendingPathComponent("results.txt").path
        let script = fixture.folder.appendingPathComponent("log.lua").path
        try "cases.get('\(ref)'):log{ channel = 'phone', direction = 'in', summary = 'Chased' }\nreturn #cases.get('\(ref)'):history()\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        let input = ScriptedInput([
            "date.today()", ".asof 2027-01-04", "date.today()", ".asof",
            ".mode csv", ".mode", ".mode column",
            ".output \(results)", "'to the file'", ".output", "'to the screen'",
            ".read \(script)", ".schema settings", ".tables", ".policy",
            ".timer on", "1", ".timer off",
            ".open /nonexistent/store.sqlite", ".frob", ".quit", "'not reached'",
        ])
        #expect(fixture.repl().run(input: input) == 1)
        let out = fixture.stdout
        #expect(out.hasPrefix("2026-12-23\ntoday is 2027-01-04\n2027-01-04\ntoday is 2027-01-04\ncsv\nto the screen\n2\n"))
        #expect(try String(contentsOfFile: results, encoding: .utf8) == "to the file\n")
        #expect(out.contains("CREATE TABLE settings ("))
        #expect(out.contains("open_cases"))
        #expect(out.contains("hos-code: Housing Ombudsman Complaint Handling Code 2024\n"))
        #expect(out.contains("  stage 1   acknowledge 5 working days from received; respond 10 working days from acknowledged"))
        #expect(out.contains("1\nRun time: 0."))
        #expect(!out.contains("not reached"))
        #expect(fixture.stderr == """
            .open: no store at '/nonexistent/store.sqlite' (create one with `redress init --db /nonexistent/store.sqlite`)
            unknown command '.frob' (.help lists them)

            """)
        #expect(try fixture.count("contacts") == 1)
    }

    /// `.once FILE` sends the next result only to FILE, created owner-only; then the screen.
    @Test func onceSendsTheNextResultOnlyToAFile() throws {
        let fixture = try Fixture()
        let file = fixture.folder.appendingPathComponent("once.csv").path
        let unused = fixture.folder.appendingPathComponent("unused.csv").path
        // A dot-command after `.once` is what it was for: 'after' comes to the screen.
        let input = ScriptedInput([".mode csv", ".once \(file)", "sql('select 1 as a, 2 as b')", "'screen'", ".once \(unused)", ".mode", "'after'"])
        #expect(fixture.repl().run(input: input) == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "a,b\r\n1,2\r\n")
        #expect(try String(contentsOfFile: unused, encoding: .utf8) == "")
        #expect(fixture.stdout == "screen\r\ncsv\nafter\r\n")
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int == 0o600)
    }

    /// `.import` makes temp.TABLE, which sql() reads and joins to the store's cases; a taken
    /// name, a repeated column or a ragged row is refused, naming it, and nothing is made.
    @Test func importMakesATemporaryTableSQLCanJoin() throws {
        let fixture = try Fixture()
        let first = try fixture.intake(summary: "Leak")
        let second = try fixture.intake(summary: "Mould", name: "Bo Example")
        let good = fixture.folder.appendingPathComponent("paid.csv").path
        try "ref,amount,note\r\n\(first),120,\"first, with a comma\"\r\n\(second),5,second\r\n".write(toFile: good, atomically: true, encoding: .utf8)
        let ragged = fixture.folder.appendingPathComponent("ragged.csv").path
        try "ref,amount\n\(first),1\n\(second)\n".write(toFile: ragged, atomically: true, encoding: .utf8)
        let twice = fixture.folder.appendingPathComponent("twice.csv").path
        try "ref,Ref\nC-1,C-2\n".write(toFile: twice, atomically: true, encoding: .utf8)
        let input = ScriptedInput([
            ".import \(ragged) extra", ".import \(twice) extra", ".import \(good) cases", ".import /nonexistent.csv extra",
            ".import \(good) extra", ".import \(good) EXTRA",
            "sql('select c.summary, e.amount, e.note from cases c join temp.extra e on e.ref = c.ref order by c.id')",
        ])
        #expect(fixture.repl().run(input: input) == 1)
        #expect(fixture.stderr == """
            .import: '\(ragged)' row 3 has 1 field where the header has 2: nothing was imported
            .import: '\(twice)' row 1: columns 1 and 2 are both named 'Ref'
            .import: the name 'cases' is taken: choose another (.tables lists the store's)
            .import: cannot read '/nonexistent.csv': No such file or directory
            .import: the name 'EXTRA' is taken (by 'extra'): choose another (.tables lists the store's)

            """)
        #expect(fixture.stdout == """
            temp.extra: 2 rows, columns ref, amount, note
            summary  amount  note
            -------  ------  -------------------
            Leak     120     first, with a comma
            Mould    5       second
            (2 rows)

            """)
        // Made on the session's connection only: the store's file holds no such table.
        #expect(try fixture.store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master WHERE name = 'extra'") } == 0)
    }

    @Test func helpListsEveryCommand() throws {
        let fixture = try Fixture()
        _ = fixture.repl().run(input: ScriptedInput([".help"]))
        for entry in DotCommand.entries {
            #expect(fixture.stdout.contains("  .\(entry.name)"))
        }
    }

    @Test func theBinaryReadsASessionFromAPipe() throws {
        let folder = try TestSupport.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("s.sqlite").path
        #expect(try Binary.run(["init", "--db", db]).status == 0)
        let session = """
            c = cases.intake{ received = "2026-12-01", channel = "email", summary = "Leak" }
            c.ref
            #cases.find{}
            c:nothing()
            """
        let result = try Binary.run(["--db", db, "--as-of", "2026-12-23"], input: session)
        #expect(result.status == 1)
        #expect(result.stdout == "C-2026-000001\n1\n")
        #expect(result.stderr == "stdin:4: attempt to call a nil value (method 'nothing')\n")
        let fine = try Binary.run(["--db", db], input: "#cases.find{}\n")
        #expect(fine == .init(status: 0, stdout: "1\n", stderr: ""))
    }
}
