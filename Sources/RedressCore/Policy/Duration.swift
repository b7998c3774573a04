import RedressCalendar

/// A policy timescale: an amount of working days, calendar days, weeks or months.
public struct Duration: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: String, CaseIterable, Sendable {
        case workingDays = "working_days", days, weeks, months
    }

    public let amount: Int
    public let unit: Unit

    /// The longest amount of each unit a policy could mean: about ten years (3650 days, 2600
    /// working days, 520 weeks, 120 months). A pack's clocks, windows and caps and an extension
    /// asked for in a call are refused past it, so no duration from input can overflow the
    /// date arithmetic or name a date no calendar covers.
    public static func maximum(_ unit: Unit) -> Int {
        switch unit {
        case .workingDays: 2600
        case .days: 3650
        case .weeks: 520
        case .months: 120
        }
    }

    /// `amount` in `unit` when it is within 0...`maximum(unit)`, else nil.
    public init?(checked amount: Int, _ unit: Unit) {
        guard amount >= 0, amount <= Self.maximum(unit) else { return nil }
        self.init(amount, unit)
    }

    /// What a refusal of an amount of `unit` says after the field's name: `expected at most 2600
    /// working days (about ten years), got 9223372036854775807` when `amount` is a whole number
    /// past the maximum, else `expected a whole number of 0 or more, got 'ten'`. `given` is the
    /// value as the message shows it.
    public static func refusal(_ amount: Int?, given: String, _ unit: Unit, least: Int = 0) -> String {
        if let amount, amount > maximum(unit) {
            return "expected at most \(maximum(unit)) \(unit.rawValue.replacingUnderscores()) (about ten years), got \(given)"
        }
        return "expected a whole number of \(least) or more, got \(given)"
    }

    public init(_ amount: Int, _ unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// The due date `self` after `start`: working days by `calendar`'s convention (roll forward,
    /// then count), calendar days, weeks, or months clamped to the month's end.
    public func due(from start: LocalDate, calendar: WorkingDayCalendar) throws(CalendarError) -> LocalDate {
        func checked(_ body: () throws(DateRangeError) -> LocalDate) throws(CalendarError) -> LocalDate {
            do { return try body() } catch { throw .dateOutOfRange(error) }
        }
        switch unit {
        case .workingDays: return try calendar.addWorkingDays(start, amount)
        case .days: return try checked { () throws(DateRangeError) in try start.adding(days: amount) }
        case .weeks: return try checked { () throws(DateRangeError) in try start.adding(weeks: amount) }
        case .months: return try checked { () throws(DateRangeError) in try start.adding(months: amount) }
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
