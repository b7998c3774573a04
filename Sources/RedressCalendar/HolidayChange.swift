/// A one-off change to a region's bank holidays: an extra day (a jubilee, a state funeral) or a
/// standing day taken away (when a proclamation moves it). A moved day is a `remove` of the
/// standing date and an `add` of the new one.
///
/// Every change from 1995 to the release is built in (`HolidayChange.unitedKingdom`) and applied
/// by every `WorkingDayCalendar`; a user adds the next proclaimed holiday as data, in a file of
/// their own (Redress's `--holidays FILE`) without rebuilding. The text format, one change a line:
///
///     # comment
///     DATE        REGIONS                     add|remove  NAME
///     2026-06-15  scotland                    add         FIFA World Cup bank holiday
///     2022-05-30  all                         remove      Spring bank holiday
///
/// REGIONS is `all` or a comma-separated list of region names. NAME is the rest of the line.
public struct HolidayChange: Hashable, Sendable {
    /// What the change does to its date.
    public enum Action: String, Sendable {
        /// The date becomes a bank holiday (or is renamed, if it was one).
        case add
        /// The date, a bank holiday under the rules or an earlier change, stops being one.
        case remove
    }

    /// The day changed, a weekday.
    public let date: LocalDate
    /// The regions the change applies to.
    public let regions: [Region]
    public let action: Action
    /// The holiday's name, e.g. `Bank holiday for the coronation of King Charles III`.
    public let name: String
    /// Where the change came from, `file:line`, for messages.
    public let origin: String

    /// A change made in code; `origin` names where it comes from in messages. A calendar given
    /// a change at a weekend refuses it, as `parse` does.
    public init(date: LocalDate, regions: [Region], action: Action, name: String, origin: String) {
        self.date = date
        self.regions = regions
        self.action = action
        self.name = name
        self.origin = origin
    }

    /// Parses a change file's text. `source` names it in error messages (`file:line: ...`).
    public static func parse(_ text: String, source: String) throws(CalendarError) -> [HolidayChange] {
        var changes: [HolidayChange] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            func fail(_ message: String) -> CalendarError {
                .invalidChange(origin: "\(source):\(lineNumber)", message: message)
            }
            let fields = line.split(maxSplits: 3, omittingEmptySubsequences: true) { $0 == " " || $0 == "\t" }
            guard fields.count == 4 else {
                throw fail("expected 'DATE REGIONS add|remove NAME', got '\(line)'")
            }
            let date: LocalDate
            do {
                date = try LocalDate(iso: String(fields[0]))
            } catch {
                throw fail("\(error): \(error.reason)")
            }
            var regions: [Region] = []
            if fields[1] == "all" {
                regions = Region.allCases
            } else {
                for name in fields[1].split(separator: ",") {
                    guard let region = Region(rawValue: String(name)) else {
                        throw fail("unknown region '\(name)' (expected all, or some of: \(Region.validNames))")
                    }
                    regions.append(region)
                }
            }
            guard let action = Action(rawValue: String(fields[2])) else {
                throw fail("unknown change '\(fields[2])' (expected add or remove)")
            }
            guard !date.isWeekend else {
                throw fail("\(date) is a \(date.weekday): a bank-holiday change must fall on a weekday")
            }
            changes.append(HolidayChange(date: date, regions: regions, action: action,
                                         name: fields[3].trimmingWhitespace(),
                                         origin: "\(source):\(lineNumber)"))
        }
        return changes
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }
}
