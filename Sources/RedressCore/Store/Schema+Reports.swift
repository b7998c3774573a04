import GRDB

extension Schema {
    /// What the reports count, as two temporary views made on every connection from the code's
    /// own definitions (not frozen in a migration), so the reports, jobs, scripts and the REPL
    /// read one definition of "on time":
    ///
    /// - `complaint_stages`: each entry of a stage by a complaint that was not excluded, with its
    ///   tenure (`lcra`, `lcho`, NULL when not recorded), the stage's acknowledge and respond clocks (due dates after extensions, met dates), its
    ///   extensions, its decision's outcome and remedy, and one column per `OnTimeMeasure`
    ///   (1 on time, 0 late, NULL while unanswered). Outcomes, remedies and extensions are read
    ///   through the redacting views, so a viewer reads the figures their role may see.
    /// - `on_time_measures`: each measure's `position` (1: the Code's, which CH02 counts),
    ///   `name` (its column in `complaint_stages`), `title` and `definition`, for a script to
    ///   print beside a figure it counts.
    static func installReports(_ db: Database) throws {
        let measures = OnTimeMeasure.all.enumerated().map { index, measure in
            "(\(index + 1), \(quoted(measure.name)), \(quoted(measure.title)), \(quoted(measure.definition)))"
        }
        try db.execute(sql: """
            CREATE TEMP VIEW complaint_stages AS
              SELECT c.ref, c.id AS case_id, c.kind, c.status, c.category, c.tenure, h.stage, h.round, h.entered,
                     coalesce(a.extended_due, a.due) AS acknowledge_due, a.met AS acknowledged,
                     coalesce(r.extended_due, r.due) AS respond_due, r.met AS responded,
                     (SELECT count(*) FROM extensions e JOIN main.clocks x ON x.id = e.clock_id
                      WHERE x.case_id = c.id AND x.stage = h.stage AND x.round = h.round) AS extensions,
                     (SELECT d.outcome FROM decisions d WHERE d.case_id = c.id AND d.stage = h.stage
                      ORDER BY d.id DESC LIMIT 1) AS outcome,
                     (SELECT coalesce(sum(i.amount_pence), 0) FROM decisions d JOIN remedies m ON m.decision_id = d.id
                      JOIN remedy_items i ON i.remedy_id = m.id WHERE d.case_id = c.id AND d.stage = h.stage) AS remedy_pence,
                     \(OnTimeMeasure.all.map(\.column).joined(separator: ",\n         "))
              FROM main.stage_history h
              JOIN main.cases c ON c.id = h.case_id
              LEFT JOIN main.clocks a ON a.case_id = c.id AND a.stage = h.stage AND a.round = h.round AND a.name = 'acknowledge'
              LEFT JOIN main.clocks r ON r.case_id = c.id AND r.stage = h.stage AND r.round = h.round AND r.name = 'respond'
              WHERE c.kind = 'complaint' AND c.status <> 'excluded';
            CREATE TEMP VIEW on_time_measures(position, name, title, definition) AS
              VALUES \(measures.joined(separator: ", "));
            """)
    }

    /// `text` as an SQL string literal.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingApostrophes() + "'"
    }
}

extension String {
    /// Each `'` doubled, for an SQL string literal.
    func replacingApostrophes() -> String {
        var out = ""
        for character in self {
            out.append(character)
            if character == "'" { out.append("'") }
        }
        return out
    }
}
