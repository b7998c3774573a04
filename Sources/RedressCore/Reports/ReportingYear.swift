import RedressCalendar

/// A landlord's reporting year: the financial year 1 April to 31 March, as the Regulator's
/// Tenant Satisfaction Measures and the Ombudsman's annual submissions use it. `2025` is
/// 2025/26, from 1 April 2025 to 31 March 2026.
public struct ReportingYear: Hashable, Sendable, CustomStringConvertible {
    /// The calendar year it starts in.
    public let startYear: Int

    public init(startYear: Int) {
        self.startYear = startYear
    }

    /// The reporting year `date` falls in.
    public init(containing date: LocalDate) {
        startYear = date.month >= 4 ? date.year : date.year - 1
    }

    public var first: LocalDate { LocalDate(dayNumber: LocalDate.dayNumber(year: startYear, month: 4, day: 1)) }
    public var last: LocalDate { LocalDate(dayNumber: LocalDate.dayNumber(year: startYear + 1, month: 3, day: 31)) }

    /// `2025/26`.
    public var description: String {
        let next = (startYear + 1) % 100
        return "\(startYear)/\(next < 10 ? "0" : "")\(next)"
    }

    /// `1 April 2025 to 31 March 2026`.
    public var span: String { "1 April \(startYear) to 31 March \(startYear + 1)" }

    /// Its twelve months, April first: (year, month).
    public var months: [(year: Int, month: Int)] {
        (0..<12).map { offset in
            let month = (3 + offset) % 12 + 1
            return (month >= 4 ? startYear : startYear + 1, month)
        }
    }

    /// A period of the year: a quarter, with its first and last days and its name.
    public struct Period: Hashable, Sendable {
        public let name: String
        public let first: LocalDate
        public let last: LocalDate

        public func contains(_ date: LocalDate) -> Bool { date >= first && date <= last }
    }

    /// Its four quarters: Q1 April–June ... Q4 January–March.
    public var quarters: [Period] {
        (0..<4).map { index in
            let (year, month) = months[3 * index], end = months[3 * index + 2]
            return Period(name: "\(description) Q\(index + 1)",
                          first: LocalDate(dayNumber: LocalDate.dayNumber(year: year, month: month, day: 1)),
                          last: LocalDate(dayNumber: LocalDate.dayNumber(year: end.year, month: end.month,
                                                                         day: LocalDate.daysInMonth(year: end.year, month: end.month))))
        }
    }

    public var whole: Period { Period(name: description, first: first, last: last) }
}
