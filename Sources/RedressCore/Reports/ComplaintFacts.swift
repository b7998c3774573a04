import GRDB
import RedressCalendar

/// What the reports count: each time a complaint entered a stage, with that stage's clocks,
/// decision and remedy. Read once for a period from the store's event-derived tables, so every
/// figure is a count over these rows.
public struct StageFacts: Sendable, Equatable {
    public var ref: String
    public var status: String
    public var category: String?
    public var stage: String
    /// When the complaint entered the stage (received, or the escalation request).
    public var entered: LocalDate
    public var acknowledgeDue: LocalDate?
    public var acknowledged: LocalDate?
    /// The response's due date after any extension.
    public var respondDue: LocalDate?
    public var responded: LocalDate?
    public var extensions: Int
    /// The stage decision's outcome: upheld, partly_upheld, not_upheld.
    public var outcome: String?
    /// The remedy offered with the stage decision, in pence.
    public var remedyPence: Int

    /// Answered within the timescales: the response by its due date (after any extension), and,
    /// when the stage has an acknowledgement clock, the acknowledgement by its own.
    public var answeredOnTime: Bool {
        guard let responded, let respondDue, responded <= respondDue else { return false }
        guard let acknowledgeDue else { return true }
        guard let acknowledged else { return false }
        return acknowledged <= acknowledgeDue
    }

    /// How the store's redaction shows an outcome the viewer may not see.
    public static let confidential = "[confidential]"

    /// The response by its own due date, whatever the acknowledgement.
    public var respondedOnTime: Bool {
        guard let responded, let respondDue else { return false }
        return responded <= respondDue
    }
}

/// The facts of a period, and the figures the reports take from them.
public struct ComplaintFacts: Sendable {
    public let stages: [StageFacts]

    public init(stages: [StageFacts]) {
        self.stages = stages
    }

    /// Every stage a complaint (not an excluded one) entered or was answered at from `first` to
    /// `last`. `progress` is told of each row read.
    public static func fetch(from first: LocalDate, to last: LocalDate, in db: Database,
                             progress: ((Int) -> Void)? = nil) throws -> ComplaintFacts {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT c.ref, c.status, c.category, h.stage, h.entered,
                   coalesce(a.extended_due, a.due), a.met, coalesce(r.extended_due, r.due), r.met,
                   (SELECT d.outcome FROM decisions d WHERE d.case_id = c.id AND d.stage = h.stage ORDER BY d.id DESC LIMIT 1),
                   (SELECT coalesce(sum(i.amount_pence), 0) FROM decisions d JOIN remedies m ON m.decision_id = d.id
                      JOIN remedy_items i ON i.remedy_id = m.id WHERE d.case_id = c.id AND d.stage = h.stage),
                   (SELECT count(*) FROM extensions e JOIN clocks x ON x.id = e.clock_id WHERE x.case_id = c.id AND x.stage = h.stage AND x.round = h.round)
            FROM stage_history h
            JOIN cases c ON c.id = h.case_id
            LEFT JOIN clocks a ON a.case_id = c.id AND a.stage = h.stage AND a.round = h.round AND a.name = 'acknowledge'
            LEFT JOIN clocks r ON r.case_id = c.id AND r.stage = h.stage AND r.round = h.round AND r.name = 'respond'
            WHERE c.kind = 'complaint' AND c.status <> 'excluded' AND h.entered <= ?2 AND (h.entered >= ?1 OR r.met >= ?1)
            ORDER BY h.id
            """, arguments: [first.description, last.description])
        func date(_ value: String?) -> LocalDate? { value.flatMap { try? LocalDate(iso: $0) } }
        var stages: [StageFacts] = []
        while let row = try rows.next() {
            guard let entered = date(row[4]) else { continue }
            stages.append(StageFacts(ref: row[0], status: row[1], category: row[2], stage: row[3], entered: entered,
                                     acknowledgeDue: date(row[5]), acknowledged: date(row[6]), respondDue: date(row[7]),
                                     responded: date(row[8]), extensions: row[11], outcome: row[9], remedyPence: row[10]))
            progress?(1)
        }
        return ComplaintFacts(stages: stages)
    }

    /// The rows of `stage` that entered it in `period`.
    public func entered(_ stage: String, in period: ReportingYear.Period) -> [StageFacts] {
        stages.filter { $0.stage == stage && period.contains($0.entered) }
    }

    /// The rows of `stage` answered in `period`.
    public func answered(_ stage: String, in period: ReportingYear.Period) -> [StageFacts] {
        stages.filter { $0.stage == stage && $0.responded.map(period.contains) == true }
    }
}

/// Whole-number arithmetic for the figures, rounded half up, so a figure is the same on every
/// machine and easy to check by hand.
public enum Figure {
    /// `count` per 1,000 of `base`, to two decimal places: `per1000(150, of: 12000)` is "12.50".
    public static func per1000(_ count: Int, of base: Int) -> String {
        guard base > 0 else { return "n/a" }
        return decimal((count * 100_000 * 2 + base) / (base * 2), places: 2)
    }

    /// `part` of `whole` as a percentage to one decimal place: "86.4%"; "n/a" of nothing.
    public static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "n/a" }
        return decimal((part * 1000 * 2 + whole) / (whole * 2), places: 1) + "%"
    }

    /// Pence as pounds: "£1,234.50".
    public static func pounds(_ pence: Int) -> String {
        "£" + grouped(pence / 100) + "." + (pence % 100 < 10 ? "0" : "") + String(pence % 100)
    }

    /// A whole number with thousands separators: "12,000".
    public static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (number < 0 ? "-" : "") + out
    }

    /// The mean of `values` to one decimal place, or "n/a".
    public static func mean(_ values: [Int]) -> String {
        guard !values.isEmpty else { return "n/a" }
        let total = values.reduce(0, +)
        return decimal((total * 10 * 2 + values.count) / (values.count * 2), places: 1)
    }

    /// `scaled` (the value times 10^places) written with `places` decimals.
    static func decimal(_ scaled: Int, places: Int) -> String {
        var unit = 1
        for _ in 0..<places { unit *= 10 }
        let fraction = String(scaled % unit)
        return String(scaled / unit) + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}
