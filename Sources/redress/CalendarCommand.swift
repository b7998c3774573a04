import ArgumentParser
import RedressCalendar
import RedressCore

/// `redress calendar ...`: working-day arithmetic and bank holidays from the command line.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Working days and UK bank holidays.",
        discussion: reflowed("""
            Working days are Monday to Friday less the region's bank holidays, 1995–2100.
            "Within N working days of X" rolls X forward to a working day, then counts N
            working days after it.

            Examples:
              redress calendar add 2026-12-22 5                      # 2026-12-31
              redress calendar add 2026-01-12 -5                     # 2026-01-05
              redress calendar between 2026-12-01 2026-12-31         # 20
              redress calendar holidays 2026 --region scotland
              redress calendar is-working-day 2026-12-28             # no: Boxing Day

            A store keeps its own calendar: the bank holidays a manager proclaims for it and its
            own closure days, which every run, job and report on it counts, and which these
            commands count too when there is a store (--db, REDRESS_DB, ./redress.sqlite).
              redress calendar proclaim 2027-06-07 "Jubilee bank holiday" --user jmanager
              redress calendar close 2027-12-29 "Office closed" --user jmanager
              redress calendar changes
            """),
        subcommands: [Add.self, Between.self, Holidays.self, IsWorkingDay.self, Next.self, Previous.self,
                      Proclaim.self, Close.self, Changes.self, Recompute.self]
    )

    /// The calendar the arithmetic answers with: the region's, and, when there is a store
    /// (--db, REDRESS_DB, ./redress.sqlite), the bank holidays it proclaimed and its own closure
    /// days. (A pack's own closure days are not read here; `redress explain` shows a case's.)
    static func calendar(_ options: GlobalOptions, _ store: StoreOptions) throws -> WorkingDayCalendar {
        let holidays = try options.holidays(Installation.locate())
        let region = try options.chosenRegion()
        guard let caseStore = try store.optionalStore() else { return try holidays.given.calendar(region) }
        return try caseStore.read { db in
            try CaseStore.checkHolidayFiles(holidays.given, bundled: holidays.bundled, storePath: caseStore.path, in: db)
            return try StoreCalendar.read(in: db).calendar(region, holidays: holidays.bundled, packClosures: [])
        }
    }
}

extension CalendarCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The date N working days after DATE (before it when N is negative).")

        @Argument(help: ArgumentHelp("The start date.", valueName: "date")) var date: String
        // Captured as text so that a negative N (`-5`) is not taken for an option.
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Working days to add (may be negative).", valueName: "n"))
        var n: [String] = []
        @OptionGroup var options: GlobalOptions
        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard n.count == 1, Int(n[0]) != nil else {
                throw ValidationError(n.isEmpty ? "n: missing the number of working days"
                                           : "n: expected one whole number of working days, got '\(n.joined(separator: " "))'")
            }
        }

        func run() throws {
            let start = try parseDate(date, argument: "date")
            print(try CalendarCommand.calendar(options, store).addWorkingDays(start, Int(n[0])!))
        }
    }

    struct Between: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Working days after A up to and including B (negative when B is before A).")

        @Argument(help: ArgumentHelp("The first date (not counted).", valueName: "a")) var a: String
        @Argument(help: ArgumentHelp("The last date (counted).", valueName: "b")) var b: String
        @OptionGroup var options: GlobalOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            let from = try parseDate(a, argument: "a"), to = try parseDate(b, argument: "b")
            print(try CalendarCommand.calendar(options, store).workingDaysBetween(from, to))
        }
    }

    struct Holidays: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The bank holidays of a year, with their names.")

        @Argument(help: ArgumentHelp("The year (1995–2100).", valueName: "year")) var year: Int
        @OptionGroup var options: GlobalOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            for holiday in try CalendarCommand.calendar(options, store).holidays(year: year) {
                print("\(holiday.date)  \(holiday.date.weekday.description.prefix(3))  \(holiday.name)")
            }
        }
    }

    struct IsWorkingDay: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "is-working-day",
            abstract: "Says whether DATE is a working day, and if not, why; exit code 0 either way.")

        @Argument(help: ArgumentHelp("The date.", valueName: "date")) var date: String
        @OptionGroup var options: GlobalOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            let day = try parseDate(date, argument: "date")
            let calendar = try CalendarCommand.calendar(options, store)
            if try calendar.isWorkingDay(day) {
                print("yes")
            } else if let holiday = try calendar.holiday(on: day) {
                print("no: \(holiday.name)")
            } else {
                print("no: \(day.weekday)")
            }
        }
    }

    struct Next: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The first working day after DATE.")

        @Argument(help: ArgumentHelp("The date.", valueName: "date")) var date: String
        @OptionGroup var options: GlobalOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            print(try CalendarCommand.calendar(options, store).nextWorkingDay(after: parseDate(date, argument: "date")))
        }
    }

    struct Previous: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The last working day before DATE.")

        @Argument(help: ArgumentHelp("The date.", valueName: "date")) var date: String
        @OptionGroup var options: GlobalOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            print(try CalendarCommand.calendar(options, store).previousWorkingDay(before: parseDate(date, argument: "date")))
        }
    }
}
