import GRDB

extension Schema {
    /// The store's own calendar: every bank-holiday change and closure day a manager recorded
    /// for this store (`redress calendar proclaim|close`), who and when, in the order made. A
    /// store's calendar is the standing rules, Redress's bundled table of one-off changes, then
    /// these rows in `id` order, so every run, job and REPL session on the store counts working
    /// days alike whatever flags it is given. Rows are only ever added: a change taken back is a
    /// later row (`remove` after `add`, `reopen` after `close`).
    static func v9(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE calendar_changes (
              id       INTEGER PRIMARY KEY,
              date     TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
              action   TEXT NOT NULL CHECK (action = 'add' OR action = 'remove' OR action = 'close' OR action = 'reopen'),
              regions  TEXT NOT NULL,             -- comma-separated region names; 'all' for a closure day
              name     TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
              actor    TEXT,
              at       TEXT NOT NULL
            );
            CREATE TRIGGER calendar_changes_kept BEFORE UPDATE ON calendar_changes
              BEGIN SELECT RAISE(ABORT, 'calendar_changes: a change is kept as made; record a later one to take it back'); END;
            CREATE TRIGGER calendar_changes_never_deleted BEFORE DELETE ON calendar_changes
              BEGIN SELECT RAISE(ABORT, 'calendar_changes: a change is kept as made; record a later one to take it back'); END;
            """)
    }
}
