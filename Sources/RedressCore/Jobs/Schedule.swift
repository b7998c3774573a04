import RedressCalendar

/// When a scheduled job is due. Every form names the days it falls on, so a run can be caught up
/// date by date: `occurrences(after:through:calendar:)` lists the due dates in an interval.
public enum Schedule: Hashable, Sendable, CustomStringConvertible {
    /// Every calendar day.
    case daily
    /// Every week on this weekday.
    case weekly(Weekday)
    /// Every month on this day (1–31); a day past the end of a shorter month falls on its last day.
    case monthly(day: Int)
    /// On this day (1–31) of January, April, July and October (the first days of the calendar
    /// and financial quarters alike).
    case quarterly(day: Int)
    /// Every year on this month and day; 29 February falls on 28 February in a common year.
    case yearly(month: Int, day: Int)
    /// On `from` (rolled forward to a working day), then every `n`th working day after it.
    case everyWorkingDays(Int, from: LocalDate)

    /// The longest gap between two due dates, in calendar days, with room to spare: how far
    /// `latest` and `next` look.
    var horizon: Int {
        switch self {
        case .daily: 1
        case .weekly: 7
        case .monthly: 31
        case .quarterly: 92
        case .yearly: 366
        case .everyWorkingDays(let n, _): n * 7 / 5 + 30
        }
    }

    /// Whether the job is due on `date`. Only `everyWorkingDays` needs the calendar.
    public func isDue(on date: LocalDate, calendar: WorkingDayCalendar) throws(CalendarError) -> Bool {
        switch self {
        case .daily:
            return true
        case .weekly(let weekday):
            return date.weekday == weekday
        case .monthly(let day):
            return date.day == min(day, LocalDate.daysInMonth(year: date.year, month: date.month))
        case .quarterly(let day):
            return date.month % 3 == 1 && date.day == min(day, LocalDate.daysInMonth(year: date.year, month: date.month))
        case .yearly(let month, let day):
            return date.month == month && date.day == min(day, LocalDate.daysInMonth(year: date.year, month: month))
        case .everyWorkingDays(let n, let from):
            let start = try calendar.addWorkingDays(from, 0)
            guard date >= start, try calendar.isWorkingDay(date) else { return false }
            return try calendar.workingDaysBetween(start, date) % n == 0
        }
    }

    /// The due dates after `start` (not counted) up to and including `end`, oldest first.
    public func occurrences(after start: LocalDate, through end: LocalDate,
                            calendar: WorkingDayCalendar) throws(CalendarError) -> [LocalDate] {
        var dates: [LocalDate] = []
        var day = start.offset(days: 1)
        while day <= end {
            if try isDue(on: day, calendar: calendar) { dates.append(day) }
            day = day.offset(days: 1)
        }
        return dates
    }

    /// The last due date on or before `date`, or nil when there is none (before the start of
    /// an `everyWorkingDays` schedule).
    public func latest(onOrBefore date: LocalDate, calendar: WorkingDayCalendar) throws(CalendarError) -> LocalDate? {
        for back in 0...horizon {
            let day = date.offset(days: -back)
            if case .everyWorkingDays(_, let from) = self, day < from { return nil }
            if try isDue(on: day, calendar: calendar) { return day }
        }
        return nil
    }

    /// The first due date after `date`, or nil past the calendar's last year.
    public func next(after date: LocalDate, calendar: WorkingDayCalendar) throws(CalendarError) -> LocalDate? {
        for ahead in 1...horizon {
            let day = date.offset(days: ahead)
            guard calendar.covers(day) else { return nil }
            if try isDue(on: day, calendar: calendar) { return day }
        }
        return nil
    }

    public var description: String {
        switch self {
        case .daily: "daily"
        case .weekly(let weekday): "weekly on \(weekday)"
        case .monthly(let day): "monthly on day \(day)"
        case .quarterly(let day): "quarterly on day \(day) of January, April, July and October"
        case .yearly(let month, let day): "yearly on \(day) \(Schedule.monthNames[month - 1])"
        case .everyWorkingDays(1, _): "every working day"
        case .everyWorkingDays(let n, let from): "every \(n) working days from \(from)"
        }
    }

    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                    "September", "October", "November", "December"]
}

extension WorkingDayCalendar {
    /// Whether `date` lies in the years the calendar answers for.
    public func covers(_ date: LocalDate) -> Bool {
        date >= first && date <= last
    }
}
