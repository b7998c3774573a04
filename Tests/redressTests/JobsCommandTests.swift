import Foundation
import Testing

/// `redress jobs run|list` as a cron job runs them: catch-up in date order, once per due date,
/// failures rolled back and retried, dry runs that keep nothing. Due dates are worked by hand
/// from GOV.UK's England and Wales bank holidays (Christmas Friday 25 December 2026, Boxing Day
/// substitute Monday 28 December, New Year's Day Friday 1 January 2027).
@Suite struct JobsCommandTests {
    /// A folder with a store bound to hos-code (or to the pack `policy`, written beside it) and
    /// a jobs/ folder beside it.
    final class Workspace {
        let folder: URL
        var db: String { folder.appendingPathComponent("s.sqlite").path }

        init(policy: String? = nil) throws {
            folder = URL(fileURLWithPath: "/tmp/rj-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("s-jobs"), withIntermediateDirectories: true)
            var arguments = ["init", "--db", db]
            if let policy {
                let pack = folder.appendingPathComponent("pack.lua")
                try policy.write(to: pack, atomically: true, encoding: .utf8)
                arguments += ["--policy", pack.path]
            }
            let created = try Redress.run(arguments)
            #expect(created.status == 0, "\(created.stderr)")
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func job(_ name: String, _ source: String) throws {
            try source.write(to: folder.appendingPathComponent("s-jobs/\(name).lua"), atomically: true, encoding: .utf8)
        }

        func file(_ relative: String) -> String? {
            try? String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
        }

        func jobs(_ arguments: [String]) throws -> Redress.Result {
            try Redress.run(["jobs"] + arguments + ["--db", db])
        }

        /// `sql(query)` through `redress -e`, each row's columns joined by `|`.
        func query(_ sql: String) throws -> [String] {
            let result = try Redress.run(["--db", db, "-e", """
                for _, r in ipairs(sql([[\(sql)]])) do
                  local cells = {}
                  for i, column in ipairs({ \(columns(of: sql)) }) do cells[i] = tostring(r[column]) end
                  print(table.concat(cells, "|"))
                end
                """])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\n").map(String.init)
        }

        /// The column names of `SELECT a, b AS c FROM ...` as Lua strings.
        private func columns(of sql: String) -> String {
            let list = sql.dropFirst("SELECT ".count).components(separatedBy: " FROM ")[0]
            return list.components(separatedBy: ",").map { column in
                let name = column.components(separatedBy: " AS ").last!.trimmingCharacters(in: .whitespaces)
                return "'\(name)'"
            }.joined(separator: ", ")
        }
    }

    /// The columns of the `jobs list` row that starts with `name` (columns are two or more spaces apart).
    static func columns(of name: String, in listing: String) -> [String] {
        guard let line = listing.split(separator: "\n").first(where: { $0.hasPrefix(name + " ") }) else { return [] }
        return line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static let tick = """
        return {
          title = "writes one file per run",
          schedule = { every_working_days = 1 },
          run = function(job)
            job:write("ticks/" .. tostring(job.date) .. ".txt", "ran for " .. tostring(job.date) .. ", today " .. tostring(date.today()))
            return "last run " .. tostring(job.last_run)
          end,
        }
        """

    @Test func missedWorkingDaysAreCaughtUpOnceEachInDateOrder() throws {
        let workspace = try Workspace()
        try workspace.job("tick", Self.tick)
        // Never run: it runs once, for its latest due date.
        let first = try workspace.jobs(["run", "tick", "--as-of", "2026-12-22"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("2026-12-22 tick: ok: last run nil\n"))
        // Two weeks later, over Christmas and New Year: every working day since, in order.
        let later = try workspace.jobs(["run", "tick", "--as-of", "2027-01-05"])
        let runs = later.stdout.split(separator: "\n").filter { !$0.hasPrefix("  ") }
        #expect(runs == ["2026-12-23 tick: ok: last run 2026-12-22", "2026-12-24 tick: ok: last run 2026-12-23",
                         "2026-12-29 tick: ok: last run 2026-12-24", "2026-12-30 tick: ok: last run 2026-12-29",
                         "2026-12-31 tick: ok: last run 2026-12-30", "2027-01-04 tick: ok: last run 2026-12-31",
                         "2027-01-05 tick: ok: last run 2027-01-04"])
        // Each run's "today" is its due date.
        #expect(workspace.file("s-reports/ticks/2026-12-29.txt") == "ran for 2026-12-29, today 2026-12-29")
        #expect(workspace.file("s-reports/ticks/2026-12-28.txt") == nil)
        // Again for the same day: nothing new.
        let again = try workspace.jobs(["run", "tick", "--as-of", "2027-01-05"])
        #expect(again.stdout == "Nothing due as of 2027-01-05.\n")
        #expect(try workspace.query("SELECT count(*) AS n FROM job_runs WHERE job = 'tick' AND status = 'ok'") == ["8"])
        let attributes = try FileManager.default.attributesOfItem(atPath: workspace.folder.appendingPathComponent("s-reports/ticks/2027-01-05.txt").path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
    }

    @Test func aFailedRunKeepsNothingIsRecordedAndIsRetried() throws {
        let workspace = try Workspace()
        let caseRef = try Redress.run(["--db", workspace.db, "--as-of", "2026-12-21", "-e",
                                       "print(cases.intake{ received = '2026-12-21', channel = 'email' }.ref)"])
        #expect(caseRef.stdout == "C-2026-000001\n")
        try workspace.job("assigner", """
            return {
              schedule = "daily",
              run = function(job)
                cases.get("C-2026-000001"):assign{ officer = "JB" }
                job:write("assigned.txt", tostring(job.date))
                if job.date == date("2026-12-24") then error("the printer is out of paper") end
              end,
            }
            """)
        #expect(try workspace.jobs(["run", "--as-of", "2026-12-22"]).status == 0)
        let failing = try workspace.jobs(["run", "assigner", "--as-of", "2026-12-26"])
        #expect(failing.status == 1)
        #expect(failing.stdout == """
            2026-12-23 assigner: ok
              wrote \(workspace.folder.path)/s-reports/assigned.txt
            2026-12-24 assigner: failed
            2026-12-25 assigner: skipped (its run for an earlier date failed)
            2026-12-26 assigner: skipped (its run for an earlier date failed)

            """)
        #expect(failing.stderr.contains("redress: job assigner for 2026-12-24: \(workspace.folder.path)/s-jobs/assigner.lua:6: the printer is out of paper\nstack traceback:"))
        // The failed run's assignment and file are gone; the failure is on record.
        #expect(try workspace.query("SELECT assigned FROM assignments") == ["2026-12-22", "2026-12-23"])
        #expect(workspace.file("s-reports/assigned.txt") == "2026-12-23")
        #expect(try workspace.query("SELECT due, status FROM job_runs WHERE job = 'assigner'")
                == ["2026-12-22|ok", "2026-12-23|ok", "2026-12-24|failed"])
        let listed = try workspace.jobs(["list", "--as-of", "2026-12-26"])
        #expect(Self.columns(of: "assigner", in: listed.stdout) == ["assigner", "daily", "2026-12-24 failed", "2026-12-24 (due now)", "assigner"])
        // Fixed: the next run retries the failed date, then catches up.
        try workspace.job("assigner", "return { schedule = 'daily', run = function(job) return 'fine' end }")
        let retried = try workspace.jobs(["run", "assigner", "--as-of", "2026-12-26"])
        #expect(retried.stdout == "2026-12-24 assigner: ok: fine\n2026-12-25 assigner: ok: fine\n2026-12-26 assigner: ok: fine\n")
    }

    @Test func aProgressBarShowsOnATerminalOnly() throws {
        let workspace = try Workspace()
        try workspace.job("tick", Self.tick)
        _ = try workspace.jobs(["run", "tick", "--as-of", "2026-12-01"])
        // Not a terminal (a pipe, as under cron): nothing on stderr.
        let piped = try workspace.jobs(["run", "tick", "--as-of", "2026-12-08"])
        #expect(piped.status == 0)
        #expect(piped.stderr == "")
        // On a terminal (script(1) gives the run a pseudo-terminal): the bar, with count and rate.
        let command = [Redress.binary.path, "jobs", "run", "tick", "--as-of", "2026-12-15", "--db", workspace.db]
            .map { "'\($0)'" }.joined(separator: " ")
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        script.arguments = ["-qec", command, "/dev/null"]
        let out = Pipe()
        script.standardOutput = out
        script.standardInput = FileHandle.nullDevice
        try script.run()
        let terminal = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        script.waitUntilExit()
        // 9 to 15 December: 5 working days.
        #expect(terminal.contains("\rjobs [########################] 5/5 "), "\(terminal)")
        #expect(terminal.contains("2026-12-15 tick: ok"))
    }

    @Test func storesSharingAFolderKeepTheirOwnJobsAndReports() throws {
        let workspace = try Workspace()
        let other = workspace.folder.appendingPathComponent("t.sqlite").path
        #expect(try Redress.run(["init", "--db", other]).status == 0)
        try workspace.job("tick", Self.tick)
        // The store s.sqlite has the job in s-jobs/; t.sqlite does not.
        #expect(try workspace.jobs(["run", "tick", "--as-of", "2026-12-22"]).stdout.contains("wrote \(workspace.folder.path)/s-reports/ticks/2026-12-22.txt"))
        #expect(try Redress.run(["jobs", "run", "tick", "--db", other]).stderr.contains("job: no job 'tick'"))
        let deadlines = try Redress.run(["jobs", "run", "deadlines", "--as-of", "2026-12-22", "--db", other])
        #expect(deadlines.stdout.contains("wrote \(workspace.folder.path)/t-reports/deadlines/2026-12-22.txt"), "\(deadlines.stderr)")
        // The reports_folder setting moves them.
        #expect(try Redress.run(["settings", "set", "reports_folder", "out", "--db", other]).status == 0)
        #expect(try Redress.run(["jobs", "run", "deadlines", "--as-of", "2026-12-23", "--db", other]).stdout
                .contains("wrote \(workspace.folder.path)/out/deadlines/2026-12-23.txt"))
    }

    @Test func aDryRunShowsWhatWouldHappenAndKeepsNothing() throws {
        let workspace = try Workspace()
        try workspace.job("tick", Self.tick)
        let dry = try workspace.jobs(["run", "--dry-run", "tick", "--as-of", "2027-01-04"])
        #expect(dry.stdout == """
            2027-01-04 tick: dry run, nothing kept: last run nil
              would write \(workspace.folder.path)/s-reports/ticks/2027-01-04.txt

            """)
        #expect(workspace.file("s-reports/ticks/2027-01-04.txt") == nil)
        #expect(try workspace.query("SELECT count(*) AS n FROM job_runs") == ["0"])
    }

    @Test func listShowsEachJobsScheduleLastRunAndNextDue() throws {
        let workspace = try Workspace()
        try workspace.job("tick", Self.tick)
        try workspace.job("quarterly-return", "return { title = 'the quarter', schedule = { quarterly = 1 }, run = function() end }")
        _ = try workspace.jobs(["run", "tick", "--as-of", "2026-12-24"])
        let listed = try workspace.jobs(["list", "--as-of", "2026-12-24"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(Self.columns(of: "JOB", in: listed.stdout) == ["JOB", "SCHEDULE", "LAST RUN", "NEXT DUE", "WHAT IT DOES"])
        // The quarterly job has never run: its latest due date, 1 October, is due now.
        #expect(Self.columns(of: "quarterly-return", in: listed.stdout)
                == ["quarterly-return", "quarterly on day 1 of January, April, July and October", "never", "2026-10-01 (due now)", "the quarter"])
        // The daily job ran for Christmas Eve: next due Tuesday 29 December.
        #expect(Self.columns(of: "tick", in: listed.stdout)
                == ["tick", "every working day", "2026-12-24 ok", "2026-12-29", "writes one file per run"])
        #expect(Self.columns(of: "deadlines", in: listed.stdout).count == 5)
    }

    @Test func aJobThatDeclaresABadScheduleIsNamedWithTheFieldAndValue() throws {
        let workspace = try Workspace()
        try workspace.job("typo", "return { schedule = { weekly = 'mnday' }, run = function() end }")
        let listed = try workspace.jobs(["list"])
        #expect(listed.status == 2)
        #expect(listed.stderr == "redress: \(workspace.folder.path)/s-jobs/typo.lua: schedule.weekly: unknown weekday 'mnday' (expected one of: monday, tuesday, wednesday, thursday, friday, saturday, sunday)\n")
        try workspace.job("typo", "return { schedule = { every_working_days = 5 }, run = function() end }")
        #expect(try workspace.jobs(["list"]).stderr.contains("typo.lua: schedule.from: required with every_working_days = 5"))
        try workspace.job("typo", "return { schedule = 'daily', run = function() end, retries = 3 }")
        #expect(try workspace.jobs(["list"]).stderr.contains("typo.lua: retries: unknown key (expected one of: run, schedule, title)"))
        // The other jobs still run.
        let others = try workspace.jobs(["run", "--as-of", "2026-12-22"])
        #expect(others.status == 2)
        #expect(others.stdout.contains("2026-12-22 deadlines: ok"))
        #expect(try workspace.jobs(["run", "nosuch"]).stderr.contains("job: no job 'nosuch'"))
    }

    @Test func theDeadlinesJobListsClocksPerOfficerAndStage() throws {
        let workspace = try Workspace()
        let setup = try Redress.run(["--db", workspace.db, "--as-of", "2026-12-21", "-e", """
            local a = cases.intake{ received = "2026-12-14", channel = "email", summary = "Leak" }
            a:assign{ officer = "JB" }
            local b = cases.intake{ received = "2026-12-21", channel = "phone", summary = "Mould" }
            local c = cases.intake{ received = "2026-12-18", channel = "web", summary = "Door" }
            c:assign{ officer = "AK" }
            c:acknowledge{ on = "2026-12-21" }
            print(a.officer, b.officer, c.officer)
            """])
        #expect(setup.stdout == "JB\tnil\tAK\n", "\(setup.stderr)")
        let run = try workspace.jobs(["run", "deadlines", "--as-of", "2026-12-31"])
        #expect(run.stdout.hasPrefix("2026-12-31 deadlines: ok: 2 overdue, 0 due within 3 working days\n"), "\(run.stderr)")
        // Acknowledgements: C-1 from Mon 14 Dec: 15-18, 21 → due 21 Dec, 6 working days late on
        // 31 Dec (22, 23, 24, 29, 30, 31). C-2 from Mon 21 Dec: 22, 23, 24, 29, 30 → due 30 Dec, 1 late. C-3 was acknowledged on
        // 21 Dec; its response is due 10 working days later: 22, 23, 24, 29, 30, 31, 4, 5, 6, 7 Jan,
        // beyond 3 working days from 31 Dec (4, 5, 6 January).
        #expect(workspace.file("s-reports/deadlines/2026-12-31.txt") == """
            Deadlines on Thursday 2026-12-31: Housing Ombudsman Complaint Handling Code 2024
            Overdue clocks, and clocks due within 3 working days (by 2027-01-06).

            (unassigned)
              stage 1
                C-2026-000002  acknowledge        due 2026-12-30  OVERDUE  1 working day late
            JB
              stage 1
                C-2026-000001  acknowledge        due 2026-12-21  OVERDUE  6 working days late

            """)
        let nextYear = try workspace.jobs(["run", "deadlines", "--as-of", "2027-01-04"])
        #expect(nextYear.stdout.hasPrefix("2027-01-04 deadlines: ok: 2 overdue, 1 due within 3 working days\n"))
        #expect(workspace.file("s-reports/deadlines/2027-01-04.txt")?.contains(
            "AK\n  stage 1\n    C-2026-000003  respond            due 2027-01-07  due in 3 working days\n") == true)
    }
}
