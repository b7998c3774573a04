import GRDB

extension Schema {
    /// v6: who uses the store (users and their roles), the per-case flag for a confidential
    /// outcome, the indexes the redacting views read through, overdue_clocks without the
    /// customer's escalation windows, and retention: the date a case's
    /// personal data was removed, and the one change the event log accepts (removing a
    /// free-text reason, which is all retention does to it).
    static func v6(_ db: Database) throws {
        try db.execute(sql: """
            -- The people who use the store, each with one role. A user is disabled, never
            -- deleted: the event log names them.
            CREATE TABLE users (
              name      TEXT PRIMARY KEY CHECK (length(name) > 0),
              role      TEXT NOT NULL CHECK (role = 'complaints_officer' OR role = 'investigating_officer'
                          OR role = 'resolution_team' OR role = 'manager' OR role = 'head_of_customer_feedback'
                          OR role = 'analyst' OR role = 'auditor'),
              full_name TEXT,
              added     TEXT NOT NULL,
              disabled  TEXT
            );

            -- Set at intake when the pack's triage says the outcome is confidential (WDH: a
            -- complaint about a member of staff).
            ALTER TABLE cases ADD COLUMN outcome_confidential INTEGER NOT NULL DEFAULT 0
              CHECK (outcome_confidential IN (0, 1));

            -- The few cases whose complainant is withheld, and whose outcome is confidential.
            CREATE INDEX cases_withheld ON cases(complainant_id) WHERE anonymous = 1 OR confidential = 1;
            CREATE INDEX cases_outcome_confidential ON cases(id) WHERE outcome_confidential = 1;

            -- When retention removed the case's personal data (NULL: not yet).
            ALTER TABLE cases ADD COLUMN anonymised TEXT;

            -- A customer's escalation window that ended is not a deadline the landlord missed.
            DROP VIEW overdue_clocks;
            CREATE VIEW overdue_clocks AS
              SELECT c.ref, c.kind, c.stage AS case_stage, c.status, k.stage, k.name AS clock,
                     k.anchor, k.anchor_date, k.amount, k.unit, k.due, k.extended_due,
                     coalesce(k.extended_due, k.due) AS due_now, k.met, k.met_late, k.case_id
              FROM clocks k CROSS JOIN cases c ON c.id = k.case_id
              WHERE k.met IS NULL AND c.status = 'open' AND k.name <> 'escalation_window'
                AND coalesce(k.extended_due, k.due) < date('now', 'localtime');

            -- The log stays append-only; the single change it accepts leaves every column as it
            -- was but the free-text reason, removed from the event's data.
            DROP TRIGGER events_are_append_only_update;
            CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
            WHEN NOT (new.id IS old.id AND new.case_id IS old.case_id AND new.party_id IS old.party_id
                      AND new.type IS old.type AND new.on_date IS old.on_date AND new.at IS old.at
                      AND new.actor IS old.actor AND new.script IS old.script
                      AND new.data IS json_remove(old.data, '$.reason'))
            BEGIN SELECT RAISE(ABORT, 'the event log is append-only: events cannot be changed'); END;
            """)
    }

    /// The connection's redaction: temporary views named after the tables of
    /// `Redaction.tables` (`parties`, `decisions`) that stand in front of them (SQLite reads an
    /// unqualified name from `temp` first), so that every read through the connection, `sql()`
    /// included, sees a withheld identity as `[withheld]` and a confidential outcome as
    /// `[confidential]` unless the viewer (`temp.redress_viewer`) may see them. Who may: the
    /// settings the bound pack wrote (`confidentiality.identity_roles`,
    /// `confidentiality.outcome_roles`, JSON arrays of roles), and for an identity also the user
    /// who took the complaint (the `received` event's actor). The store's own writes and
    /// look-ups name `main.` tables; an analyst's query that does is answered by `QueryGuard`.
    ///
    /// Created after the migrations, on the connection only (nothing is written to the file):
    /// a migration must read the real tables.
    static func installRedaction(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TEMP TABLE redress_viewer (user TEXT, role TEXT);
            INSERT INTO temp.redress_viewer VALUES (NULL, NULL);

            CREATE TEMP VIEW \(Redaction.Audience.identity.hiddenView) AS
              SELECT DISTINCT c.complainant_id AS id
              FROM main.cases c, temp.redress_viewer v
              WHERE (c.anonymous = 1 OR c.confidential = 1) AND c.complainant_id IS NOT NULL
                AND NOT \(Redaction.Audience.identity.viewerHasRole)
                AND NOT EXISTS (SELECT 1 FROM main.events e
                                WHERE e.case_id = c.id AND e.type = 'received' AND e.actor = v.user);

            CREATE TEMP VIEW \(Redaction.Audience.outcome.hiddenView) AS
              SELECT c.id
              FROM main.cases c, temp.redress_viewer v
              WHERE c.outcome_confidential = 1
                AND NOT \(Redaction.Audience.outcome.viewerHasRole);
            """)
        for table in Redaction.tables {
            let columns = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?, 'main') ORDER BY cid",
                                           arguments: [table.name]).map { $0["name"] as String }
            try db.execute(sql: Redaction.viewSQL(table, columns: columns))
        }
    }
}
