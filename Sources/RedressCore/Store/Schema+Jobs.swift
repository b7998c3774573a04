import GRDB

extension Schema {
    /// Scheduled jobs and what they and the letters produce: each job run, who handles each
    /// case, the actions a decision leaves outstanding (through the existing `actions` table),
    /// learning actions, sample draws and issued letters. The logs are append-only, like
    /// `events`: a run, an assignment, a draw or a letter once recorded stays as it was.
    static func v5(_ db: Database) throws {
        func appendOnly(_ table: String, _ what: String) -> String {
            """
            CREATE TRIGGER \(table)_are_append_only_update BEFORE UPDATE ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(table) is append-only: \(what) cannot be changed'); END;
            CREATE TRIGGER \(table)_are_append_only_delete BEFORE DELETE ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(table) is append-only: \(what) cannot be deleted'); END;
            """
        }
        let isoDate = "GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
        try db.execute(sql: """
            -- Each run of a scheduled job for one due date: kept when it succeeded (in the same
            -- transaction as what the job wrote), or recorded as failed after its changes were
            -- rolled back. A job runs once for a due date: a second successful run is refused.
            CREATE TABLE job_runs (
              id          INTEGER PRIMARY KEY,
              job         TEXT NOT NULL,
              due         TEXT NOT NULL CHECK (due \(isoDate)),
              as_of       TEXT NOT NULL CHECK (as_of \(isoDate)),   -- the day `redress jobs run` ran for
              status      TEXT NOT NULL CHECK (status = 'ok' OR status = 'failed'),
              started_at  TEXT NOT NULL,
              finished_at TEXT NOT NULL,
              actor       TEXT,
              source      TEXT NOT NULL,                            -- the job's file
              source_hash TEXT NOT NULL,                            -- its content hash
              summary     TEXT,                                     -- what the job returned, or the error
              files       TEXT CHECK (files IS NULL OR json_valid(files))   -- report files written
            );
            CREATE UNIQUE INDEX job_runs_once ON job_runs(job, due) WHERE status = 'ok';
            CREATE INDEX job_runs_job ON job_runs(job, due);
            \(appendOnly("job_runs", "a job run"))

            -- Who handles a case: every assignment, the latest one current.
            CREATE TABLE assignments (
              id       INTEGER PRIMARY KEY,
              case_id  INTEGER NOT NULL REFERENCES cases(id),
              officer  TEXT NOT NULL CHECK (length(officer) > 0),
              assigned TEXT NOT NULL CHECK (assigned \(isoDate)),
              at       TEXT NOT NULL,
              actor    TEXT
            );
            CREATE INDEX assignments_case ON assignments(case_id, id);
            \(appendOnly("assignments", "an assignment"))
            CREATE VIEW case_officers AS
              SELECT a.case_id, c.ref, a.officer, a.assigned
              FROM assignments a JOIN cases c ON c.id = a.case_id
              WHERE a.id = (SELECT max(b.id) FROM assignments b WHERE b.case_id = a.case_id);

            -- Service improvements from complaints (Code 9.1): what will change, where, who owns
            -- it, by when, and when it was done.
            CREATE TABLE learning_actions (
              id       INTEGER PRIMARY KEY,
              case_id  INTEGER REFERENCES cases(id),
              recorded TEXT NOT NULL CHECK (recorded \(isoDate)),
              action   TEXT NOT NULL CHECK (length(action) > 0),
              area     TEXT,
              owner    TEXT,
              due      TEXT CHECK (due IS NULL OR due \(isoDate)),
              done     TEXT CHECK (done IS NULL OR done \(isoDate))
            );
            CREATE INDEX learning_actions_case ON learning_actions(case_id);

            -- People and complaints drawn for a purpose in a period (feedback calls, learning
            -- sessions), with the seed that drew them. A person (or, without one, a case) is drawn
            -- at most once for a purpose in a period.
            CREATE TABLE sample_draws (
              id       INTEGER PRIMARY KEY,
              purpose  TEXT NOT NULL CHECK (length(purpose) > 0),
              period   TEXT NOT NULL CHECK (length(period) > 0),
              party_id INTEGER REFERENCES parties(id),
              case_id  INTEGER REFERENCES cases(id),
              seed     TEXT NOT NULL,
              drawn    TEXT NOT NULL CHECK (drawn \(isoDate)),
              at       TEXT NOT NULL,
              actor    TEXT,
              CHECK (party_id IS NOT NULL OR case_id IS NOT NULL)
            );
            CREATE UNIQUE INDEX sample_draws_person ON sample_draws(purpose, period, party_id) WHERE party_id IS NOT NULL;
            CREATE UNIQUE INDEX sample_draws_case ON sample_draws(purpose, period, case_id) WHERE case_id IS NOT NULL;
            \(appendOnly("sample_draws", "a draw"))

            -- Letters issued: which template (and its hash) made them, the text's hash, the files.
            CREATE TABLE letters (
              id            INTEGER PRIMARY KEY,
              case_id       INTEGER NOT NULL REFERENCES cases(id),
              kind          TEXT NOT NULL,              -- acknowledgement, extension, decision, exclusion...
              stage         TEXT,
              issued        TEXT NOT NULL CHECK (issued \(isoDate)),
              template      TEXT NOT NULL,
              template_hash TEXT NOT NULL,
              text_hash     TEXT NOT NULL,
              files         TEXT CHECK (files IS NULL OR json_valid(files)),
              at            TEXT NOT NULL,
              actor         TEXT
            );
            CREATE INDEX letters_case ON letters(case_id);
            \(appendOnly("letters", "an issued letter"))
            """)
    }
}
