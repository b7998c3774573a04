import Foundation
import RedressCalendar
import Testing
@testable import RedressCore

@Suite struct HolidayDataTests {
    /// One source of truth: the one-off changes are built into RedressCalendar, and the file
    /// Redress ships (and reads first) is only for local changes, so it repeats none of them.
    @Test func theShippedChangeFileHoldsNoChange() throws {
        let data = try HolidayData.load(files: [TestData.bundledChanges])
        #expect(data.changes.isEmpty)
        #expect(data.files == [TestData.bundledChanges])
    }

    // GOV.UK: Monday 19 September 2022, the state funeral, was a bank holiday; the user's file
    // adds an imaginary one, read after the built-in table.
    @Test func aLoadedFileAddsToTheBuiltInChanges() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("holiday-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let mine = folder.appendingPathComponent("mine.txt").path
        try "2027-06-07  england-and-wales  add  Imaginary jubilee\n".write(toFile: mine, atomically: true, encoding: .utf8)

        let calendar = try HolidayData.load(files: [TestData.bundledChanges, mine]).calendar(.englandAndWales)
        #expect(try calendar.holiday(on: TestData.date("2027-06-07"))?.name == "Imaginary jubilee")
        #expect(try calendar.holiday(on: TestData.date("2022-09-19"))?.name == "Bank Holiday for the State Funeral of Queen Elizabeth II")
        #expect(calendar.version != (try WorkingDayCalendar(region: .englandAndWales)).version)
    }
}
