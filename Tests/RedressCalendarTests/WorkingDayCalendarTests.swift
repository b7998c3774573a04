import Foundation
import Testing
@testable import RedressCalendar

/// The calendar against published facts: GOV.UK's bank-holidays.json, the independent `holidays`
/// package for 1995–2100, numpy.busday_offset, domain.md's hand-computed 2029–2030 tables and
/// worked deadline examples.
@Suite struct WorkingDayCalendarTests {
    let calendars = TestData.calendars
    func date(_ text: String) -> LocalDate { TestData.date(text) }

    func holidayDates(_ region: Region, _ year: Int) throws -> [String] {
        try calendars[region]!.holidays(year: year).map(\.date.description)
    }

    @Test func matchesEveryGOVUKDate2012To2028() throws {
        let govuk = try #require(TestData.json("govuk-bank-holidays.json") as? [String: [String: Any]])
        for region in Region.allCases {
            let events = try #require(govuk[region.rawValue]?["events"] as? [[String: Any]])
            var published = Set(events.compactMap { $0["date"] as? String })
            if region == .scotland {
                // Proclaimed February 2026, after govuk-bank-holidays 0.19 cached the feed.
                published.insert("2026-06-15")
            }
            var ours: Set<String> = []
            for year in 2012...2028 { ours.formUnion(try holidayDates(region, year)) }
            #expect(ours == published, "\(region): extra \(ours.subtracting(published).sorted()), missing \(published.subtracting(ours).sorted())")
        }
    }

    @Test func matchesTheHolidaysPackage1995To2100() throws {
        let reference = try #require(TestData.json("holidays-1995-2100.json") as? [String: [String]])
        for region in Region.allCases {
            var ours: [String] = []
            for year in 1995...2100 { ours += try holidayDates(region, year) }
            let theirs = try #require(reference[region.rawValue])
            #expect(ours == theirs.sorted(),
                    "\(region): extra \(Set(ours).subtracting(theirs).sorted()), missing \(Set(theirs).subtracting(ours).sorted())")
        }
    }

    @Test func matchesDomainTables2029And2030() throws {
        // domain.md section 5.6, typed from the tables.
        let expected: [Region: [Int: [String]]] = [
            .englandAndWales: [
                2029: ["01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"],
                2030: ["01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"],
            ],
            .scotland: [
                2029: ["01-01", "01-02", "03-30", "05-07", "05-28", "08-06", "11-30", "12-25", "12-26"],
                2030: ["01-01", "01-02", "04-19", "05-06", "05-27", "08-05", "12-02", "12-25", "12-26"],
            ],
            .northernIreland: [
                2029: ["01-01", "03-19", "03-30", "04-02", "05-07", "05-28", "07-12", "08-27", "12-25", "12-26"],
                2030: ["01-01", "03-18", "04-19", "04-22", "05-06", "05-27", "07-12", "08-26", "12-25", "12-26"],
            ],
        ]
        for (region, years) in expected {
            for (year, days) in years {
                #expect(try holidayDates(region, year) == days.map { "\(year)-\($0)" }, "\(region) \(year)")
            }
        }
    }

    @Test(arguments: [
        // (region, window from, window to, the holidays expected in it)
        // Christmas on a Friday, Saturday, Sunday (domain.md 5.3).
        (Region.englandAndWales, "2026-12-20", "2026-12-31", ["2026-12-25", "2026-12-28"]),
        (Region.englandAndWales, "2021-12-20", "2021-12-31", ["2021-12-27", "2021-12-28"]),
        (Region.englandAndWales, "2022-12-20", "2022-12-31", ["2022-12-26", "2022-12-27"]),
        // Scotland's 1–2 January on a Friday, Saturday, Sunday.
        (Region.scotland, "2027-01-01", "2027-01-10", ["2027-01-01", "2027-01-04"]),
        (Region.scotland, "2022-01-01", "2022-01-10", ["2022-01-03", "2022-01-04"]),
        (Region.scotland, "2023-01-01", "2023-01-10", ["2023-01-02", "2023-01-03"]),
        // St Andrew's Day on a Saturday and a Sunday; 2006 predates the Act.
        (Region.scotland, "2024-11-25", "2024-12-10", ["2024-12-02"]),
        (Region.scotland, "2025-11-25", "2025-12-10", ["2025-12-01"]),
        (Region.scotland, "2006-11-25", "2006-12-10", []),
        (Region.scotland, "2007-11-25", "2007-12-10", ["2007-11-30"]),
        // 2022: Spring moved to Thursday 2 June, Platinum Jubilee Friday 3 June.
        (Region.englandAndWales, "2022-05-01", "2022-06-30", ["2022-05-02", "2022-06-02", "2022-06-03"]),
        // NI's St Patrick's Day and Boyne substitutes.
        (Region.northernIreland, "2024-03-01", "2024-03-25", ["2024-03-18"]),
        (Region.northernIreland, "2026-07-01", "2026-07-31", ["2026-07-13"]),
        // E&W New Year's Day on a Saturday (2022) and a Sunday (2023).
        (Region.englandAndWales, "2022-01-01", "2022-01-10", ["2022-01-03"]),
        (Region.englandAndWales, "2023-01-01", "2023-01-10", ["2023-01-02"]),
    ])
    func substituteDayEdgeCases(region: Region, from: String, to: String, expected: [String]) throws {
        let window = date(from)...date(to)
        let observed = try calendars[region]!.holidays(year: window.lowerBound.year)
            .filter { window.contains($0.date) }.map(\.date.description)
        #expect(observed == expected)
    }

    // GOV.UK: the 2022 state funeral (Mon 19 Sep) and the 2023 coronation (Mon 8 May) were bank
    // holidays in every division; the 2020 early May holiday moved from Mon 4 to Fri 8 May.
    @Test func aCalendarMadeWithNoFileKnowsTheOneOffChanges() throws {
        for region in Region.allCases {
            let calendar = try WorkingDayCalendar(region: region)
            #expect(try calendar.holiday(on: date("2022-09-19"))?.name == "Bank Holiday for the State Funeral of Queen Elizabeth II")
            #expect(try !calendar.isWorkingDay(date("2023-05-08")))
            #expect(try calendar.isWorkingDay(date("2020-05-04")))
            #expect(try !calendar.isWorkingDay(date("2020-05-08")))
        }
        // Thursday 15 September 2022 + 3 working days passes over the funeral: Wednesday 21st.
        #expect(try WorkingDayCalendar(region: .englandAndWales).addWorkingDays(date("2022-09-15"), 3).description == "2022-09-21")
    }

    @Test func movedSpringHoliday2022IsAWorkingDay() throws {
        let england = calendars[.englandAndWales]!
        #expect(try england.isWorkingDay(date("2022-05-30")))
        #expect(try !england.isWorkingDay(date("2022-06-02")))
        #expect(try england.holiday(on: date("2022-06-03"))?.name == "Platinum Jubilee bank holiday")
        #expect(try england.holiday(on: date("2026-12-28"))?.name == "Boxing Day (substitute day)")
    }

    @Test func scotlandWorldCup2026IsScottishOnly() throws {
        #expect(try !calendars[.scotland]!.isWorkingDay(date("2026-06-15")))
        #expect(try calendars[.englandAndWales]!.isWorkingDay(date("2026-06-15")))
        #expect(try calendars[.northernIreland]!.isWorkingDay(date("2026-06-15")))
    }

    @Test func agreesWithNumpyBusdayOffset() throws {
        let text = try String(contentsOf: TestData.fixtures.appendingPathComponent("busday-offset.txt"), encoding: .utf8)
        var checked = 0
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: " ").map(String.init)
            let calendar = try #require(calendars[Region(name: fields[0])])
            let result = try calendar.addWorkingDays(date(fields[1]), Int(fields[2])!)
            if result.description != fields[3] {
                Issue.record("\(line): got \(result)")
            }
            checked += 1
        }
        #expect(checked == 9000)
    }

    @Test(arguments: [
        // domain.md 5.8: complaint received Wed 17 Dec 2025; escalation received Thu 12 Mar 2026.
        // (region, from, working days, expected)
        (Region.englandAndWales, "2025-12-17", 5, "2025-12-24"),
        (Region.englandAndWales, "2025-12-24", 10, "2026-01-12"),
        (Region.englandAndWales, "2026-01-12", 10, "2026-01-26"),
        (Region.scotland, "2025-12-17", 5, "2025-12-24"),
        (Region.scotland, "2025-12-24", 10, "2026-01-13"),
        (Region.scotland, "2026-01-13", 10, "2026-01-27"),
        (Region.northernIreland, "2025-12-24", 10, "2026-01-12"),
        (Region.englandAndWales, "2026-03-12", 5, "2026-03-19"),
        (Region.englandAndWales, "2026-03-19", 20, "2026-04-20"),
        (Region.englandAndWales, "2026-04-20", 20, "2026-05-19"),
        (Region.scotland, "2026-03-19", 20, "2026-04-17"),
        (Region.scotland, "2026-04-17", 20, "2026-05-18"),
        (Region.northernIreland, "2026-03-12", 5, "2026-03-20"),
        (Region.northernIreland, "2026-03-20", 20, "2026-04-21"),
        (Region.northernIreland, "2026-04-21", 20, "2026-05-20"),
        // The issue's own example, and day 0 rolls forward from a holiday or weekend.
        (Region.englandAndWales, "2026-12-22", 5, "2026-12-31"),
        (Region.englandAndWales, "2026-12-25", 0, "2026-12-29"),
        (Region.englandAndWales, "2026-12-26", 1, "2026-12-30"),
        (Region.scotland, "2026-06-12", 1, "2026-06-16"),
        // Negative counts roll backward first.
        (Region.englandAndWales, "2026-12-28", -1, "2026-12-23"),
        (Region.englandAndWales, "2026-12-29", -1, "2026-12-24"),
        (Region.englandAndWales, "2026-12-27", 0, "2026-12-29"),
    ])
    func workedDeadlines(region: Region, from: String, n: Int, expected: String) throws {
        #expect(try calendars[region]!.addWorkingDays(date(from), n).description == expected)
    }

    @Test func workingDaysBetween() throws {
        let england = calendars[.englandAndWales]!
        // December 2026: 23 weekdays, less Christmas Day and the Boxing Day substitute.
        #expect(try england.workingDaysBetween(date("2026-11-30"), date("2026-12-31")) == 21)
        #expect(try england.workingDaysBetween(date("2026-12-01"), date("2026-12-31")) == 20)
        #expect(try england.workingDaysBetween(date("2026-12-31"), date("2026-12-01")) == -20)
        #expect(try england.workingDaysBetween(date("2026-12-25"), date("2026-12-25")) == 0)
        #expect(try england.workingDaysBetween(date("2026-12-24"), date("2026-12-29")) == 1)
    }

    @Test func nextAndPreviousWorkingDays() throws {
        let england = calendars[.englandAndWales]!
        #expect(try england.nextWorkingDay(after: date("2026-12-24")).description == "2026-12-29")
        #expect(try england.nextWorkingDay(after: date("2026-12-22")).description == "2026-12-23")
        #expect(try england.previousWorkingDay(before: date("2026-12-29")).description == "2026-12-24")
        #expect(try england.previousWorkingDay(before: date("2027-01-04")).description == "2026-12-31")
    }

    @Test func propertiesHoldOverRandomPairs() throws {
        var generator = SplitMix64(seed: 7)
        for region in Region.allCases {
            let calendar = calendars[region]!
            for _ in 0..<20_000 {
                let day = try date("2000-01-01").adding(days: Int(generator.next() % (365 * 31)))
                let n = Int(generator.next() % 81) - 40
                let result = try calendar.addWorkingDays(day, n)
                #expect(try calendar.isWorkingDay(result))
                if try calendar.isWorkingDay(day) {
                    #expect(try calendar.workingDaysBetween(day, result) == n, "\(region) \(day) \(n)")
                } else {
                    // The rolled day itself lies after `day` (forward) or is counted from (backward).
                    #expect(try calendar.workingDaysBetween(day, result) == (n >= 0 ? n + 1 : n), "\(region) \(day) \(n)")
                }
                let next = try calendar.nextWorkingDay(after: day)
                #expect(try calendar.workingDaysBetween(day, next) == 1)
                #expect(try calendar.previousWorkingDay(before: next) < next)
            }
        }
    }

    @Test func refusesDatesOutside1995To2100() throws {
        let england = calendars[.englandAndWales]!
        #expect(throws: CalendarError.outOfRange(date("1994-12-31"), first: date("1995-01-01"), last: date("2100-12-31"))) {
            try england.addWorkingDays(date("1994-12-31"), 1)
        }
        #expect(throws: CalendarError.self) { try england.isWorkingDay(date("2101-01-01")) }
        #expect(throws: CalendarError.yearOutOfRange(1994, first: 1995, last: 2100)) { try england.holidays(year: 1994) }
        #expect(throws: CalendarError.self) { try england.addWorkingDays(date("2100-12-20"), 20) }
        #expect(throws: CalendarError.self) { try england.addWorkingDays(date("1995-01-05"), -10) }
        do {
            _ = try england.addWorkingDays(date("2100-12-20"), 20)
        } catch {
            #expect(error.description == "20 working days from 2100-12-20 falls outside the calendar's range 1995-01-01 to 2100-12-31")
        }
        // The first working day of the range is reachable.
        #expect(try england.addWorkingDays(date("1995-01-01"), 0).description == "1995-01-03")
    }

    @Test func closureDaysAreNotWorkingDaysAndChangeTheVersion() throws {
        let closures = ["2026-12-29", "2026-12-30", "2026-12-31"].map {
            Holiday(date: date($0), name: "Office closed", kind: .closure)
        }
        let closed = TestData.calendar(.englandAndWales, closures: closures)
        let plain = calendars[.englandAndWales]!
        #expect(try closed.addWorkingDays(date("2026-12-22"), 5).description == "2027-01-06")
        #expect(try closed.holidays(year: 2026).filter { $0.kind == .closure }.count == 3)
        #expect(closed.version != plain.version)
        #expect(TestData.calendar(.englandAndWales, closures: closures).version == closed.version)
        #expect(plain.version != calendars[.scotland]!.version)
        #expect(throws: CalendarError.self) {
            try WorkingDayCalendar(region: .englandAndWales, closures: [Holiday(date: date("2101-01-03"), name: "x", kind: .closure)])
        }
    }
}
