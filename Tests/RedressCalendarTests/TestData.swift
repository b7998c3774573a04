import Foundation
import RedressCalendar

/// Paths and shared fixtures for the calendar tests. Fixtures are published data (see
/// Fixtures/make-fixtures.py), never output of the code under test.
enum TestData {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The calendar as the library gives it to any program: built-in changes, no file.
    static func calendar(_ region: Region, closures: [Holiday] = []) -> WorkingDayCalendar {
        try! WorkingDayCalendar(region: region, closures: closures)
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
