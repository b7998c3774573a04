import GRDB
import RedressCalendar

/// A CSV for benchmarking returns (a benchmarking club's quarterly complaints return): one row per
/// quarter of the reporting year that has begun, with volumes, timeliness, outcomes (those the
/// viewer may not see counted as confidential), exclusions, withdrawals, extensions and remedies.
/// Timeliness is counted by each `OnTimeMeasure`, in columns named after it
/// (`stage1_within_code_timescales`, `stage1_by_own_due_date`...), side by side.
public struct QuarterlyReturn: Sendable {
    public static let columns: [String] = {
        func stage(_ n: Int) -> [String] {
            ["stage\(n)_received", "stage\(n)_per_1000_homes", "stage\(n)_responded"]
                + OnTimeMeasure.all.flatMap { ["stage\(n)_\($0.name)", "stage\(n)_\($0.name)_percent"] }
                + ["stage\(n)_mean_working_days"]
        }
        return ["period", "from", "to", "homes"] + stage(1) + stage(2)
            + ["upheld", "partly_upheld", "not_upheld", "confidential_outcomes", "not_accepted", "withdrawn", "extensions",
               "remedies_offered", "remedy_pence"]
    }()

    /// What the timeliness columns count: one line per measure, for the command to print
    /// beside the CSV (a CSV has no place for notes).
    public static var definitions: [String] {
        OnTimeMeasure.all.map { "stageN_\($0.name): answered \($0.title): \($0.definition)" }
            + ["stageN_responded, the whole of each share: \(OnTimeMeasure.denominator)"]
    }

    public let rows: [[String]]

    /// The quarters of `year` that began by `asOf`. Stages: the pack's, in order (its first is
    /// stage one, its second stage two). Working days to respond count from the day the stage
    /// began to the response, on `calendar`.
    public init(year: ReportingYear, asOf: LocalDate, facts: ComplaintFacts, stages: [String], homes: Int,
                calendar: WorkingDayCalendar, in db: Database) throws {
        var rows: [[String]] = []
        for quarter in year.quarters where quarter.first <= asOf {
            var row = [quarter.name, quarter.first.description, quarter.last.description, String(homes)]
            var answeredAll: [StageFacts] = []
            for index in 0..<2 {
                guard index < stages.count else {
                    row += Array(repeating: "", count: 4 + 2 * OnTimeMeasure.all.count)
                    continue
                }
                let received = facts.entered(stages[index], in: quarter)
                let answered = facts.answered(stages[index], in: quarter)
                answeredAll += answered
                let days = try answered.map { try calendar.workingDaysBetween($0.entered, $0.responded!) }
                row += [String(received.count), Figure.per1000(received.count, of: homes), String(answered.count)]
                for measure in OnTimeMeasure.all {
                    let onTime = answered.filter { $0.isOnTime(measure) }.count
                    row += [String(onTime), Figure.percent(onTime, of: answered.count).replacingPercent()]
                }
                row.append(Figure.mean(days))
            }
            // An outcome the viewer may not see reads as confidential (the store's redaction).
            let outcomes = ["upheld", "partly_upheld", "not_upheld", StageFacts.confidential].map { outcome in
                String(answeredAll.filter { $0.outcome == outcome }.count)
            }
            let notAccepted = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM cases WHERE kind = 'complaint' AND status = 'excluded' AND received BETWEEN ? AND ?
                """, arguments: [quarter.first.description, quarter.last.description]) ?? 0
            let withdrawn = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM events e JOIN cases c ON c.id = e.case_id
                WHERE c.kind = 'complaint' AND e.type = 'withdrawn' AND e.on_date BETWEEN ? AND ?
                """, arguments: [quarter.first.description, quarter.last.description]) ?? 0
            let extensions = try Int.fetchOne(db, sql: "SELECT count(*) FROM extensions WHERE granted BETWEEN ? AND ?",
                                              arguments: [quarter.first.description, quarter.last.description]) ?? 0
            let remedies = try Row.fetchOne(db, sql: """
                SELECT count(DISTINCT m.id) AS offers, coalesce(sum(i.amount_pence), 0) AS pence
                FROM remedies m LEFT JOIN remedy_items i ON i.remedy_id = m.id WHERE m.offered BETWEEN ? AND ?
                """, arguments: [quarter.first.description, quarter.last.description])
            row += outcomes + [String(notAccepted), String(withdrawn), String(extensions),
                               String(remedies?["offers"] as Int? ?? 0), String(remedies?["pence"] as Int? ?? 0)]
            rows.append(row)
        }
        self.rows = rows
    }

    /// RFC 4180, CRLF line ends; a figure of nothing (a share of no responses) is an empty cell.
    public var csv: String {
        ([QuarterlyReturn.columns] + rows).map { $0.map { CSV.field($0 == "n/a" ? "" : $0) }.joined(separator: ",") }
            .joined(separator: "\r\n") + "\r\n"
    }
}

extension String {
    /// "86.4%" → "86.4" (a CSV cell holds the number).
    func replacingPercent() -> String {
        hasSuffix("%") ? String(dropLast()) : self
    }
}
