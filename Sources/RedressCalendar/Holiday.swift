/// A day on which a calendar does no work: a bank holiday or an organisation's closure day.
public struct Holiday: Hashable, Sendable, CustomStringConvertible {
    /// Whose day it is: the region's or the organisation's.
    public enum Kind: String, Sendable {
        /// A bank holiday of the region (standing rule or proclaimed change).
        case bankHoliday = "bank holiday"
        /// A day the organisation itself is closed (e.g. between Christmas and New Year).
        case closure = "closure"
    }

    /// The day, always a weekday (a standing day at a weekend appears as its substitute).
    public let date: LocalDate
    /// The holiday's name, e.g. `Boxing Day`; a substitute day says so: `Boxing Day (substitute day)`.
    public let name: String
    /// A bank holiday or a closure day.
    public let kind: Kind

    /// A holiday or, with `kind: .closure`, an organisation's closure day to give a calendar.
    public init(date: LocalDate, name: String, kind: Kind = .bankHoliday) {
        self.date = date
        self.name = name
        self.kind = kind
    }

    public var description: String { "\(date) \(name)" }
}
