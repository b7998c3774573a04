import Testing
@testable import RedressCalendar

@Suite struct HolidayChangeTests {
    // research/domain.md 5.4 and GOV.UK: the one-off changes since 1995, as the library carries
    // them (the calendars they make are compared with GOV.UK's and `holidays`' in full in
    // WorkingDayCalendarTests).
    @Test func theBuiltInTableHoldsEveryOneOffChangeSince1995() throws {
        let changes = HolidayChange.unitedKingdom
        #expect(changes.count == 18)
        #expect(changes.filter { $0.action == .remove }.map(\.date.description)
            == ["1995-05-01", "2002-05-27", "2012-05-28", "2020-05-04", "2022-05-30"])
        let everywhere = [
            ("2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II"),
            ("2023-05-08", "Bank holiday for the coronation of King Charles III"),
            ("2022-06-03", "Platinum Jubilee bank holiday"),
            ("2011-04-29", "Royal wedding"),
            ("1999-12-31", "Millennium celebrations"),
        ]
        for (day, name) in everywhere {
            #expect(changes.contains { $0.date.description == day && $0.name == name && $0.action == .add && $0.regions == Region.allCases },
                    "\(day) \(name)")
        }
        #expect(changes.contains { $0.date.description == "2026-06-15" && $0.regions == [.scotland] && $0.action == .add })
        // What the parser demands of a file's line holds for the compiled-in table too.
        for change in changes {
            #expect(!change.date.isWeekend, "\(change.date) \(change.name)")
            #expect(WorkingDayCalendar.years.contains(change.date.year), "\(change.date)")
        }
    }

    @Test func theBuiltInTableAppliedTwiceIsRefusedNotDoubled() {
        // A program (or a file) that repeats the built-in changes gets an error naming the first
        // repeated removal, not a calendar that silently differs.
        #expect(throws: CalendarError.invalidChange(origin: "RedressCalendar's table of UK changes (1995)",
                                                    message: "1995-05-01 is not a bank holiday in england-and-wales, so it cannot be removed")) {
            try WorkingDayCalendar(region: .englandAndWales, changes: HolidayChange.unitedKingdom)
        }
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
            # a proclamation the built-in table does not know yet
            2027-06-07  england-and-wales,northern-ireland  add  Imaginary jubilee
            2027-05-31  all  remove  Spring bank holiday
            """, source: "mine.txt")
        let calendar = try WorkingDayCalendar(region: .englandAndWales, changes: user)
        #expect(try !calendar.isWorkingDay(TestData.date("2027-06-07")))
        #expect(try calendar.isWorkingDay(TestData.date("2027-05-31")))
        // The built-in changes still apply: the 2023 coronation stays a holiday.
        #expect(try !calendar.isWorkingDay(TestData.date("2023-05-08")))
        let scotland = try WorkingDayCalendar(region: .scotland, changes: user)
        #expect(try scotland.isWorkingDay(TestData.date("2027-06-07")))
    }

    @Test func aChangeMadeInCodeIsCheckedLikeALineOfAFile() throws {
        // Saturday 12 June 2027: a file's line saying so is refused by `parse`, and the same
        // change made as a value is refused by the calendar, naming its origin.
        let saturday = HolidayChange(date: TestData.date("2027-06-12"), regions: [.scotland], action: .add,
                                     name: "Imaginary", origin: "my program")
        #expect(throws: CalendarError.invalidChange(origin: "my program", message: "2027-06-12 is a Saturday: a bank-holiday change must fall on a weekday")) {
            try WorkingDayCalendar(region: .scotland, changes: [saturday])
        }
        let late = HolidayChange(date: TestData.date("2101-06-13"), regions: Region.allCases, action: .add,
                                 name: "Imaginary", origin: "my program")
        #expect(throws: CalendarError.invalidChange(origin: "my program", message: "2101-06-13 is outside the calendar's years 1995–2100")) {
            try WorkingDayCalendar(region: .englandAndWales, changes: [late])
        }
    }

    @Test func removingADayThatIsNotAHolidayIsAnError() throws {
        let user = try HolidayChange.parse("2027-06-08  scotland  remove  Nothing", source: "mine.txt")
        #expect(throws: CalendarError.invalidChange(origin: "mine.txt:1", message: "2027-06-08 is not a bank holiday in scotland, so it cannot be removed")) {
            try WorkingDayCalendar(region: .scotland, changes: user)
        }
    }
}
