import Foundation
import GRDB
import Testing
@testable import RedressCore

@Suite struct CaseStoreTests {
    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("redress-store-\(UUID()).sqlite").path
    }

    func removeStore(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    @Test func createsAMigratedWALStoreReadableByItsOwnerOnly() throws {
        let path = temporaryPath()
        defer { removeStore(path) }
        let store = try CaseStore(path: path)
        #expect(try store.appliedMigrations() == ["v1: cases, clocks, remedies, restrictions, event log",
                                                 "v2: look-ups by party email, by case for decisions and remedies; overdue_clocks by due date",
                                                 "v3: vocabulary checks on the intake tables without IN lists",
                                                 "v5: job runs, case officers, learning actions, sample draws, letters",
                                                 "v6: users and roles; confidential outcomes; look-ups for redaction; retention",
                                                 "v7: letters about a restriction on contact, not only on a case",
                                                 "v8: rounds of a stage entered again (a complaint referred back)",
                                                 "v9: the store's own calendar: proclaimed bank holidays and closure days",
                                                 "v10: tenure of a case, for TSM by LCRA and LCHO",
                                                 "v11: the facts of intake, kept for re-running triage"])
        #expect(try store.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try store.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") } == 1)
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        let tables = try store.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name") }
        #expect(Set(tables).isSuperset(of: ["cases", "parties", "contacts", "stage_history", "clocks", "extensions",
                                           "decisions", "actions", "remedies", "remedy_items", "restrictions",
                                           "restriction_reviews", "events", "settings",
                                           "clock_status", "overdue_clocks", "open_cases", "job_runs", "assignments",
                                           "case_officers", "learning_actions", "sample_draws", "letters"]))
        // Opening again migrates nothing and keeps the data.
        try store.setSetting("policy", "hos-code")
        let again = try CaseStore(path: path)
        #expect(try again.setting("policy") == "hos-code")
    }

    @Test func theEventLogRefusesUpdatesAndDeletes() throws {
        let path = temporaryPath()
        defer { removeStore(path) }
        let store = try CaseStore(path: path)
        try store.write { db in
            try db.execute(sql: "INSERT INTO main.events(type, at, data) VALUES ('received', '2026-12-22T09:00:00Z', '{\"a\":1}')")
        }
        #expect(throws: StoreError(message: "the event log is append-only: events cannot be changed")) {
            try store.write { db in try db.execute(sql: "UPDATE main.events SET type = 'forged'") }
        }
        #expect(throws: StoreError(message: "the event log is append-only: events cannot be deleted")) {
            try store.write { db in try db.execute(sql: "DELETE FROM main.events") }
        }
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM events WHERE type = 'received'") } == 1)
    }

    @Test func constraintsRefuseBadRowsAndAFailedWriteChangesNothing() throws {
        let path = temporaryPath()
        defer { removeStore(path) }
        let store = try CaseStore(path: path)
        // A write that fails half-way leaves nothing behind.
        #expect(throws: StoreError.self) {
            try store.write { db in
                try db.execute(sql: "INSERT INTO settings(key, value) VALUES ('half', 'written')")
                try db.execute(sql: "INSERT INTO contacts(case_id, at, channel, direction, summary) VALUES (999, '2026-12-22', 'phone', 'in', 'x')")
            }
        }
        #expect(try store.setting("half") == nil)
        // Money is never negative; an excluded case needs its reason; channels are a closed list.
        try store.write { db in
            try db.execute(sql: """
                INSERT INTO cases(ref, kind, status, received, channel, policy, policy_hash, calendar_version, created_at)
                VALUES ('C-2026-000001', 'complaint', 'open', '2026-12-22', 'email', 'hos-code', 'h', 'v', '2026-12-22T09:00:00Z')
                """)
            try db.execute(sql: "INSERT INTO main.remedies(case_id, offered) VALUES (1, '2026-12-23')")
        }
        #expect(throws: StoreError.self) {
            try store.write { db in try db.execute(sql: "INSERT INTO main.remedy_items(remedy_id, kind, amount_pence, reason) VALUES (1, 'goodwill_gesture', -500, 'x')") }
        }
        #expect(throws: StoreError.self) {
            try store.write { db in try db.execute(sql: "UPDATE cases SET status = 'excluded'") }
        }
        #expect(throws: StoreError.self) {
            try store.write { db in try db.execute(sql: "UPDATE cases SET received = '22/12/2026'") }
        }
        #expect(throws: StoreError.self) {
            try store.write { db in try db.execute(sql: "INSERT INTO contacts(case_id, at, channel, direction, summary) VALUES (1, '2026-12-22', 'pigeon', 'in', 'x')") }
        }
    }

    /// v3 rebuilds parties, cases and clocks: a store written under v2 keeps every row, index,
    /// view and constraint, and its inserts no longer build a temporary index per row.
    @Test func v3KeepsAV2StoresRowsAndChecks() throws {
        let path = temporaryPath()
        defer { removeStore(path) }
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v2: look-ups by party email, by case for decisions and remedies; overdue_clocks by due date")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO parties(name, role, email, created_at) VALUES ('Ann Example', 'leaseholder', 'Ann@Example.org', '2026-12-22T09:00:00Z');
                    INSERT INTO cases(ref, kind, status, stage, received, channel, complainant_id, policy, policy_hash, calendar_version, created_at)
                    VALUES ('C-2026-000001', 'complaint', 'open', '1', '2026-12-22', 'email', 1, 'hos-code', 'h', 'v', '2026-12-22T09:00:00Z');
                    INSERT INTO clocks(case_id, stage, name, anchor, anchor_date, amount, unit, due, calendar_version)
                    VALUES (1, '1', 'acknowledge', 'received', '2026-12-22', 5, 'working_days', '2026-12-31', 'v');
                    INSERT INTO main.events(case_id, type, on_date, at) VALUES (1, 'received', '2026-12-22', '2026-12-22T09:00:00Z');
                    """)
            }
        }
        let store = try CaseStore(path: path)
        try store.read { db in
            #expect(try String.fetchOne(db, sql: "SELECT ref FROM cases JOIN parties p ON p.id = complainant_id WHERE lower(p.email) = 'ann@example.org'") == "C-2026-000001")
            #expect(try String.fetchOne(db, sql: "SELECT due_now FROM clock_status WHERE ref = 'C-2026-000001'") == "2026-12-31")
            #expect(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' AND tbl_name IN ('parties', 'cases', 'clocks') ORDER BY name")
                    == ["cases_outcome_confidential", "cases_received", "cases_status_kind", "cases_withheld", "clocks_open_due",
                        "parties_email"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            let plan = try String.fetchAll(db, sql: """
                EXPLAIN INSERT INTO cases(ref, kind, status, received, channel, policy, policy_hash, calendar_version, created_at)
                VALUES ('C-2026-000002', 'enquiry', 'open', '2026-12-23', 'email', 'hos-code', 'h', 'v', '')
                """)
            #expect(!plan.contains("OpenEphemeral"))
        }
        for bad in ["INSERT INTO main.parties(role, created_at) VALUES ('landlord', 'x')",
                    "UPDATE cases SET kind = 'grumble'", "UPDATE cases SET status = 'lost'",
                    "UPDATE clocks SET unit = 'fortnights'", "INSERT INTO clocks(case_id, stage, name, anchor, anchor_date, amount, unit, due, calendar_version) VALUES (1, '1', 'acknowledge', 'received', '2026-12-22', 5, 'days', '2026-12-27', 'v')"] {
            #expect(throws: StoreError.self, "\(bad)") { try store.write { db in try db.execute(sql: bad) } }
        }
    }

    /// v7 rebuilds letters so a letter may be about a restriction instead of a case: a v6
    /// store's letters are kept, still append-only, and a letter names exactly one of the two.
    @Test func v7KeepsAV6StoresLettersAndTheirRules() throws {
        let path = temporaryPath()
        defer { removeStore(path) }
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v6: users and roles; confidential outcomes; look-ups for redaction; retention")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO parties(name, role, created_at) VALUES ('Ann Example', 'tenant', '2026-12-22T09:00:00Z');
                    INSERT INTO cases(ref, kind, status, stage, received, channel, complainant_id, policy, policy_hash, calendar_version, created_at)
                    VALUES ('C-2026-000001', 'complaint', 'open', '1', '2026-12-22', 'email', 1, 'hos-code', 'h', 'v', '2026-12-22T09:00:00Z');
                    INSERT INTO main.letters(case_id, kind, stage, issued, template, template_hash, text_hash, files, at, actor)
                    VALUES (1, 'acknowledgement', '1', '2026-12-23', 't.txt', 'th', 'xh', '["a.txt"]', '2026-12-23T09:00:00Z', 'ann');
                    INSERT INTO restrictions(party_id, kind, reasons, starts) VALUES (1, 'single_channel', 'calls', '2026-12-22');
                    """)
            }
        }
        let store = try CaseStore(path: path)
        try store.read { db in
            let letters = try String.fetchAll(db, sql: "SELECT case_id || ' ' || kind || ' ' || issued || ' ' || actor FROM letters")
            #expect(letters == ["1 acknowledgement 2026-12-23 ann"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
        let insert = "INSERT INTO main.letters(case_id, restriction_id, kind, issued, template, template_hash, text_hash, at) VALUES "
        try store.write { db in try db.execute(sql: insert + "(NULL, 1, 'restriction', '2026-12-23', 't', 'h', 'h', 'now')") }
        for bad in [insert + "(NULL, NULL, 'restriction', '2026-12-23', 't', 'h', 'h', 'now')",
                    insert + "(1, 1, 'restriction', '2026-12-23', 't', 'h', 'h', 'now')",
                    "UPDATE main.letters SET kind = 'decision'", "DELETE FROM main.letters"] {
            #expect(throws: StoreError.self, "\(bad)") { try store.write { db in try db.execute(sql: bad) } }
        }
    }

    @Test func theViewsAnswerTheUsualQuestions() throws {
        let path = temporaryPath()
        defer { removeStore(path) }
        let store = try CaseStore(path: path)
        try store.write { db in
            try db.execute(sql: """
                INSERT INTO cases(ref, kind, status, stage, received, channel, policy, policy_hash, calendar_version, created_at)
                VALUES ('C-2020-000001', 'complaint', 'open', '1', '2020-01-06', 'email', 'hos-code', 'h', 'v', '2020-01-06T09:00:00Z');
                INSERT INTO clocks(case_id, stage, name, anchor, anchor_date, amount, unit, due, calendar_version)
                VALUES (1, '1', 'acknowledge', 'received', '2020-01-06', 5, 'working_days', '2020-01-13', 'v'),
                       (1, '1', 'respond', 'acknowledged', '2020-01-13', 10, 'working_days', '2020-01-27', 'v');
                UPDATE clocks SET met = '2020-01-10', met_late = 0 WHERE name = 'acknowledge';
                """)
        }
        let open = try store.read { try Row.fetchOne($0, sql: "SELECT ref, next_clock, next_due FROM open_cases") }
        #expect(open?["ref"] == "C-2020-000001")
        #expect(open?["next_clock"] == "respond")
        #expect(open?["next_due"] == "2020-01-27")
        #expect(try store.read { try String.fetchAll($0, sql: "SELECT clock FROM overdue_clocks") } == ["respond"])
    }
}
