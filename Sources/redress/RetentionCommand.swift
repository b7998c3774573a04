import ArgumentParser
import RedressCalendar
import RedressCore

/// `redress retention [--dry-run] [--as-of DATE]`: remove personal data past the pack's period.
struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "Remove the personal data of cases closed longer ago than the pack's retention period.",
        discussion: reflowed("""
            The pack declares the period (retention = { years = 6 }): a case closed, withdrawn
            or excluded that long before today (--as-of) loses its summary, notes, findings,
            reasons and free text, and a person none of whose cases is still inside the period
            (and who has no restriction in force) loses their name and contact details. What
            TSM returns and the annual report count stays. Each case is done once, so running
            again changes nothing; a run that changes something is recorded in the audit trail.

            Examples:
              redress retention --dry-run                # what would be removed today
              redress retention --as-of 2032-04-01
            """)
    )

    @Flag(name: .customLong("dry-run"), help: "List what would be removed, and change nothing.") var dryRun = false
    @OptionGroup var options: GlobalOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let today = try options.asOfDate() ?? LocalDate.today()
        let report = try store.existingStore().applyRetention(asOf: today, dryRun: dryRun, by: store.userName)
        let period = report.months % 12 == 0 ? "\(report.months / 12) years" : "\(report.months) months"
        let verb = dryRun ? "Would remove" : "Removed"
        print("Retention \(period): cases closed on or before \(report.cutoff).")
        if report.cases.isEmpty && report.parties.isEmpty {
            print("Nothing to remove.")
            return
        }
        print("\(verb) the personal data of \(report.cases.count) cases and \(report.parties.count) people.")
        for ref in report.cases.prefix(dryRun ? Int.max : 20) { print("  \(ref)") }
        if !dryRun && report.cases.count > 20 { print("  ... and \(report.cases.count - 20) more") }
        if dryRun && !report.parties.isEmpty {
            print("  people (party ids): " + report.parties.map(String.init).joined(separator: ", "))
        }
    }
}
