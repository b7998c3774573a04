import Foundation
import Testing

/// The sqlite3 shell's habits in the real `redress` at a pseudo-terminal of 80 and 60 columns:
/// `.mode box`, `.headers off`, `.once`, `.import` joined to the cases, and a case table that
/// keeps references, dates and status whole.
@Suite(.serialized, .timeLimit(.minutes(3))) struct REPLTerminalTests {
    final class Session {
        let folder: URL
        let db: String
        let csv: String
        let once: String
        init() throws {
            folder = try TestSupport.folder()
            db = folder.appendingPathComponent("t.sqlite").path
            csv = folder.appendingPathComponent("paid.csv").path
            once = folder.appendingPathComponent("once.txt").path
            try "ref,amount\nC-2026-000001,120\nC-2099-000001,7\n".write(toFile: csv, atomically: true, encoding: .utf8)
            let made = try Binary.run(["init", "--db", db])
            guard made.status == 0 else { throw POSIXError(.EIO) }
            let intake = try Binary.run(["--db", db, "-e", """
                cases.intake{ received = '2026-12-01', channel = 'email', complainant = { name = 'Ann Example' },
                              summary = 'Damp in the bedroom, reported three times since the summer and never fixed' }
                """])
            guard intake.status == 0 else { throw POSIXError(.EIO) }
        }

        func start(columns: UInt16) throws -> PseudoTerminal {
            try PseudoTerminal(Binary.path, ["--db", db, "--as-of", "2026-12-23"], environment: [
                "HOME": folder.path, "XDG_STATE_HOME": folder.appendingPathComponent("state").path, "TERM": "xterm",
                "PATH": "/usr/bin:/bin", "REDRESS_USER": "tester", "LANG": "C.UTF-8",
            ], columns: columns)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    /// Types `line` and Enter, and returns what the screen shows up to the next prompt.
    func enter(_ line: String, at terminal: PseudoTerminal) -> String {
        let mark = terminal.mark
        terminal.type(line + "\r")
        #expect(terminal.wait(for: "\n> ", after: mark), "\(line): \(terminal.screen[mark...])")
        return String(terminal.screen[mark...])
    }

    @Test func at80ColumnsTheShellsModesOnceAndImport() throws {
        let session = try Session()
        let terminal = try session.start(columns: 80)
        #expect(terminal.wait(for: "· .help for help\n> "))
        // Received Tuesday 1 December: acknowledge by Tuesday 8 December, 11 working days late on
        // the 23rd; the reference, status and date whole, the summary cut.
        let table = enter("cases.find{}", at: terminal)
        #expect(table.contains("\nC-2026-000001  1      open    2026-12-08  11 working days  Ann Example  Damp in…\n"), "\(table)")
        #expect(table.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(table)")
        _ = enter(".mode box", at: terminal)
        let box = enter("sql('select ref, status from cases')", at: terminal)
        #expect(box.contains("""
            ┌───────────────┬────────┐
            │      ref      │ status │
            ├───────────────┼────────┤
            │ C-2026-000001 │ open   │
            └───────────────┴────────┘
            """), "\(box)")
        _ = enter(".headers off", at: terminal)
        _ = enter(".mode list", at: terminal)
        #expect(enter("sql('select ref, status from cases')", at: terminal).contains("\nC-2026-000001|open\n"))
        _ = enter(".once \(session.once)", at: terminal)
        let quiet = enter("sql('select received, channel from cases')", at: terminal)
        #expect(!quiet.contains("2026-12-01"))
        #expect(enter("'back on screen'", at: terminal).contains("\nback on screen\n"))
        #expect(try String(contentsOfFile: session.once, encoding: .utf8) == "2026-12-01|email\n")
        #expect(enter(".import \(session.csv) paid", at: terminal).contains("temp.paid: 2 rows, columns ref, amount\n"))
        _ = enter(".headers on", at: terminal)
        _ = enter(".mode box", at: terminal)
        let joined = enter("sql('select c.ref, p.amount from cases c join temp.paid p on p.ref = c.ref')", at: terminal)
        #expect(joined.contains("│ C-2026-000001 │ 120    │"), "\(joined)")
        #expect(!joined.contains("C-2099"))
        terminal.type("\u{4}")
        #expect(terminal.exitStatus() == 0)
    }

    @Test func at60ColumnsTheCaseTableKeepsReferenceStatusAndDate() throws {
        let session = try Session()
        let terminal = try session.start(columns: 60)
        #expect(terminal.wait(for: "· .help for help\n> "))
        let table = enter("cases.find{}", at: terminal)
        #expect(table.contains("""
            ref            status  next due    overdue          summary
            -------------  ------  ----------  ---------------  --------
            C-2026-000001  open    2026-12-08  11 working days  Damp in…
            (1 row; not shown at this width: kind, stage, clock, complainant)
            """), "\(table)")
        terminal.type("\u{4}")
        #expect(terminal.exitStatus() == 0)
    }
}
