import ArgumentParser
import RedressCore
import RedressLua

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `redress sample --contacts N`: a synthetic intake CSV for tests and benchmarks.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a synthetic intake CSV (the input of `redress import`) for tests and benchmarks.",
        discussion: reflowed("""
            The same --contacts, --seed, --from and --to give byte-identical output on
            every machine. Names, addresses (example.org) and phone numbers (Ofcom's
            drama range, 07700 900xxx) are made up.

            Columns: received, channel, category, summary, event_date, aware_date,
            complainant, complainant_email, complainant_phone, then the flags
            service_request, dissatisfied, asked_for_complaint, legal_proceedings,
            previously_considered, compliment, enquiry, anonymous, safeguarding
            (`yes`, or empty for no). Dates are YYYY-MM-DD, lines end with LF, and a
            field is quoted only when it holds a comma or a quote.

            Shares: channel email 35%, phone 25%, web 15%, letter 8%, in_person 5%,
            social_media 5%, text 4%, mp_or_councillor 3%; a weekend day gets about a
            third of a weekday's contacts (never phone, letter, in person or MP).
            Repairs and damp are the commonest categories. event_date is mostly 0-60
            days before received, more than 12 months before in 7% of rows, empty in
            10%; aware_date is set in 3%. Complainants come from about N/3 residents,
            so they recur; email is empty in about 10% of rows, phone in 30%. Flags:
            service_request 12% (dissatisfied in 30% of those), asked_for_complaint
            5%, legal_proceedings 1.5%, previously_considered 2%, compliment 3%,
            enquiry 5%, safeguarding 2%, anonymous 1% (no name, email or phone).

            The flags after complainant_phone are facts of hos-code, the default pack. With
            --policy, only those the pack declares as true-or-false facts are written (import
            refuses a column that is neither a standard field nor one of the store's pack's
            facts); the rows are drawn the same, so the columns kept hold the same values.

            Examples:
              redress sample --contacts 10                       # to stdout
              redress sample --contacts 1000000 --seed 7 --output intake.csv
              redress sample --contacts 5000 --from 2026-01-01 --to 2026-03-31
              redress sample --contacts 300 --policy wdh --output wdh-intake.csv
            """)
    )

    @Option(help: ArgumentHelp("Write only the flag columns this pack declares as facts (a name in Scripts/policies or a path).",
                               valueName: "name|path"))
    var policy: String?

    @OptionGroup var options: GlobalOptions
    @OptionGroup var lua: LuaOptions

    @Option(help: ArgumentHelp("How many contacts (rows) to write: 1 to 10,000,000.", valueName: "n"))
    var contacts: String

    @Option(help: ArgumentHelp("The random seed: a whole number from 0 to 2^64-1.", valueName: "s"))
    var seed: String = "1"

    @Option(help: ArgumentHelp("The earliest received date.", valueName: "YYYY-MM-DD"))
    var from: String = "2024-01-01"

    @Option(help: ArgumentHelp("The latest received date.", valueName: "YYYY-MM-DD"))
    var to: String = "2025-11-30"

    @Option(help: ArgumentHelp("Write to this file (created owner-only) instead of stdout.", valueName: "file"))
    var output: String?

    @Flag(help: "Replace the --output file if it exists.")
    var force = false

    static let maximumContacts = 10_000_000

    func run() throws {
        guard let count = Int(contacts), (1...SampleCommand.maximumContacts).contains(count) else {
            throw UsageError("--contacts: expected a whole number from 1 to 10,000,000, got '\(contacts)'")
        }
        guard let seedValue = UInt64(seed) else {
            throw UsageError("--seed: expected a whole number from 0 to \(UInt64.max), got '\(seed)'")
        }
        let first = try parseDate(from, argument: "--from"), last = try parseDate(to, argument: "--to")
        guard first <= last else {
            throw UsageError("--to: \(last) is before --from \(first)")
        }
        var sample = IntakeSample(contacts: count, seed: seedValue, from: first, to: last)
        if let policy { sample = sample.keeping(facts: try booleanFacts(of: policy)) }

        guard let output else {
            try sample.write { try SampleCommand.write($0, to: 1, name: "standard output") }
            return
        }
        // A new file is created exclusively (an existing one is refused without a race); the
        // rows go out as bytes rather than strings.
        let descriptor: Int32
        do {
            descriptor = try OutputFile.open(output, mode: force ? .replace : .create)
        } catch {
            if errno == EEXIST { throw UsageError("--output: '\(output)' already exists (add --force to replace it)") }
            throw UsageError("--output: cannot write '\(output)': \(error.reason)")
        }
        defer { close(descriptor) }
        try sample.write { try SampleCommand.write($0, to: descriptor, name: "'\(output)'") }
    }

    /// The names of the true-or-false facts the pack `policy` declares.
    func booleanFacts(of policy: String) throws -> Set<String> {
        let installation = try Installation.locate()
        let file = PolicyLoader.resolve(policy, scripts: installation.scripts)
        guard TextFile.exists(file) else { throw UsageError("--policy: no pack '\(policy)' (looked for \(file))") }
        let folder = file.contains("/") ? String(file[..<file.lastIndex(of: "/")!]) : "."
        let state = try lua.makeState(options, installation: installation, folder: folder, script: "redress sample")
        let pack = try PolicyLoader.load(path: file, in: state)
        return Set(pack.facts.filter { $0.kind == .boolean }.map(\.name))
    }

    /// Writes all of `bytes`, retrying short writes; a failure (a full disk) is an error.
    static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, name: String) throws(UsageError) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                throw UsageError("cannot write to \(name): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }
}
