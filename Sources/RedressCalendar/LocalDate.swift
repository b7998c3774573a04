/// A civil date (year, month, day) in the proleptic Gregorian calendar, with no time zone.
///
/// Its stored form is a day number, days since 1970-01-01, so comparison and day arithmetic are
/// integer operations; year, month and day are derived on demand. ISO 8601 extended text
/// (`2026-12-22`) is its only text form, both for parsing and for printing.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let dayNumber: Int

    /// The earliest date that has a four-digit ISO form, 0001-01-01.
    public static let earliest = LocalDate(dayNumber: LocalDate.dayNumber(year: 1, month: 1, day: 1))
    /// The latest date that has a four-digit ISO form, 9999-12-31.
    public static let latest = LocalDate(dayNumber: LocalDate.dayNumber(year: 9999, month: 12, day: 31))

    /// Creates the date with the given day number (days since 1970-01-01), unchecked: for
    /// Redress's own modules, which keep day numbers inside the calendar's range. Other programs
    /// make dates with the checked `init(year:month:day:)` or `init(iso:)`.
    @inlinable
    package init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    /// Creates a date from its parts, or fails with the reason when they name no real date.
    public init(year: Int, month: Int, day: Int) throws(DateError) {
        guard (1...9999).contains(year) else {
            throw DateError(text: LocalDate.isoText(year: year, month: month, day: day),
                            reason: "year \(year) is outside 0001–9999")
        }
        guard (1...12).contains(month) else {
            throw DateError(text: LocalDate.isoText(year: year, month: month, day: day),
                            reason: "month \(month) is not between 1 and 12")
        }
        let length = LocalDate.daysInMonth(year: year, month: month)
        guard (1...length).contains(day) else {
            throw DateError(text: LocalDate.isoText(year: year, month: month, day: day),
                            reason: "\(LocalDate.monthNames[month - 1]) \(year) has \(length) days")
        }
        self.dayNumber = LocalDate.dayNumber(year: year, month: month, day: day)
    }

    /// Parses strict ISO 8601 extended text: exactly `YYYY-MM-DD`, four-digit year, two-digit
    /// month and day, and a day that exists (`2026-02-30` is refused).
    public init(iso text: String) throws(DateError) {
        let parsed: (Int, Int, Int)?
        if let contiguous = text.utf8.withContiguousStorageIfAvailable(LocalDate.parseISO) {
            parsed = contiguous
        } else {
            parsed = Array(text.utf8).withUnsafeBufferPointer(LocalDate.parseISO)
        }
        guard let (year, month, day) = parsed else {
            throw DateError(text: text, reason: "expected YYYY-MM-DD")
        }
        do {
            try self.init(year: year, month: month, day: day)
        } catch {
            throw DateError(text: text, reason: error.reason)
        }
    }

    /// Reads `YYYY-MM-DD` from exactly ten ASCII bytes; nil when the shape is wrong.
    @usableFromInline
    static func parseISO(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            return nil
        }
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10) else {
            return nil
        }
        return (year, month, day)
    }

    // MARK: Parts

    /// The year, month and day.
    public var parts: (year: Int, month: Int, day: Int) {
        LocalDate.civil(fromDayNumber: dayNumber)
    }

    /// The year, 1–9999.
    public var year: Int { parts.year }
    /// The month, 1–12.
    public var month: Int { parts.month }
    /// The day of the month, from 1.
    public var day: Int { parts.day }

    /// The ISO weekday.
    @inlinable
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday; floor modulo keeps dates before it right.
        let offset = (dayNumber + 3) % 7
        return Weekday(rawValue: (offset < 0 ? offset + 7 : offset) + 1)!
    }

    /// Saturday or Sunday.
    @inlinable
    public var isWeekend: Bool {
        let offset = (dayNumber + 3) % 7
        return (offset < 0 ? offset + 7 : offset) >= 5
    }

    // MARK: Arithmetic
    //
    // Every result stays within `earliest`...`latest`: the arithmetic is checked, so no amount a
    // script, a pack or a file supplies can overflow or make a date with no four-digit ISO form.

    /// True when the date has a four-digit ISO form (0001-01-01 to 9999-12-31).
    @inlinable
    public var isRepresentable: Bool {
        dayNumber >= LocalDate.earliest.dayNumber && dayNumber <= LocalDate.latest.dayNumber
    }

    /// The date `days` calendar days later (earlier when negative).
    ///
    /// - Throws: `DateRangeError` when the result would fall outside 0001-01-01 to 9999-12-31.
    @inlinable
    public func adding(days: Int) throws(DateRangeError) -> LocalDate {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        let result = LocalDate(dayNumber: sum)
        guard !overflow, result.isRepresentable else { throw DateRangeError(start: self, amount: days, unit: "days") }
        return result
    }

    /// The date `weeks` weeks later (earlier when negative).
    ///
    /// - Throws: `DateRangeError` when the result would fall outside 0001-01-01 to 9999-12-31.
    public func adding(weeks: Int) throws(DateRangeError) -> LocalDate {
        let (days, overflow) = weeks.multipliedReportingOverflow(by: 7)
        guard !overflow, let result = try? adding(days: days) else {
            throw DateRangeError(start: self, amount: weeks, unit: "weeks")
        }
        return result
    }

    /// The same day `months` months later (earlier when negative), clamped to the end of a
    /// shorter month: 31 January plus one month is 28 or 29 February.
    ///
    /// - Throws: `DateRangeError` when the result would fall outside 0001-01-01 to 9999-12-31.
    public func adding(months: Int) throws(DateRangeError) -> LocalDate {
        let (year, month, day) = parts
        // The month index of 0001-01 is 12 and of 9999-12 is 119_999: anything else is out.
        let start = year * 12 + (month - 1)
        let (total, overflow) = start.addingReportingOverflow(months)
        guard !overflow, (12...119_999).contains(total) else {
            throw DateRangeError(start: self, amount: months, unit: "months")
        }
        let newYear = total / 12
        let newMonth = total - newYear * 12 + 1
        let newDay = min(day, LocalDate.daysInMonth(year: newYear, month: newMonth))
        return LocalDate(dayNumber: LocalDate.dayNumber(year: newYear, month: newMonth, day: newDay))
    }

    /// The date `years` years later, clamped (29 February plus one year is 28 February).
    ///
    /// - Throws: `DateRangeError` when the result would fall outside 0001-01-01 to 9999-12-31.
    public func adding(years: Int) throws(DateRangeError) -> LocalDate {
        let (months, overflow) = years.multipliedReportingOverflow(by: 12)
        guard !overflow, let result = try? adding(months: months) else {
            throw DateRangeError(start: self, amount: years, unit: "years")
        }
        return result
    }

    /// The date `days` later for a caller that knows the result is representable (an offset
    /// inside a calendar's own range, a holiday rule's few days): no check, no throw. Redress's
    /// own modules use it; other programs use the checked `adding(days:)`.
    @inlinable
    package func offset(days: Int) -> LocalDate {
        LocalDate(dayNumber: dayNumber + days)
    }

    /// Calendar days from `self` to `other` (positive when `other` is later).
    @inlinable
    public func days(to other: LocalDate) -> Int {
        other.dayNumber - dayNumber
    }

    @inlinable
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        lhs.dayNumber < rhs.dayNumber
    }

    // MARK: Text

    /// ISO 8601 extended form, `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = parts
        return LocalDate.isoText(year: year, month: month, day: day)
    }

    static func isoText(year: Int, month: Int, day: Int) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value.magnitude)
            let padded = String(repeating: "0", count: max(0, width - text.count)) + text
            return value < 0 ? "-" + padded : padded
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    // MARK: Civil arithmetic (Howard Hinnant's days_from_civil / civil_from_days)

    /// True for Gregorian leap years.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month (1–12) of a year.
    package static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a valid civil date, unchecked (see `init(dayNumber:)`).
    package static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDayNumber number: Int) -> (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}

/// ISO weekdays, Monday first.
public enum Weekday: Int, Sendable, CaseIterable, CustomStringConvertible {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public var description: String {
        switch self {
        case .monday: "Monday"
        case .tuesday: "Tuesday"
        case .wednesday: "Wednesday"
        case .thursday: "Thursday"
        case .friday: "Friday"
        case .saturday: "Saturday"
        case .sunday: "Sunday"
        }
    }
}

/// Date arithmetic whose result would have no four-digit ISO form: `2026-01-01 + 9223372036854775807
/// days is outside 0001-01-01 to 9999-12-31`.
public struct DateRangeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The date counted from.
    public let start: LocalDate
    /// The amount added (negative: subtracted), as given.
    public let amount: Int
    /// `days`, `weeks`, `months` or `years`.
    public let unit: String

    /// The error of adding `amount` `unit` to `start`.
    @inlinable
    public init(start: LocalDate, amount: Int, unit: String) {
        self.start = start
        self.amount = amount
        self.unit = unit
    }

    public var description: String {
        "\(start) + \(amount) \(unit) is outside \(LocalDate.earliest) to \(LocalDate.latest)"
    }
}

/// A text that is not a real ISO date. `description` is `invalid date '<text>'`; `reason` says why.
public struct DateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text as given.
    public let text: String
    /// What is wrong with it, e.g. `February 2026 has 28 days`.
    public let reason: String

    public var description: String { "invalid date '\(text)'" }
}
