/// A region's working days: Monday to Friday, less its bank holidays and the organisation's
/// closure days, over 1995-01-01 to 2100-12-31 (the years its rules are known to be right for).
///
/// Built once from the standing rules, the one-off changes and the closures, it keeps a
/// working-day index so that every question is O(1): `rank[i]` is the number of working days
/// before day `i` of the range, and `workdays[k]` is the day of the k-th working day.
///
/// The counting convention (DESIGN.md): "within N working days of X" rolls X forward to a working
/// day and counts N working days after it, as `numpy.busday_offset(X, N, roll='forward')` does;
/// N = 0 gives the rolled date; a negative N rolls X backward and counts back.
///
/// The calendar is immutable and `Sendable`: a new proclamation or closure means a new calendar,
/// whose `version` differs, never a global that changes under a running deadline.
public final class WorkingDayCalendar: Sendable {
    /// The first and last years the calendar answers for.
    public static let years = 1995...2100

    /// Why `date` cannot be a run's "today" (`--as-of`, `.asof`): every view, job and deadline
    /// counts working days from it, so it must lie within `years`. Nil when it can.
    public static func refusal(asOf date: LocalDate) -> String? {
        guard !years.contains(date.year) else { return nil }
        return "\(date) is outside the calendar's years \(years.lowerBound)–\(years.upperBound)"
    }

    /// The region whose bank holidays the calendar has.
    public let region: Region
    /// The first date the calendar answers for, 1995-01-01.
    public let first: LocalDate
    /// The last date the calendar answers for, 2100-12-31.
    public let last: LocalDate
    /// A short content hash of the region and every non-working weekday, recorded beside due
    /// dates so a later reader knows which calendar produced them.
    public let version: String

    /// Non-working weekdays (bank holidays and closures), in date order.
    private let nonWorkingDays: [Holiday]
    /// `rank[i]`: working days strictly before day `first + i`; one entry more than the days.
    @usableFromInline let rank: ContiguousArray<Int32>
    /// `workdays[k]`: offset from `first` of the k-th working day.
    @usableFromInline let workdays: ContiguousArray<Int32>

    /// Builds the calendar of `region` as published: its standing rules, then the one-off changes
    /// built into the library (`HolidayChange.unitedKingdom`), then `changes` in order (later
    /// changes win), then the organisation's `closures`.
    ///
    /// `changes` are only what the built-in table does not know: a holiday proclaimed after this
    /// release, or one cancelled. With none, the calendar is the UK's as GOV.UK publishes it:
    ///
    ///     let calendar = try WorkingDayCalendar(region: .englandAndWales)
    ///     try calendar.addWorkingDays(LocalDate(iso: "2026-12-22"), 5)  // 2026-12-31
    ///
    /// - Throws: `CalendarError.invalidChange` when a `remove` names a day that is not a bank
    ///   holiday there (a change the built-in table already made, for one), or a change falls at
    ///   a weekend or outside the covered years; `.invalidClosure` for a closure day outside them.
    public init(region: Region, changes: [HolidayChange] = [], closures: [Holiday] = []) throws(CalendarError) {
        let first = LocalDate(dayNumber: LocalDate.dayNumber(year: Self.years.lowerBound, month: 1, day: 1))
        let last = LocalDate(dayNumber: LocalDate.dayNumber(year: Self.years.upperBound, month: 12, day: 31))
        var byDay: [Int: Holiday] = [:]
        for year in Self.years {
            for holiday in BankHolidayRules.standing(year: year, region: region) {
                byDay[holiday.date.dayNumber] = holiday
            }
        }
        for change in HolidayChange.unitedKingdom + changes where change.regions.contains(region) {
            guard change.date >= first, change.date <= last else {
                throw .invalidChange(origin: change.origin, message: "\(change.date) is outside the calendar's years \(Self.years.lowerBound)–\(Self.years.upperBound)")
            }
            guard !change.date.isWeekend else {
                throw .invalidChange(origin: change.origin, message: "\(change.date) is a \(change.date.weekday): a bank-holiday change must fall on a weekday")
            }
            switch change.action {
            case .add:
                byDay[change.date.dayNumber] = Holiday(date: change.date, name: change.name)
            case .remove:
                guard byDay.removeValue(forKey: change.date.dayNumber) != nil else {
                    throw .invalidChange(origin: change.origin, message: "\(change.date) is not a bank holiday in \(region), so it cannot be removed")
                }
            }
        }
        for closure in closures {
            guard closure.date >= first, closure.date <= last else {
                throw .invalidClosure("closure day \(closure.date) is outside the calendar's range \(first) to \(last)")
            }
            // A bank holiday keeps its own name; a weekend closure changes nothing.
            if byDay[closure.date.dayNumber] == nil && !closure.date.isWeekend {
                byDay[closure.date.dayNumber] = Holiday(date: closure.date, name: closure.name, kind: .closure)
            }
        }

        let dayCount = first.days(to: last) + 1
        var closed = [Bool](repeating: false, count: dayCount)
        for day in byDay.keys { closed[day - first.dayNumber] = true }
        var rank = ContiguousArray<Int32>(repeating: 0, count: dayCount + 1)
        var workdays = ContiguousArray<Int32>()
        workdays.reserveCapacity(dayCount * 5 / 7 + 1)
        var weekday = first.weekday.rawValue
        for offset in 0..<dayCount {
            rank[offset] = Int32(workdays.count)
            if weekday <= 5 && !closed[offset] {
                workdays.append(Int32(offset))
            }
            weekday = weekday == 7 ? 1 : weekday + 1
        }
        rank[dayCount] = Int32(workdays.count)

        let nonWorkingDays = byDay.values.sorted { $0.date < $1.date }
        self.region = region
        self.first = first
        self.last = last
        self.nonWorkingDays = nonWorkingDays
        self.rank = rank
        self.workdays = workdays
        self.version = Self.contentHash(region: region, days: nonWorkingDays)
    }

    // MARK: Questions

    /// True when `date` is Monday to Friday and neither a bank holiday nor a closure day.
    @inlinable
    public func isWorkingDay(_ date: LocalDate) throws(CalendarError) -> Bool {
        let offset = try index(of: date)
        return rankAt(offset + 1) > rankAt(offset)
    }

    /// The first working day strictly after `date`.
    public func nextWorkingDay(after date: LocalDate) throws(CalendarError) -> LocalDate {
        let offset = try index(of: date)
        return try workday(at: rankAt(offset + 1), from: date, count: 1)
    }

    /// The last working day strictly before `date`.
    public func previousWorkingDay(before date: LocalDate) throws(CalendarError) -> LocalDate {
        let offset = try index(of: date)
        return try workday(at: rankAt(offset) - 1, from: date, count: -1)
    }

    /// `n` working days after `date` rolled forward to a working day (`n` ≥ 0), or `-n` working
    /// days before `date` rolled backward (`n` < 0). Equal to
    /// `numpy.busday_offset(date, n, roll='forward')` for n ≥ 0 and `roll='backward'` for n < 0.
    @inlinable
    public func addWorkingDays(_ date: LocalDate, _ n: Int) throws(CalendarError) -> LocalDate {
        let offset = try index(of: date)
        var position = rankAt(offset)
        if n < 0 && rankAt(offset + 1) == position {
            position -= 1  // not a working day: roll backward to the previous one
        }
        // Any n that overflows is far outside the range anyway.
        let (target, overflow) = position.addingReportingOverflow(n)
        return try workday(at: overflow ? -1 : target, from: date, count: n)
    }

    /// Working days after `a` up to and including `b`; negative when `b` is before `a`.
    @inlinable
    public func workingDaysBetween(_ a: LocalDate, _ b: LocalDate) throws(CalendarError) -> Int {
        let from = try index(of: a)
        let to = try index(of: b)
        return rankAt(to + 1) - rankAt(from + 1)
    }

    /// The bank holidays and closure days of `year` that fall on weekdays, in date order; a
    /// standing day that falls at a weekend appears as its substitute.
    public func holidays(year: Int) throws(CalendarError) -> [Holiday] {
        guard Self.years.contains(year) else {
            throw .yearOutOfRange(year, first: Self.years.lowerBound, last: Self.years.upperBound)
        }
        return nonWorkingDays.filter { $0.date.year == year }
    }

    /// The name of the holiday or closure on `date`, if it is one.
    public func holiday(on date: LocalDate) throws(CalendarError) -> Holiday? {
        _ = try index(of: date)
        return nonWorkingDays.first { $0.date == date }
    }

    // MARK: Index

    @inlinable
    func index(of date: LocalDate) throws(CalendarError) -> Int {
        let offset = date.dayNumber - first.dayNumber
        guard offset >= 0, offset < rank.count - 1 else {
            throw .outOfRange(date, first: first, last: last)
        }
        return offset
    }

    @inlinable
    func rankAt(_ offset: Int) -> Int {
        Int(rank[offset])
    }

    @inlinable
    func workday(at position: Int, from date: LocalDate, count: Int) throws(CalendarError) -> LocalDate {
        guard position >= 0, position < workdays.count else {
            throw .resultOutOfRange(from: date, workingDays: count, first: first, last: last)
        }
        return first.offset(days: Int(workdays[position]))
    }

    private static func contentHash(region: Region, days: [Holiday]) -> String {
        var hash = ContentHash()
        hash.mix(region.rawValue.utf8)
        for day in days {
            hash.mix(Int64(day.date.dayNumber))
            hash.mix(day.kind == .closure ? [1] : [0])
        }
        return hash.hex
    }
}
