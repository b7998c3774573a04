import Foundation
import RedressCalendar
import RedressCore

/// Paths and shared data for the core tests. The calendar's own tests and their published
/// fixtures are in RedressCalendarTests.
enum TestData {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let bundledChanges = repository.appendingPathComponent("Scripts/calendar/uk-bank-holiday-changes.txt").path

    /// The installation's change file, read as the product reads it (the built-in changes come
    /// from RedressCalendar).
    static let holidayData: HolidayData = try! HolidayData.load(files: [bundledChanges])

    static func calendar(_ region: Region, closures: [Holiday] = []) -> WorkingDayCalendar {
        try! holidayData.calendar(region, closures: closures)
    }

    static let calendars: [Region: WorkingDayCalendar] = Dictionary(
        uniqueKeysWithValues: Region.allCases.map { ($0, calendar($0)) })

    static func date(_ text: String) -> LocalDate {
        try! LocalDate(iso: text)
    }
}
