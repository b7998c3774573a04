import GRDB
import RedressCalendar

/// The case store's schema, as versioned migrations. Plain on purpose, so an analyst can open
/// the file with sqlite3, Datasette or pandas: ISO dates as TEXT (`2026-12-22`), times as ISO
/// 8601 UTC TEXT, money as INTEGER pence, readable names, and views for the usual questions.
/// Tables are not STRICT, so tools linking an SQLite older than 3.37 can still read the file;
/// CHECK constraints guard the values instead.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: cases, clocks, remedies, restrictions, event log", migrate: v1)
        migrator.registerMigration("v2: look-ups by party email, by case for decisions and remedies; overdue_clocks by due date", migrate: v2)
        migrator.registerMigration("v3: vocabulary checks on the intake tables without IN lists", migrate: v3)
        migrator.registerMigration("v5: job runs, case officers, learning actions, sample draws, letters", migrate: v5)
        migrator.registerMigration("v6: users and roles; confidential outcomes; look-ups for redaction; retention", migrate: v6)
        migrator.registerMigration("v7: letters about a restriction on contact, not only on a case", migrate: v7)
        migrator.registerMigration("v8: rounds of a stage entered again (a complaint referred back)", migrate: v8)
        migrator.registerMigration("v9: the store's own calendar: proclaimed bank holidays and closure days", migrate: v9)
        migrator.registerMigration("v10: tenure of a case, for TSM by LCRA and LCHO", migrate: v10)
        migrator.registerMigration("v11: the facts of intake, kept for re-running triage", migrate: v11)
        return migrator
    }

    /// SQLite evaluates `x IN ('a', 'b', 'c')` of three or more values by building a temporary
    /// index on every execution of the statement, so each case, party and clock inserted paid
    /// for one or two of them (about a tenth of an import's time). The same checks written as
    /// `x = 'a' OR x = 'b' ...` compare in place. SQLite cannot alter a CHECK, so the three
    /// tables intake writes are rebuilt (the documented create, copy, drop, rename), with their
    /// columns, indexes and rows unchanged. The values are written out here, not read from the
    /// code's vocabularies: a migration must say the same thing forever.
    static func v3(_ db: Database) throws {
        func oneOf(_ column: String, _ values: [String]) -> String {
            "(" + values.map { "\(column) = '\($0)'" }.joined(separator: " OR ") + ")"
        }
        try rebuild("parties", in: db, definition: """
            id                     INTEGER PRIMARY KEY,
            name                   TEXT,             -- NULL for an anonymous complainant
            role                   TEXT NOT NULL CHECK \(oneOf("role", ["tenant", "leaseholder", "applicant", "former_tenant",
                                                     "representative", "mp_or_councillor", "member_of_public",
                                                     "anonymous", "other"])),
            email                  TEXT,
            phone                  TEXT,
            address                TEXT,
            preferred_contact      TEXT,
            language               TEXT,
            vulnerability          TEXT,
            reasonable_adjustments TEXT,
            created_at             TEXT NOT NULL
            """, indexes: ["CREATE INDEX parties_email ON parties(lower(email))"])
        try rebuild("cases", in: db, definition: """
            id                INTEGER PRIMARY KEY,
            ref               TEXT NOT NULL UNIQUE,     -- C-2026-000123
            kind              TEXT NOT NULL CHECK \(oneOf("kind", ["complaint", "service_request", "enquiry", "compliment"])),
            status            TEXT NOT NULL CHECK \(oneOf("status", ["open", "closed", "withdrawn", "excluded"])),
            stage             TEXT,                     -- the pack's stage name: '1', '2', 'review', 'board'...
            received          TEXT NOT NULL CHECK (received GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            channel           TEXT NOT NULL,
            category          TEXT,
            summary           TEXT,
            desired_outcome   TEXT,
            event_date        TEXT,                     -- when the problem happened or came to light
            complainant_id    INTEGER REFERENCES parties(id),
            representative_id INTEGER REFERENCES parties(id),
            anonymous         INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
            confidential      INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
            safeguarding      INTEGER NOT NULL DEFAULT 0 CHECK (safeguarding IN (0, 1)),
            exclusion_reason  TEXT,                     -- why it was not accepted, as told to the customer
            exclusion_clause  TEXT,                     -- the policy clause relied on
            policy            TEXT NOT NULL,            -- pack name
            policy_hash       TEXT NOT NULL,            -- pack content hash at intake
            calendar_version  TEXT NOT NULL,            -- WorkingDayCalendar.version at intake
            created_at        TEXT NOT NULL,
            CHECK (status <> 'excluded' OR exclusion_reason IS NOT NULL)
            """, indexes: ["CREATE INDEX cases_status_kind ON cases(status, kind)",
                           "CREATE INDEX cases_received ON cases(received)"])
        try rebuild("clocks", in: db, definition: """
            id               INTEGER PRIMARY KEY,
            case_id          INTEGER NOT NULL REFERENCES cases(id),
            stage            TEXT NOT NULL,
            name             TEXT NOT NULL,            -- acknowledge, respond, escalation_window...
            anchor           TEXT NOT NULL,            -- received, logged, acknowledged, escalated, decision_sent
            anchor_date      TEXT NOT NULL,
            amount           INTEGER NOT NULL CHECK (amount >= 0),
            unit             TEXT NOT NULL CHECK \(oneOf("unit", ["working_days", "days", "weeks", "months"])),
            due              TEXT NOT NULL,            -- as first set
            extended_due     TEXT,                     -- after extensions, if any
            met              TEXT,
            met_late         INTEGER CHECK (met_late IN (0, 1)),
            calendar_version TEXT NOT NULL,
            UNIQUE (case_id, stage, name)
            """, indexes: ["CREATE INDEX clocks_open_due ON clocks(coalesce(extended_due, due)) WHERE met IS NULL"])
    }

    /// Replaces `table` with one of `definition` holding the same rows, then creates `indexes`.
    /// Runs with foreign keys off (GRDB's migrator checks them when the migration ends); the
    /// legacy rename leaves the views that name `table` as they are.
    static func rebuild(_ table: String, in db: Database, definition: String, indexes: [String]) throws {
        try db.execute(sql: """
            CREATE TABLE \(table)_rebuilt (
            \(definition.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            );
            INSERT INTO \(table)_rebuilt SELECT * FROM \(table);
            DROP TABLE \(table);
            PRAGMA legacy_alter_table = ON;
            ALTER TABLE \(table)_rebuilt RENAME TO \(table);
            PRAGMA legacy_alter_table = OFF;
            """)
        for index in indexes { try db.execute(sql: index) }
    }

    static func v2(_ db: Database) throws {
        try db.execute(sql: """
            -- Intake finds a returning complainant by email address.
            CREATE INDEX parties_email ON parties(lower(email));
            CREATE INDEX decisions_case ON decisions(case_id);
            CREATE INDEX remedies_case ON remedies(case_id);
            CREATE INDEX extensions_clock ON extensions(clock_id);
            CREATE INDEX events_party ON events(party_id) WHERE party_id IS NOT NULL;

            -- Overdue clocks from the index of unmet clocks by due date (CROSS JOIN keeps that
            -- order: without statistics SQLite would start from cases by status and sort).
            DROP VIEW overdue_clocks;
            CREATE VIEW overdue_clocks AS
              SELECT c.ref, c.kind, c.stage AS case_stage, c.status, k.stage, k.name AS clock,
                     k.anchor, k.anchor_date, k.amount, k.unit, k.due, k.extended_due,
                     coalesce(k.extended_due, k.due) AS due_now, k.met, k.met_late, k.case_id
              FROM clocks k CROSS JOIN cases c ON c.id = k.case_id
              WHERE k.met IS NULL AND c.status = 'open' AND coalesce(k.extended_due, k.due) < date('now', 'localtime');
            """)
    }

    static func v1(_ db: Database) throws {
        try db.execute(sql: """
            -- Key facts about the store: its policy pack and the pack's content hash, its
            -- calendar, the landlord's homes (for TSM returns), the next case number per year.
            CREATE TABLE settings (
              key   TEXT PRIMARY KEY,
              value TEXT NOT NULL
            );

            -- People: complainants, representatives, MPs and councillors.
            CREATE TABLE parties (
              id                     INTEGER PRIMARY KEY,
              name                   TEXT,             -- NULL for an anonymous complainant
              role                   TEXT NOT NULL CHECK (role IN ('tenant', 'leaseholder', 'applicant',
                                       'former_tenant', 'representative', 'mp_or_councillor',
                                       'member_of_public', 'anonymous', 'other')),
              email                  TEXT,
              phone                  TEXT,
              address                TEXT,
              preferred_contact      TEXT,
              language               TEXT,
              vulnerability          TEXT,
              reasonable_adjustments TEXT,
              created_at             TEXT NOT NULL
            );

            CREATE TABLE cases (
              id                INTEGER PRIMARY KEY,
              ref               TEXT NOT NULL UNIQUE,     -- C-2026-000123
              kind              TEXT NOT NULL CHECK (kind IN ('complaint', 'service_request', 'enquiry', 'compliment')),
              status            TEXT NOT NULL CHECK (status IN ('open', 'closed', 'withdrawn', 'excluded')),
              stage             TEXT,                     -- the pack's stage name: '1', '2', 'review', 'board'...
              received          TEXT NOT NULL CHECK (received GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
              channel           TEXT NOT NULL,
              category          TEXT,
              summary           TEXT,
              desired_outcome   TEXT,
              event_date        TEXT,                     -- when the problem happened or came to light
              complainant_id    INTEGER REFERENCES parties(id),
              representative_id INTEGER REFERENCES parties(id),
              anonymous         INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
              confidential      INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
              safeguarding      INTEGER NOT NULL DEFAULT 0 CHECK (safeguarding IN (0, 1)),
              exclusion_reason  TEXT,                     -- why it was not accepted, as told to the customer
              exclusion_clause  TEXT,                     -- the policy clause relied on
              policy            TEXT NOT NULL,            -- pack name
              policy_hash       TEXT NOT NULL,            -- pack content hash at intake
              calendar_version  TEXT NOT NULL,            -- WorkingDayCalendar.version at intake
              created_at        TEXT NOT NULL,
              CHECK (status <> 'excluded' OR exclusion_reason IS NOT NULL)
            );
            CREATE INDEX cases_status_kind ON cases(status, kind);
            CREATE INDEX cases_received ON cases(received);

            -- Record keeping: every call, letter, email, text, message, visit and piece of evidence.
            CREATE TABLE contacts (
              id        INTEGER PRIMARY KEY,
              case_id   INTEGER NOT NULL REFERENCES cases(id),
              at        TEXT NOT NULL,
              channel   TEXT NOT NULL CHECK (channel IN ('phone', 'letter', 'email', 'text', 'message', 'visit', 'evidence')),
              direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
              staff     TEXT,
              summary   TEXT NOT NULL
            );
            CREATE INDEX contacts_case ON contacts(case_id);

            CREATE TABLE stage_history (
              id      INTEGER PRIMARY KEY,
              case_id INTEGER NOT NULL REFERENCES cases(id),
              stage   TEXT NOT NULL,
              entered TEXT NOT NULL,
              left    TEXT,
              reason  TEXT
            );
            CREATE INDEX stage_history_case ON stage_history(case_id);

            -- A stage's clock: a duration from an anchor event, its due date, when it was met.
            CREATE TABLE clocks (
              id               INTEGER PRIMARY KEY,
              case_id          INTEGER NOT NULL REFERENCES cases(id),
              stage            TEXT NOT NULL,
              name             TEXT NOT NULL,            -- acknowledge, respond, escalation_window...
              anchor           TEXT NOT NULL,            -- received, logged, acknowledged, escalated, decision_sent
              anchor_date      TEXT NOT NULL,
              amount           INTEGER NOT NULL CHECK (amount >= 0),
              unit             TEXT NOT NULL CHECK (unit IN ('working_days', 'days', 'weeks', 'months')),
              due              TEXT NOT NULL,            -- as first set
              extended_due     TEXT,                     -- after extensions, if any
              met              TEXT,
              met_late         INTEGER CHECK (met_late IN (0, 1)),
              calendar_version TEXT NOT NULL,
              UNIQUE (case_id, stage, name)
            );
            CREATE INDEX clocks_open_due ON clocks(coalesce(extended_due, due)) WHERE met IS NULL;

            CREATE TABLE extensions (
              id       INTEGER PRIMARY KEY,
              clock_id INTEGER NOT NULL REFERENCES clocks(id),
              amount   INTEGER NOT NULL CHECK (amount > 0),
              unit     TEXT NOT NULL CHECK (unit IN ('working_days', 'days', 'weeks', 'months')),
              reason   TEXT NOT NULL CHECK (length(reason) > 0),
              agreed   INTEGER NOT NULL DEFAULT 0 CHECK (agreed IN (0, 1)),   -- the customer agreed
              new_due  TEXT NOT NULL,
              granted  TEXT NOT NULL
            );

            CREATE TABLE decisions (
              id       INTEGER PRIMARY KEY,
              case_id  INTEGER NOT NULL REFERENCES cases(id),
              stage    TEXT NOT NULL,
              outcome  TEXT NOT NULL CHECK (outcome IN ('upheld', 'partly_upheld', 'not_upheld')),
              findings TEXT,
              reasons  TEXT,
              decided  TEXT NOT NULL
            );

            CREATE TABLE actions (
              id          INTEGER PRIMARY KEY,
              decision_id INTEGER NOT NULL REFERENCES decisions(id),
              description TEXT NOT NULL,
              owner       TEXT,
              due         TEXT,
              done        TEXT
            );

            -- A remedy offer and its items, in pence, each with its reason.
            CREATE TABLE remedies (
              id                   INTEGER PRIMARY KEY,
              case_id              INTEGER NOT NULL REFERENCES cases(id),
              decision_id          INTEGER REFERENCES decisions(id),
              offered              TEXT NOT NULL,
              accept_by            TEXT,
              accepted             TEXT,
              declined             TEXT,
              payment_route        TEXT,                  -- e.g. rent account, bank transfer
              arrears_offset_pence INTEGER NOT NULL DEFAULT 0 CHECK (arrears_offset_pence >= 0),
              CHECK (accepted IS NULL OR declined IS NULL)
            );

            CREATE TABLE remedy_items (
              id           INTEGER PRIMARY KEY,
              remedy_id    INTEGER NOT NULL REFERENCES remedies(id),
              kind         TEXT NOT NULL CHECK (kind IN ('apology', 'practical_action', 'evidenced_loss',
                             'time_and_trouble', 'distress_and_inconvenience', 'loss_of_amenity', 'goodwill_gesture')),
              amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
              reason       TEXT NOT NULL CHECK (length(reason) > 0)
            );

            -- Unreasonable behaviour: a warning, then a restriction with reasons and reviews.
            CREATE TABLE restrictions (
              id                INTEGER PRIMARY KEY,
              party_id          INTEGER NOT NULL REFERENCES parties(id),
              kind              TEXT NOT NULL,            -- acknowledge_only, single_contact, single_channel, warning, or a pack's own
              detail            TEXT,                     -- the named employee or channel
              reasons           TEXT NOT NULL CHECK (length(reasons) > 0),
              starts            TEXT NOT NULL,
              review_due        TEXT,
              lifted            TEXT,
              challenged        TEXT,
              challenge_outcome TEXT
            );

            CREATE TABLE restriction_reviews (
              id             INTEGER PRIMARY KEY,
              restriction_id INTEGER NOT NULL REFERENCES restrictions(id),
              reviewed       TEXT NOT NULL,
              outcome        TEXT NOT NULL CHECK (outcome IN ('continue', 'vary', 'lift')),
              reasons        TEXT NOT NULL,
              reviewer       TEXT
            );

            -- The audit trail: append-only. Every change is an event: who, when, which script, what.
            CREATE TABLE events (
              id       INTEGER PRIMARY KEY,
              case_id  INTEGER REFERENCES cases(id),
              party_id INTEGER REFERENCES parties(id),
              type     TEXT NOT NULL,                     -- received, acknowledged, extended, responded...
              on_date  TEXT,                              -- the day it counts from (may be backdated)
              at       TEXT NOT NULL,                     -- when it was recorded
              actor    TEXT,                              -- the user
              script   TEXT,                              -- the script or command that recorded it
              data     TEXT CHECK (data IS NULL OR json_valid(data))
            );
            CREATE INDEX events_case ON events(case_id);
            CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'the event log is append-only: events cannot be changed'); END;
            CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
            BEGIN SELECT RAISE(ABORT, 'the event log is append-only: events cannot be deleted'); END;

            -- Each clock with the date it is due by now (after extensions).
            CREATE VIEW clock_status AS
              SELECT c.ref, c.kind, c.stage AS case_stage, c.status, k.stage, k.name AS clock,
                     k.anchor, k.anchor_date, k.amount, k.unit, k.due, k.extended_due,
                     coalesce(k.extended_due, k.due) AS due_now, k.met, k.met_late, k.case_id
              FROM clocks k JOIN cases c ON c.id = k.case_id;

            -- Open clocks past their due date today (for another day, query clock_status).
            CREATE VIEW overdue_clocks AS
              SELECT * FROM clock_status
              WHERE met IS NULL AND status = 'open' AND due_now < date('now', 'localtime');

            -- Open cases with their next unmet clock.
            CREATE VIEW open_cases AS
              SELECT c.ref, c.kind, c.stage, c.received, c.channel, c.category,
                     (SELECT k.name FROM clocks k WHERE k.case_id = c.id AND k.met IS NULL
                      ORDER BY coalesce(k.extended_due, k.due) LIMIT 1) AS next_clock,
                     (SELECT min(coalesce(k.extended_due, k.due)) FROM clocks k
                      WHERE k.case_id = c.id AND k.met IS NULL) AS next_due
              FROM cases c WHERE c.status = 'open';
            """)
    }
}
