import RedressCalendar
import Testing
@testable import RedressCore

/// Due dates of each schedule form, across a year boundary and bank holidays. Expected dates are
/// worked by hand from GOV.UK's England and Wales bank holidays: Christmas Friday 25 December
/// 2026, Boxing Day substitute Monday 28 December, New Year's Day Friday 1 January 2027, Good
/// Friday 26 March and Easter Monday 29 March 2027.
@Suite struct ScheduleTests {
    let calendar = TestData.calendars[.englandAndWales]!
    func date(_ text: String) -> LocalDate { TestData.date(text) }
    func dates(_ texts: String...) -> [LocalDate] { texts.map(date) }

    @Test func everyWorkingDaySkipsChristmasAndNewYear() throws {
        let schedule = Schedule.everyWorkingDays(1, from: date("1995-01-02"))
        #expect(try schedule.occurrences(after: date("2026-12-22"), through: date("2027-01-05"), calendar: calendar)
                == dates("2026-12-23", "2026-12-24", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-04", "2027-01-05"))
        // From Christmas Eve the next is Tuesday 29 December; on a bank holiday the latest is the day before.
        #expect(try schedule.next(after: date("2026-12-24"), calendar: calendar) == date("2026-12-29"))
        #expect(try schedule.latest(onOrBefore: date("2027-01-01"), calendar: calendar) == date("2026-12-31"))
    }

    @Test func everyFiveWorkingDaysCountsFromItsFirstDate() throws {
        // From Monday 21 December 2026: 22, 23, 24, 29, 30 → Wed 30 Dec; 31, 4, 5, 6, 7 → Thu 7 Jan.
        let schedule = Schedule.everyWorkingDays(5, from: date("2026-12-21"))
        #expect(try schedule.occurrences(after: date("2026-12-01"), through: date("2027-01-14"), calendar: calendar)
                == dates("2026-12-21", "2026-12-30", "2027-01-07", "2027-01-14"))
        // A first date on a bank holiday rolls forward: Good Friday 26 March 2027 → Tuesday 30 March.
        let easter = Schedule.everyWorkingDays(2, from: date("2027-03-26"))
        #expect(try easter.occurrences(after: date("2027-03-20"), through: date("2027-04-05"), calendar: calendar)
                == dates("2027-03-30", "2027-04-01", "2027-04-05"))
        #expect(try easter.latest(onOrBefore: date("2027-03-29"), calendar: calendar) == nil)
    }

    @Test func calendarFormsIgnoreHolidays() throws {
        // Weekly on Monday falls on the Boxing Day substitute too: a weekly job is not a working-day job.
        #expect(try Schedule.weekly(.monday).occurrences(after: date("2026-12-21"), through: date("2027-01-11"), calendar: calendar)
                == dates("2026-12-28", "2027-01-04", "2027-01-11"))
        #expect(try Schedule.daily.occurrences(after: date("2026-12-30"), through: date("2027-01-02"), calendar: calendar)
                == dates("2026-12-31", "2027-01-01", "2027-01-02"))
    }

    @Test func monthlyQuarterlyAndYearlyClampToTheMonthsEnd() throws {
        #expect(try Schedule.monthly(day: 31).occurrences(after: date("2027-01-01"), through: date("2027-05-01"), calendar: calendar)
                == dates("2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"))
        #expect(try Schedule.quarterly(day: 1).occurrences(after: date("2026-11-01"), through: date("2027-10-01"), calendar: calendar)
                == dates("2027-01-01", "2027-04-01", "2027-07-01", "2027-10-01"))
        // 29 February: the 28th in a common year, the 29th in a leap year.
        #expect(try Schedule.yearly(month: 2, day: 29).occurrences(after: date("2026-12-31"), through: date("2028-12-31"), calendar: calendar)
                == dates("2027-02-28", "2028-02-29"))
        #expect(try Schedule.yearly(month: 4, day: 1).latest(onOrBefore: date("2027-03-31"), calendar: calendar) == date("2026-04-01"))
        #expect(try Schedule.quarterly(day: 1).next(after: date("2026-12-22"), calendar: calendar) == date("2027-01-01"))
    }

    @Test func descriptionsSayWhen() {
        #expect(Schedule.weekly(.monday).description == "weekly on Monday")
        #expect(Schedule.yearly(month: 4, day: 1).description == "yearly on 1 April")
        #expect(Schedule.everyWorkingDays(1, from: date("1995-01-02")).description == "every working day")
        #expect(Schedule.everyWorkingDays(5, from: date("2026-01-05")).description == "every 5 working days from 2026-01-05")
    }
}
