import Testing
@testable import RedressCalendar
@testable import RedressCore

@Suite struct HolidayChangeTests {
    @Test func parsesTheBundledTable() throws {
        let changes = TestData.holidayData.changes
        #expect(changes.count == 18)
        #expect(changes.contains { $0.date.description == "2026-06-15" && $0.regions == [.scotland] && $0.action == .add })
    }

    @Test(arguments: [
        ("2026-02-30  all  add  X", "f.txt:1: invalid date '2026-02-30': February 2026 has 28 days"),
        ("2026-06-15  wales  add  X", "f.txt:1: unknown region 'wales' (expected all, or some of: england-and-wales, scotland, northern-ireland)"),
        ("2026-06-15  all  move  X", "f.txt:1: unknown change 'move' (expected add or remove)"),
        ("2026-06-13  all  add  X", "f.txt:1: 2026-06-13 is a Saturday: a bank-holiday change must fall on a weekday"),
        ("2026-06-15  all  add", "f.txt:1: expected 'DATE REGIONS add|remove NAME', got '2026-06-15  all  add'"),
    ])
    func refusesBadLinesNamingFileAndLine(line: String, message: String) {
        do {
            _ = try HolidayChange.parse(line, source: "f.txt")
            Issue.record("accepted \(line)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func aUserFileAddsTheNextProclaimedHolidayAndCanRemoveOne() throws {
        let user = try HolidayChange.parse("""
            # a proclamation the bundled table does not know yet
            2027-06-07  england-and-wales,northern-ireland  add  Imaginary jubilee
            2027-05-31  all  remove  Spring bank holiday
            """, source: "mine.txt")
        let calendar = try WorkingDayCalendar(region: .englandAndWales, changes: TestData.holidayData.changes + user)
        #expect(try !calendar.isWorkingDay(TestData.date("2027-06-07")))
        #expect(try calendar.isWorkingDay(TestData.date("2027-05-31")))
        let scotland = try WorkingDayCalendar(region: .scotland, changes: TestData.holidayData.changes + user)
        #expect(try scotland.isWorkingDay(TestData.date("2027-06-07")))
    }

    @Test func removingADayThatIsNotAHolidayIsAnError() throws {
        let user = try HolidayChange.parse("2027-06-08  scotland  remove  Nothing", source: "mine.txt")
        #expect(throws: CalendarError.invalidChange(origin: "mine.txt:1", message: "2027-06-08 is not a bank holiday in scotland, so it cannot be removed")) {
            try WorkingDayCalendar(region: .scotland, changes: user)
        }
    }
}
