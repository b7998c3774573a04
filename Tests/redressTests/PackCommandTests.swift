import Foundation
import Testing

/// `redress pack new`: the skeleton it writes passes `redress check` as written and is the
/// Housing Ombudsman's Code; names and files are checked where they enter, and nothing is ever
/// replaced.
@Suite struct PackCommandTests {
    /// A folder for one test, removed afterwards.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rpn-\(UUID().uuidString.prefix(8))")
        var path: String { url.path }
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }

        /// Runs `redress arguments` with this folder as the current directory.
        func redress(_ arguments: [String]) throws -> Redress.Result {
            try Redress.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "cd \"$0\" && exec \"$@\"", path, Redress.binary.path] + arguments)
        }

        func text(_ name: String) throws -> String {
            try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
        }
    }

    @Test func theSkeletonPassesCheckAsWritten() throws {
        let folder = try Folder()
        let made = try folder.redress(["pack", "new", "acme"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout == """
            Wrote ./acme.lua: the Housing Ombudsman's Code as pack 'acme', with three scenarios. Next:
              redress check ./acme.lua
              redress check --code ./acme.lua

            """)
        let pack = try folder.text("acme.lua")
        #expect(pack.contains("name = \"acme\""))
        #expect(!pack.contains("{{"), "a placeholder was left in the pack")

        let checked = try folder.redress(["check", "./acme.lua"])
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        let lines = checked.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("ok    acme: ") }.count == 3)
        #expect(lines.last == "3 passed, 0 failed")
    }

    /// The skeleton's timescales, extensions and acceptance window are the Code's (hos-code's,
    /// whose own tests check it against the Code 2024's clauses).
    @Test func theSkeletonIsTheCode() throws {
        let folder = try Folder()
        #expect(try folder.redress(["pack", "new", "acme"]).status == 0)
        let compared = try folder.redress(["check", "--code", "./acme.lua"])
        #expect(compared.status == 0)
        #expect(compared.stdout == """
            acme against hos-code (Housing Ombudsman Complaint Handling Code 2024): no departures in its stages, clocks, extensions or acceptance window
            acme's triage against its acceptance window (12 months from the later of event_date and aware_date): they agree

            """)
    }

    /// A store bound to the skeleton counts as the Code does. Worked by hand from GOV.UK's
    /// England and Wales bank holidays (Christmas Day Friday 25 December 2026, Boxing Day
    /// substitute Monday 28 December, New Year's Day Friday 1 January 2027): received Tuesday 22
    /// December, acknowledge within 5 working days: 23, 24, 29, 30, 31 December; acknowledged 29
    /// December, respond within 10: 30, 31 December, 4, 5, 6, 7, 8, 11, 12, 13 January.
    @Test func aStoreBoundToTheSkeletonCountsAsTheCodeDoes() throws {
        let folder = try Folder()
        #expect(try folder.redress(["pack", "new", "acme"]).status == 0)
        #expect(try folder.redress(["init", "--policy", "./acme.lua", "--db", "acme.sqlite"]).status == 0)
        let run = try folder.redress(["--db", "acme.sqlite", "-e", """
            local c = cases.intake{ received = "2026-12-22", channel = "email" }
            io.write(tostring(c.due.acknowledge), " ")
            c:acknowledge{ on = "2026-12-29" }
            io.write(tostring(c.due.respond), " ")
            local old = cases.intake{ received = "2026-12-22", channel = "email", aware_date = "2025-12-21" }
            local court = cases.intake{ received = "2026-12-22", channel = "email", legal_proceedings = true }
            io.write(old.status, " ", old.exclusion.clause, " / ", court.status, " ", court.exclusion.clause)
            """])
        #expect(run.stdout == "2026-12-31 2027-01-13 excluded Code 2.2(a), 2.3 / excluded Code 2.2(b)", "\(run.stderr)")
    }

    @Test func anExistingFileIsNeverReplaced() throws {
        let folder = try Folder()
        try "-- my own pack\n".write(to: folder.url.appendingPathComponent("acme.lua"), atomically: true, encoding: .utf8)
        let again = try folder.redress(["pack", "new", "acme"])
        #expect(again.status == 2)
        #expect(again.stdout.isEmpty)
        #expect(again.stderr == "redress: name: './acme.lua' already exists; `pack new` never replaces a file (give another name or --output)\n")
        #expect(try folder.text("acme.lua") == "-- my own pack\n")

        let named = try folder.redress(["pack", "new", "other", "--output", "acme.lua"])
        #expect(named.status == 2)
        #expect(named.stderr == "redress: --output: 'acme.lua' already exists; `pack new` never replaces a file (give another name or --output)\n")
        #expect(try folder.text("acme.lua") == "-- my own pack\n")
    }

    @Test func aSymbolicLinkIsNotWrittenThrough() throws {
        let folder = try Folder()
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/acme.lua", withDestinationPath: folder.path + "/target.lua")
        let made = try folder.redress(["pack", "new", "acme"])
        #expect(made.status == 2)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/target.lua"))
    }

    @Test(arguments: ["Acme", "1acme", "acme homes", "../acme", "acme.lua", "", "-acme", "é", String(repeating: "a", count: 65)])
    func aBadNameIsRefusedNamingIt(name: String) throws {
        let folder = try Folder()
        let made = try folder.redress(["pack", "new", "--", name])
        #expect(made.status == 2)
        #expect(made.stderr.contains("name: expected lower-case letters, digits, '-' and '_', starting with a letter, at most 64 characters (e.g. acme-homes), got '\(name)'"),
                "\(made.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aLongestNameAndAnOutputPathAreTaken() throws {
        let folder = try Folder()
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("packs"), withIntermediateDirectories: true)
        let name = "a" + String(repeating: "b-_9", count: 15) + "xyz"
        #expect(name.count == 64)
        let made = try folder.redress(["pack", "new", name, "--output", "packs/p.lua"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try folder.text("packs/p.lua").contains("name = \"\(name)\""))
        let missing = try folder.redress(["pack", "new", "acme", "--output", "nowhere/acme.lua"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "redress: --output: cannot write 'nowhere/acme.lua': No such file or directory\n")
    }

    /// The examples of `redress pack new --help`, run as shown.
    @Test func theHelpsExamplesRun() throws {
        let folder = try Folder()
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("packs"), withIntermediateDirectories: true)
        let help = try folder.redress(["pack", "new", "--help"]).stdout
        let examples = help.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("redress ") }
        #expect(examples == ["redress pack new acme", "redress pack new acme --output packs/acme.lua", "redress check ./acme.lua"])
        for example in examples {
            let result = try folder.redress(Array(example.split(separator: " ").dropFirst().map(String.init)))
            #expect(result.status == 0, "\(example): \(result.stderr)")
        }
    }
}
