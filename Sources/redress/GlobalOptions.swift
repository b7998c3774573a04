import ArgumentParser
import RedressCalendar
import RedressCore

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("\"Today\" for the run.", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(help: ArgumentHelp("Bank-holiday region: \(Region.validNames).", valueName: "region"))
    var region: String = Region.englandAndWales.rawValue

    @Option(name: .customLong("holidays"),
            help: ArgumentHelp("A file of extra bank-holiday changes, read after the bundled table (repeatable; also REDRESS_HOLIDAYS, colon-separated).",
                               valueName: "file"))
    var holidayFiles: [String] = []

    /// The `--as-of` date, if given.
    func asOfDate() throws(UsageError) -> LocalDate? {
        guard let asOf else { return nil }
        let date: LocalDate
        do {
            date = try LocalDate(iso: asOf)
        } catch {
            throw UsageError("--as-of: \(error): \(error.reason)")
        }
        if let refusal = WorkingDayCalendar.refusal(asOf: date) { throw UsageError("--as-of: \(refusal)") }
        return date
    }

    /// The chosen region.
    func chosenRegion() throws(UsageError) -> Region {
        do {
            return try Region(name: region)
        } catch {
            throw UsageError("--region: \(error)")
        }
    }

    /// The bundled change table, then REDRESS_HOLIDAYS files, then `--holidays` files.
    func holidayFiles(_ installation: Installation) throws -> [String] {
        [installation.bankHolidayChanges] + extraHolidayFiles
    }

    /// The user's own change files: REDRESS_HOLIDAYS, then `--holidays`. On a store they may
    /// only repeat its calendar (a store keeps its own: `redress calendar proclaim`).
    var extraHolidayFiles: [String] {
        (Installation.environment("REDRESS_HOLIDAYS") ?? "").split(separator: ":").map(String.init) + holidayFiles
    }

    func holidayData(_ installation: Installation) throws -> HolidayData {
        try HolidayData.load(files: holidayFiles(installation))
    }

    /// The bundled table alone, and with the user's files after it.
    func holidays(_ installation: Installation) throws -> (bundled: HolidayData, given: HolidayData) {
        let bundled = try HolidayData.load(files: [installation.bankHolidayChanges])
        let extra = try HolidayData.load(files: extraHolidayFiles)
        return (bundled, bundled.followed(by: extra))
    }

    /// The working-day calendar of the chosen region.
    func calendar() throws -> WorkingDayCalendar {
        try holidayData(Installation.locate()).calendar(chosenRegion())
    }
}

/// Bad input on the command line: printed as `redress: <message>`, exit code 2.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Parses a date argument, naming the argument in the message.
func parseDate(_ text: String, argument: String) throws(UsageError) -> LocalDate {
    do {
        return try LocalDate(iso: text)
    } catch {
        throw UsageError("\(argument): \(error): \(error.reason)")
    }
}
