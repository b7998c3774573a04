/// Why a calendar could not be built or could not answer. Each message names the value at fault.
public enum CalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A region name that is not one of `Region.allCases`.
    case unknownRegion(String)
    /// A date the calendar's rules do not cover (it is exact for 1995–2100 only).
    case outOfRange(LocalDate, first: LocalDate, last: LocalDate)
    /// A year the calendar's rules do not cover.
    case yearOutOfRange(Int, first: Int, last: Int)
    /// Working-day arithmetic that would leave the covered range.
    case resultOutOfRange(from: LocalDate, workingDays: Int, first: LocalDate, last: LocalDate)
    /// Date arithmetic (calendar days, weeks, months) that would leave 0001–9999.
    case dateOutOfRange(DateRangeError)
    /// A bad line in a bank-holiday change file.
    case invalidChange(origin: String, message: String)
    /// A bad organisation closure day.
    case invalidClosure(String)

    public var description: String {
        switch self {
        case .unknownRegion(let name):
            return "unknown region '\(name)' (expected one of: \(Region.validNames))"
        case .outOfRange(let date, let first, let last):
            return "date \(date) is outside the calendar's range \(first) to \(last)"
        case .yearOutOfRange(let year, let first, let last):
            return "year \(year) is outside the calendar's range \(first)–\(last)"
        case .resultOutOfRange(let date, let n, let first, let last):
            return "\(n) working days from \(date) falls outside the calendar's range \(first) to \(last)"
        case .dateOutOfRange(let error):
            return error.description
        case .invalidChange(let origin, let message):
            return "\(origin): \(message)"
        case .invalidClosure(let message):
            return message
        }
    }
}
