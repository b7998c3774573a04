import ArgumentParser
import RedressCalendar
import RedressCore
import RedressLua

/// `redress report tsm|annual|quarterly`: the returns and reports a landlord files.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Tenant Satisfaction Measures, the annual complaints report, the quarterly benchmarking CSV.",
        discussion: reflowed("""
            A year is a reporting (financial) year: --year 2025 is 2025/26, 1 April 2025 to
            31 March 2026; the default is the year --as-of (or today) falls in. Stage one is the
            pack's first stage and stage two its second. The store's `homes` setting is the
            denominator of CH01 (`redress settings set homes 12000`); `homes_lcra` and
            `homes_lcho` are each tenure's, for CH01 by low-cost rental and low-cost home
            ownership (a case's tenure is the intake field `tenure`).

            Examples:
              redress report tsm --year 2025
              redress report annual --year 2025 --output annual-2025.html
              redress report quarterly --year 2025 --output returns.csv
            """),
        subcommands: [TSM.self, Annual.self, Quarterly.self]
    )
}

extension ReportCommand {
    /// Options every report takes.
    struct ReportOptions: ParsableArguments {
        @Option(help: ArgumentHelp("The reporting year by the calendar year it starts in (2025 is 2025/26).", valueName: "yyyy"))
        var year: Int?

        @Option(help: ArgumentHelp("Write to this file (created owner-only) instead of stdout.", valueName: "file"))
        var output: String?

        func validate() throws {
            if let year, !WorkingDayCalendar.years.contains(year) || !WorkingDayCalendar.years.contains(year + 1) {
                throw ValidationError("--year: expected a year from \(WorkingDayCalendar.years.lowerBound) to \(WorkingDayCalendar.years.upperBound - 1), got \(year)")
            }
        }
    }

    /// The store, its pack's stages and calendar, the year, and the facts of that year.
    struct Setup {
        let store: CaseStore
        let pack: PolicyPack
        let calendar: WorkingDayCalendar
        let asOf: LocalDate
        let year: ReportingYear
        let settings: [String: String]

        init(_ report: ReportOptions, options: GlobalOptions, store storeOptions: StoreOptions) throws {
            store = try storeOptions.existingStore()
            let installation = try Installation.locate()
            var stateOptions = LuaState.Options()
            stateOptions.scripts = installation.scripts
            pack = try PolicyLoader.loadBound(store, scripts: installation.scripts, in: LuaState(options: stateOptions))
            let holidays = try options.holidays(installation)
            calendar = try store.calendar(for: pack, bundled: holidays.bundled, given: holidays.given)
            asOf = try options.asOfDate() ?? LocalDate.today()
            year = report.year.map(ReportingYear.init(startYear:)) ?? ReportingYear(containing: asOf)
            settings = try store.settings()
        }

        var landlord: String { settings["landlord"] ?? pack.title }

        /// The homes the measures need: the `homes` setting (or both tenures'), and each
        /// tenure's where set.
        func homes() throws -> TSMHomes {
            guard let homes = try optionalHomes() else {
                throw UsageError("homes: the store has no homes setting, the denominator of CH01 (set it with `redress settings set homes N`; "
                                 + "homes_lcra and homes_lcho for each tenure's)")
            }
            return homes
        }

        /// The homes if the store's settings give them; a value out of range (set before it was
        /// checked), or tenures' homes that disagree with the total, are refused, not computed with.
        func optionalHomes() throws -> TSMHomes? {
            try TSMHomes.from(settings: settings)
        }

        /// The year's facts, read with a progress bar on a terminal.
        func facts() throws -> ComplaintFacts {
            let progress = Progress("reading", total: try store.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM stage_history") ?? 0
            })
            defer { progress.finish() }
            return try store.read { db in
                try ComplaintFacts.fetch(from: year.first, to: year.last, in: db) { progress.advance(by: $0) }
            }
        }

        /// Writes `text` to --output (owner-only: reports about people are personal data) or stdout.
        func emit(_ text: String, to output: String?) throws {
            guard let output else {
                Console.write(1, text)
                return
            }
            let file = try OutputFile(path: output)
            file.write(text)
            file.close()
            print("Wrote \(output)")
        }
    }

    struct TSM: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tsm",
            abstract: "TSM CH01 and CH02: complaints per 1,000 homes, and the share answered within the Code's timescales, in total and by tenure (LCRA, LCHO).")

        @OptionGroup var report: ReportOptions
        @OptionGroup var options: GlobalOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            let setup = try Setup(report, options: options, store: store)
            let homes = try setup.homes()
            let tsm = TSMReport(year: setup.year, facts: try setup.facts(), stages: setup.pack.stages.map(\.name), homes: homes,
                                landlord: setup.landlord, policy: setup.pack.name)
            try setup.emit(tsm.text, to: report.output)
        }
    }

    struct Annual: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The annual complaints performance and service improvement report, as one HTML page with charts.")

        @OptionGroup var report: ReportOptions
        @OptionGroup var options: GlobalOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            let setup = try Setup(report, options: options, store: store)
            let facts = try setup.facts()
            let annual = try setup.store.read { db in
                try AnnualReport(year: setup.year, asOf: setup.asOf, facts: facts, stages: setup.pack.stages.map(\.name),
                                 homes: try setup.optionalHomes(), landlord: setup.landlord,
                                 policy: setup.pack.name, policyHash: setup.pack.hash, in: db)
            }
            try setup.emit(annual.html, to: report.output)
        }
    }

    struct Quarterly: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A CSV for benchmarking returns: one row per quarter of the year begun by --as-of.",
            discussion: reflowed("""
                Timeliness is counted two ways, in columns named after each (their definitions
                are printed on standard error beside the CSV):
                \(OnTimeMeasure.all.map { "- stageN_\($0.name): \($0.definition)" }.joined(separator: "\n"))
                """))

        @OptionGroup var report: ReportOptions
        @OptionGroup var options: GlobalOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            let setup = try Setup(report, options: options, store: store)
            let homes = try setup.homes()
            let facts = try setup.facts()
            let quarterly = try setup.store.read { db in
                try QuarterlyReturn(year: setup.year, asOf: setup.asOf, facts: facts, stages: setup.pack.stages.map(\.name),
                                    homes: homes.total, calendar: setup.calendar, in: db)
            }
            try setup.emit(quarterly.csv, to: report.output)
            // The CSV has no place for notes: what its timeliness columns count goes to stderr.
            Console.write(2, "On time, in the columns named after each measure:\n"
                          + QuarterlyReturn.definitions.map { "  " + $0 + "\n" }.joined())
        }
    }
}
