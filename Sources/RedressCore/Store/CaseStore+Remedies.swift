import GRDB
import RedressCalendar

/// A case's latest remedy offer and how it stands.
public struct RemedyRecord: Sendable, Equatable {
    /// How an offer stands on a given day.
    public enum State: String, Sendable {
        /// Not answered, and its deadline (if any) not passed.
        case open
        /// Not answered by its `accept_by`.
        case lapsed
        case accepted
        case declined
    }

    public var id: Int64
    public var offered: LocalDate
    public var acceptBy: LocalDate?
    public var accepted: LocalDate?
    public var declined: LocalDate?
    public var pence: Int
    public var arrearsOffsetPence: Int
    public var paymentRoute: String?

    /// How the offer stands on `date`.
    public func state(on date: LocalDate) -> State {
        if accepted != nil { return .accepted }
        if declined != nil { return .declined }
        if let acceptBy, date > acceptBy { return .lapsed }
        return .open
    }
}

extension CaseStore {
    /// The customer's answer to a remedy offer.
    public enum RemedyAnswer: String, Sendable {
        case accepted, declined

        var verb: String { self == .accepted ? "accept" : "decline" }
    }

    /// Case `id`'s latest remedy offer as the viewer may see it (none when its outcome is
    /// confidential to them), or nil; `recorded`: the offer as recorded, for the store's own checks.
    static func latestRemedy(ofCase id: Int64, recorded: Bool = false, in db: Database) throws -> RemedyRecord? {
        let schema = recorded ? "main." : ""
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT m.id, m.offered, m.accept_by, m.accepted, m.declined, m.arrears_offset_pence, m.payment_route,
                   (SELECT coalesce(sum(i.amount_pence), 0) FROM \(schema)remedy_items i WHERE i.remedy_id = m.id)
            FROM \(schema)remedies m WHERE m.case_id = ? ORDER BY m.id DESC LIMIT 1
            """), arguments: [id]) else { return nil }
        func date(_ value: String?) -> LocalDate? { value.flatMap { try? LocalDate(iso: $0) } }
        guard let offered = date(row[1]) else { throw StoreError(message: "remedy offer \(row[0] as Int64) has an unreadable offer date") }
        return RemedyRecord(id: row[0], offered: offered, acceptBy: date(row[2]), accepted: date(row[3]), declined: date(row[4]),
                            pence: row[7], arrearsOffsetPence: row[5], paymentRoute: row[6])
    }

    /// Records the customer's answer to case `ref`'s latest remedy offer on `date`: the offer's
    /// `accepted` or `declined` date, and a `remedy_accepted` or `remedy_declined` event with the
    /// reason. Refused, changing nothing, when the case has no offer, the offer was already
    /// answered, or `date` is before the offer. An acceptance after the offer's `accept_by` is
    /// what the pack's `rule.late` says: recorded (and marked late in the event), refused, or
    /// recorded only with a reason.
    public static func answerRemedy(_ answer: RemedyAnswer, of ref: String, on date: LocalDate, reason: String?,
                                    rule: RemedyAcceptanceRule, by recorder: Recorder, in db: Database) throws {
        let caseID = try caseID(of: ref, in: db)
        guard let offer = try latestRemedy(ofCase: caseID, recorded: true, in: db) else {
            throw StoreError(message: "case \(ref) has no remedy offer to \(answer.verb)")
        }
        if let accepted = offer.accepted {
            throw StoreError(message: "the remedy offer of \(offer.offered) was already accepted on \(accepted)")
        }
        if let declined = offer.declined {
            throw StoreError(message: "the remedy offer of \(offer.offered) was already declined on \(declined)")
        }
        guard date >= offer.offered else {
            throw InputError(field: "on", message: "\(date) is before the remedy offer was made (\(offer.offered))")
        }
        let reason = reason?.trimmingSpaces()
        var late = false
        if answer == .accepted, let acceptBy = offer.acceptBy, date > acceptBy {
            late = true
            let window = "the offer of \(offer.offered) was to be accepted by \(acceptBy)" + (rule.clause.map { " (\($0))" } ?? "")
            switch rule.late {
            case .recorded: break
            case .refused: throw InputError(field: "on", message: "too late: \(window); the offer has lapsed")
            case .needsReason:
                guard let reason, !reason.isEmpty else {
                    throw InputError(field: "reason", message: "late: \(window); give the reason it is accepted late")
                }
            }
        }
        var data: [String: String] = ["remedy_id": String(offer.id)]
        if let reason, !reason.isEmpty { data["reason"] = reason }
        if late { data["late"] = "true" }
        let column = answer == .accepted ? "accepted" : "declined"
        try DirectStatement.savepoint(db) {
            try db.execute(sql: "UPDATE main.remedies SET \(column) = ? WHERE id = ?", arguments: [date.description, offer.id])
            try db.execute(sql: "INSERT INTO main.events(case_id, type, on_date, at, actor, script, data) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [caseID, "remedy_" + answer.rawValue, date.description, Timestamp.nowUTC(), recorder.actor,
                                       recorder.script, JSON.object(data)])
        }
    }
}
