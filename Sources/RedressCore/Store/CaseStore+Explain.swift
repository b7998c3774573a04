import GRDB
import RedressCalendar

extension CaseStore {
    /// How the clock `clock` of case `ref` (of `stage`, or the case's current stage) got its due
    /// date, replayed from the case's events under `pack` and `calendar` (`CaseState.explain`).
    public static func explain(_ ref: String, clock: String, stage: String? = nil, pack: PolicyPack,
                               calendar: WorkingDayCalendar, in db: Database) throws -> ClockExplanation {
        guard let caseID = try Int64.fetchOne(db, sql: "SELECT id FROM cases WHERE ref = ?", arguments: [ref]) else {
            throw StoreError(message: "no case '\(ref)'")
        }
        var explanation: ClockExplanation
        do {
            explanation = try CaseState.explain(clock, stage: stage, events: events(ofCase: caseID, in: db), pack: pack, calendar: calendar)
        } catch let error as ExplanationError {
            throw StoreError(message: "\(ref): \(error.message)")
        }
        // The replay reads the real event log; an extension's reason is about a confidential
        // outcome, and reads as the redacting views show it.
        if try Bool.fetchOne(db, sql: "SELECT \(Redaction.withheld(.outcome, "?"))", arguments: [caseID]) == true {
            explanation = explanation.withExtensionReasons(Redaction.Ground.outcome.mask)
        }
        return explanation
    }
}
