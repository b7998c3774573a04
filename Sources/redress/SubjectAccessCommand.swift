import ArgumentParser
import Foundation
import RedressCore

/// `redress sar PARTY`: everything the store holds about a person, as JSON and a readable page.
struct SubjectAccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sar",
        abstract: "Write a subject access report: everything the store holds about a person (JSON and HTML).",
        discussion: reflowed("""
            PARTY is a party id or an email address. The report holds the person's own record,
            their cases (as complainant or representative), stages, deadlines, contacts,
            decisions, actions, remedies, restrictions and reviews, and the audit events that
            name them or their cases. Other people's names in those records read [third party];
            free text is as recorded and should be reviewed before release. Once a store has
            users, only a manager or auditor may run it; the request is itself audited.

            Example:
              redress sar ann@example.org --output-dir sar/
            """)
    )

    @Argument(help: "The party: its id, or its email address.") var party: String
    @Option(name: .customLong("output-dir"), help: ArgumentHelp("Where to write the two files.", valueName: "folder"))
    var outputDirectory = "."
    @OptionGroup var store: StoreOptions

    func run() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: outputDirectory, isDirectory: &isFolder), isFolder.boolValue else {
            throw UsageError("--output-dir: no folder '\(outputDirectory)'")
        }
        let report = try store.existingStore().subjectAccess(party, by: store.userName)
        let base = "\(outputDirectory)/sar-party-\(report.partyID)-\(report.generated.prefix(10))"
        for (file, text) in [(base + ".json", report.json), (base + ".html", report.html)] {
            do {
                let output = try OutputFile(path: file)
                output.write(text)
                output.close()
            } catch {
                throw UsageError("--output-dir: \(error)")
            }
        }
        let count = report.sections.map(\.rows.count).reduce(0, +)
        print("Wrote \(base).json and \(base).html: \(count) records about party \(report.partyID) (files readable by you only).")
    }
}
