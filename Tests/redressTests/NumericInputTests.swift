import Foundation
import Testing

/// Issue 14, "The host never crashes": numbers and nesting from a script, a pack, a CSV or the
/// command line that used to end `redress` with SIGILL (a Swift overflow trap, exit 132) or
/// SIGSEGV (a deep table) now give an ordinary error naming the field and the value, exit
/// non-zero without a signal, and leave the store as it was.
@Suite struct NumericInputTests {
    /// A fresh folder with a store bound to `pack` (Lua source), a case received on Monday
    /// 5 January 2026 and acknowledged the next day.
    final class Workspace {
        let folder: URL
        let db: String

        init(pack: String = NumericInputTests.unlimitedPack) throws {
            folder = URL(fileURLWithPath: "/tmp/rn-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            db = folder.appendingPathComponent("s.sqlite").path
            let file = folder.appendingPathComponent("pack.lua")
            try pack.write(to: file, atomically: true, encoding: .utf8)
            let created = try Redress.run(["init", "--db", db, "--policy", file.path])
            #expect(created.status == 0, "\(created.stderr)")
            let opened = try Redress.run(["--db", db, "-e", """
                local c = cases.intake{ received = "2026-01-05", channel = "email", summary = "Leak" }
                c:acknowledge{ on = "2026-01-06" }
                """])
            #expect(opened.status == 0, "\(opened.stderr)")
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func run(_ code: String, _ options: [String] = []) throws -> Redress.Result {
            try Redress.run(["--db", db] + options + ["-e", code])
        }

        /// Rows in the tables a refused call could have written: events/cases/clocks/extensions/decisions.
        func counts() throws -> String {
            let tables = ["events", "cases", "clocks", "extensions", "decisions"]
            let query = tables.map { "(select count(*) from \($0))" }.joined(separator: " || '/' || ")
            let result = try run("io.write(sql(\"select \(query) as n\")[1].n)")
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
    }

    static let unlimitedPack = """
        return { name = "ranges", calendar = { region = "england-and-wales" }, stages = { { name = "1", clocks = {
          acknowledge = { working_days = 5, from = "received" },
          respond = { days = 28, from = "acknowledged", extension = { unlimited = true } } } } } }
        """

    /// Exit 1 (not a signal), the message on stderr, nothing on stdout.
    static func expectRefused(_ result: Redress.Result, _ message: String, status: Int32 = 1,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout == "", sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        ("print(date(2026,1,1) + math.maxinteger)",
         "date arithmetic: 2026-01-01 + 9223372036854775807 days is outside 0001-01-01 to 9999-12-31"),
        ("print(date(2026,1,1) - math.mininteger)",
         "date arithmetic: 2026-01-01 - -9223372036854775808 days is outside 0001-01-01 to 9999-12-31"),
        ("print(date(2026,1,1):add_months(2^59))",
         "bad argument #1 to 'add_months' (2026-01-01 + 576460752303423488 months is outside 0001-01-01 to 9999-12-31)"),
        ("print(date(2026,1,1):add_years(2^58))",
         "bad argument #1 to 'add_years' (2026-01-01 + 288230376151711744 years is outside 0001-01-01 to 9999-12-31)"),
        ("print(date(2026,1,1):add_weeks(math.maxinteger))",
         "bad argument #1 to 'add_weeks' (2026-01-01 + 9223372036854775807 weeks is outside 0001-01-01 to 9999-12-31)"),
        ("print(date(2026,1,1):add_days(math.mininteger))",
         "bad argument #1 to 'add_days' (2026-01-01 + -9223372036854775808 days is outside 0001-01-01 to 9999-12-31)"),
        ("print(date('9999-12-31') + 1)", "date arithmetic: 9999-12-31 + 1 days is outside 0001-01-01 to 9999-12-31"),
        ("print(date('0001-01-01') - 1)", "date arithmetic: 0001-01-01 - 1 days is outside 0001-01-01 to 9999-12-31"),
        ("print(date(math.mininteger, 1, 1))", "invalid date: year -9223372036854775808 is outside 0001–9999"),
        ("print(calendar:add_working_days('2026-01-01', math.maxinteger))",
         "9223372036854775807 working days from 2026-01-01 falls outside the calendar's range 1995-01-01 to 2100-12-31"),
        ("print(calendar:add_working_days('2026-01-01', math.mininteger))",
         "-9223372036854775808 working days from 2026-01-01 falls outside the calendar's range 1995-01-01 to 2100-12-31"),
    ])
    func dateArithmeticOutOfRangeIsAnErrorNotATrap(code: String, message: String) throws {
        Self.expectRefused(try Redress.run(["-e", code]), message)
    }

    @Test func theEdgesOfTheRangesStillWork() throws {
        let result = try Redress.run(["-e", """
            print(date('9999-12-30') + 1, date('0001-01-02') - 1, date('2026-01-31'):add_months(1))
            print(calendar:add_working_days('2026-12-22', 5))
            """])
        // GOV.UK: Christmas Day Friday 25 December 2026, Boxing Day (substitute) Monday 28 December.
        #expect(result == .init(status: 0, stdout: "9999-12-31\t0001-01-01\t2026-02-28\n2026-12-31\n", stderr: ""))
    }

    @Test func anExtensionTooLongIsRefusedNamingTheFieldAndTheStoreIsUnchanged() throws {
        let workspace = try Workspace()
        let before = try workspace.counts()
        let ref = "C-2026-000001"
        for (unit, maximum) in [("days", 3650), ("working_days", 2600), ("weeks", 520), ("months", 120)] {
            let result = try workspace.run("cases.get('\(ref)'):extend{ clock = 'respond', \(unit) = math.maxinteger, reason = 'x' }")
            Self.expectRefused(result, "case:extend: \(ref): \(unit): expected at most \(maximum) \(unit.replacingOccurrences(of: "_", with: " ")) (about ten years), got 9223372036854775807")
        }
        #expect(try workspace.counts() == before)
        // Within the bound it is recorded: due 3 February 2026 (28 days from the acknowledgement), plus 3650 days.
        let granted = try workspace.run("print(cases.get('\(ref)'):extend{ clock = 'respond', days = 3650, reason = 'x' }.due.respond)")
        #expect(granted == .init(status: 0, stdout: "2036-02-01\n", stderr: ""))
    }

    @Test func aPackDurationPastItsUnitsBoundIsRefusedAtInit() throws {
        let folder = URL(fileURLWithPath: "/tmp/rn-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = folder.appendingPathComponent("bad.lua")
        let db = folder.appendingPathComponent("s.sqlite").path
        for (clock, message) in [
            ("respond = { working_days = math.maxinteger, from = 'received' }",
             "stages[1].clocks.respond.working_days: expected at most 2600 working days (about ten years), got 9223372036854775807"),
            ("respond = { months = 121, from = 'received' }",
             "stages[1].clocks.respond.months: expected at most 120 months (about ten years), got 121"),
            ("respond = { days = 10, from = 'received', extension = { weeks = 1 << 62 } }",
             "stages[1].clocks.respond.extension.weeks: expected at most 520 weeks (about ten years), got 4611686018427387904"),
        ] {
            try "return { name = 'bad', stages = { { name = '1', clocks = { \(clock) } } } }".write(to: pack, atomically: true, encoding: .utf8)
            // A bad pack is a usage error of init (exit 2, as for any other bad field).
            Self.expectRefused(try Redress.run(["init", "--db", db, "--policy", pack.path]), "\(pack.path): \(message)", status: 2)
            #expect(!FileManager.default.fileExists(atPath: db))
            let check = try Redress.run(["check", "--code", pack.path])
            #expect(check.status == 2 && check.stderr.contains(message), "\(check.stderr)")
        }
        try "return { name = 'bad', stages = { { name = '1' } }, retention = { years = math.maxinteger } }".write(to: pack, atomically: true, encoding: .utf8)
        Self.expectRefused(try Redress.run(["init", "--db", db, "--policy", pack.path]),
                           "retention.years: expected at most 100 years, got 9223372036854775807", status: 2)
    }

    @Test func dateArithmeticNeverReachesYear10000InTheStore() throws {
        let workspace = try Workspace(pack: """
            return { name = "days", calendar = { region = "england-and-wales" }, stages = { { name = "1", clocks = {
              acknowledge = { days = 10, from = "received" } } } } }
            """)
        let before = try workspace.counts()
        Self.expectRefused(try workspace.run("cases.intake{ received = '9999-12-25', channel = 'email' }"),
                           "clock acknowledge: 9999-12-25 + 10 days is outside 0001-01-01 to 9999-12-31")
        let csv = workspace.folder.appendingPathComponent("in.csv")
        try "received,channel\n2026-01-07,email\n9999-12-25,email\n".write(to: csv, atomically: true, encoding: .utf8)
        let imported = try Redress.run(["import", "--db", workspace.db, csv.path])
        #expect(imported.status != 0 && imported.status < 128)
        #expect(imported.stderr.contains("row 3: cannot record received on 9999-12-25: clock acknowledge: 9999-12-25 + 10 days is outside 0001-01-01 to 9999-12-31"),
                "\(imported.stderr)")
        #expect(try workspace.counts() == before)
    }

    @Test(arguments: ["1994-12-31", "2101-01-01"])
    func asOfOutsideTheCalendarsYearsIsRefused(date: String) throws {
        // A command-line value: a usage error, exit 2, like any other bad --as-of.
        Self.expectRefused(try Redress.run(["--as-of", date, "-e", "print(date.today())"]),
                           "redress: --as-of: \(date) is outside the calendar's years 1995–2100", status: 2)
        // The REPL's .asof refuses it too, and "today" stays as it was.
        let repl = try Redress.run(["--as-of", "2026-12-22"], input: ".asof \(date)\nprint(date.today())\n")
        #expect(repl.stderr.contains(".asof: \(date) is outside the calendar's years 1995–2100"), "\(repl.stderr)")
        #expect(repl.stdout.contains("2026-12-22"), "\(repl.stdout)")
        #expect(repl.status < 128)
        #expect(try Redress.run(["--as-of", "2100-12-31", "-e", "print(date.today())"]).stdout == "2100-12-31\n")
    }

    @Test func countsOnTheCommandLineAreRefusedNotTrapped() throws {
        Self.expectRefused(try Redress.run(["calendar", "add", "2026-01-01", "9223372036854775807"]),
                           "9223372036854775807 working days from 2026-01-01 falls outside the calendar's range", status: 2)
        Self.expectRefused(try Redress.run(["--max-memory", "9223372036854775807", "-e", "print(1)"]),
                           "--max-memory: expected at most 1048576 MB (1 TB), got 9223372036854775807", status: 2)
    }

    @Test(arguments: ["-5", "math.mininteger", "2^62"])
    func scenariosWhoseLengthIsALieAreNotTrusted(length: String) throws {
        let folder = URL(fileURLWithPath: "/tmp/rn-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = folder.appendingPathComponent("len.lua")
        try """
            return { name = 'len', stages = { { name = '1' } },
                     scenarios = setmetatable({}, { __len = function() return \(length) end }) }
            """.write(to: pack, atomically: true, encoding: .utf8)
        let result = try Redress.run(["check", pack.path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("FAIL  len: the pack carries no scenarios"), "\(result.stdout)")
    }

    @Test func aNumberOfHomesTooLargeForCH01IsRefused() throws {
        let workspace = try Workspace()
        Self.expectRefused(try Redress.run(["settings", "set", "homes", "9223372036854775807", "--db", workspace.db]),
                           "homes: expected at most 10000000 homes, got '9223372036854775807'", status: 2)
        #expect(try Redress.run(["settings", "set", "homes", "10000000", "--db", workspace.db]).status == 0)
        let report = try Redress.run(["report", "tsm", "--db", workspace.db, "--as-of", "2026-06-01"])
        #expect(report.status == 0, "\(report.stderr)")
    }

    @Test func aCSVHeaderWiderThanAnyIntakeIsRefused() throws {
        let workspace = try Workspace()
        let before = try workspace.counts()
        let csv = workspace.folder.appendingPathComponent("wide.csv")
        let header = (["received", "channel"] + (1...10_000).map { "c\($0)" }).joined(separator: ",")
        try (header + "\n2026-01-07,email" + String(repeating: ",", count: 10_000) + "\n").write(to: csv, atomically: true, encoding: .utf8)
        Self.expectRefused(try Redress.run(["import", "--db", workspace.db, csv.path]),
                           "\(csv.path): row 1: the header has 10002 columns (at most 10000)", status: 2)
        #expect(try workspace.counts() == before)
    }

    @Test func aRemedyTooLargeIsRefusedAndTheStoreIsUnchanged() throws {
        let workspace = try Workspace()
        let before = try workspace.counts()
        let result = try workspace.run("""
            cases.get('C-2026-000001'):respond{ outcome = 'upheld', remedy = {
              { kind = 'apology', pence = math.maxinteger, reason = 'x' }, { kind = 'apology', pence = math.maxinteger, reason = 'y' } } }
            """)
        Self.expectRefused(result, "remedy.items[1].pence: expected at most 1000000000 pence (£10,000,000), got 9223372036854775807")
        #expect(try workspace.counts() == before)
    }

    @Test func tablesNestedTooDeepAreRefusedNotASegfault() throws {
        let workspace = try Workspace()
        let before = try workspace.counts()
        let deep = "local t = {} for _ = 1, 60000 do t = { t } end "
        Self.expectRefused(try workspace.run(deep + "print(sql('select ?', t))"),
                           "bad argument #2 to 'sql' (SQL parameter expected (nil, boolean, number, string or date), got table)")
        Self.expectRefused(try workspace.run(deep + "cases.get('C-2026-000001'):respond{ outcome = 'upheld', findings = t }"),
                           "case:respond: C-2026-000001: findings: a table nested more than 200 levels deep")
        Self.expectRefused(try workspace.run("local t = {} for _ = 1, 40 do t = { t, t } end cases.get('C-2026-000001'):respond{ outcome = 'upheld', findings = t }"),
                           "case:respond: C-2026-000001: findings: a table of more than 1000000 values")
        #expect(try workspace.counts() == before)

        let pack = workspace.folder.appendingPathComponent("deep.lua")
        try (deep + "return { name = 'deep', stages = { { name = '1' } }, scenarios = { t } }").write(to: pack, atomically: true, encoding: .utf8)
        Self.expectRefused(try Redress.run(["init", "--db", workspace.folder.appendingPathComponent("d.sqlite").path, "--policy", pack.path]),
                           "\(pack.path): the chunk returned a table nested more than 200 levels deep")
    }
}
