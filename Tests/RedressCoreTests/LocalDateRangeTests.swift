import Testing
@testable import RedressCalendar
@testable import RedressCore

/// Date arithmetic stays within 0001–9999 and never traps, whatever amount it is given; the
/// calendar's working-day arithmetic stays within 1995–2100; a duration is bounded per unit.
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

    @Test func aDurationLongerThanAPolicyCouldMeanIsRefusedAndDueDatesNeverTrap() throws {
        #expect(Duration(checked: 2600, .workingDays) != nil)
        #expect(Duration(checked: 2601, .workingDays) == nil)
        #expect(Duration(checked: 3650, .days) != nil && Duration(checked: 3651, .days) == nil)
        #expect(Duration(checked: 520, .weeks) != nil && Duration(checked: 521, .weeks) == nil)
        #expect(Duration(checked: 120, .months) != nil && Duration(checked: 121, .months) == nil)
        #expect(Duration(checked: -1, .days) == nil)
        #expect(Duration.refusal(Int.max, given: String(Int.max), .workingDays)
            == "expected at most 2600 working days (about ten years), got 9223372036854775807")

        // Even an unchecked duration (one read back from an old store) gives an error, not a trap.
        let calendar = TestData.calendar(.englandAndWales)
        let start = try LocalDate(iso: "2026-01-01")
        for unit in Duration.Unit.allCases {
            #expect(throws: CalendarError.self) { try Duration(Int.max, unit).due(from: start, calendar: calendar) }
        }
        #expect(throws: CalendarError.dateOutOfRange(DateRangeError(start: try LocalDate(iso: "9999-12-30"), amount: 2, unit: "days"))) {
            try Duration(2, .days).due(from: try LocalDate(iso: "9999-12-30"), calendar: calendar)
        }
    }

    @Test func asOfMustBeInTheCalendarsYears() throws {
        #expect(WorkingDayCalendar.refusal(asOf: try LocalDate(iso: "1995-01-01")) == nil)
        #expect(WorkingDayCalendar.refusal(asOf: try LocalDate(iso: "2100-12-31")) == nil)
        #expect(WorkingDayCalendar.refusal(asOf: try LocalDate(iso: "1994-12-31")) == "1994-12-31 is outside the calendar's years 1995–2100")
        #expect(WorkingDayCalendar.refusal(asOf: try LocalDate(iso: "2101-01-01")) == "2101-01-01 is outside the calendar's years 1995–2100")
    }

    @Test func remedyAmountsAreBoundedSoTheirSumCannotOverflow() throws {
        let huge = RemedyOffer(items: [RemedyItem(kind: "apology", pence: Int.max, reason: "x"),
                                       RemedyItem(kind: "apology", pence: Int.max, reason: "x")])
        #expect(throws: InputError(field: "remedy.items[1].pence", message: "expected at most 1000000000 pence (£10,000,000), got 9223372036854775807")) {
            try huge.validated()
        }
        let offset = RemedyOffer(items: [RemedyItem(kind: "apology", pence: 100, reason: "x")], arrearsOffsetPence: Int.max)
        #expect(throws: InputError(field: "remedy.arrears_offset", message: "expected at most 1000000000 pence (£10,000,000), got 9223372036854775807")) {
            try offset.validated()
        }
        #expect(throws: Never.self) {
            try RemedyOffer(items: [RemedyItem(kind: "apology", pence: RemedyItem.maximumPence, reason: "x")]).validated()
        }
    }
}
