import GRDB
import RedressCalendar

/// What retention removed, or would remove: cases closed longer ago than the pack's period, and
/// the people whose every case has passed it.
public struct RetentionReport: Equatable, Sendable {
    /// Cases closed (or withdrawn, or excluded) on or before this date have passed the period.
    public let cutoff: LocalDate
    public let months: Int
    /// The cases whose personal data is (or would be) removed, by reference.
    public let cases: [String]
    /// The parties anonymised: all their cases have passed the period, and no restriction on
    /// them is still in force.
    public let parties: [Int64]
    public let dryRun: Bool
}

extension CaseStore {
    /// Removes the personal data of every case closed `months` (the pack's `retention`) before
    /// `asOf`: the case's summary and desired outcome, contact notes, findings and reasons,
    /// actions, extension and remedy reasons, the free-text reasons in its events, the text and
    /// tables among its intake's facts; and the
    /// names and contact details of people none of whose cases is still inside the period. What
    /// TSM returns and the annual report count (kinds, stages, dates, categories, channels,
    /// clocks, outcomes, amounts) stays. Each case is done once (`cases.anonymised`), so a second
    /// run for the same date changes nothing; a run that changes something is itself an event.
    /// With `dryRun`, reports what it would change and writes nothing.
    public func applyRetention(asOf: LocalDate, dryRun: Bool, by actor: String?) throws(StoreError) -> RetentionReport {
        try write { db in try Self.applyRetention(asOf: asOf, dryRun: dryRun, by: actor, in: db) }
    }

    /// As `applyRetention(asOf:dryRun:by:)`, inside the caller's transaction.
    public static func applyRetention(asOf: LocalDate, dryRun: Bool, by actor: String?, in db: Database) throws -> RetentionReport {
        guard let months = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'retention.months'").flatMap({ Int($0) }) else {
            throw StoreError(message: "the store's pack declares no retention period (add retention = { years = 6 } to the pack)")
        }
        // A period reaching back before 0001 removes nothing: no case closed then.
        let cutoff = (try? asOf.adding(months: -months)) ?? LocalDate.earliest
        try db.execute(sql: """
            CREATE TEMP TABLE retention_cases (id INTEGER PRIMARY KEY);
            CREATE TEMP TABLE retention_parties (id INTEGER PRIMARY KEY);
            """)
        defer { try? db.execute(sql: "DROP TABLE temp.retention_cases; DROP TABLE temp.retention_parties") }
        try db.execute(sql: """
            INSERT INTO temp.retention_cases
              SELECT c.id FROM main.cases c
              WHERE c.status <> 'open' AND c.anonymised IS NULL
                AND (SELECT max(e.on_date) FROM main.events e
                     WHERE e.case_id = c.id AND e.type IN ('closed', 'withdrawn', 'excluded')) <= ?;
            INSERT OR IGNORE INTO temp.retention_parties
              SELECT complainant_id FROM main.cases WHERE id IN temp.retention_cases AND complainant_id IS NOT NULL
              UNION SELECT representative_id FROM main.cases WHERE id IN temp.retention_cases AND representative_id IS NOT NULL;
            -- Someone with a case still inside the period, or a restriction in force, keeps their details.
            DELETE FROM temp.retention_parties WHERE id IN (
              SELECT complainant_id FROM main.cases WHERE anonymised IS NULL AND id NOT IN temp.retention_cases
              UNION SELECT representative_id FROM main.cases WHERE anonymised IS NULL AND id NOT IN temp.retention_cases
              UNION SELECT party_id FROM main.restrictions WHERE lifted IS NULL);
            DELETE FROM temp.retention_parties WHERE id IN (SELECT id FROM main.parties WHERE name IS '[anonymised]');
            """, arguments: [cutoff.description])
        let refs = try String.fetchAll(db, sql: "SELECT ref FROM main.cases WHERE id IN temp.retention_cases ORDER BY id")
        let parties = try Int64.fetchAll(db, sql: "SELECT id FROM temp.retention_parties ORDER BY id")
        let report = RetentionReport(cutoff: cutoff, months: months, cases: refs, parties: parties, dryRun: dryRun)
        guard !dryRun, !refs.isEmpty || !parties.isEmpty else { return report }
        let removed = "'[removed]'"
        try db.execute(sql: """
            UPDATE main.cases SET summary = NULL, desired_outcome = NULL, anonymised = ? WHERE id IN temp.retention_cases;
            UPDATE main.contacts SET summary = \(removed) WHERE case_id IN temp.retention_cases;
            UPDATE main.decisions SET findings = NULL, reasons = NULL WHERE case_id IN temp.retention_cases;
            UPDATE main.actions SET description = \(removed)
              WHERE decision_id IN (SELECT id FROM main.decisions WHERE case_id IN temp.retention_cases);
            UPDATE main.extensions SET reason = \(removed)
              WHERE clock_id IN (SELECT id FROM main.clocks WHERE case_id IN temp.retention_cases);
            UPDATE main.remedy_items SET reason = \(removed)
              WHERE remedy_id IN (SELECT id FROM main.remedies WHERE case_id IN temp.retention_cases);
            UPDATE main.stage_history SET reason = NULL WHERE case_id IN temp.retention_cases;
            UPDATE main.events SET data = json_remove(data, '$.reason')
              WHERE case_id IN temp.retention_cases AND json_extract(data, '$.reason') IS NOT NULL;
            UPDATE main.parties SET name = '[anonymised]', email = NULL, phone = NULL, address = NULL,
              preferred_contact = NULL, language = NULL, vulnerability = NULL, reasonable_adjustments = NULL
              WHERE id IN temp.retention_parties;
            UPDATE main.restrictions SET detail = NULL, reasons = \(removed) WHERE party_id IN temp.retention_parties;
            UPDATE main.restriction_reviews SET reasons = \(removed)
              WHERE restriction_id IN (SELECT id FROM main.restrictions WHERE party_id IN temp.retention_parties);
            """, arguments: [asOf.description])
        try db.execute(sql: retainedFactsSQL)
        try Self.audit("retention_applied", ["cutoff": cutoff.description, "months": String(months),
                                             "cases": String(refs.count), "parties": String(parties.count)],
                       by: actor, in: db)
        return report
    }
}
