import GRDB

extension Schema {
    /// v11: the facts of intake, kept for re-running triage. `cases.aware_date` beside
    /// `event_date` (when the customer became aware of the problem: an acceptance window may run
    /// from it), and one `intake_facts` row per case recorded since: every fact the pack's
    /// triage was given (`cases.intake`'s fields and the pack's own; a complainant or
    /// representative as the party id they became, their contact details kept in that party
    /// only), what triage answered, and how the pack's acceptance window judged it. Cases
    /// recorded before have no row: their facts were never kept.
    static func v11(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE cases ADD COLUMN aware_date TEXT
              CHECK (aware_date IS NULL OR aware_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');

            CREATE TABLE intake_facts (
              case_id    INTEGER PRIMARY KEY REFERENCES cases(id),
              facts      TEXT CHECK (facts IS NULL OR json_type(facts) = 'object'),            -- what triage was given
              triage     TEXT CHECK (triage IS NULL OR json_type(triage) = 'object'),          -- what it answered
              acceptance TEXT CHECK (acceptance IS NULL OR json_type(acceptance) = 'object')   -- the window's finding
            );
            """)
    }
}
