import Foundation
import RedressCalendar
import RedressCore

/// Paths and shared fixtures for the core tests. Fixtures are published data (see
/// Fixtures/make-fixtures.py), never output of the code under test.
enum TestData {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let bundledChanges = repository.appendingPathComponent("Scripts/calendar/uk-bank-holiday-changes.txt").path

    /// The bundled one-off changes, as the product ships them.
    static let holidayData: HolidayData = try! HolidayData.load(files: [bundledChanges])

    static func calendar(_ region: Region, closures: [Holiday] = []) -> WorkingDayCalendar {
        try! holidayData.calendar(region, closures: closures)
    }

    static let calendars: [Region: WorkingDayCalendar] = Dictionary(
        uniqueKeysWithValues: Region.allCases.map { ($0, calendar($0)) })

    static func date(_ text: String) -> LocalDate {
        try! LocalDate(iso: text)
    }

    static func json(_ name: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: fixtures.appendingPathComponent(name)))
    }
}
