import Foundation
import RedressCore
import Testing

/// An officer who edits a copy of Scripts/ (REDRESS_HOME) to add their own role to the pack's
/// `identity_roles` must not read a withheld complainant, nor change the store's confidentiality
/// settings: every load of the store's pack compares its content hash with the one bound at
/// `redress init`, and only a manager's audited `redress policy rebind` changes it.
@Suite struct PackDriftAttackTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A store bound to wdh (no role sees a withheld identity), with a manager and two officers,
    /// holding one anonymous complaint taken by `tak`; and the attacker's copy of Scripts/ whose
    /// wdh.lua lets complaints officers see withheld identities.
    final class Fixture {
        let dir: URL
        let db: String
        let evilHome: String
        let boundHash: String
        let evilHash: String

        init() throws {
            dir = URL(fileURLWithPath: "/tmp/rpd-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            db = dir.appendingPathComponent("s.sqlite").path
            let made = try Redress.run(["init", "--policy", "wdh", "--db", db, "--user", "boss"])
            #expect(made.status == 0, "\(made.stderr)")
            boundHash = String(made.stdout.split(separator: " ").last ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            for (name, role) in [("boss", "manager"), ("olly", "complaints_officer"), ("tak", "complaints_officer")] {
                #expect(try Redress.run(["users", "add", name, "--role", role, "--db", db, "--user", "boss"]).status == 0)
            }
            let intake = """
                cases.intake{ received = '2026-12-22', channel = 'phone', anonymous = true,
                              complainant = { name = 'Zed Secret', email = 'zed@example.org', phone = '07700 900002' } }
                """
            let taken = try Redress.run(["--db", db, "--user", "tak", "-e", intake])
            #expect(taken.status == 0, "\(taken.stderr)")

            evilHome = dir.appendingPathComponent("evil").path
            try FileManager.default.createDirectory(atPath: evilHome, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: PackDriftAttackTests.repository.appendingPathComponent("Scripts"),
                                             to: URL(fileURLWithPath: evilHome + "/Scripts"))
            let pack = evilHome + "/Scripts/policies/wdh.lua"
            let original = try String(contentsOfFile: pack, encoding: .utf8)
            let edited = original.replacingOccurrences(of: "confidentiality = {",
                                                       with: "confidentiality = { identity_roles = { \"complaints_officer\" },")
            #expect(edited != original, "wdh.lua no longer declares `confidentiality = {`")
            try edited.write(toFile: pack, atomically: true, encoding: .utf8)
            evilHash = PackDriftAttackTests.contentHash(edited)
            #expect(evilHash != boundHash)
        }

        deinit { try? FileManager.default.removeItem(at: dir) }

        /// Runs redress as `user` with REDRESS_HOME at the edited copy.
        func attack(_ arguments: [String], as user: String = "olly", input: String? = nil) throws -> Redress.Result {
            try Redress.run(arguments + ["--db", db], environment: ["REDRESS_HOME": evilHome, "REDRESS_USER": user], input: input)
        }

        /// What the store says, read by the manager with Redress's own Scripts/.
        func query(_ lua: String) throws -> String {
            try Redress.run(["--db", db, "--user", "boss", "-e", lua]).stdout
        }

        var events: String {
            get throws { try query("for _, e in ipairs(sql('select id, type, actor, data from events order by id')) do print(e.id, e.type, e.actor, e.data) end") }
        }

        var settings: String {
            get throws { try Redress.run(["settings", "list", "--db", db, "--user", "boss"]).stdout }
        }

        /// The complainant as `user` sees it through sql(), with Redress's own Scripts/.
        func complainant(as user: String) throws -> String {
            try Redress.run(["--db", db, "--user", user, "-e",
                             "local p = sql('select name, email, phone from parties')[1] print(p.name, p.email, p.phone)"],
                            environment: ["REDRESS_HOME": evilHome]).stdout
        }
    }

    /// The SHA-256 of a file's bytes: the content hash `redress init` binds.
    static func contentHash(_ text: String) -> String {
        SHA256.hex(text)
    }

    /// FNV-1a, 64-bit: the hash stores were bound with before SHA-256.
    static func legacyHash(_ text: String) -> String {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            state ^= UInt64(byte)
            state &*= 0x0000_0100_0000_01b3
        }
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    @Test func anEditedPackIsRefusedEverywhereAndLeaksNothing() throws {
        let fixture = try Fixture()
        let events = try fixture.events
        let settings = try fixture.settings
        #expect(settings.contains("confidentiality.identity_roles = []\n"))
        #expect(try fixture.complainant(as: "olly") == "[withheld]\t[withheld]\t[withheld]\n")

        let script = fixture.dir.appendingPathComponent("ack.lua").path
        try "cases.get('C-2026-000001'):acknowledge{ on = '2026-12-23' }".write(toFile: script, atomically: true, encoding: .utf8)
        let csv = fixture.dir.appendingPathComponent("intake.csv").path
        try "received,channel\n2026-12-23,email\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let leak = "print(sql('select name from parties')[1].name)"
        let attempts: [(String, [String], String?)] = [
            ("-e", ["-e", "cases.intake{ received = '2026-12-23', channel = 'phone' } " + leak], nil),
            ("run", ["run", script], nil),
            ("the REPL on a pipe", [], "cases.get('C-2026-000001'):acknowledge{ on = '2026-12-23' }\n" + leak + "\n"),
            ("import", ["import", csv], nil),
            ("jobs run", ["jobs", "run", "--as-of", "2026-12-24"], nil),
            ("jobs list", ["jobs", "list"], nil),
            ("letter", ["letter", "acknowledgement", "C-2026-000001", "--preview"], nil),
            ("report", ["report", "tsm"], nil),
            ("init again", ["init", "--policy", "wdh"], nil),
        ]
        for (name, arguments, input) in attempts {
            let result = try fixture.attack(arguments, input: input)
            #expect(result.status != 0, "\(name) ran the edited pack: \(result.stdout)")
            #expect(!result.stdout.contains("Zed") && !result.stderr.contains("Zed"), "\(name) leaked the withheld name")
            if name == "init again" {
                #expect(result.stderr.contains("pack hash \(fixture.boundHash)") && result.stderr.contains("this pack's hash is \(fixture.evilHash)")
                        && result.stderr.contains("redress policy rebind --db \(fixture.db)"), "\(name): \(result.stderr)")
            } else {
                #expect(result.stderr.contains("has content hash \(fixture.evilHash), but the store '\(fixture.db)' is bound to policy 'wdh' with hash \(fixture.boundHash)")
                        && result.stderr.contains("redress policy rebind --db \(fixture.db) [--policy NAME|PATH]"), "\(name): \(result.stderr)")
            }
        }
        // Nothing changed: the settings, the event log, what the officer sees, run after run.
        #expect(try fixture.settings == settings)
        #expect(try fixture.events == events)
        #expect(try fixture.complainant(as: "olly") == "[withheld]\t[withheld]\t[withheld]\n")
        #expect(try fixture.query("print(#sql('select * from cases'), sql('select count(*) as n from clocks where met is not null')[1].n)") == "1\t0\n")

        // `redress policy show` names the change and how to bind it.
        let shown = try fixture.attack(["policy", "show"])
        #expect(shown.status == 1)
        #expect(shown.stdout == "policy wdh from wdh, pack hash \(fixture.boundHash)\n"
                + "\(fixture.evilHome)/Scripts/policies/wdh.lua: changed, content hash \(fixture.evilHash) (a manager rebinds: redress policy rebind --db \(fixture.db))\n")
        // Checking a pack's scenarios needs no store and no binding: still allowed.
        #expect(try Redress.run(["check", "hos-code"], environment: ["REDRESS_HOME": fixture.evilHome]).status == 0)
    }

    @Test func onlyAManagerRebindsAndTheRebindIsAudited() throws {
        let fixture = try Fixture()
        let events = try fixture.events
        let settings = try fixture.settings

        let refused = try fixture.attack(["policy", "rebind"])
        #expect(refused.status == 2)
        #expect(refused.stderr == "redress: --user: only a manager rebinds the store's pack ('olly' is not one)\n")
        // The binding settings are not a setting anyone sets either.
        let set = try fixture.attack(["settings", "set", "confidentiality.identity_roles", "[\"complaints_officer\"]"])
        #expect(set.status == 2)
        #expect(try fixture.settings == settings)
        #expect(try fixture.events == events)

        let rebound = try fixture.attack(["policy", "rebind"], as: "boss")
        #expect(rebound.status == 0, "\(rebound.stderr)")
        #expect(rebound.stdout == "Rebound \(fixture.db): policy wdh, pack hash \(fixture.boundHash) -> \(fixture.evilHash)\n"
                + "  confidentiality.identity_roles: [] -> [\"complaints_officer\"]\n")
        let record = try fixture.query("""
            local e = sql("select actor, script, at, data from events where type = 'policy_rebound'")
            print(#e, e[1].actor, e[1].script, e[1].at:match('^%d%d%d%d%-%d%d%-%d%dT%d%d:%d%d:%d%dZ$') ~= nil)
            print(e[1].data)
            """)
        #expect(record == "1\tboss\tredress policy rebind\ttrue\n"
                + "{\"hash\":\"\(fixture.evilHash)\",\"policy\":\"wdh\",\"previous_hash\":\"\(fixture.boundHash)\",\"previous_source\":\"wdh\","
                + "\"settings_changed\":\"confidentiality.identity_roles: [] -> [\\\"complaints_officer\\\"]\",\"source\":\"wdh\"}\n")
        // Now the pack is the store's: the officer's runs load it, and the rules it declares apply.
        #expect(try fixture.attack(["-e", "cases.intake{ received = '2026-12-23', channel = 'phone' }"]).status == 0)
        #expect(try fixture.complainant(as: "olly") == "Zed Secret\tzed@example.org\t07700 900002\n")
        // With Redress's own Scripts/ again, the store refuses that pack until rebound back.
        let back = try Redress.run(["--db", fixture.db, "--user", "olly", "-e", "cases.intake{ received = '2026-12-23', channel = 'phone' }"])
        #expect(back.status == 1)
        #expect(back.stderr.contains("is bound to policy 'wdh' with hash \(fixture.evilHash)"))
        let again = try Redress.run(["policy", "rebind", "--db", fixture.db, "--user", "boss"])
        #expect(again.stdout.hasPrefix("Rebound \(fixture.db): policy wdh, pack hash \(fixture.evilHash) -> \(fixture.boundHash)\n"))
    }

    /// The pack file unchanged, a module it requires edited (the Ombudsman's fixed sums, say):
    /// refused the same way, naming the module and both hashes; the rebind records the module.
    @Test func anEditedModuleThePackRequiresIsRefusedToo() throws {
        let fixture = try Fixture()
        let pack = fixture.evilHome + "/Scripts/policies/wdh.lua"
        try String(contentsOfFile: PackDriftAttackTests.repository.appendingPathComponent("Scripts/policies/wdh.lua").path, encoding: .utf8)
            .write(toFile: pack, atomically: true, encoding: .utf8)
        let module = fixture.evilHome + "/Scripts/lib/compensation.lua"
        let original = try String(contentsOfFile: module, encoding: .utf8)
        try (original + "\n-- edited\n").write(toFile: module, atomically: true, encoding: .utf8)
        let before = Self.contentHash(original), after = Self.contentHash(original + "\n-- edited\n")
        let events = try fixture.events

        let refused = try fixture.attack(["-e", "cases.intake{ received = '2026-12-23', channel = 'phone' }"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("a module it requires from \(fixture.evilHome)/Scripts is not the one bound with policy 'wdh' in the store '\(fixture.db)' (lib.compensation: \(before) -> \(after))"),
                "\(refused.stderr)")
        #expect(try fixture.attack(["jobs", "list"]).status == 2)
        #expect(try fixture.events == events)
        #expect(try fixture.attack(["policy", "rebind"]).status == 2)

        let rebound = try fixture.attack(["policy", "rebind"], as: "boss")
        #expect(rebound.stdout == "Rebound \(fixture.db): policy wdh, pack hash \(fixture.boundHash) -> \(fixture.boundHash)\n"
                + "  module lib.compensation: \(before) -> \(after)\n")
        #expect(try fixture.query("print(sql(\"select data from events where type = 'policy_rebound'\")[1].data)")
                .contains("\"libraries_changed\":\"lib.compensation: \(before) -> \(after)\""))
        #expect(try fixture.attack(["-e", "cases.intake{ received = '2026-12-23', channel = 'phone' }"]).status == 0)
    }

    /// A store bound before SHA-256 and module hashes: its pack file is still checked, by the
    /// old 64-bit FNV-1a; a rebind moves it to SHA-256 and records the modules.
    @Test func aStoreBoundWithTheOldHashIsCheckedAndRebindUpgradesIt() throws {
        let fixture = try Fixture()
        let pack = try String(contentsOfFile: PackDriftAttackTests.repository.appendingPathComponent("Scripts/policies/wdh.lua").path,
                              encoding: .utf8)
        let old = Self.legacyHash(pack)
        try CaseStore(path: fixture.db).writeThrowingAny { db in
            try db.execute(sql: "UPDATE settings SET value = ? WHERE key = 'policy_hash'", arguments: [old])
            try db.execute(sql: "DELETE FROM settings WHERE key = 'policy_libraries'")
        }
        let intake = ["-e", "cases.intake{ received = '2026-12-23', channel = 'phone' }"]
        #expect(try Redress.run(intake + ["--db", fixture.db, "--user", "olly"]).status == 0)
        let refused = try fixture.attack(intake)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("has content hash \(Self.legacyHash(try String(contentsOfFile: fixture.evilHome + "/Scripts/policies/wdh.lua", encoding: .utf8))), but the store '\(fixture.db)' is bound to policy 'wdh' with hash \(old)"),
                "\(refused.stderr)")
        let rebound = try Redress.run(["policy", "rebind", "--db", fixture.db, "--user", "boss"])
        #expect(rebound.stdout.hasPrefix("Rebound \(fixture.db): policy wdh, pack hash \(old) -> \(fixture.boundHash)\n  module lib.compensation: (not recorded) -> "),
                "\(rebound.stdout)")
        #expect(try Redress.run(intake + ["--db", fixture.db, "--user", "olly"]).status == 0)
    }

    @Test func aStoreWithoutUsersRebindsForAnyoneAndSamePackChangesNothing() throws {
        let dir = URL(fileURLWithPath: "/tmp/rpd-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.sqlite").path
        let pack = dir.appendingPathComponent("pack.lua").path
        try "return { name = 'p', stages = { { name = '1' } }, retention = { years = 6 } }".write(toFile: pack, atomically: true, encoding: .utf8)
        #expect(try Redress.run(["init", "--db", db, "--policy", pack]).status == 0)
        let same = try Redress.run(["policy", "rebind", "--db", db])
        #expect(same.stdout == "\(db) is already bound to this pack: policy p from \(pack), pack hash \(Self.contentHash(try String(contentsOfFile: pack, encoding: .utf8)))\n")
        try "return { name = 'p', stages = { { name = '1' } }, retention = { years = 2 } }".write(toFile: pack, atomically: true, encoding: .utf8)
        let drifted = try Redress.run(["--db", db, "-e", "cases.intake{ received = '2026-12-23', channel = 'phone' }"])
        #expect(drifted.status == 1)
        #expect(try Redress.run(["settings", "get", "retention.months", "--db", db]).stdout == "72\n")
        let rebound = try Redress.run(["policy", "rebind", "--db", db])
        #expect(rebound.status == 0)
        #expect(rebound.stdout.hasSuffix("  retention.months: 72 -> 24\n"))
        #expect(try Redress.run(["--db", db, "-e", "cases.intake{ received = '2026-12-23', channel = 'phone' }"]).status == 0)
    }
}
