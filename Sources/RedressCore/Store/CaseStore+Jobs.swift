import GRDB
import RedressCalendar

/// One run of a scheduled job, as `job_runs` records it.
public struct JobRunRecord: Sendable, Equatable {
    public enum Status: String, Sendable { case ok, failed }

    public var job: String
    /// The due date the run was for ("today" inside the job).
    public var due: LocalDate
    /// The day `redress jobs run` ran for.
    public var asOf: LocalDate
    public var status: Status
    public var startedAt: String
    public var finishedAt: String
    public var actor: String?
    public var source: String
    public var sourceHash: String
    /// What the job returned, or the error that failed it.
    public var summary: String?
    /// The report files it wrote, relative to the reports folder.
    public var files: [String]

    public init(job: String, due: LocalDate, asOf: LocalDate, status: Status, startedAt: String, finishedAt: String,
                actor: String?, source: String, sourceHash: String, summary: String?, files: [String]) {
        self.job = job
        self.due = due
        self.asOf = asOf
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.actor = actor
        self.source = source
        self.sourceHash = sourceHash
        self.summary = summary
        self.files = files
    }
}

extension CaseStore {
    /// Records a job run inside the caller's transaction. A second successful run of a job for
    /// the same due date is refused (the unique index says so too).
    public static func record(_ run: JobRunRecord, in db: Database) throws {
        if run.status == .ok, try lastSuccessfulRun(of: run.job, in: db).map({ $0 >= run.due }) == true {
            throw StoreError(message: "job \(run.job) has already run for \(run.due) or later")
        }
        try db.execute(sql: """
            INSERT INTO main.job_runs(job, due, as_of, status, started_at, finished_at, actor, source, source_hash, summary, files)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [run.job, run.due.description, run.asOf.description, run.status.rawValue, run.startedAt,
                             run.finishedAt, run.actor, run.source, run.sourceHash, run.summary,
                             "[" + run.files.map(JSON.quote).joined(separator: ",") + "]"])
    }

    /// The due date of a job's latest successful run, or nil when it has never run.
    public static func lastSuccessfulRun(of job: String, in db: Database) throws -> LocalDate? {
        guard let text = try String.fetchOne(db, sql: "SELECT max(due) FROM job_runs WHERE job = ? AND status = 'ok'",
                                             arguments: [job]) else { return nil }
        return try LocalDate(iso: text)
    }

    /// The due date of each job's latest successful run, by job name.
    public func lastSuccessfulRuns() throws(StoreError) -> [String: LocalDate] {
        try read { db in
            var last: [String: LocalDate] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT job, max(due) AS due FROM job_runs WHERE status = 'ok' GROUP BY job") {
                last[row["job"]] = try LocalDate(iso: row["due"])
            }
            return last
        }
    }

    /// The latest run of each job (successful or not), by job name.
    public func latestJobRuns() throws(StoreError) -> [String: JobRunRecord] {
        try read { db in
            var latest: [String: JobRunRecord] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT job, due, as_of, status, started_at, finished_at, actor, source, source_hash, summary, files
                FROM job_runs r WHERE id = (SELECT max(id) FROM job_runs s WHERE s.job = r.job)
                """) {
                let files = try String.fetchAll(db, sql: "SELECT value FROM json_each(?)", arguments: [row["files"] as String? ?? "[]"])
                latest[row["job"]] = JobRunRecord(
                    job: row["job"], due: try LocalDate(iso: row["due"]), asOf: try LocalDate(iso: row["as_of"]),
                    status: JobRunRecord.Status(rawValue: row["status"]) ?? .failed, startedAt: row["started_at"],
                    finishedAt: row["finished_at"], actor: row["actor"], source: row["source"], sourceHash: row["source_hash"],
                    summary: row["summary"], files: files)
            }
            return latest
        }
    }
}
