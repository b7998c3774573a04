import Foundation
import Testing

/// Tab at the real `redress` offers only what the user may read: a confidential outcome's remedy
/// is not there to complete for a complaints officer, and is for an investigating officer.
@Suite(.serialized, .timeLimit(.minutes(3))) struct RedactionCompletionTests {
    final class Session {
        let folder: URL
        let db: String

        init() throws {
            folder = try TestSupport.folder()
            db = folder.appendingPathComponent("t.sqlite").path
            let pack = folder.appendingPathComponent("pack.lua").path
            try """
                return {
                  name = "completion", stages = { { name = "1", clocks = { acknowledge = { working_days = 5, from = "received" } } } },
                  confidentiality = { outcome_roles = { "investigating_officer" } },
                  triage = function(intake) return { kind = "complaint", confidential_outcome = true } end,
                }
                """.write(toFile: pack, atomically: true, encoding: .utf8)
            for arguments in [["init", "--db", db, "--policy", pack, "--user", "boss"],
                              ["users", "add", "boss", "--role", "manager", "--db", db, "--user", "boss"],
                              ["users", "add", "off", "--role", "complaints_officer", "--db", db, "--user", "boss"],
                              ["users", "add", "inv", "--role", "investigating_officer", "--db", db, "--user", "boss"],
                              ["--db", db, "--user", "off", "-e", """
                                local c = cases.intake{ received = "2026-12-01", channel = "email", summary = "About a member of staff" }
                                c:acknowledge{ on = "2026-12-02" }
                                c:respond{ on = "2026-12-10", outcome = "upheld", findings = "rude",
                                           remedy = { { kind = "goodwill_gesture", pence = 98765, reason = "sorry" } } }
                                """]] {
                let made = try Binary.run(arguments)
                guard made.status == 0 else { throw POSIXError(.EIO) }
            }
        }

        func start(as user: String) throws -> PseudoTerminal {
            try PseudoTerminal(Binary.path, ["--db", db, "--as-of", "2026-12-23"], environment: [
                "HOME": folder.path, "XDG_STATE_HOME": folder.appendingPathComponent("state").path, "TERM": "xterm",
                "PATH": "/usr/bin:/bin", "REDRESS_USER": user, "LANG": "C.UTF-8",
            ])
        }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    /// Types `c.remedy.pe`, Tab and Enter after loading the case; the screen from then on.
    func completeTheRemedy(_ session: Session, as user: String) throws -> String {
        let terminal = try session.start(as: user)
        #expect(terminal.wait(for: "· .help for help\n> "))
        let loaded = terminal.mark
        terminal.type("c = cases.get('C-2026-000001')\r")
        #expect(terminal.wait(for: "\n> ", after: loaded))
        let mark = terminal.mark
        terminal.type("c.remedy.pe\t")
        terminal.wait(for: "pence", after: mark, timeout: 2)
        let entered = terminal.mark
        terminal.type("\r")
        #expect(terminal.wait(for: "\n> ", after: entered))
        let screen = String(terminal.screen[mark...])
        terminal.type("\u{4}")
        _ = terminal.exitStatus()
        return screen
    }

    @Test func tabOffersNoConfidentialRemedyToAUserWhoMayNotSeeIt() throws {
        let session = try Session()
        let attacker = try completeTheRemedy(session, as: "off")
        #expect(!attacker.contains("pence") && !attacker.contains("98765"), "\(attacker)")
        let investigator = try completeTheRemedy(session, as: "inv")
        #expect(investigator.contains("c.remedy.pence") && investigator.contains("98765"), "\(investigator)")
    }
}
