import ArgumentParser
import RedressCore
import RedressLua

/// `redress import FILE.csv [--skip-bad]`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import an intake CSV: each row goes through cases.intake (the store's pack triages it).",
        discussion: reflowed("""
            The header names the intake fields: received and channel are required; category,
            summary, desired_outcome, event_date, aware_date, tenure, complainant,
            complainant_email, complainant_phone, complainant_address, complainant_role,
            representative, anonymous, confidential, safeguarding, and the facts the store's pack
            declares (`redress policy reference PACK` lists them) may follow, in any order. Any
            other column is refused at the header, before any row, naming the nearest fact. An
            empty cell is an absent field; yes/true and no/false are booleans in anonymous,
            confidential, safeguarding and the pack's boolean facts; every other cell is text. A
            complainant with the email address of an existing party is that party.

            By default nothing is imported unless every row is good: each bad row is reported
            with its row number (the header is row 1), column and value, and the exit code is 2.
            With --skip-bad the good rows are imported and the bad ones listed. A pack error
            (the pack's own code failing on a row, not the row's fault) stops the import at that
            row, with or without --skip-bad: it is reported once, with the file and line in the
            pack, the hook and a traceback, nothing is imported, and the exit code is 1.

            Examples:
              redress sample --contacts 1000 --seed 7 --output intake.csv
              redress import intake.csv
              redress import --skip-bad --db wdh.sqlite intake.csv
            """)
    )

    @Argument(help: ArgumentHelp("The intake CSV.", valueName: "file.csv"))
    var file: String

    @Flag(name: .customLong("skip-bad"), help: "Import the good rows and list the bad ones, instead of importing nothing.")
    var skipBad = false

    @OptionGroup var options: GlobalOptions
    @OptionGroup var lua: LuaOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard TextFile.exists(file) else { throw UsageError("file: cannot open '\(file)'") }
        let caseStore = try store.existingStore()
        let installation = try Installation.locate()
        // Every row would be refused for a changed pack: say so once, before reading any.
        _ = try caseStore.read { db in try PolicyLoader.boundSource(in: db, storePath: caseStore.path, scripts: installation.scripts) }
        let state = try lua.makeState(options, installation: installation, folder: ".", script: "redress import \(file)")
        state.recorder.actor = store.userName
        let report: Importer.Report
        do {
            report = try state.withTransaction(on: caseStore, lockingAtStart: true) { try Importer.run(path: file, in: state, skipBad: skipBad) }
        } catch let failure as Importer.Failure {
            list(bad: failure.report.bad)
            throw UsageError("\(file): \(failure)")
        } catch let failure as Importer.PackFailure {
            printError("redress: \(file): \(failure)")
            throw ExitCode(1)
        }
        list(bad: report.bad)
        let counts = report.counts.map { "\($0.kind) \($0.status) \($0.count)" }
        print("Imported \(report.imported) of \(report.rows) rows into \(store.path)" + (counts.isEmpty ? "" : ": " + counts.joined(separator: ", ")))
        if !report.bad.isEmpty {
            print("Skipped \(report.bad.count) bad rows (listed on stderr).")
        }
    }

    /// Lists bad rows on stderr: the first 100, then how many more.
    func list(bad: [Importer.BadRow]) {
        for row in bad.prefix(100) { printError("\(file): \(row)") }
        if bad.count > 100 { printError("\(file): ... and \(bad.count - 100) more bad rows") }
    }
}
