extension HolidayChange {
    /// Every one-off change to UK bank holidays from 1995 to this release, on top of the standing
    /// rules (Banking and Financial Dealings Act 1971 Sch 1, the annual proclamations, the St
    /// Andrew's Day Bank Holiday (Scotland) Act 2007): moved days, jubilees, the royal wedding,
    /// the millennium, the 2022 state funeral, the 2023 coronation, Scotland's 15 June 2026.
    ///
    /// This table is the one source of these dates. Every `WorkingDayCalendar` applies it before
    /// the changes it is given, so a program that depends on the library gets the published
    /// calendar with no file to find. A holiday proclaimed after the release is a change of the
    /// user's own (`HolidayChange.parse` of a file, or a value), passed to the calendar; the next
    /// release adds it here.
    ///
    /// Sources: GOV.UK's bank-holidays.json for 2012 on, London Gazette proclamations, the PyPI
    /// `holidays` package for earlier years (research/domain.md section 5.4). The tests compare
    /// the resulting calendars with GOV.UK's dates for 2012–2028 and `holidays` for 1995–2100.
    public static let unitedKingdom: [HolidayChange] = [
        // 1995: VE Day 50th anniversary. Early May moved from Mon 1 May to Mon 8 May.
        uk(1995, 5, 1, .remove, "Early May bank holiday"),
        uk(1995, 5, 8, .add, "Early May bank holiday (VE Day)"),

        // 1999: Millennium. Extra day Fri 31 Dec (the 2000 New Year substitutes follow the rules).
        uk(1999, 12, 31, .add, "Millennium celebrations"),

        // 2002: Golden Jubilee. Extra day Mon 3 June; Spring moved from Mon 27 May to Tue 4 June.
        uk(2002, 5, 27, .remove, "Spring bank holiday"),
        uk(2002, 6, 3, .add, "Golden Jubilee bank holiday"),
        uk(2002, 6, 4, .add, "Spring bank holiday"),

        // 2011: Royal Wedding. Extra day Fri 29 April.
        uk(2011, 4, 29, .add, "Royal wedding"),

        // 2012: Diamond Jubilee. Spring moved from Mon 28 May to Mon 4 June; extra day Tue 5 June.
        uk(2012, 5, 28, .remove, "Spring bank holiday"),
        uk(2012, 6, 4, .add, "Spring bank holiday (substitute day)"),
        uk(2012, 6, 5, .add, "Queen’s Diamond Jubilee (extra bank holiday)"),

        // 2020: VE Day 75th anniversary. Early May moved from Mon 4 May to Fri 8 May (London
        // Gazette notice 3326938).
        uk(2020, 5, 4, .remove, "Early May bank holiday"),
        uk(2020, 5, 8, .add, "Early May bank holiday (VE day)"),

        // 2022: Platinum Jubilee. Spring moved from Mon 30 May to Thu 2 June; extra day Fri 3 June.
        uk(2022, 5, 30, .remove, "Spring bank holiday"),
        uk(2022, 6, 2, .add, "Spring bank holiday"),
        uk(2022, 6, 3, .add, "Platinum Jubilee bank holiday"),
        // 2022: State Funeral of Queen Elizabeth II, Mon 19 September.
        uk(2022, 9, 19, .add, "Bank Holiday for the State Funeral of Queen Elizabeth II"),

        // 2023: Coronation of King Charles III, Mon 8 May.
        uk(2023, 5, 8, .add, "Bank holiday for the coronation of King Charles III"),

        // 2026: Scotland at the FIFA World Cup, Mon 15 June, Scotland only (Royal Proclamation
        // under s1(3) of the 1971 Act, announced 4–5 February 2026).
        uk(2026, 6, 15, .add, "FIFA World Cup bank holiday", in: [.scotland]),
    ]

    /// One entry of the table. The date is unchecked here: the tests check every entry against
    /// the published calendars.
    private static func uk(_ year: Int, _ month: Int, _ day: Int, _ action: Action, _ name: String,
                           in regions: [Region] = Region.allCases) -> HolidayChange {
        HolidayChange(date: LocalDate(dayNumber: LocalDate.dayNumber(year: year, month: month, day: day)),
                      regions: regions, action: action, name: name,
                      origin: "RedressCalendar's table of UK changes (\(year))")
    }
}
