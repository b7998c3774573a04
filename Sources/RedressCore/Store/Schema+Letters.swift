import GRDB

extension Schema {
    /// Letters about a restriction on contact (its notice, a review's outcome) are issued to a
    /// party, not on a case: `letters.case_id` becomes optional beside a new `restriction_id`,
    /// exactly one of them set. SQLite cannot drop a NOT NULL, so the table is rebuilt (create,
    /// copy, drop, rename) and its index and append-only triggers made again as v5 made them.
    static func v7(_ db: Database) throws {
        let isoDate = "GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
        try db.execute(sql: """
            CREATE TABLE letters_rebuilt (
              id             INTEGER PRIMARY KEY,
              case_id        INTEGER REFERENCES cases(id),
              kind           TEXT NOT NULL,              -- acknowledgement, extension, decision, exclusion, restriction...
              stage          TEXT,
              issued         TEXT NOT NULL CHECK (issued \(isoDate)),
              template       TEXT NOT NULL,
              template_hash  TEXT NOT NULL,
              text_hash      TEXT NOT NULL,
              files          TEXT CHECK (files IS NULL OR json_valid(files)),
              at             TEXT NOT NULL,
              actor          TEXT,
              restriction_id INTEGER REFERENCES restrictions(id),
              CHECK ((case_id IS NULL) <> (restriction_id IS NULL))
            );
            INSERT INTO letters_rebuilt(id, case_id, kind, stage, issued, template, template_hash, text_hash, files, at, actor)
              SELECT id, case_id, kind, stage, issued, template, template_hash, text_hash, files, at, actor FROM letters;
            DROP TABLE letters;
            PRAGMA legacy_alter_table = ON;
            ALTER TABLE letters_rebuilt RENAME TO letters;
            PRAGMA legacy_alter_table = OFF;
            CREATE INDEX letters_case ON letters(case_id);
            CREATE INDEX letters_restriction ON letters(restriction_id) WHERE restriction_id IS NOT NULL;
            CREATE TRIGGER letters_are_append_only_update BEFORE UPDATE ON letters
            BEGIN SELECT RAISE(ABORT, 'letters is append-only: an issued letter cannot be changed'); END;
            CREATE TRIGGER letters_are_append_only_delete BEFORE DELETE ON letters
            BEGIN SELECT RAISE(ABORT, 'letters is append-only: an issued letter cannot be deleted'); END;
            """)
    }
}
