import RedressCalendar
import RedressCore

/// Runs a store's scheduled jobs: works out which due dates each job has not yet run for, and
/// runs each in its own Lua state ("today" is the due date) and its own store transaction. A
/// successful run is recorded in that transaction with the files it wrote; a failed one is
/// rolled back and then recorded as failed.
public final class JobRunner {
    /// What became of one run.
    public struct Outcome: Sendable {
        public enum Status: Sendable, Equatable { case ok, failed, dryRun }

        public let job: String
        public let due: LocalDate
        public let status: Status
        /// What the job returned (ok and dry runs), or the error's message (failed).
        public let summary: String?
        /// The files written (or, in a dry run, that would have been), as full paths.
        public let files: [String]
        /// The error of a failed run, with its traceback.
        public let error: String?
    }

    public let store: CaseStore
    public let asOf: LocalDate
    public let actor: String?
    /// The options every job's state starts from (the scripts folder, holidays, limits).
    public let options: LuaState.Options
    /// The store's pack and its calendar (for `every_working_days` schedules).
    public let pack: PolicyPack
    public let calendar: WorkingDayCalendar
    public let reportsFolder: String
    /// Where a job's letters find their templates, as `redress letter` looks: the store's own
    /// letters folder, the pack's, then the default ones.
    public let letterFolders: [String]

    /// A runner on `store` for the day `asOf`.
    public init(store: CaseStore, options: LuaState.Options, asOf: LocalDate, actor: String?) throws {
        self.store = store
        self.asOf = asOf
        self.actor = actor
        self.options = options
        guard let scripts = options.scripts else {
            throw StoreError(message: "cannot find Redress's Scripts folder to load the store's policy pack")
        }
        pack = try PolicyLoader.loadBound(store, scripts: scripts, in: LuaState(options: options))
        let bundled = try HolidayData.load(files: options.holidayFiles)
        let extra = try HolidayData.load(files: options.extraHolidayFiles)
        calendar = try store.calendar(for: pack, bundled: bundled,
                                      given: bundled.followed(by: extra))
        reportsFolder = try store.reportsFolder
        letterFolders = try store.letterFolders(scripts: scripts, pack: pack.name)
    }

    /// Redress's own jobs folder, then the store's (whose jobs replace Redress's of the same name).
    public func folders() throws -> [String] {
        [(options.scripts ?? "") + "/jobs", try store.jobsFolder]
    }

    /// Every job in the folders, loaded; with the files that failed to load and why.
    public func catalog() throws -> (jobs: [JobDefinition], problems: [(path: String, message: String)]) {
        var jobs: [JobDefinition] = []
        var problems: [(path: String, message: String)] = []
        for (name, path) in JobLoader.discover(in: try folders()) {
            do {
                var loadOptions = options
                loadOptions.scriptFolders = [Folder.parent(of: path)]
                jobs.append(try JobLoader.load(name: name, path: path, in: LuaState(options: loadOptions)))
            } catch {
                problems.append((path, "\(error)"))
            }
        }
        return (jobs, problems)
    }

    /// The due dates `job` has yet to run for, oldest first: every due date after its last
    /// successful run up to today; for a job that has never run, its latest due date on or
    /// before today.
    public func pending(_ job: JobDefinition, lastRun: LocalDate?) throws -> [LocalDate] {
        if let lastRun {
            return try job.schedule.occurrences(after: lastRun, through: asOf, calendar: calendar)
        }
        return try job.schedule.latest(onOrBefore: asOf, calendar: calendar).map { [$0] } ?? []
    }

    /// The next date `job` falls due: its first pending date, or the first after today.
    public func nextDue(_ job: JobDefinition, lastRun: LocalDate?) throws -> LocalDate? {
        try pending(job, lastRun: lastRun).first ?? job.schedule.next(after: asOf, calendar: calendar)
    }

    /// A dry run's changes are discarded by throwing this out of the transaction.
    private struct Discard: Error {
        let result: JobCall.Result
    }

    /// Runs `job` for `due`. A dry run rolls back whatever the job wrote, writes no files and
    /// records nothing.
    public func run(_ job: JobDefinition, due: LocalDate, lastRun: LocalDate?, dryRun: Bool) -> Outcome {
        let started = Timestamp.nowUTC()
        var runOptions = options
        runOptions.asOf = due
        runOptions.region = pack.region
        runOptions.scriptFolders = [Folder.parent(of: job.path)]
        let info: [String: LuaValue] = [
            "name": .string(job.name), "title": .string(job.title), "schedule": .string(job.schedule.description),
            "date": .date(due), "as_of": .date(asOf), "last_run": lastRun.map { .date($0) } ?? .nil, "dry_run": .boolean(dryRun),
            "reports_folder": .string(reportsFolder), "letter_folders": .array(letterFolders.map { .string($0) }),
        ]
        do {
            let state = try LuaState(options: runOptions)
            state.recorder = Recorder(actor: actor, script: "redress jobs run: \(job.name) for \(due)")
            let result = try state.withTransaction(on: store) { () throws -> JobCall.Result in
                let result = try state.withTimeLimit { try JobCall.run(job, info: info, in: state) }
                if dryRun { throw Discard(result: result) }
                let written = try write(result.files)
                // A job that only read takes the lock here, waiting its turn.
                try CaseStore.waitingForTheLock(in: state.database!) {
                    try CaseStore.record(JobRunRecord(job: job.name, due: due, asOf: asOf, status: .ok, startedAt: started,
                                                      finishedAt: Timestamp.nowUTC(), actor: actor, source: job.path,
                                                      sourceHash: job.hash, summary: result.summary,
                                                      files: written.map { String($0.dropFirst(reportsFolder.count + 1)) }),
                                         in: state.database!)
                }
                return result
            }
            return Outcome(job: job.name, due: due, status: .ok, summary: result.summary,
                           files: result.files.map { reportsFolder + "/" + $0.name }, error: nil)
        } catch let discard as Discard {
            return Outcome(job: job.name, due: due, status: .dryRun, summary: discard.result.summary,
                           files: discard.result.files.map { reportsFolder + "/" + $0.name }, error: nil)
        } catch {
            let message = (error as? LuaError)?.message ?? "\(error)"
            if !dryRun {
                do {
                    try store.write { db in
                        try CaseStore.record(JobRunRecord(job: job.name, due: due, asOf: asOf, status: .failed, startedAt: started,
                                                          finishedAt: Timestamp.nowUTC(), actor: actor, source: job.path,
                                                          sourceHash: job.hash, summary: message, files: []), in: db)
                    }
                } catch let recording {
                    return Outcome(job: job.name, due: due, status: .failed, summary: message, files: [],
                                   error: "\(error)\n(and the failure could not be recorded: \(recording))")
                }
            }
            return Outcome(job: job.name, due: due, status: .failed, summary: message, files: [], error: "\(error)")
        }
    }

    /// Writes report files under the reports folder (owner-only); returns their paths. Each
    /// name is checked again here, whatever the job's Lua did to `job:write`.
    func write(_ files: [(name: String, text: String)]) throws -> [String] {
        for (name, _) in files {
            if let problem = ReportFile.problem(with: name) { throw FileError(path: name, reason: problem, action: "write") }
        }
        return try files.map { file throws(FileError) in try ReportFile.write(file.text, name: file.name, under: reportsFolder) }
    }
}
