import GRDB
import RedressCalendar

extension CaseStore {
    /// Records the tenure of case `ref` (`lcra` or `lcho`), for a case whose intake did not
    /// record it or recorded it wrongly, with the reason, as a `tenure_set` event (the tenure it
    /// replaces, if any, kept in the event). Refused, changing nothing, for an unknown tenure, a
    /// case that has it already, or an empty reason.
    public static func setTenure(of ref: String, to tenure: String, reason: String, on day: LocalDate, by recorder: Recorder,
                                 in db: Database) throws {
        _ = try Vocabulary.check(tenure, in: Vocabulary.tenures, field: "tenure")
        guard !reason.trimmingSpaces().isEmpty else {
            throw InputError(field: "reason", message: "required: why the tenure is recorded now (where it was found)")
        }
        let caseID = try caseID(of: ref, in: db)
        let was = try String.fetchOne(db, sql: "SELECT tenure FROM main.cases WHERE id = ?", arguments: [caseID])
        if was == tenure { throw InputError(field: "tenure", message: "\(ref) is already '\(tenure)'") }
        var data: [String: String] = ["tenure": tenure, "reason": reason]
        if let was { data["was"] = was }
        try DirectStatement.savepoint(db) {
            try db.execute(sql: "UPDATE main.cases SET tenure = ? WHERE id = ?", arguments: [tenure, caseID])
            try db.execute(sql: "INSERT INTO main.events(case_id, type, on_date, at, actor, script, data) VALUES (?, 'tenure_set', ?, ?, ?, ?, ?)",
                           arguments: [caseID, day.description, Timestamp.nowUTC(), recorder.actor, recorder.script, JSON.object(data)])
        }
    }
}
