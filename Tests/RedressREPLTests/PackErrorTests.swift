import Foundation
import Testing

/// A pack whose hooks have bugs (`BrokenPack`) at the real `redress` on a terminal: each pack
/// error prints its message, naming the pack's file and line, the hook and the case, and the
/// traceback from where the pack failed; the session goes on and the failed chunk kept nothing.
@Suite(.serialized, .timeLimit(.minutes(3))) struct PackErrorTests {
    @Test func aPackErrorPrintsThePacksLineAndTracebackAndTheSessionGoesOn() throws {
        let folder = try TestSupport.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = try BrokenPack(in: folder)
        let db = folder.appendingPathComponent("t.sqlite").path
        #expect(try Binary.run(["init", "--db", db, "--policy", pack.path]).status == 0)
        let terminal = try PseudoTerminal(Binary.path, ["--db", db, "--as-of", "2026-12-23"], environment: [
            "HOME": folder.path, "XDG_STATE_HOME": folder.appendingPathComponent("state").path, "TERM": "xterm",
            "PATH": "/usr/bin:/bin", "REDRESS_USER": "tester", "LANG": "C.UTF-8",
        ])
        #expect(terminal.wait(for: "· .help for help\n> "))

        // The triage's bad date() call on a damp complaint.
        var mark = terminal.mark
        terminal.type("c = cases.intake{ received = '2026-12-01', channel = 'email', category = 'damp' }\r")
        #expect(terminal.wait(for: pack.triageError(received: "2026-12-01") + "\nstack traceback:\n", after: mark))
        #expect(terminal.wait(for: "\n> ", after: mark))
        #expect(terminal.screen[mark...].contains("\t\(pack.path):\(pack.triageLine):"), "\(terminal.screen[mark...])")

        // The remedy's nil index, answering the case the next intake records (the failed one kept nothing).
        mark = terminal.mark
        terminal.type("c = cases.intake{ received = '2026-12-01', channel = 'email', dissatisfied = true }\r")
        #expect(terminal.wait(for: "\n> ", after: mark))
        mark = terminal.mark
        terminal.type("c:acknowledge{ on = '2026-12-02' }.ref\r")
        #expect(terminal.wait(for: "\nC-2026-000001\n> ", after: mark))
        mark = terminal.mark
        terminal.type("c:respond{ on = '2026-12-10', outcome = 'upheld', findings = {} }\r")
        #expect(terminal.wait(for: pack.remedyError(ref: "C-2026-000001") + "\nstack traceback:\n", after: mark))
        #expect(terminal.wait(for: "\n> ", after: mark))
        #expect(terminal.screen[mark...].contains("\t\(pack.path):\(pack.remedyLine):"), "\(terminal.screen[mark...])")
        #expect(!terminal.screen[mark...].contains("refused"))

        // The session goes on; the response was not recorded.
        mark = terminal.mark
        terminal.type("c:refresh().status\r")
        #expect(terminal.wait(for: "\nopen\n> ", after: mark))
        terminal.type("\u{4}")
        #expect(terminal.exitStatus() == 0)
    }
}
