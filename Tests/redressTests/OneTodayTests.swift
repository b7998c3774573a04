import Foundation
import Testing

/// One "today" per run (issue 16 item 2): `--as-of` is what `overdue_clocks` (through `sql()`)
/// and `cases.find{ overdue = true }` both count against, at any date.
@Suite struct OneTodayTests {
    @Test func theViewAndTheLuaAPIAgreeAtThreeDates() throws {
        let folder = URL(fileURLWithPath: "/tmp/rt-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("t.sqlite").path
        #expect(try Redress.run(["init", "--db", db, "--policy", "hos-code"]).status == 0)
        // Acknowledgements are due 5 working days after receipt: received Monday 2 November 2026,
        // due Monday 9 November; received Monday 16 November, due Monday 23 November;
        // received Monday 30 November, due Monday 7 December.
        let made = try Redress.run(["--db", db, "--as-of", "2026-11-30", "-e", """
            for _, day in ipairs { "2026-11-02", "2026-11-16", "2026-11-30" } do
              cases.intake{ received = day, channel = "email", summary = "Repairs", complainant = { name = "A " .. day } }
            end
            """])
        #expect(made.status == 0, "\(made.stderr)")
        let count = """
            local view = sql("select count(distinct ref) as n from overdue_clocks")[1].n
            print(view, #cases.find{ overdue = true })
            """
        // The system's date (2 December 2026 or later) would count two or three, whatever --as-of says.
        for (asOf, expected) in [("2026-11-09", "0\t0"), ("2026-11-24", "2\t2"), ("2026-12-08", "3\t3")] {
            let result = try Redress.run(["--db", db, "--as-of", asOf, "-e", count])
            #expect(result.stdout == expected + "\n", "as of \(asOf): \(result.stderr)")
        }
        // .asof in the REPL moves it too.
        let oneLine = "print(sql('select count(distinct ref) as n from overdue_clocks')[1].n, #cases.find{ overdue = true })\n"
        let repl = try Redress.run(["--db", db, "--as-of", "2026-11-09"], input: oneLine + ".asof 2026-11-24\n" + oneLine)
        #expect(repl.stdout.contains("0\t0\n"), "\(repl.stdout)\(repl.stderr)")
        #expect(repl.stdout.contains("2\t2\n"), "\(repl.stdout)\(repl.stderr)")
    }
}
