import GRDB
import RedressCalendar

/// A warning or a restriction on a party, as the store holds it (dates as ISO text).
public struct RestrictionRecord: Sendable, Equatable {
    public var id: Int64
    public var partyID: Int64
    /// `warning`, or one of the pack's kinds.
    public var kind: String
    public var detail: String?
    public var reasons: String
    public var starts: String
    public var reviewDue: String?
    public var lifted: String?
    public var challenged: String?
    public var challengeOutcome: String?

    /// A restriction (not a warning) in force on `date`.
    public func isActive(on date: LocalDate) -> Bool {
        kind != "warning" && starts <= date.description && (lifted.map { $0 > date.description } ?? true)
    }
}

/// What a restriction's review weighs: the party's contact with the landlord since the
/// restriction began or was last reviewed, up to the review's date.
public struct RestrictionActivity: Sendable, Equatable {
    /// The day the restriction began, or of its last review or challenge.
    public var since: String
    /// Contacts from the party (direction `in`) logged on their cases after `since`.
    public var contacts: Int
    /// Of those, the contacts flagged against this restriction, and the day of the last one.
    public var flagged: Int
    public var lastFlagged: String?
    /// Cases the party brought, received after `since`.
    public var newCases: Int
    /// Reviews and challenges recorded so far.
    public var reviews: Int
}

extension CaseStore {
    /// The outcomes of a review or a challenge.
    public static let reviewOutcomes: Set<String> = ["continue", "vary", "lift"]

    /// Warns `partyID` that its behaviour may lead to a restriction. Returns the warning's id.
    public static func warn(party partyID: Int64, on date: LocalDate, reasons: String, by recorder: Recorder,
                            in db: Database) throws -> Int64 {
        guard try partyExists(partyID, in: db) else { throw InputError(field: "party", message: "no party with id \(partyID)") }
        guard !reasons.isEmpty else { throw InputError(field: "reasons", message: "a warning needs its reasons") }
        return try inSavepoint(db) {
            try db.execute(sql: "INSERT INTO restrictions(party_id, kind, reasons, starts) VALUES (?, 'warning', ?, ?)",
                           arguments: [partyID, reasons, date.description])
            let id = db.lastInsertedRowID
            try log("warned", party: partyID, on: date, data: ["restriction_id": String(id)], by: recorder, in: db)
            return id
        }
    }

    /// Restricts `partyID`'s contact: a kind the pack declares, naming what the kind needs
    /// (the one employee, the one channel), after a warning when the pack asks for one, with
    /// its next review due by the pack's interval. Returns the restriction's id.
    public static func restrict(party partyID: Int64, kind: String, detail: String?, reasons: String, on date: LocalDate,
                                rules: RestrictionRules?, calendar: WorkingDayCalendar, by recorder: Recorder,
                                in db: Database) throws -> Int64 {
        guard let rules else {
            throw InputError(field: "kind", message: "the pack declares no restrictions (a `restrictions = { kinds = {...} }` table)")
        }
        guard let declared = rules.kind(kind) else {
            throw InputError(field: "kind", message: "unknown kind '\(kind)' (the pack's kinds: \(rules.kinds.map(\.name).joined(separator: ", ")))")
        }
        if let needed = declared.detail, detail?.isEmpty ?? true {
            throw InputError(field: "detail", message: "a \(kind) restriction names \(needed)")
        }
        guard !reasons.isEmpty else { throw InputError(field: "reasons", message: "a restriction needs its reasons") }
        guard try partyExists(partyID, in: db) else { throw InputError(field: "party", message: "no party with id \(partyID)") }
        if rules.warningFirst {
            let warned = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM restrictions WHERE party_id = ? AND kind = 'warning' AND starts <= ?
                """, arguments: [partyID, date.description]) ?? 0
            guard warned > 0 else {
                throw InputError(field: "party", message: "party \(partyID) has not been warned: the policy gives a warning before restricting (restrictions.warn)")
            }
        }
        let reviewDue = try rules.review.map { duration throws in try duration.due(from: date, calendar: calendar) }
        return try inSavepoint(db) {
            try db.execute(sql: "INSERT INTO restrictions(party_id, kind, detail, reasons, starts, review_due) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [partyID, kind, detail, reasons, date.description, reviewDue?.description])
            let id = db.lastInsertedRowID
            try log("restricted", party: partyID, on: date, data: ["restriction_id": String(id), "kind": kind], by: recorder, in: db)
            return id
        }
    }

    /// Records a review: `continue` (the next review is due by the pack's interval), `vary`
    /// (the restriction now names `detail`), or `lift`.
    public static func reviewRestriction(_ id: Int64, on date: LocalDate, outcome: String, reasons: String, reviewer: String?,
                                         detail: String?, rules: RestrictionRules?, calendar: WorkingDayCalendar,
                                         by recorder: Recorder, in db: Database) throws {
        let restriction = try inForce(id, on: date, in: db)
        _ = try Vocabulary.check(outcome, in: reviewOutcomes, field: "outcome")
        guard !reasons.isEmpty else { throw InputError(field: "reasons", message: "a review needs its reasons") }
        let reviewDue = try rules?.review.map { duration throws in try duration.due(from: date, calendar: calendar) }
        try inSavepoint(db) {
            try db.execute(sql: "INSERT INTO restriction_reviews(restriction_id, reviewed, outcome, reasons, reviewer) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, date.description, outcome, reasons, reviewer])
            try settle(id, outcome: outcome, on: date, reviewDue: reviewDue, detail: detail, in: db)
            try log("restriction_reviewed", party: restriction.partyID, on: date,
                    data: ["restriction_id": String(id), "outcome": outcome], by: recorder, in: db)
        }
    }

    /// Records the party's challenge of a restriction and its outcome: as many challenges as the
    /// pack allows, reviewed by the pack's reviewer.
    public static func challengeRestriction(_ id: Int64, on date: LocalDate, outcome: String, reasons: String, reviewer: String?,
                                            rules: RestrictionRules?, calendar: WorkingDayCalendar, by recorder: Recorder,
                                            in db: Database) throws {
        let restriction = try inForce(id, on: date, in: db)
        _ = try Vocabulary.check(outcome, in: reviewOutcomes, field: "outcome")
        guard !reasons.isEmpty else { throw InputError(field: "reasons", message: "a challenge's review needs its reasons") }
        let allowed = rules?.challenges ?? 0
        guard allowed > 0 else { throw InputError(field: "id", message: "the policy offers no challenge to a restriction") }
        let made = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM events WHERE type = 'restriction_challenged' AND json_extract(data, '$.restriction_id') = ?
            """, arguments: [String(id)]) ?? 0
        guard made < allowed else {
            throw InputError(field: "id", message: "restriction \(id) was already challenged on \(restriction.challenged ?? "?"): the policy allows \(allowed == 1 ? "one challenge" : "\(allowed) challenges")")
        }
        if let required = rules?.challengeReviewer, let reviewer, reviewer != required {
            throw InputError(field: "reviewer", message: "a challenge is reviewed by the \(required), not '\(reviewer)'")
        }
        if let role = rules?.challengeRole, try Int.fetchOne(db, sql: "SELECT count(*) FROM main.users") ?? 0 > 0 {
            let viewer = try Row.fetchOne(db, sql: "SELECT user, role FROM temp.redress_viewer")
            let (user, held): (String?, String?) = (viewer?["user"], viewer?["role"])
            guard held == role else {
                throw InputError(field: "user", message: "a challenge's review is recorded by a user with the role \(role)"
                                 + " (\(user.map { "'\($0)' has the role \(held ?? "none")" } ?? "nobody is identified"))")
            }
        }
        let by = reviewer ?? rules?.challengeReviewer
        let reviewDue = try rules?.review.map { duration throws in try duration.due(from: date, calendar: calendar) }
        try inSavepoint(db) {
            try db.execute(sql: "INSERT INTO restriction_reviews(restriction_id, reviewed, outcome, reasons, reviewer) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, date.description, outcome, reasons, by])
            try db.execute(sql: "UPDATE restrictions SET challenged = ?, challenge_outcome = ? WHERE id = ?",
                           arguments: [date.description, outcome, id])
            try settle(id, outcome: outcome, on: date, reviewDue: reviewDue, detail: nil, in: db)
            try log("restriction_challenged", party: restriction.partyID, on: date,
                    data: ["restriction_id": String(id), "outcome": outcome], by: recorder, in: db)
        }
    }

    /// What the review of restriction `id` on `date` weighs (see `RestrictionActivity`).
    public static func activity(of id: Int64, on date: LocalDate, in db: Database) throws -> RestrictionActivity {
        guard let restriction = try restriction(id, in: db), restriction.kind != "warning" else {
            throw InputError(field: "id", message: "no restriction with id \(id)")
        }
        let reviewed = try Row.fetchOne(db, sql: """
            SELECT max(reviewed) AS last, count(*) AS n FROM restriction_reviews WHERE restriction_id = ? AND reviewed <= ?
            """, arguments: [id, date.description])
        let since = max(restriction.starts, reviewed?["last"] as String? ?? restriction.starts)
        let day = date.description
        let contacts = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM main.contacts k JOIN main.cases c ON c.id = k.case_id
            WHERE c.complainant_id = ? AND k.direction = 'in' AND substr(k.at, 1, 10) > ? AND substr(k.at, 1, 10) <= ?
            """, arguments: [restriction.partyID, since, day]) ?? 0
        let flags = try Row.fetchOne(db, sql: """
            SELECT count(*) AS n, max(on_date) AS last FROM main.events
            WHERE type = 'contact_flagged' AND party_id = ? AND json_extract(data, '$.restriction_id') = ?
              AND on_date > ? AND on_date <= ?
            """, arguments: [restriction.partyID, String(id), since, day])
        let newCases = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM main.cases WHERE complainant_id = ? AND received > ? AND received <= ?
            """, arguments: [restriction.partyID, since, day]) ?? 0
        return RestrictionActivity(since: since, contacts: contacts, flagged: flags?["n"] ?? 0, lastFlagged: flags?["last"],
                                   newCases: newCases, reviews: reviewed?["n"] ?? 0)
    }

    /// Flags the latest contact of case `ref` against restriction `restrictionID`, saying why; with
    /// `intake`, the contact is the case's own arrival (a new complaint from a restricted party),
    /// which has no row in `contacts`.
    public static func flagContact(of ref: String, restriction restrictionID: Int64, flag: String, on date: LocalDate,
                                   intake: Bool = false, by recorder: Recorder, in db: Database) throws {
        guard !flag.isEmpty else { throw InputError(field: "flag", message: "a flag says why") }
        guard let row = try Row.fetchOne(db, sql: """
            SELECT c.id AS case_id, (SELECT max(id) FROM contacts WHERE case_id = c.id) AS contact_id, r.party_id
            FROM cases c, restrictions r WHERE c.ref = ? AND r.id = ?
            """, arguments: [ref, restrictionID]) else {
            throw StoreError(message: "no case '\(ref)' or no restriction \(restrictionID)")
        }
        var data = ["restriction_id": String(restrictionID), "flag": flag]
        if intake {
            data["intake"] = "1"
        } else {
            guard let contact: Int64 = row["contact_id"] else {
                throw StoreError(message: "no contact of case '\(ref)' to flag against restriction \(restrictionID)")
            }
            data["contact_id"] = String(contact)
        }
        try log("contact_flagged", party: row["party_id"], case: row["case_id"], on: date, data: data, by: recorder, in: db)
    }

    /// A restriction by id.
    public static func restriction(_ id: Int64, in db: Database) throws -> RestrictionRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM restrictions WHERE id = ?", arguments: [id]).map(record)
    }

    /// A party's warnings and restrictions, oldest first.
    public static func restrictions(ofParty partyID: Int64, in db: Database) throws -> [RestrictionRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM restrictions WHERE party_id = ? ORDER BY id", arguments: [partyID]).map(record)
    }

    /// Restrictions in force whose review is due on or before `date`, the most overdue first.
    public static func restrictionsDue(by date: LocalDate, in db: Database) throws -> [RestrictionRecord] {
        try Row.fetchAll(db, sql: """
            SELECT * FROM restrictions WHERE kind <> 'warning' AND lifted IS NULL AND review_due IS NOT NULL AND review_due <= ?
            ORDER BY review_due, id
            """, arguments: [date.description]).map(record)
    }

    /// The flags on case `ref`'s contacts, oldest first.
    public static func contactFlags(of ref: String, in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT json_extract(e.data, '$.flag') FROM events e JOIN cases c ON c.id = e.case_id
            WHERE c.ref = ? AND e.type = 'contact_flagged' ORDER BY e.id
            """, arguments: [ref])
    }

    // MARK: Helpers

    static func record(_ row: Row) -> RestrictionRecord {
        RestrictionRecord(id: row["id"], partyID: row["party_id"], kind: row["kind"], detail: row["detail"], reasons: row["reasons"],
                          starts: row["starts"], reviewDue: row["review_due"], lifted: row["lifted"], challenged: row["challenged"],
                          challengeOutcome: row["challenge_outcome"])
    }

    /// Restriction `id`, which must be a restriction (not a warning) in force on `date`.
    static func inForce(_ id: Int64, on date: LocalDate, in db: Database) throws -> RestrictionRecord {
        guard let restriction = try restriction(id, in: db), restriction.kind != "warning" else {
            throw InputError(field: "id", message: "no restriction with id \(id)")
        }
        guard restriction.isActive(on: date) else {
            throw InputError(field: "id", message: "restriction \(id) is not in force on \(date) (from \(restriction.starts)\(restriction.lifted.map { ", lifted \($0)" } ?? ""))")
        }
        return restriction
    }

    static func settle(_ id: Int64, outcome: String, on date: LocalDate, reviewDue: LocalDate?, detail: String?, in db: Database) throws {
        switch outcome {
        case "lift":
            try db.execute(sql: "UPDATE restrictions SET lifted = ?, review_due = NULL WHERE id = ?", arguments: [date.description, id])
        default:
            try db.execute(sql: "UPDATE restrictions SET review_due = coalesce(?, review_due), detail = coalesce(?, detail) WHERE id = ?",
                           arguments: [reviewDue?.description, detail, id])
        }
    }

    static func log(_ type: String, party: Int64?, case caseID: Int64? = nil, on date: LocalDate, data: [String: String],
                    by recorder: Recorder, in db: Database) throws {
        try db.execute(sql: "INSERT INTO main.events(case_id, party_id, type, on_date, at, actor, script, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       arguments: [caseID, party, type, date.description, Timestamp.nowUTC(), recorder.actor, recorder.script,
                                   JSON.object(data)])
    }

    static func inSavepoint<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        var result: T?
        try db.inSavepoint {
            result = try body()
            return .commit
        }
        return result!
    }
}
