import ArgumentParser
import RedressCore

extension ExportFormat: ExpressibleByArgument {}

/// `redress export cases --format csv|json`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the store's cases as CSV or JSON (to stdout, or --output FILE).",
        discussion: reflowed("""
            One row per case with its next unmet clock and due date. The output holds personal
            data (summaries): keep files you write as protected as the store.

            Examples:
              redress export cases > cases.csv
              redress export cases --format json --output cases.json
            """)
    )

    @Argument(help: ArgumentHelp("What to export: cases.", valueName: "what"))
    var what: String

    @Option(help: "csv (RFC 4180, CRLF line ends) or json (an array of objects).")
    var format: ExportFormat = .csv

    @Option(help: ArgumentHelp("Write to this file (created owner-only) instead of stdout.", valueName: "file"))
    var output: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard what == "cases" else { throw ValidationError("what: can export 'cases', not '\(what)'") }
    }

    func run() throws {
        let caseStore = try store.existingStore()
        if let output {
            let file = try OutputFile(path: output)
            defer { file.close() }
            try caseStore.exportCases(format: format) { file.write($0) }
        } else {
            try caseStore.exportCases(format: format) { Console.write(1, $0) }
        }
    }
}
