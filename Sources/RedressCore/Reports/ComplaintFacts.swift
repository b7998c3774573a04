import GRDB
import RedressCalendar

/// What the reports count: each time a complaint entered a stage, with that stage's clocks,
/// decision and remedy, and whether its answer was on time by each `OnTimeMeasure`. Read once
/// for a period from the `complaint_stages` view (`Schema.installReports`), so every figure is a
/// count over these rows and "on time" is decided in one place.
public struct StageFacts: Sendable, Equatable {
    public var ref: String
    public var status: String
    public var category: String?
    /// `lcra`, `lcho`, or nil when the case's tenure was not recorded.
    public var tenure: String?
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
    /// The measures by which the stage's answer was on time (empty while it is unanswered).
    public var onTime: Set<String>

    /// How the store's redaction shows an outcome the viewer may not see.
    public static let confidential = "[confidential]"

    /// Answered, and on time by `measure`.
    public func isOnTime(_ measure: OnTimeMeasure) -> Bool {
        onTime.contains(measure.name)
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
        let measures = OnTimeMeasure.all
        let rows = try Row.fetchCursor(db, sql: """
            SELECT ref, status, category, stage, entered, acknowledge_due, acknowledged, respond_due, responded,
                   outcome, remedy_pence, extensions, tenure, \(measures.map(\.name).joined(separator: ", "))
            FROM complaint_stages
            WHERE entered <= ?2 AND (entered >= ?1 OR responded >= ?1)
            ORDER BY case_id, entered, round
            """, arguments: [first.description, last.description])
        func date(_ value: String?) -> LocalDate? { value.flatMap { try? LocalDate(iso: $0) } }
        var stages: [StageFacts] = []
        while let row = try rows.next() {
            guard let entered = date(row[4]) else { continue }
            var onTime: Set<String> = []
            for (index, measure) in measures.enumerated() where row[13 + index] as Bool? == true {
                onTime.insert(measure.name)
            }
            stages.append(StageFacts(ref: row[0], status: row[1], category: row[2], tenure: row[12], stage: row[3], entered: entered,
                                     acknowledgeDue: date(row[5]), acknowledged: date(row[6]), respondDue: date(row[7]),
                                     responded: date(row[8]), extensions: row[11], outcome: row[9], remedyPence: row[10],
                                     onTime: onTime))
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
