import GRDB

extension Schema {
    /// A stage entered a second time: a complaint referred back to stage 1 for a review of its
    /// decision (WDH), then perhaps escalated again. Each entry of a stage is a round; a clock
    /// belongs to a stage's round, so the second round's clocks stand beside the first's
    /// (the unique key becomes case, stage, round, name). SQLite cannot alter a UNIQUE
    /// constraint, so `clocks` is rebuilt as in v3, with its rows (all round 1) and its index;
    /// `stage_history` gains the round of each entry.
    static func v8(_ db: Database) throws {
        func oneOf(_ column: String, _ values: [String]) -> String {
            "(" + values.map { "\(column) = '\($0)'" }.joined(separator: " OR ") + ")"
        }
        let columns = "id, case_id, stage, name, anchor, anchor_date, amount, unit, due, extended_due, met, met_late, calendar_version"
        try db.execute(sql: """
            CREATE TABLE clocks_rebuilt (
              id               INTEGER PRIMARY KEY,
              case_id          INTEGER NOT NULL REFERENCES cases(id),
              stage            TEXT NOT NULL,
              name             TEXT NOT NULL,            -- acknowledge, respond, escalation_window...
              anchor           TEXT NOT NULL,            -- received, logged, acknowledged, escalated, decision_sent, referred
              anchor_date      TEXT NOT NULL,
              amount           INTEGER NOT NULL CHECK (amount >= 0),
              unit             TEXT NOT NULL CHECK \(oneOf("unit", ["working_days", "days", "weeks", "months"])),
              due              TEXT NOT NULL,            -- as first set
              extended_due     TEXT,                     -- after extensions, if any
              met              TEXT,
              met_late         INTEGER CHECK (met_late IN (0, 1)),
              calendar_version TEXT NOT NULL,
              round            INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),   -- which entry of the stage
              UNIQUE (case_id, stage, round, name)
            );
            INSERT INTO clocks_rebuilt(\(columns)) SELECT \(columns) FROM clocks;
            DROP TABLE clocks;
            PRAGMA legacy_alter_table = ON;
            ALTER TABLE clocks_rebuilt RENAME TO clocks;
            PRAGMA legacy_alter_table = OFF;
            CREATE INDEX clocks_open_due ON clocks(coalesce(extended_due, due)) WHERE met IS NULL;
            ALTER TABLE stage_history ADD COLUMN round INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1);
            """)
    }
}
