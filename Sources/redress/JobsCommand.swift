import ArgumentParser
import RedressCalendar
import RedressCore
import RedressLua

/// `redress jobs run|list`: the store's scheduled jobs.
struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Run the scheduled jobs that are due, or list them.",
        discussion: reflowed("""
            Jobs are Lua files in Redress's Scripts/jobs and in the store's own jobs folder
            (NAME-jobs/ beside the store NAME.sqlite, or the jobs_folder setting); a store's job replaces
            Redress's job of the same name. Each declares its schedule: daily, weekly on a
            weekday, monthly on a day, quarterly, yearly on a date, or every N working days.

            `jobs run` runs every due date each job has not run for, in date order, each in one
            transaction of the store: a job that has never run runs once, for its latest due
            date; after that every due date since its last successful run is caught up. Running
            again for the same day runs nothing new. A failed run keeps nothing it wrote, is
            recorded as failed, stops that job's later dates (the next run retries it), and
            makes the exit code 1. A job file that does not load is reported and the other jobs
            run (exit code 2). Report files go under NAME-reports/ beside the store (or the
            reports_folder setting).

            Examples:
              redress jobs list
              redress jobs run
              redress jobs run --as-of 2026-12-29 --dry-run
              redress jobs run deadlines
            """),
        subcommands: [Run.self, List.self]
    )
}

extension JobsCommand {
    /// What both subcommands need: the store, a runner for the day, and the jobs.
    struct Setup {
        let runner: JobRunner
        let jobs: [JobDefinition]
        let lastRuns: [String: LocalDate]
        /// Whether a job file failed to load (each was reported on stderr; the others still run).
        let hadProblems: Bool

        init(options: GlobalOptions, lua: LuaOptions, store: StoreOptions) throws {
            let caseStore = try store.existingStore()
            let installation = try Installation.locate()
            var stateOptions = LuaState.Options()
            stateOptions.maxInstructions = lua.maxInstructions
            stateOptions.maxMemoryMB = lua.maxMemory
            stateOptions.timeout = lua.timeout ?? LuaOptions.defaultTimeout
            stateOptions.scripts = installation.scripts
            stateOptions.holidayFiles = [installation.bankHolidayChanges]
            stateOptions.extraHolidayFiles = options.extraHolidayFiles
            let asOf = try options.asOfDate() ?? LocalDate.today()
            runner = try JobRunner(store: caseStore, options: stateOptions, asOf: asOf, actor: store.userName)
            let (jobs, problems) = try runner.catalog()
            for problem in problems { printError("redress: \(problem.message)") }
            hadProblems = !problems.isEmpty
            self.jobs = jobs
            lastRuns = try caseStore.lastSuccessfulRuns()
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every due job (catching up missed due dates), or the jobs named.")

        @Argument(help: ArgumentHelp("Only these jobs (default: all).", valueName: "job"))
        var names: [String] = []

        @Flag(name: .customLong("dry-run"), help: "Run the due jobs and show what they would do, then keep nothing and write no files.")
        var dryRun = false

        @OptionGroup var options: GlobalOptions
        @OptionGroup var lua: LuaOptions
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if lua.unsafe { throw ValidationError("--unsafe: scheduled jobs always run in the sandbox") }
        }

        func run() throws {
            let setup = try Setup(options: options, lua: lua, store: store)
            let known = Set(setup.jobs.map(\.name))
            for name in names where !known.contains(name) {
                throw UsageError("job: no job '\(name)' (the jobs: \(known.sorted().joined(separator: ", ")))")
            }
            let chosen = setup.jobs.filter { names.isEmpty || names.contains($0.name) }
            var queue: [(job: JobDefinition, due: LocalDate)] = []
            for job in chosen {
                for due in try setup.runner.pending(job, lastRun: setup.lastRuns[job.name]) { queue.append((job, due)) }
            }
            queue.sort { ($0.due, $0.job.name) < ($1.due, $1.job.name) }
            guard !queue.isEmpty else {
                print("Nothing due as of \(setup.runner.asOf).")
                if setup.hadProblems { throw ExitCode(2) }
                return
            }
            let progress = Progress("jobs", total: queue.count)
            var lastRun = setup.lastRuns
            var failed: Set<String> = []
            for (job, due) in queue {
                if failed.contains(job.name) {
                    progress.clear()
                    print("\(due) \(job.name): skipped (its run for an earlier date failed)")
                    progress.advance()
                    continue
                }
                let outcome = setup.runner.run(job, due: due, lastRun: lastRun[job.name], dryRun: dryRun)
                progress.clear()
                switch outcome.status {
                case .ok, .dryRun:
                    lastRun[job.name] = due
                    let mark = outcome.status == .dryRun ? "dry run, nothing kept" : "ok"
                    print("\(due) \(job.name): \(mark)" + (outcome.summary.map { ": \($0)" } ?? ""))
                    for file in outcome.files {
                        print("  \(outcome.status == .dryRun ? "would write" : "wrote") \(file)")
                    }
                case .failed:
                    failed.insert(job.name)
                    print("\(due) \(job.name): failed")
                    printError("redress: job \(job.name) for \(due): \(outcome.error ?? outcome.summary ?? "failed")")
                }
                progress.advance()
            }
            progress.finish()
            if !failed.isEmpty { throw ExitCode(1) }
            if setup.hadProblems { throw ExitCode(2) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Each job with its schedule, last run and next due date.")

        @OptionGroup var options: GlobalOptions
        @OptionGroup var lua: LuaOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            let setup = try Setup(options: options, lua: lua, store: store)
            let latest = try setup.runner.store.latestJobRuns()
            var rows = [["JOB", "SCHEDULE", "LAST RUN", "NEXT DUE", "WHAT IT DOES"]]
            for job in setup.jobs {
                let lastOK = setup.lastRuns[job.name]
                var last = lastOK.map { "\($0) ok" } ?? "never"
                if let run = latest[job.name], run.status == .failed { last = "\(run.due) failed" }
                var next = try setup.runner.nextDue(job, lastRun: lastOK).map(\.description) ?? "none"
                if let due = try setup.runner.pending(job, lastRun: lastOK).first { next = "\(due) (due now)" }
                rows.append([job.name, job.schedule.description, last, next, job.title])
            }
            let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
            for row in rows {
                print((0..<4).map { row[$0] + String(repeating: " ", count: widths[$0] - row[$0].count) }.joined(separator: "  ")
                      + "  " + row[4])
            }
            if setup.hadProblems { throw ExitCode(2) }
        }
    }
}
