import Foundation
import Testing

/// A complaints officer with no confidentiality role plays the attacker through the real binary,
/// against every read path: the Lua API, `sql()` over every table and view, the REPL's cards,
/// exports, subject access, letters and intake. Nothing withheld (a name, email, phone or
/// address of an anonymous or confidential complainant) and nothing of a confidential outcome
/// (remedy sums and reasons, findings, actions, learning, extension and closing reasons) may
/// appear in anything they get back, errors included; a user whose role the pack names sees it.
@Suite struct RedactionAttackTests {
    /// Identity roles: resolution_team, auditor; outcome roles: investigating_officer, auditor.
    static let pack = """
        return {
          name = "redaction-attack",
          stages = { { name = "1", clocks = { acknowledge = { working_days = 5, from = "received" },
                                              respond = { working_days = 10, from = "acknowledged",
                                                          extension = { working_days = 10 } } } } },
          confidentiality = { identity_roles = { "resolution_team", "auditor" },
                              outcome_roles = { "investigating_officer", "auditor" },
                              reveal_roles = { "resolution_team" }, reveal_reason = true },
          triage = function(intake)
            return { kind = "complaint", confidential_outcome = intake.category == "staff_conduct" or nil }
          end,
        }
        """

    /// What the store holds about the anonymous complainant Ann and the confidential complainant Bob.
    static let identities = ["Ann Withheld", "ann.withheld@example.org", "07700 900111", "1 Secret Road",
                             "Bob Confidential", "bob.conf@example.org", "07700 900222", "2 Hidden Lane"]
    /// What the store holds about the confidential outcome of Ann's complaint.
    static let outcome = ["98765", "987.65", "REMEDY-REASON-7731", "PAYROUTE-7731", "FINDINGS-7731", "REASONS-7731",
                          "ACTION-7731", "LEARNING-7731", "LEARNAREA-7731", "EXT-REASON-7731", "CLOSE-REASON-7731",
                          "time_and_trouble"]
    static let secrets = identities + outcome

    /// A store bound to `pack` with users boss (manager), taker (resolution_team, who takes
    /// the complaints), off (complaints_officer: the attacker), inv (investigating_officer)
    /// and aud (auditor). C-2026-000001: Ann's anonymous complaint about a member of staff,
    /// answered with a confidential outcome, a remedy, an action, a learning action, an
    /// extension and a closing reason. C-2026-000002: Bob's confidential complaint, with an
    /// acknowledgement letter issued.
    final class Store {
        let folder: URL
        var db: String { folder.appendingPathComponent("s.sqlite").path }

        init() throws {
            folder = URL(fileURLWithPath: "/tmp/rx-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let pack = folder.appendingPathComponent("pack.lua")
            try RedactionAttackTests.pack.write(to: pack, atomically: true, encoding: .utf8)
            try succeed(["init", "--db", db, "--policy", pack.path, "--user", "boss"])
            for (user, role) in [("boss", "manager"), ("taker", "resolution_team"), ("off", "complaints_officer"),
                                 ("inv", "investigating_officer"), ("aud", "auditor")] {
                try succeed(["users", "add", user, "--role", role, "--db", db, "--user", "boss"])
            }
            for (key, value) in [("landlord", "Example Homes"), ("landlord_address", "1 High Street, Exampleton EX1 1AA"),
                                 ("complaints_email", "complaints@example.org")] {
                try succeed(["settings", "set", key, value, "--db", db, "--user", "boss"])
            }
            try succeed(["--db", db, "--user", "taker", "--as-of", "2026-12-23", "-e", """
                local a = cases.intake{ received = "2026-12-22", channel = "phone", category = "staff_conduct", anonymous = true,
                                        summary = "About a member of staff.",
                                        complainant = { name = "Ann Withheld", email = "ann.withheld@example.org",
                                                        phone = "07700 900111", address = "1 Secret Road" } }
                a:acknowledge{ on = "2026-12-23" }
                a:extend{ clock = "respond", working_days = 5, reason = "EXT-REASON-7731" }
                a:respond{ on = "2027-01-06", outcome = "upheld", findings = "FINDINGS-7731", reasons = "REASONS-7731",
                           remedy = { items = { { kind = "time_and_trouble", pence = 98765, reason = "REMEDY-REASON-7731" } },
                                      payment_route = "PAYROUTE-7731" } }
                a:actions{ { description = "ACTION-7731", owner = "HR", due = "2027-02-01" } }
                a:learn{ action = "LEARNING-7731", area = "LEARNAREA-7731" }
                a:close{ on = "2027-01-07", reason = "CLOSE-REASON-7731" }
                local b = cases.intake{ received = "2026-12-22", channel = "email", category = "repairs", confidential = true,
                                        summary = "The boiler is broken.",
                                        complainant = { name = "Bob Confidential", email = "bob.conf@example.org",
                                                        phone = "07700 900222", address = "2 Hidden Lane" } }
                b:acknowledge{ on = "2026-12-23" }
                """])
            try succeed(["letter", "acknowledgement", "C-2026-000002", "--db", db, "--user", "taker", "--as-of", "2026-12-23"])
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        @discardableResult
        func succeed(_ arguments: [String]) throws -> Redress.Result {
            let result = try Redress.run(arguments)
            #expect(result.status == 0, "\(arguments.first ?? ""): \(result.stderr)")
            return result
        }

        /// Runs `code` as `user` (on 2027-01-08); its standard output and error together.
        func lua(_ code: String, as user: String) throws -> String {
            let result = try Redress.run(["--db", db, "--user", user, "--as-of", "2027-01-08", "-e", code])
            return result.stdout + result.stderr
        }

        /// A file the store's folder holds, or "".
        func file(_ relative: String) -> String {
            (try? String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)) ?? ""
        }
    }

    /// Everything a Lua value holds, keys and values, one a line (dates and cases by their text).
    static let dump = """
        local out, seen = {}, {}
        local function dump(v, depth)
          if type(v) == "table" then
            if seen[v] or depth > 8 then return end
            seen[v] = true
            for k, x in pairs(v) do out[#out + 1] = tostring(k); dump(x, depth + 1) end
          else
            out[#out + 1] = tostring(v)
          end
        end

        """

    /// The secrets that appear in `output`.
    static func leaked(_ output: String, of secrets: [String] = secrets) -> [String] {
        secrets.filter { output.contains($0) }
    }

    /// `c:explain`, `redress explain` and `.explain` replay the real event log: an extension's
    /// reason on a confidential outcome must read as the events view shows it.
    @Test func anExplanationShowsNoConfidentialReason() throws {
        let store = try Store()
        let lua = Self.dump + "dump(cases.get('C-2026-000001'):explain('respond'), 0) print(table.concat(out, '\\n'))"
        let command = ["--db", store.db, "--as-of", "2027-01-08", "explain", "C-2026-000001"]
        let attacker = try store.lua(lua, as: "off") + (try Redress.run(command + ["--user", "off"])).stdout
            + (try Redress.run(["--db", store.db, "--user", "off"], input: ".explain C-2026-000001 respond\n")).stdout
        // 10 working days after Wednesday 23 December 2026 (past Christmas, Boxing Day on Monday 28
        // and New Year's Day) is Monday 11 January; 5 more, Monday 18 January: dates stay readable.
        #expect(attacker.contains("Clock respond of stage 1: due 2027-01-18"), "\(attacker)")
        #expect(attacker.contains("[confidential]"))
        #expect(Self.leaked(attacker).isEmpty, "leaked: \(Self.leaked(attacker))")
        let investigator = try Redress.run(command + ["--user", "inv"]).stdout
        #expect(investigator.contains("EXT-REASON-7731"), "\(investigator)")
    }

    /// A job run by a user with the outcome role records what it saw in its summary; another
    /// user reads that summary masked, through `sql()` and `main.` alike.
    @Test func aJobRunsSummaryShowsNothingWithheldToAnotherUser() throws {
        let store = try Store()
        let jobs = store.folder.appendingPathComponent("s-jobs")
        try FileManager.default.createDirectory(at: jobs, withIntermediateDirectories: true)
        try """
            return { title = "What the remedies hold", schedule = { every_working_days = 1 },
                     run = function(job)
                       local row = sql("select sum(amount_pence) as p, group_concat(reason) as r from remedy_items")[1]
                       return ("remedies: %s pence, %s"):format(tostring(row.p), tostring(row.r))
                     end }
            """.write(to: jobs.appendingPathComponent("leak.lua"), atomically: true, encoding: .utf8)
        let ran = try Redress.run(["jobs", "run", "leak", "--db", store.db, "--user", "inv", "--as-of", "2027-01-08"])
        #expect(ran.status == 0, "\(ran.stderr)")
        let own = try store.lua("print(sql('select summary from job_runs')[1].summary)", as: "inv")
        #expect(own.contains("98765") && own.contains("REMEDY-REASON-7731"), "\(own)")
        let attacker = try store.lua(Self.dump + """
            dump(sql("select * from job_runs"), 0)
            dump(sql("select summary from main.job_runs"), 0)
            print(table.concat(out, "\\n"))
            """, as: "off")
        #expect(attacker.contains("leak"), "\(attacker)")
        #expect(Self.leaked(attacker).isEmpty, "leaked: \(Self.leaked(attacker))")
    }

    @Test func theCasesAPIShowsNothingWithheld() throws {
        let store = try Store()
        let read = Self.dump + """
            for _, ref in ipairs { "C-2026-000001", "C-2026-000002" } do
              local c = cases.get(ref)
              dump(c, 0)
              dump(c:history(), 0)
              if c.complainant then dump(parties.get(c.complainant), 0) end
              out[#out + 1] = tostring(c)
            end
            dump(cases.find{}, 0)
            dump(cases.find{ status = "closed" }, 0)
            -- errors about the withheld records echo nothing withheld either
            local a, b = cases.get("C-2026-000001"), cases.get("C-2026-000002")
            for _, probe in ipairs {
              function() return a:respond{ outcome = "upheld" } end,
              function() return b:respond{ outcome = "zzz" } end,
              function() return b:extend{ clock = "respond", days = 0, reason = "x" } end,
              function() return cases.intake{ received = "2027-01-08", channel = "email", complainant = parties.get(b.complainant) } end,
              function() error(parties.get(b.complainant)) end,
            } do
              local ok, why = pcall(probe)
              out[#out + 1] = tostring(why)
              if type(why) == "table" then dump(why, 0) end
            end
            print(table.concat(out, "\\n"))
            """
        let attacker = try store.lua(read, as: "off")
        #expect(attacker.contains("C-2026-000001"), "\(attacker)")
        #expect(Self.leaked(attacker) == [])
        #expect(attacker.contains("[confidential]") && attacker.contains("[withheld]"))
        // The outcome roles see the outcome (the remedy's sum, the reasons in the history).
        let investigator = try store.lua(read, as: "inv")
        #expect(Self.leaked(investigator, of: ["98765", "EXT-REASON-7731", "CLOSE-REASON-7731", "PAYROUTE-7731"]).count == 4)
        #expect(Self.leaked(investigator, of: Self.identities) == [])
        // The identity roles see who complained.
        let resolution = try store.lua(read, as: "taker")
        #expect(Self.leaked(resolution, of: Self.identities).count == Self.identities.count)
        #expect(Self.leaked(resolution, of: ["98765", "CLOSE-REASON-7731"]) == [])
    }

    @Test func sqlOverEveryTableAndViewShowsNothingWithheld() throws {
        let store = try Store()
        let read = Self.dump + """
            for _, master in ipairs { "sqlite_master", "sqlite_temp_master" } do
              for _, t in ipairs(sql("select name from " .. master .. " where type in ('table', 'view') and name not like 'sqlite_%'")) do
                out[#out + 1] = "== " .. t.name
                dump(sql('select * from "' .. t.name .. '"'), 0)
              end
            end
            print(table.concat(out, "\\n"))
            """
        let attacker = try store.lua(read, as: "off")
        for table in ["remedies", "remedy_items", "actions", "learning_actions", "extensions", "events", "letters", "decisions", "parties"] {
            #expect(attacker.contains("== \(table)\n"), "\(table) was not read")
        }
        #expect(Self.leaked(attacker) == [])
        let auditor = try store.lua(read, as: "aud")
        #expect(Self.leaked(auditor) == Self.secrets.filter { $0 != "987.65" })
    }

    @Test func theREPLsCardsAndTheExportShowNothingWithheld() throws {
        let store = try Store()
        let session = "cases.get('C-2026-000001')\ncases.get('C-2026-000002')\ncases.find{}\n"
        func repl(_ user: String) throws -> String {
            let result = try Redress.run(["--db", store.db, "--user", user, "--as-of", "2027-01-08"], input: session)
            return result.stdout + result.stderr
        }
        let attacker = try repl("off")
        #expect(attacker.contains("C-2026-000001  complaint · stage 1 · closed"), "\(attacker)")
        #expect(Self.leaked(attacker) == [])
        let investigator = try repl("inv")
        #expect(investigator.contains("remedy       £987.65 offered 2027-01-06"), "\(investigator)")
        #expect(investigator.contains("CLOSE-REASON-7731"))
        for format in ["csv", "json"] {
            let export = try Redress.run(["export", "cases", "--format", format, "--db", store.db, "--user", "off"])
            #expect(export.status == 0)
            #expect(Self.leaked(export.stdout + export.stderr) == [])
        }
    }

    @Test func subjectAccessReportsWhatTheRunningRoleMaySee() throws {
        let store = try Store()
        func sar(_ party: String, as user: String) throws -> (Redress.Result, String) {
            let folder = store.folder.appendingPathComponent("sar-\(user)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let result = try Redress.run(["sar", party, "--output-dir", folder.path, "--db", store.db, "--user", user])
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            let text = try files.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined()
            try FileManager.default.removeItem(at: folder)
            return (result, text)
        }
        // A manager the pack gives no confidentiality role: the report reads as every other path.
        for party in ["1", "2"] {
            let (result, text) = try sar(party, as: "boss")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(text.contains("[withheld]"))
            #expect(Self.leaked(text + result.stdout + result.stderr) == [])
        }
        // A guessed address of a withheld person finds no one, exactly as an unknown address.
        let (guessed, _) = try sar("bob.conf@example.org", as: "boss")
        let (unknown, _) = try sar("nobody@example.org", as: "boss")
        #expect(guessed.status == unknown.status && guessed.status != 0)
        #expect(guessed.stderr.replacingOccurrences(of: "bob.conf@example.org", with: "X")
                == unknown.stderr.replacingOccurrences(of: "nobody@example.org", with: "X"))
        // An auditor, whom the pack names for both, gets the whole record.
        let (full, text) = try sar("1", as: "aud")
        #expect(full.status == 0)
        #expect(Self.leaked(text, of: ["Ann Withheld", "ann.withheld@example.org", "98765", "FINDINGS-7731", "REMEDY-REASON-7731",
                                       "ACTION-7731", "CLOSE-REASON-7731"]).count == 7)
        let (byEmail, _) = try sar("bob.conf@example.org", as: "aud")
        #expect(byEmail.status == 0, "\(byEmail.stderr)")
    }

    @Test func aLettersFilesAndTextHashAreWithheld() throws {
        let store = try Store()
        let read = """
            for _, r in ipairs(sql("select * from letters")) do print(r.case_id, r.kind, r.text_hash, r.files) end
            """
        let taker = try store.lua(read, as: "taker")
        let hash = try #require(taker.split(separator: "\t").dropFirst(2).first.map(String.init))
        #expect(hash.count == 16, "\(taker)")
        #expect(taker.contains("acknowledgement.txt"))
        let attacker = try store.lua(read, as: "off")
        #expect(attacker == "2\tacknowledgement\t[withheld]\t[withheld]\n")
        // Nor may the attacker issue one, or learn anything from the refusal.
        let refused = try Redress.run(["letter", "acknowledgement", "C-2026-000002", "--preview", "--db", store.db, "--user", "off",
                                       "--as-of", "2026-12-23"])
        #expect(refused.status != 0)
        #expect(Self.leaked(refused.stdout + refused.stderr) == [], "\(refused.stderr)")
    }

    @Test func intakeDoesNotConfirmAGuessedEmail() throws {
        let store = try Store()
        // The attacker's probe: does a new complaint from the guessed address join Bob's record?
        // It rolls back at the end, leaving no trace.
        let probe = """
            local bob = cases.get("C-2026-000002").complainant
            local guess = cases.intake{ received = "2027-01-08", channel = "email", complainant_email = "bob.conf@example.org" }
            local table_form = cases.intake{ received = "2027-01-08", channel = "email",
                                             complainant = { name = "B", email = "BOB.CONF@example.org" } }
            local other = cases.intake{ received = "2027-01-08", channel = "email", complainant_email = "nobody@example.org" }
            local n = sql("select count(*) as n from parties")[1].n
            print(guess.complainant == bob, table_form.complainant == bob, other.complainant == bob, n)
            error("probe done")
            """
        let attacker = try store.lua(probe, as: "off")
        #expect(attacker.hasPrefix("false\tfalse\tfalse\t4\n"), "\(attacker)")
        #expect(Self.leaked(attacker, of: Self.identities.filter { $0 != "bob.conf@example.org" }) == [])
        // Someone who may see Bob links the returning complaint to him.
        let resolution = try store.lua(probe, as: "taker")
        #expect(resolution.hasPrefix("true\ttrue\tfalse\t3\n"), "\(resolution)")
        // Nothing stayed.
        #expect(try store.lua("print(#sql('select id from parties'), #cases.find{})", as: "off") == "2\t2\n")
    }
}
