import Foundation
import Testing

/// Issue 15, items 2 and 3, played by the attacker through the `redress` binary: mallory, a
/// complaints officer with neither the pack's identity role nor its outcome role, who did not take
/// the complaint, runs sandboxed Lua on a real store holding an anonymous complaint with a
/// confidential outcome. She tries to read what is withheld, to keep writes that a failed run or
/// a dry run must discard, to change the store or the connection with PRAGMAs, and to hold the
/// write lock against an intake. Each attack must leak nothing and change nothing.
@Suite struct SQLAttackTests {
    /// What mallory must never read.
    static let secrets = ["Ann Secret", "ann@example.org", "07700 900123", "1 Hidden Road", "the officer was rude", "upheld"]

    /// A store bound to a pack whose identity and outcome roles are the manager's, with an
    /// anonymous complaint about staff conduct (taken and answered by `officer`) and an open one.
    final class Target {
        let folder: URL
        var db: String { folder.appendingPathComponent("s.sqlite").path }

        init() throws {
            folder = URL(fileURLWithPath: "/tmp/rs-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("s-jobs"), withIntermediateDirectories: true)
            let pack = folder.appendingPathComponent("pack.lua")
            try """
                return {
                  name = "attack-target",
                  stages = { { name = "1", clocks = { acknowledge = { working_days = 5, from = "received" } } } },
                  confidentiality = { identity_roles = { "manager" }, outcome_roles = { "manager" } },
                  triage = function(intake)
                    return { kind = "complaint", confidential_outcome = intake.category == "staff_conduct" }
                  end,
                }
                """.write(to: pack, atomically: true, encoding: .utf8)
            try expectSuccess(["init", "--db", db, "--policy", pack.path, "--user", "boss"])
            for (user, role) in [("boss", "manager"), ("officer", "complaints_officer"), ("mallory", "complaints_officer")] {
                try expectSuccess(["users", "add", user, "--role", role, "--db", db, "--user", "boss"])
            }
            try expectSuccess(["--db", db, "--user", "officer", "-e", """
                local c = cases.intake{ received = "2026-12-22", channel = "phone", category = "staff_conduct", anonymous = true,
                                        complainant = { name = "Ann Secret", email = "ann@example.org", phone = "07700 900123",
                                                        address = "1 Hidden Road" } }
                c:acknowledge{ on = "2026-12-23" }
                c:respond{ on = "2027-01-06", outcome = "upheld", findings = "the officer was rude" }
                cases.intake{ received = "2026-12-23", channel = "email", category = "repairs",
                              complainant = { name = "Olly Open", email = "olly@example.org" } }
                """])
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        private func expectSuccess(_ arguments: [String]) throws {
            let result = try Redress.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }

        /// Runs `code` as `user` (`redress -e`).
        func run(_ code: String, as user: String = "mallory", _ extra: [String] = []) throws -> Redress.Result {
            try Redress.run(["--db", db, "--user", user] + extra + ["-e", code])
        }

        /// The rows of each table an attack could change, and the store's own check, as the manager sees them.
        func state() throws -> String {
            let result = try run("""
                local r = sql([[SELECT (SELECT count(*) FROM cases) || ' cases, ' || (SELECT count(*) FROM events) || ' events, '
                                       || (SELECT count(*) FROM assignments) || ' assignments, ' || (SELECT count(*) FROM job_runs)
                                       || ' job runs, ' || (SELECT count(*) FROM sqlite_master WHERE name LIKE 'sqlite_stat%')
                                       || ' stat tables' AS counts]])[1]
                print(r.counts, sql("PRAGMA integrity_check")[1].integrity_check)
                """, as: "boss")
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }

        /// The store file's bytes (the WAL is folded in when the last connection closes).
        func bytes() throws -> Data {
            try Data(contentsOf: URL(fileURLWithPath: db))
        }
    }

    /// Every way of naming the tables behind the redacting views reads NULL (or a placeholder)
    /// for what mallory may not see: SQLite's authorizer hides the columns, whatever the text.
    @Test(arguments: [
        "SELECT name, email, phone, address FROM main.parties",
        "WITH p AS (SELECT * FROM main.parties) SELECT * FROM p",
        "SELECT x FROM (SELECT name || '/' || email || '/' || phone || '/' || address AS x FROM main.parties)",
        "SELECT json_group_array(json_object('n', name, 'e', email, 'p', phone, 'a', address)) AS j FROM main.parties",
        "SELECT (SELECT group_concat(outcome || ':' || findings) FROM main.decisions) AS x",
        "WITH d AS (SELECT * FROM main.decisions) SELECT json_object('o', outcome, 'f', findings, 'r', reasons) AS j FROM d",
        // Oracles: a constant comes back only if the hidden value matched.
        "SELECT 'Ann Secret' AS leak FROM main.parties WHERE name = 'Ann Secret'",
        "SELECT 'ann@example.org' AS leak FROM main.parties WHERE lower(email) = 'ann@example.org'",
        "SELECT 'the officer was rude' AS leak FROM main.decisions WHERE findings LIKE '%rude%'",
        "SELECT 'upheld' AS leak FROM main.decisions WHERE outcome = 'upheld'",
    ])
    func hiddenColumnsReadAsNullWhateverTheQuery(query: String) throws {
        let target = try Target()
        let result = try target.run("""
            local rows = sql([[\(query)]])
            for _, row in ipairs(rows) do for k, v in pairs(row) do print(k, v) end end
            print(#rows .. " rows")
            """)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix(" rows\n"), "\(result.stdout)")
        for secret in Self.secrets {
            #expect(!result.stdout.contains(secret), "\(query) read '\(secret)': \(result.stdout)")
        }
        // The manager, whose role sees them, reads the same columns in full.
        let boss = try target.run("print(sql([[SELECT name FROM main.parties ORDER BY id]])[1].name)", as: "boss")
        #expect(boss.stdout == "Ann Secret\n", "\(boss.stderr)")
        // Through the redacting views mallory still sees what is not withheld, and placeholders.
        let views = try target.run("""
            for _, p in ipairs(sql("SELECT name, email FROM parties ORDER BY id")) do print(p.name, p.email) end
            for _, d in ipairs(sql("SELECT outcome, findings FROM decisions")) do print(d.outcome, d.findings) end
            """)
        #expect(views.stdout == "[withheld]\t[withheld]\nOlly Open\tolly@example.org\n[confidential]\t[confidential]\n", "\(views.stderr)")
    }

    /// sql() cannot end, commit or roll back the run's transaction, so an error still discards
    /// everything the run wrote.
    @Test(arguments: ["COMMIT", "END TRANSACTION", "ROLLBACK", "BEGIN", "SAVEPOINT s", "RELEASE s"])
    func aFailedRunKeepsNothingWhateverTheScriptTellsSQL(statement: String) throws {
        let target = try Target()
        let before = try target.state()
        let result = try target.run("""
            cases.intake{ received = "2026-12-23", channel = "phone", complainant = { name = "Planted" } }
            print(pcall(sql, "\(statement)"))
            error("the attack ends the run here")
            """)
        #expect(result.status == 1)
        #expect(result.stderr.contains("the attack ends the run here"), "\(result.stderr)")
        #expect(result.stdout.contains("is not allowed: the run's transaction belongs to Redress (read-only query path)"), "\(result.stdout)")
        #expect(try target.state() == before)
    }

    /// A dry run of a job keeps nothing, even when the job tells sql() to commit.
    @Test func aDryRunJobKeepsNothingWhenItTriesToCommit() throws {
        let target = try Target()
        try """
            return {
              title = "plants a case and commits it",
              schedule = { every_working_days = 1 },
              run = function(job)
                cases.intake{ received = "2026-12-23", channel = "phone", complainant = { name = "Planted" } }
                pcall(sql, "COMMIT")
                return "planted"
              end,
            }
            """.write(to: target.folder.appendingPathComponent("s-jobs/plant.lua"), atomically: true, encoding: .utf8)
        let before = try target.state()
        let result = try Redress.run(["jobs", "run", "--dry-run", "plant", "--as-of", "2027-01-04", "--db", target.db, "--user", "mallory"])
        #expect(result.stdout.contains("dry run, nothing kept"), "\(result.stdout)\(result.stderr)")
        #expect(try target.state() == before)
    }

    /// PRAGMAs that would change the store or the connection are refused by name, and what they
    /// would have let through (a CHECK ignored, statistics written) does not happen.
    @Test(arguments: ["ignore_check_constraints = 1", "writable_schema = 1", "recursive_triggers = 1", "locking_mode = exclusive",
                      "optimize", "query_only = 0", "foreign_keys = 0", "journal_mode = delete", "cache_size = 1"])
    func pragmasThatChangeTheStoreOrTheConnectionAreRefused(pragma: String) throws {
        let target = try Target()
        let before = try target.state()
        let bytes = try target.bytes()
        let name = pragma.split(separator: " ")[0]
        let result = try target.run("""
            print(pcall(sql, "PRAGMA \(pragma)"))
            print(pcall(sql, "SELECT * FROM pragma_\(name)"))
            -- A date the assignments table's CHECK refuses; ignore_check_constraints would let it in.
            print("assign", pcall(function() cases.get("C-2026-000002"):assign{ officer = "x", on = date("2026-01-01") + 2973000 } end))
            """)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("sql(): PRAGMA \(name) is not allowed (read-only query path)"), "\(result.stdout)")
        #expect(result.stdout.contains("assign\tfalse"), "\(result.stdout)")
        #expect(try target.state() == before)
        #expect(before.hasSuffix("0 stat tables\tok\n"), "\(before)")
        #expect(try target.bytes() == bytes, "the store file changed")
    }

    /// A read-only run takes no write lock: while mallory's analysis holds its transaction open
    /// for seconds, the officer's intake goes through at once, and both succeed.
    @Test func aLongReadDoesNotHoldUpAnIntake() throws {
        let target = try Target()
        let reader = try RunningRedress(["--db", target.db, "--user", "mallory", "--max-instructions", "0", "-e", """
            print("read " .. sql("SELECT count(*) AS n FROM cases")[1].n .. " " .. #cases.find{})
            io.stdout:flush()
            local started = os.time()
            while os.time() - started < 8 do end
            print("still " .. sql("SELECT count(*) AS n FROM cases")[1].n)
            """])
        #expect(reader.wait(for: "read 2 2"), "\(reader.printed)")
        let started = Date()
        let intake = try target.run("cases.intake{ received = '2026-12-23', channel = 'phone', complainant = { name = 'Walk In' } }",
                                    as: "officer")
        let took = Date().timeIntervalSince(started)
        let readerStillRunning = reader.process.isRunning
        let readerStatus = reader.finish()
        #expect(intake.status == 0, "\(intake.stderr)")
        #expect(readerStillRunning, "the intake waited for the read to finish (\(took) s)")
        #expect(took < 5, "the intake took \(took) s")
        #expect(readerStatus == 0)
        // The analysis read one snapshot throughout; the intake is there afterwards.
        #expect(reader.printed == "read 2 2\nstill 2\n", "\(reader.printed)")
        #expect(try target.state().hasPrefix("3 cases"))
    }
}
