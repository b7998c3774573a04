import Foundation
import Testing

/// `redress users`, `--user`, `redress reveal` and the world-readable warning, through the binary.
@Suite struct UsersCommandTests {
    @Test func usersRolesRevealAndTheAuditTrail() throws {
        let dir = URL(fileURLWithPath: "/tmp/ru-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("r.sqlite").path
        let pack = dir.appendingPathComponent("pack.lua")
        try """
            return { name = "p", stages = { { name = "1" } },
                     confidentiality = { reveal_roles = { "manager" }, reveal_reason = true } }
            """.write(to: pack, atomically: true, encoding: .utf8)
        #expect(try Redress.run(["init", "--db", db, "--policy", pack.path, "--user", "boss"]).status == 0)
        let first = try Redress.run(["users", "add", "ann", "--role", "analyst", "--db", db, "--user", "boss"])
        #expect(first.status == 2)
        #expect(first.stderr == "redress: name: the store has no users yet: the first is you, as a manager (redress users add boss --role manager)\n")
        #expect(try Redress.run(["users", "add", "boss", "--role", "manager", "--db", db, "--user", "boss"]).stdout == "Added boss (manager).\n")
        #expect(try Redress.run(["users", "add", "ann", "--role", "analyst", "--full-name", "Ann Analyst", "--db", db, "--user", "boss"]).status == 0)
        #expect(try Redress.run(["users", "--db", db, "--user", "ann"]).stdout
                == "ann   analyst                     Ann Analyst\nboss  manager                     \n")
        let stranger = try Redress.run(["--db", db, "-e", "print(1)"], environment: ["REDRESS_USER": "mallory"])
        #expect(stranger.status == 2)
        #expect(stranger.stderr == "redress: --user: no user 'mallory' in this store (see `redress users list`)\n")

        // Ann takes an anonymous complaint; boss may ask to see who made it, with a reason.
        let intake = "cases.intake{ received = '2026-12-22', channel = 'phone', anonymous = true, complainant = { name = 'Zed', phone = '07700 900002' } }"
        #expect(try Redress.run(["--db", db, "--user", "ann", "-e", intake]).status == 0)
        let asBoss = try Redress.run(["--db", db, "--user", "boss", "-e", "print(sql('select name from parties')[1].name)"])
        #expect(asBoss.stdout == "[withheld]\n")
        let noReason = try Redress.run(["reveal", "C-2026-000001", "--db", db, "--user", "boss"])
        #expect(noReason.stderr == "redress: --reason: the pack asks for a reason to see a withheld identity\n")
        let revealed = try Redress.run(["reveal", "C-2026-000001", "--reason", "safeguarding", "--db", db, "--user", "boss"])
        #expect(revealed.stdout == "C-2026-000001: complainant Zed\n  phone: 07700 900002\n(This disclosure is recorded in the case's audit trail.)\n")
        let trail = try Redress.run(["--db", db, "--user", "boss", "-e",
                                     "for _, e in ipairs(cases.get('C-2026-000001'):history()) do print(e.type, e.actor) end"])
        #expect(trail.stdout == "received\tann\nidentity_revealed\tboss\n")

        // A store anyone can read is named, with the fix.
        chmod(db, 0o644)
        let warned = try Redress.run(["--db", db, "--user", "boss", "-e", "print(1)"])
        #expect(warned.stderr == "redress: warning: \(db) is readable by every user of this machine and holds personal data (chmod 600 \(db))\n")
    }
}
