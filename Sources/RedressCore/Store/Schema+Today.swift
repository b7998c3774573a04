import GRDB
import RedressCalendar

extension Schema {
    /// The connection's "today": a one-row temporary table the host sets at the start of every
    /// run (`CaseStore.setToday`: `--as-of`, `.asof`, else the system's date), and a temporary
    /// `overdue_clocks` that reads it, standing in front of the stored view of the same name
    /// (SQLite reads an unqualified name from `temp` first). So `sql("select * from
    /// overdue_clocks")`, `cases.find{ overdue = true }`, reports and jobs all count overdue on
    /// the same day. The stored view, which another tool (sqlite3, pandas) reads, keeps the
    /// system's date: those tools have no `--as-of`.
    static func installToday(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TEMP TABLE redress_today (day TEXT NOT NULL);
            INSERT INTO temp.redress_today VALUES (date('now', 'localtime'));
            CREATE TEMP VIEW overdue_clocks AS
              SELECT c.ref, c.kind, c.stage AS case_stage, c.status, k.stage, k.name AS clock,
                     k.anchor, k.anchor_date, k.amount, k.unit, k.due, k.extended_due,
                     coalesce(k.extended_due, k.due) AS due_now, k.met, k.met_late, k.case_id
              FROM main.clocks k CROSS JOIN main.cases c ON c.id = k.case_id
              WHERE k.met IS NULL AND c.status = 'open' AND k.name <> 'escalation_window'
                AND coalesce(k.extended_due, k.due) < (SELECT t.day FROM temp.redress_today t);
            """)
    }
}

extension CaseStore {
    /// Sets the connection's "today" (what `overdue_clocks` counts against) for the run that
    /// `db` belongs to.
    public static func setToday(_ date: LocalDate, in db: Database) throws {
        try db.execute(sql: "UPDATE temp.redress_today SET day = ?", arguments: [date.description])
    }
}
