import Foundation
import Testing

/// The demo data and the analyst scripts in Samples/, so they cannot rot: every landlord's intake
/// imports into a store bound to its pack with no bad row and covers the pack's rules, the
/// casework and every analyst script run on it, the committed CSVs are what the generator makes,
/// and the demo runs to its end without a terminal.
@Suite struct SamplesTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = root.appendingPathComponent("Samples")
    static let asOf = "2027-01-04"

    /// Per pack, what its sample must contain once imported: each query counts rows that show one
    /// of the pack's rules, and must count at least one.
    static let coverage: [String: [(rule: String, sql: String)]] = [
        "winchester": [
            ("a complaint", "select count(*) from cases where kind = 'complaint' and status = 'open'"),
            ("a compliment", "select count(*) from cases where kind = 'compliment'"),
            ("a member of the public", "select count(*) from cases c join parties p on p.id = c.complainant_id where p.role = 'member_of_public'"),
            ("no time limit: an issue over a year old", "select count(*) from cases where status = 'open' and event_date < date(received, '-12 months')"),
        ],
        "southern-charity": [
            ("an anonymous complaint with no identity", "select count(*) from cases where anonymous = 1 and complainant_id is null and kind = 'complaint'"),
            ("a complaint in confidence", "select count(*) from cases where anonymous = 0 and confidential = 1"),
            ("safeguarding", "select count(*) from cases where safeguarding = 1"),
            ("a service request", "select count(*) from cases where kind = 'service_request'"),
            ("the same complaint after a review", "select count(*) from cases where exclusion_reason like '%carried out a review%'"),
        ],
        "wdh": [
            ("service recovery", "select count(*) from cases where kind = 'service_request'"),
            ("an MP's or councillor's enquiry", "select count(*) from cases where kind = 'enquiry' and channel = 'mp_or_councillor'"),
            ("an anonymous report", "select count(*) from cases where kind = 'enquiry' and anonymous = 1"),
            ("an ASB report", "select count(*) from cases where exclusion_reason like '%Antisocial Behaviour Policy%'"),
            ("an insurance claim", "select count(*) from cases where exclusion_reason like '%insurers%'"),
            ("a new-build defect", "select count(*) from cases where exclusion_reason like '%New Build Customer Care%'"),
            ("legal proceedings", "select count(*) from cases where exclusion_reason like 'legal proceedings%'"),
            ("another appeal route", "select count(*) from cases where exclusion_reason like '%own review or appeal route%'"),
            ("vexatious", "select count(*) from cases where exclusion_reason like '%vexatious%'"),
            ("tenancy breach action", "select count(*) from cases where exclusion_reason like '%breach of a tenancy%'"),
            ("already answered", "select count(*) from cases where exclusion_reason like '%final response%'"),
            ("staff conduct", "select count(*) from cases where exclusion_reason like '%conduct of employees%' and outcome_confidential = 1"),
            ("six months", "select count(*) from cases where exclusion_reason like '%six months or more%'"),
            ("no consent for a third party", "select count(*) from cases where exclusion_reason like '%consent%'"),
            ("accepted weeks inside six months", "select count(*) from cases where status <> 'excluded' and event_date <= date(received, '-5 months')"),
        ],
        "willow-tree": [
            ("a compliment", "select count(*) from cases where kind = 'compliment'"),
            ("a request for service", "select count(*) from cases where kind = 'service_request'"),
            ("the Code's 12 months", "select count(*) from cases where exclusion_clause like '%Code 2.2(a)%'"),
            ("legal proceedings", "select count(*) from cases where exclusion_clause like '%Code 2.2(b)%'"),
            ("already considered", "select count(*) from cases where exclusion_clause like '%Code 2.2(c)%'"),
            ("a nominated representative", "select count(*) from cases where representative_id is not null and kind = 'complaint'"),
        ],
        "halton": [
            ("a formal enquiry through an MP or councillor", "select count(*) from cases where kind = 'enquiry' and channel = 'mp_or_councillor'"),
            ("a formal enquiry through an advocate", "select count(*) from cases where kind = 'enquiry' and channel <> 'mp_or_councillor'"),
            ("a compliment", "select count(*) from cases where kind = 'compliment'"),
            ("a first request for service", "select count(*) from cases where kind = 'service_request'"),
            ("a complaint through a councillor", "select count(*) from cases where kind = 'complaint' and channel = 'mp_or_councillor'"),
            ("time-barred", "select count(*) from cases where exclusion_reason like '%time-barred%'"),
            ("an appeal under another policy", "select count(*) from cases where exclusion_reason like '%another Trust policy%'"),
            ("a behaviour exclusion", "select count(*) from cases where exclusion_reason like '%Customer Code of Conduct%'"),
        ],
    ]

    static var packs: [String] { coverage.keys.sorted() }

    final class Store {
        let folder = URL(fileURLWithPath: "/tmp/rsm-\(UUID().uuidString.prefix(8))")
        let pack: String
        var db: String { folder.appendingPathComponent("\(pack).sqlite").path }

        init(_ pack: String) throws {
            self.pack = pack
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        /// The one number `sql` selects.
        func count(_ sql: String) throws -> Int {
            let result = try Redress.run(["--db", db, "-e", "io.write(sql([[SELECT (\(sql)) AS n]])[1].n)"])
            #expect(result.status == 0, "\(result.stderr)")
            return Int(result.stdout) ?? -1
        }

        func script(_ name: String, _ arguments: [String] = []) throws -> Redress.Result {
            let path = SamplesTests.samples.appendingPathComponent("scripts/\(name)").path
            return try Redress.run(["run", "--db", db, "--as-of", SamplesTests.asOf, path] + arguments)
        }
    }

    @Test func eachLandlordHasOneIntakeFileAndEachNamesAPack() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.samples.appendingPathComponent("intake").path)
        #expect(files.sorted() == Self.packs.map { "\($0).csv" })
        for pack in Self.packs {
            #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("Scripts/policies/\(pack).lua").path))
        }
    }

    @Test(arguments: packs)
    func theIntakeImportsWithNoBadRowAndEveryScriptRunsOnIt(pack: String) throws {
        let store = try Store(pack)
        #expect(try Redress.run(["init", "--policy", pack, "--db", store.db]).status == 0)

        // Every row imports: no --skip-bad, so one bad row would import nothing and exit 2.
        let csv = Self.samples.appendingPathComponent("intake/\(pack).csv").path
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").count - 1
        let imported = try Redress.run(["import", "--db", store.db, csv])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr == "")
        #expect(imported.stdout.hasPrefix("Imported \(rows) of \(rows) rows into \(store.db): "), "\(imported.stdout)")
        // The issue asks for at least 300 contacts across the five; each landlord has a fair share.
        #expect(rows >= 60, "\(pack) has \(rows) rows")
        for (rule, sql) in Self.coverage[pack] ?? [] {
            #expect(try store.count(sql) > 0, "\(pack): the sample shows no \(rule)")
        }

        // The team's casework: every case the pack's clocks, remedies and refusals allow.
        let casework = try store.script("casework.lua")
        #expect(casework.status == 0, "\(casework.stderr)")
        #expect(casework.stderr == "")
        #expect(casework.stdout.hasPrefix("Casework to \(Self.asOf), "))
        #expect(try store.count("select count(*) from decisions") > 0)
        #expect(try store.count("select count(*) from cases where status = 'closed'") > 0)
        #expect(try store.count("select count(*) from events where type = 'escalated'") > 0)
        #expect(try store.count("select count(*) from remedy_items where amount_pence > 0") > 0)
        #expect(try store.count("select count(*) from cases where status = 'open' and kind = 'complaint'") > 0)
        if pack == "wdh" || pack == "southern-charity" {
            // a restriction, and a contact it flags, through the restrictions API and the pack's hook
            #expect(try store.count("select count(*) from restrictions where kind <> 'warning'") == 1)
            #expect(try store.count("select count(*) from events where type = 'contact_flagged'") > 0)
            #expect(casework.stdout.contains("    flagged on C-2026-"))
        }
        if pack == "willow-tree" || pack == "halton" {
            // a request to escalate after the window closed is refused by the pack, and the case closed
            #expect(casework.stdout.contains("  refused: C-2026-"))
            #expect(casework.stdout.contains("too late: clock escalation_window of stage 1"))
        }

        let week = try store.script("overdue-this-week.lua", ["5"])
        #expect(week.status == 0, "\(week.stderr)")
        #expect(week.stderr == "")
        #expect(week.stdout.hasPrefix("Clocks overdue or due in the week of Monday 4 January 2027 (as of 2027-01-04)\n"))
        #expect(week.stdout.contains("\nall "))

        let compensation = try store.script("compensation-by-category.lua")
        #expect(compensation.status == 0, "\(compensation.stderr)")
        #expect(compensation.stderr == "")
        #expect(compensation.stdout.hasPrefix("Remedies offered, by category (pounds):\n"))
        // The table's total is the store's, in pounds.
        let pence = try store.count("select sum(amount_pence) from remedy_items")
        var whole = String(pence / 100)
        for comma in stride(from: whole.count - 3, to: 0, by: -3) { whole.insert(",", at: whole.index(whole.startIndex, offsetBy: comma)) }
        let pounds = "£\(whole).\(String(format: "%02d", pence % 100))"
        #expect(compensation.stdout.contains(pounds), "\(compensation.stdout) does not show the total \(pounds)")

        let bar = try store.script("near-time-bar.lua", ["21"])
        #expect(bar.status == 0, "\(bar.stderr)")
        #expect(bar.stderr == "")
        switch pack {
        case "wdh": #expect(bar.stdout.hasPrefix("Complaints must be raised within 6 months of the problem"))
        case "halton", "willow-tree": #expect(bar.stdout.hasPrefix("Complaints must be raised within 12 months of the problem"))
        default: #expect(bar.stdout.hasPrefix("\(pack) sets no time limit for raising a complaint."))
        }
        if ["wdh", "halton", "willow-tree"].contains(pack) {
            #expect(bar.stdout.contains("Excluded, received after the bar: "))
            #expect(!bar.stdout.contains("Excluded, received after the bar: 0"))
            #expect(bar.stdout.contains("Escalation windows (stage 1: "))
        }
    }

    @Test func theAnalystScriptsSayWhenThereIsNothingToShow() throws {
        let store = try Store("wdh")
        #expect(try Redress.run(["init", "--policy", "wdh", "--db", store.db]).status == 0)
        #expect(try store.script("overdue-this-week.lua").stdout.hasSuffix("Nothing is overdue or due this week.\n"))
        #expect(try store.script("compensation-by-category.lua").stdout == "No remedies offered.\n")
        let bar = try store.script("near-time-bar.lua")
        #expect(bar.status == 0, "\(bar.stderr)")
        #expect(bar.stdout.contains("Accepted with 28 days or fewer to spare: 0\n"))
        #expect(bar.stdout.contains("Closing in the next 28 days: 0\n"))
    }

    static let python: URL? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .map { URL(fileURLWithPath: String($0)).appendingPathComponent("python3") }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    @Test(.enabled(if: python != nil, "the generator needs python3"))
    func theCommittedIntakeIsWhatTheGeneratorMakes() throws {
        let result = try Redress.run(Self.python!, [Self.samples.appendingPathComponent("make-intake.py").path, "--check"])
        #expect(result == .init(status: 0, stdout: "", stderr: ""))
    }

    @Test func theDemoRunsToItsEndWithoutATerminal() throws {
        let store = try Store("demo")
        let result = try Redress.run(URL(fileURLWithPath: "/bin/bash"),
                                     [Self.samples.appendingPathComponent("demo.sh").path, Redress.binary.path, store.folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        for step in 1...11 { #expect(result.stdout.contains("\n\(step). "), "step \(step) is missing") }
        // A year on, southern-charity's restriction (challenged on 30 November 2026, so next
        // reviewed on 30 November 2027) is kept: a phone call on 15 December 2026 broke it.
        #expect(result.stdout.contains("   2027-11-30 restriction-reviews: ok: 1 reviewed, 0 for a person to decide"))
        #expect(result.stdout.contains("   We have decided to keep this arrangement in place: please contact us only by email."))
        // The workbench session ran on the WDH store: the remedy WDH's pack computed, as CSV
        // (whose lines end in CRLF).
        #expect(result.stdout.contains("   kind,amount_pence,reason\r\n   apology,0,your complaint was answered "))
        #expect(result.stdout.contains("   time_and_trouble,3000,2 missed appointments at £15.00 each"))
        #expect(result.stdout.hasSuffix("`redress export cases --db \(store.folder.path)/wdh.sqlite`.\n"))
    }
}
