import RedressCalendar

/// The bank-holiday changes read from files, in the order given: the installation's
/// `Scripts/calendar/uk-bank-holiday-changes.txt`, then the user's own (a later file can add a
/// newly proclaimed day or remove one it cancels). A calendar applies them after the changes
/// built into RedressCalendar (`HolidayChange.unitedKingdom`), which no file repeats.
public struct HolidayData: Sendable {
    public let changes: [HolidayChange]
    /// The files read, in order.
    public let files: [String]

    public init(changes: [HolidayChange], files: [String]) {
        self.changes = changes
        self.files = files
    }

    /// Reads and parses each file; fails on the first unreadable file or bad line.
    public static func load(files: [String]) throws -> HolidayData {
        var changes: [HolidayChange] = []
        for file in files {
            changes += try HolidayChange.parse(TextFile.read(file), source: file)
        }
        return HolidayData(changes: changes, files: files)
    }

    /// These changes, then `later`'s (a later change wins).
    public func followed(by later: HolidayData) -> HolidayData {
        HolidayData(changes: changes + later.changes, files: files + later.files)
    }

    /// The calendar of `region`: the built-in changes, these, and the organisation's closure days.
    public func calendar(_ region: Region, closures: [Holiday] = []) throws(CalendarError) -> WorkingDayCalendar {
        try WorkingDayCalendar(region: region, changes: changes, closures: closures)
    }
}
