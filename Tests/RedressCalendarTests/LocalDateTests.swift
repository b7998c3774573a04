import Testing
@testable import RedressCalendar

@Suite struct LocalDateTests {
    @Test func parsesStrictISO() throws {
        let date = try LocalDate(iso: "2026-12-22")
        #expect(date.parts == (2026, 12, 22))
        #expect(date.description == "2026-12-22")
        #expect(try LocalDate(iso: "2024-02-29").day == 29)
        #expect(try LocalDate(iso: "2000-02-29").day == 29)
    }

    @Test(arguments: [
        ("2026-02-30", "February 2026 has 28 days"),
        ("2026-13-01", "month 13 is not between 1 and 12"),
        ("2026-00-10", "month 0 is not between 1 and 12"),
        ("2026-04-31", "April 2026 has 30 days"),
        ("2023-02-29", "February 2023 has 28 days"),
        ("1900-02-29", "February 1900 has 28 days"),
        ("0000-01-01", "year 0 is outside 0001–9999"),
        ("26-1-1", "expected YYYY-MM-DD"),
        ("2026-1-01", "expected YYYY-MM-DD"),
        ("", "expected YYYY-MM-DD"),
        ("tomorrow", "expected YYYY-MM-DD"),
        (" 2026-01-01", "expected YYYY-MM-DD"),
        ("2026-01-01T00:00", "expected YYYY-MM-DD"),
        ("2026/01/01", "expected YYYY-MM-DD"),
        ("+026-01-01", "expected YYYY-MM-DD"),
        ("２026-01-01", "expected YYYY-MM-DD"),
    ])
    func rejectsBadText(text: String, reason: String) {
        #expect(throws: DateError(text: text, reason: reason)) { try LocalDate(iso: text) }
        do {
            _ = try LocalDate(iso: text)
        } catch {
            #expect(error.description == "invalid date '\(text)'")
        }
    }

    @Test func weekdays() throws {
        #expect(try LocalDate(iso: "1970-01-01").weekday == .thursday)
        #expect(try LocalDate(iso: "1969-12-31").weekday == .wednesday)
        #expect(try LocalDate(iso: "2000-01-01").weekday == .saturday)
        #expect(try LocalDate(iso: "2026-12-22").weekday == .tuesday)
        #expect(try LocalDate(iso: "2026-12-25").weekday == .friday)
        #expect(try LocalDate(iso: "1995-01-01").weekday == .sunday)
        #expect(try LocalDate(iso: "2026-12-26").isWeekend)
        #expect(try !LocalDate(iso: "2026-12-28").isWeekend)
    }

    @Test func dayNumbersRoundTripThroughText() throws {
        // Every day from 1600 to 2400: parts → day number → text → parse gives the same day,
        // and consecutive day numbers are consecutive calendar days.
        var previous = LocalDate(dayNumber: LocalDate.dayNumber(year: 1599, month: 12, day: 31))
        let end = LocalDate.dayNumber(year: 2400, month: 12, day: 31)
        while previous.dayNumber < end {
            let date = try previous.adding(days: 1)
            let (y, m, d) = date.parts
            let (py, pm, pd) = previous.parts
            let advancedCorrectly = (y == py && m == pm && d == pd + 1)
                || (y == py && m == pm + 1 && d == 1 && pd == LocalDate.daysInMonth(year: py, month: pm))
                || (y == py + 1 && m == 1 && d == 1 && pm == 12 && pd == 31)
            if !advancedCorrectly { Issue.record("\(previous) → \(date)"); return }
            if try LocalDate(iso: date.description) != date { Issue.record("round trip \(date)"); return }
            previous = date
        }
    }

    @Test func addsDaysAndWeeks() throws {
        let date = try LocalDate(iso: "2026-12-22")
        #expect(try date.adding(days: 10).description == "2027-01-01")
        #expect(try date.adding(days: -22).description == "2026-11-30")
        #expect(try date.adding(weeks: 2).description == "2027-01-05")
        #expect(try date.adding(weeks: -1).description == "2026-12-15")
        #expect(date.days(to: try LocalDate(iso: "2027-01-01")) == 10)
        #expect(try LocalDate(iso: "2027-01-01").days(to: date) == -10)
    }

    @Test(arguments: [
        ("2026-01-31", 1, "2026-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2026-03-31", 1, "2026-04-30"),
        ("2026-03-31", -1, "2026-02-28"),
        ("2026-12-15", 1, "2027-01-15"),
        ("2026-01-15", -1, "2025-12-15"),
        ("2026-01-15", -13, "2024-12-15"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2026-05-31", 6, "2026-11-30"),
        ("2026-05-31", 0, "2026-05-31"),
        ("2026-10-23", -6, "2026-04-23"),
    ])
    func addsMonthsClampingToMonthEnd(start: String, months: Int, expected: String) throws {
        #expect(try LocalDate(iso: start).adding(months: months).description == expected)
    }

    @Test func comparesByDay() throws {
        #expect(try LocalDate(iso: "2026-12-22") < LocalDate(iso: "2026-12-23"))
        #expect(try LocalDate(iso: "2026-12-22") == LocalDate(year: 2026, month: 12, day: 22))
    }
}
