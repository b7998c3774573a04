import Testing
@testable import RedressCalendar

@Suite struct EasterTests {
    // Published Easter Sundays (domain.md section 6, cross-checked there against dateutil), plus
    // the extremes of the Gregorian range of Easter: 22 March and 25 April.
    @Test(arguments: [
        (1995, "1995-04-16"), (2000, "2000-04-23"), (2008, "2008-03-23"), (2011, "2011-04-24"),
        (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"),
        (2028, "2028-04-16"), (2029, "2029-04-01"), (2030, "2030-04-21"), (2031, "2031-04-13"),
        (2032, "2032-03-28"), (2033, "2033-04-17"), (2034, "2034-04-09"), (2035, "2035-03-25"),
        (2038, "2038-04-25"), (2285, "2285-03-22"),
    ])
    func easterSunday(year: Int, expected: String) {
        #expect(Easter.sunday(year: year).description == expected)
        #expect(Easter.sunday(year: year).weekday == .sunday)
    }
}
