import Foundation
import Testing

/// A pack whose hooks have bugs (`BrokenPack`), through the real binary: `check`, `run`,
/// `import` and a job each report a pack error naming the pack's file and line, the hook and
/// the case, with a traceback, never as the policy refusing or as a bad CSV row; the run keeps
/// nothing. A pack's deliberate refusal (winchester's `refuse`) still reads as a refusal.
@Suite struct PackErrorTests {
    final class Workspace {
        let folder = URL(fileURLWithPath: "/tmp/rpe-\(UUID().uuidString.prefix(8))")
        let pack: BrokenPack
        var db: String { folder.appendingPathComponent("t.sqlite").path }

        /// A folder holding the broken pack and a store bound to it (or to `policy`).
        init(policy: String? = nil) throws {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("t-jobs"), withIntermediateDirectories: true)
            pack = try BrokenPack(in: folder)
            let made = try Redress.run(["init", "--db", db, "--policy", policy ?? pack.path])
            #expect(made.status == 0, "\(made.stderr)")
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func file(_ name: String, _ text: String) throws -> String {
            let path = folder.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        func redress(_ arguments: [String]) throws -> Redress.Result {
            try Redress.run(["--db", db] + arguments)
        }

        /// The number of rows in `table`.
        func count(_ table: String) throws -> String {
            try redress(["-e", "io.write(sql('SELECT count(*) AS n FROM \(table)')[1].n)"]).stdout
        }
    }

    @Test func checkFailsTheScenariosWithThePacksLineAndATraceback() throws {
        let workspace = try Workspace()
        let pack = workspace.pack
        let result = try Redress.run(["check", pack.path])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let failures = lines.enumerated().filter { $0.element.hasPrefix("FAIL") }
        #expect(failures.contains { $0.element == "FAIL  broken: a damp complaint: " + pack.triageError(received: "2026-12-01") },
                "\(result.stdout)")
        // Halton's remedy scenarios (monetary loss; a considerable delay) answer the first case of their store.
        #expect(failures.filter { $0.element.hasSuffix(": " + pack.remedyError(ref: "C-2026-000001")) }.count >= 1,
                "\(result.stdout)")
        for (index, line) in failures {
            #expect(line.contains("pack error: \(pack.path):"), "\(line)")
            #expect(!line.contains("refused"), "\(line)")
            // The traceback, indented under its scenario, starts where the pack failed.
            #expect(lines[index + 1] == "      stack traceback:", "\(line)")
            let bug = line.contains("triage()") ? pack.triageLine : pack.remedyLine
            #expect(lines[(index + 1)...].prefix { $0.hasPrefix("      ") }.contains { $0.contains("\(pack.path):\(bug):") })
        }
        #expect(lines.last == "\(lines.filter { $0.hasPrefix("ok    ") }.count) passed, \(failures.count) failed")
    }

    @Test func runReportsThePackErrorAndKeepsNothing() throws {
        let workspace = try Workspace()
        let script = try workspace.file("answer.lua", """
            local c = cases.intake{ received = "2026-12-01", channel = "email", dissatisfied = true }
            c:acknowledge{ on = "2026-12-02" }
            c:respond{ on = "2026-12-10", outcome = "upheld", findings = { mistake = "a repair was missed" } }
            """)
        let result = try workspace.redress(["run", script])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("redress: " + workspace.pack.remedyError(ref: "C-2026-000001") + "\nstack traceback:\n"),
                "\(result.stderr)")
        #expect(result.stderr.contains("\n\t\(workspace.pack.path):\(workspace.pack.remedyLine):"), "\(result.stderr)")
        #expect(result.stderr.contains("\n\t\(script):3: in main chunk"), "\(result.stderr)")
        #expect(try workspace.count("cases") == "0")
    }

    @Test(arguments: [[], ["--skip-bad"]])
    func importStopsAtTheFirstPackErrorNamesItOnceAndKeepsNothing(skip: [String]) throws {
        let workspace = try Workspace()
        let csv = try workspace.file("intake.csv", """
            received,channel,category,dissatisfied
            2026-12-01,email,repairs,yes
            2026-12-02,email,damp,yes
            2026-12-03,email,damp,yes
            2026-12-04,email,repairs,yes

            """)
        let result = try workspace.redress(["import", csv] + skip)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("redress: \(csv): row 3: " + workspace.pack.triageError(received: "2026-12-02")
                                        + "\nstack traceback:\n"), "\(result.stderr)")
        #expect(result.stderr.contains("\n\t\(workspace.pack.path):\(workspace.pack.triageLine):"), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("\nnothing imported: the import stops at the pack's first error, which no row can fix "
                                        + "(fix the pack, then import again)\n"), "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "pack error").count == 2, "named once: \(result.stderr)")
        #expect(!result.stderr.contains("row 4"))
        #expect(try workspace.count("cases") == "0")
    }

    @Test func aBadCellIsStillABadRow() throws {
        let workspace = try Workspace()
        let csv = try workspace.file("intake.csv", """
            received,channel,category,dissatisfied
            2026-12-01,email,repairs,yes
            2026-02-30,email,repairs,yes

            """)
        let result = try workspace.redress(["import", csv])
        #expect(result.status == 2)
        #expect(result.stderr == """
            \(csv): row 3, column received: invalid date '2026-02-30': February 2026 has 28 days
            redress: \(csv): nothing imported: 1 of 2 rows are bad (fix them, or import the good ones with --skip-bad)

            """)
    }

    @Test func aJobThatMeetsAPackErrorFailsNamingIt() throws {
        let workspace = try Workspace()
        try """
            -- answers the open complaints, upheld
            return {
              title = "Answer the open complaints", schedule = "daily",
              run = function(job)
                for _, c in ipairs(cases.find{ status = "open" }) do
                  c:acknowledge{ on = job.date }
                  c:respond{ on = job.date, outcome = "upheld", findings = { mistake = "a repair was missed" } }
                end
                return "answered"
              end,
            }
            """.write(to: workspace.folder.appendingPathComponent("t-jobs/answer.lua"), atomically: true, encoding: .utf8)
        #expect(try workspace.redress(["-e", "cases.intake{ received = '2026-12-01', channel = 'email', dissatisfied = true }"]).status == 0)
        let result = try workspace.redress(["--as-of", "2026-12-02", "jobs", "run", "answer"])
        #expect(result.status == 1)
        #expect(result.stdout == "2026-12-02 answer: failed\n")
        #expect(result.stderr.hasPrefix("redress: job answer for 2026-12-02: " + workspace.pack.remedyError(ref: "C-2026-000001")
                                        + "\nstack traceback:\n"), "\(result.stderr)")
        #expect(result.stderr.contains("\n\t\(workspace.pack.path):\(workspace.pack.remedyLine):"), "\(result.stderr)")
        #expect(result.stderr.contains("t-jobs/answer.lua:7: in field 'run'"), "\(result.stderr)")
        // Recorded as failed, with the pack error; the case was not answered.
        let listed = try workspace.redress(["--as-of", "2026-12-02", "jobs", "list"])
        #expect(listed.stdout.split(separator: "\n").contains { $0.hasPrefix("answer ") && $0.contains("2026-12-02 failed") })
        #expect(try workspace.redress(["-e", "io.write(sql('SELECT summary FROM job_runs')[1].summary)"]).stdout
                == workspace.pack.remedyError(ref: "C-2026-000001"))
        #expect(try workspace.count("remedies") == "0")
    }

    /// Winchester refuses a complaint without contact details on purpose (`refuse`): a refusal at
    /// the script's line, a bad row in an import, never a pack error.
    @Test func aDeliberateRefusalStillReadsAsARefusal() throws {
        let workspace = try Workspace(policy: "winchester")
        let refusal = "refused by policy winchester: Stage 1, 1.: a complaint is recorded with the complainant's contact details "
            + "(give complainant = { name =, email = | phone = | address = })"
        let run = try workspace.redress(["-e", "cases.intake{ received = '2026-12-01', channel = 'email' }"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("redress: (command line):1: cases.intake: \(refusal)\n"), "\(run.stderr)")
        #expect(!run.stderr.contains("pack error"))
        let csv = try workspace.file("intake.csv", "received,channel,complainant,complainant_email\n"
                                     + "2026-12-01,email,Ann Example,ann@example.org\n2026-12-02,email,,\n")
        let imported = try workspace.redress(["import", csv])
        #expect(imported.status == 2)
        #expect(imported.stderr.hasPrefix("\(csv): row 3: \(refusal)\n"), "\(imported.stderr)")
        #expect(!imported.stderr.contains("pack error"))
    }
}
