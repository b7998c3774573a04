/// A policy timescale: an amount of working days, calendar days, weeks or months.
public struct Duration: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: String, CaseIterable, Sendable {
        case workingDays = "working_days", days, weeks, months
    }

    public let amount: Int
    public let unit: Unit

    public init(_ amount: Int, _ unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// The due date `self` after `start`: working days by `calendar`'s convention (roll forward,
    /// then count), calendar days, weeks, or months clamped to the month's end.
    public func due(from start: LocalDate, calendar: WorkingDayCalendar) throws(CalendarError) -> LocalDate {
        switch unit {
        case .workingDays: try calendar.addWorkingDays(start, amount)
        case .days: start.adding(days: amount)
        case .weeks: start.adding(weeks: amount)
        case .months: start.adding(months: amount)
        }
    }

    public var description: String {
        "\(amount) \(unit.rawValue.replacingUnderscores())"
    }
}

extension String {
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
