/// The standing bank-holiday rules of each UK division (Banking and Financial Dealings Act 1971,
/// Schedule 1, the annual proclamations, and the St Andrew's Day Bank Holiday (Scotland) Act 2007),
/// with their substitute days. One-off changes (jubilees, moved days) are data, applied on top
/// by `WorkingDayCalendar` from a `HolidayChange` list.
enum BankHolidayRules {
    /// The standing bank holidays of `year` in `region`, weekdays only, in date order.
    static func standing(year: Int, region: Region) -> [Holiday] {
        var days: [Holiday] = []
        func on(_ month: Int, _ day: Int) -> LocalDate {
            LocalDate(dayNumber: LocalDate.dayNumber(year: year, month: month, day: day))
        }
        func add(_ date: LocalDate, _ name: String, substitute: Bool = false) {
            days.append(Holiday(date: date, name: substitute ? "\(name) (substitute day)" : name))
        }
        /// A single fixed day that moves to the following Monday when it falls at a weekend.
        func single(_ date: LocalDate, _ name: String) {
            let moved = nextWeekday(onOrAfter: date)
            add(moved, name, substitute: moved != date)
        }
        /// Two consecutive fixed days (25–26 December; 1–2 January in Scotland) get two distinct
        /// weekdays: a day that falls on a free weekday keeps it, then the others take the next
        /// free weekdays in order. So Christmas on a Sunday gives Boxing Day Monday 26 and
        /// Christmas (substitute) Tuesday 27, as GOV.UK publishes it.
        func pair(_ first: LocalDate, _ firstName: String, _ second: LocalDate, _ secondName: String) {
            var taken: [LocalDate] = []
            for (date, _) in [(first, firstName), (second, secondName)] where !date.isWeekend {
                taken.append(date)
            }
            for (date, name) in [(first, firstName), (second, secondName)] {
                if !date.isWeekend {
                    add(date, name)
                    continue
                }
                var moved = date
                while moved.isWeekend || taken.contains(moved) { moved = moved.offset(days: 1) }
                taken.append(moved)
                add(moved, name, substitute: true)
            }
        }

        let easter = Easter.sunday(year: year)
        if region == .scotland {
            pair(on(1, 1), "New Year’s Day", on(1, 2), "2nd January")
        } else {
            single(on(1, 1), "New Year’s Day")
        }
        if region == .northernIreland {
            single(on(3, 17), "St Patrick’s Day")
        }
        add(easter.offset(days: -2), "Good Friday")
        if region != .scotland {
            add(easter.offset(days: 1), "Easter Monday")
        }
        add(firstMonday(year: year, month: 5), "Early May bank holiday")
        add(lastMonday(year: year, month: 5), "Spring bank holiday")
        if region == .northernIreland {
            single(on(7, 12), "Battle of the Boyne (Orangemen’s Day)")
        }
        if region == .scotland {
            add(firstMonday(year: year, month: 8), "Summer bank holiday")
        } else {
            add(lastMonday(year: year, month: 8), "Summer bank holiday")
        }
        // The 2007 Act commenced on 16 January 2007; 30 November 2006 was not a bank holiday.
        if region == .scotland && year >= 2007 {
            single(on(11, 30), "St Andrew’s Day")
        }
        pair(on(12, 25), "Christmas Day", on(12, 26), "Boxing Day")
        return days.sorted { $0.date < $1.date }
    }

    static func nextWeekday(onOrAfter date: LocalDate) -> LocalDate {
        switch date.weekday {
        case .saturday: date.offset(days: 2)
        case .sunday: date.offset(days: 1)
        default: date
        }
    }

    static func firstMonday(year: Int, month: Int) -> LocalDate {
        let first = LocalDate(dayNumber: LocalDate.dayNumber(year: year, month: month, day: 1))
        return first.offset(days: (8 - first.weekday.rawValue) % 7)
    }

    static func lastMonday(year: Int, month: Int) -> LocalDate {
        let last = LocalDate(dayNumber: LocalDate.dayNumber(
            year: year, month: month, day: LocalDate.daysInMonth(year: year, month: month)))
        return last.offset(days: -((last.weekday.rawValue - 1) % 7))
    }
}
