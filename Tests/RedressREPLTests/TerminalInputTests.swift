import Foundation
import Testing

/// The real `redress` at a (pseudo-)terminal: readline editing, Tab, continuation, Ctrl-C,
/// history across sessions, Ctrl-D.
@Suite(.serialized, .timeLimit(.minutes(3))) struct TerminalInputTests {
    final class Session {
        let folder: URL
        let db: String
        init() throws {
            folder = try TestSupport.folder()
            db = folder.appendingPathComponent("t.sqlite").path
            let made = try Binary.run(["init", "--db", db])
            guard made.status == 0 else { throw POSIXError(.EIO) }
            let intake = try Binary.run(["--db", db, "-e", "cases.intake{ received = '2026-12-01', channel = 'email', summary = 'Leak' }"])
            guard intake.status == 0 else { throw POSIXError(.EIO) }
        }

        func start() throws -> PseudoTerminal {
            try PseudoTerminal(Binary.path, ["--db", db, "--as-of", "2026-12-23"], environment: [
                "HOME": folder.path, "XDG_STATE_HOME": folder.appendingPathComponent("state").path, "TERM": "xterm",
                "PATH": "/usr/bin:/bin", "REDRESS_USER": "tester", "LANG": "C.UTF-8",
            ])
        }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    @Test func tabCompletesContinuationPromptsAndCtrlCInterrupts() throws {
        let session = try Session()
        let terminal = try session.start()
        // Each step waits for the prompt after the last output before typing: keys typed while
        // a chunk runs would reach the terminal before readline has it in its own mode.
        #expect(terminal.wait(for: "· .help for help\n> "))

        // A partial name and Tab: `str` becomes `string`, `.up` becomes `.upper`; only the
        // completed call can print ABC.
        var mark = terminal.mark
        terminal.type("str\t")
        #expect(terminal.wait(for: "string", after: mark))
        terminal.type(".up\t")
        #expect(terminal.wait(for: "string.upper", after: mark))
        terminal.type("('abc')\r")
        #expect(terminal.wait(for: "\nABC\n> ", after: mark))

        // A case reference from the store after cases.get("; readline closes the string.
        mark = terminal.mark
        terminal.type("cases.get(\"C-2026-00\t")
        #expect(terminal.wait(for: "C-2026-000001\"", after: mark))
        terminal.type(").summary\r")
        #expect(terminal.wait(for: "\nLeak\n> ", after: mark))

        // An unfinished function continues on the second prompt.
        mark = terminal.mark
        terminal.type("function f()\r")
        #expect(terminal.wait(for: ">> ", after: mark))
        terminal.type("return 6 * 7 end\r")
        #expect(terminal.wait(for: "return 6 * 7 end\n> ", after: mark))
        mark = terminal.mark
        terminal.type("f()\r")
        #expect(terminal.wait(for: "\n42\n> ", after: mark))

        // Ctrl-C during a long loop: the chunk stops, the prompt comes back, the session goes on.
        mark = terminal.mark
        terminal.type("n = 0 while true do n = n + 1 end\r")
        Thread.sleep(forTimeInterval: 1.5)
        terminal.type("\u{3}")
        #expect(terminal.wait(for: "stdin:1: interrupted\n> ", after: mark))
        mark = terminal.mark
        terminal.type("n > 0\r")
        #expect(terminal.wait(for: "\ntrue\n> ", after: mark))

        // Ctrl-C during an SQL statement that never ends stops it (sqlite3_interrupt).
        mark = terminal.mark
        terminal.type("sql('with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c')\r")
        Thread.sleep(forTimeInterval: 1.5)
        terminal.type("\u{3}")
        #expect(terminal.wait(for: "stdin:1: interrupted\n> ", after: mark))

        // Ctrl-D at an empty prompt leaves.
        terminal.type("\u{4}")
        #expect(terminal.exitStatus() == 0)
    }

    @Test func historyKeepsWholeChunksAcrossSessions() throws {
        let session = try Session()
        let first = try session.start()
        #expect(first.wait(for: "> "))
        first.type("function g()\r")
        #expect(first.wait(for: ">> "))
        first.type("return 'again' end\r")
        #expect(first.wait(for: "again' end\n> "))
        first.type(".quit\r")
        #expect(first.exitStatus() == 0)

        let second = try session.start()
        #expect(second.wait(for: "> "))
        // Up twice recalls the two-line chunk whole; Enter defines g again.
        second.type("\u{1B}[A\u{1B}[A\r")
        #expect(second.wait(for: "again' end\n> "))
        let mark = second.mark
        second.type("g()\r")
        #expect(second.wait(for: "\nagain\n> ", after: mark))
        second.type("\u{4}")
        #expect(second.exitStatus() == 0)
        let history = try String(contentsOfFile: session.folder.path + "/state/redress/history", encoding: .utf8)
        // The recalled chunk, entered again, is the newest entry again.
        #expect(history == "function g()\\nreturn 'again' end\n.quit\nfunction g()\\nreturn 'again' end\ng()\n")
    }
}
