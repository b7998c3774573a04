import GRDB
import RedressCalendar

/// The facts an intake's triage was given, as the store keeps them with the case: a JSON object
/// (what `cases.intake` was called with, dates as ISO text; a complainant or representative as
/// the party id they became), and the names of the facts given as anything but `false` (the
/// acceptance window's exceptions are such facts).
public struct IntakeFacts: Sendable, Equatable {
    /// The most a case's facts may take as JSON: far more than any intake's fields, and a bound
    /// on what one intake adds to the store.
    public static let maximumBytes = 1_000_000

    public var json: String
    public var given: Set<String>

    public init(json: String, given: Set<String>) {
        self.json = json
        self.given = given
    }

    func checkSize() throws(InputError) {
        let size = json.utf8.count
        guard size <= Self.maximumBytes else {
            throw InputError(field: "intake", message: "its facts take \(size) bytes as JSON, more than the \(Self.maximumBytes) a case keeps")
        }
    }
}

/// What the store kept of a case's intake, each a JSON object: the facts its triage was given,
/// what triage answered, and the acceptance window's finding. All nil for a case recorded
/// before Redress kept them (or whose facts retention removed, for `facts`).
public struct IntakeRecord: Sendable, Equatable {
    public var facts: String?
    public var triage: String?
    public var acceptance: String?
    /// When retention removed the case's personal data, and with it the text among its facts.
    public var removed: String?
}

extension CaseStore {
    /// How the pack's acceptance window judges the complaint `new` (nil for another kind, or a
    /// pack that declares no window).
    static func acceptanceFinding(for new: NewCase, pack: PolicyPack, calendar: WorkingDayCalendar) throws(InputError) -> AcceptanceFinding? {
        guard new.kind == .complaint, let rule = pack.acceptance else { return nil }
        var dates: [String: LocalDate] = [:]
        if let eventDate = new.eventDate { dates["event_date"] = eventDate }
        if let awareDate = new.awareDate { dates["aware_date"] = awareDate }
        return try rule.judge(received: new.received, dates: dates, given: new.facts?.given ?? [], calendar: calendar)
    }

    /// Writes case `caseID`'s `intake_facts` row, when there is anything to keep.
    static func keepIntake(_ new: NewCase, acceptance: AcceptanceFinding?, caseID: Int64, in db: Database) throws {
        guard new.facts != nil || new.triage != nil || acceptance != nil else { return }
        let row = try DirectStatement(db, "INSERT INTO main.intake_facts(case_id, facts, triage, acceptance) VALUES (?, ?, ?, ?) -- direct")
        row.bind(1, caseID)
        row.bind(2, new.facts?.json)
        row.bind(3, new.triage)
        row.bind(4, acceptance?.json)
        try row.run()
    }

    /// What the store kept of case `ref`'s intake; nil when there is no such case.
    public static func intakeRecord(of ref: String, in db: Database) throws -> IntakeRecord? {
        guard let found = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, anonymised FROM cases WHERE ref = ?"), arguments: [ref]) else {
            return nil
        }
        let caseID: Int64 = found[0]
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT facts, triage, acceptance FROM intake_facts WHERE case_id = ?"),
                                         arguments: [caseID]) else {
            return IntakeRecord(removed: found[1])
        }
        return IntakeRecord(facts: row[0], triage: row[1], acceptance: row[2], removed: found[1])
    }

    /// The facts retention keeps of a case's intake: those that are neither text nor tables
    /// (flags, numbers), and the few texts that are not personal (the dates, channel, category,
    /// the complainant's role). Free text a pack's facts carry, and any table, may be someone's
    /// personal data, and goes with the rest of the case's (`applyRetention`).
    static let retainedFactsSQL = """
        UPDATE main.intake_facts SET facts = (
          SELECT json_group_object(j.key, CASE j.type WHEN 'true' THEN json('true') WHEN 'false' THEN json('false') ELSE j.value END)
          FROM json_each(main.intake_facts.facts) j
          WHERE j.type NOT IN ('text', 'object', 'array')
             OR j.key IN ('received', 'channel', 'category', 'event_date', 'aware_date', 'complainant_role'))
        WHERE case_id IN temp.retention_cases AND facts IS NOT NULL
        """
}
