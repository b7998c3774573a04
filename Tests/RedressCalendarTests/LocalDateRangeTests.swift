import Testing
@testable import RedressCalendar

/// Date arithmetic stays within 0001–9999 and never traps, whatever amount it is given; the
/// calendar's working-day arithmetic stays within 1995–2100.
@Suite struct LocalDateRangeTests {
    static let extremes = [Int.max, Int.min, Int.max / 2, Int.min / 2, 1 << 59, 1 << 58, -(1 << 58), 3_652_059, -3_652_059]

    @Test(arguments: extremes)
    func addingAnyAmountThrowsInsteadOfTrapping(amount: Int) throws {
        let date = try LocalDate(iso: "2026-01-01")
        #expect(throws: DateRangeError(start: date, amount: amount, unit: "days")) { try date.adding(days: amount) }
        #expect(throws: DateRangeError(start: date, amount: amount, unit: "weeks")) { try date.adding(weeks: amount) }
        #expect(throws: DateRangeError(start: date, amount: amount, unit: "months")) { try date.adding(months: amount) }
        #expect(throws: DateRangeError(start: date, amount: amount, unit: "years")) { try date.adding(years: amount) }
    }

    @Test func theMessageNamesTheStartTheAmountAndTheRange() throws {
        let date = try LocalDate(iso: "2026-01-01")
        #expect(throws: DateRangeError.self) { try date.adding(days: Int.max) }
        do {
            _ = try date.adding(days: Int.max)
        } catch {
            #expect(error.description == "2026-01-01 + 9223372036854775807 days is outside 0001-01-01 to 9999-12-31")
        }
    }

    @Test func theEdgesOfTheISORangeAreReachableAndNoFurther() throws {
        let last = try LocalDate(iso: "9999-12-31"), first = try LocalDate(iso: "0001-01-01")
        #expect(try last.adding(days: 0) == last)
        #expect(throws: DateRangeError.self) { try last.adding(days: 1) }
        #expect(throws: DateRangeError.self) { try first.adding(days: -1) }
        #expect(try first.adding(days: last.dayNumber - first.dayNumber) == last)
        #expect(try LocalDate(iso: "9999-11-30").adding(months: 1).description == "9999-12-30")
        #expect(throws: DateRangeError.self) { try LocalDate(iso: "9999-12-01").adding(months: 1) }
        #expect(try LocalDate(iso: "0001-02-28").adding(months: -1).description == "0001-01-28")
        #expect(throws: DateRangeError.self) { try LocalDate(iso: "0001-12-31").adding(years: -1) }
        #expect(try LocalDate(iso: "0004-02-29").adding(years: 9995).description == "9999-02-28")
        #expect(throws: DateRangeError.self) { try LocalDate(iso: "2026-01-01").adding(weeks: 417_000) }
    }

    @Test func partsOfAnImpossibleDateAreReportedWithoutTrapping() {
        #expect(throws: DateError.self) { try LocalDate(year: Int.min, month: 1, day: 1) }
        #expect(throws: DateError.self) { try LocalDate(year: Int.max, month: Int.min, day: Int.min) }
    }

    // GOV.UK, https://www.gov.uk/bank-holidays (England and Wales): Christmas Day 2026 is Friday
    // 25 December, Boxing Day (substitute day) Monday 28 December, New Year's Day 2027 Friday
    // 1 January. The last working days of the calendar's years are counted up to, not past.
    @Test func workingDayCountsBeyondTheCalendarAreRefusedNotTrapped() throws {
        let calendar = TestData.calendar(.englandAndWales)
        let start = try LocalDate(iso: "2026-12-22")
        #expect(try calendar.addWorkingDays(start, 5).description == "2026-12-31")
        #expect(try calendar.addWorkingDays(start, 6).description == "2027-01-04")
        for n in [Int.max, Int.min, Int.max - 1, Int.min + 1, 1 << 62] {
            #expect(throws: CalendarError.resultOutOfRange(from: start, workingDays: n, first: calendar.first, last: calendar.last)) {
                try calendar.addWorkingDays(start, n)
            }
        }
    }

    @Test func asOfMustBeInTheCalendarsYears() throws {
        #expect(WorkingDayCalendar.refusal(asOf: try LocalDate(iso: "1995-01-01")) == nil)
        #expect(WorkingDayCalendar.refusal(asOf: try LocalDate(iso: "2100-12-31")) == nil)
        #expect(WorkingDayCalendar.refusal(asOf: try LocalDate(iso: "1994-12-31")) == "1994-12-31 is outside the calendar's years 1995–2100")
        #expect(WorkingDayCalendar.refusal(asOf: try LocalDate(iso: "2101-01-01")) == "2101-01-01 is outside the calendar's years 1995–2100")
    }
}
