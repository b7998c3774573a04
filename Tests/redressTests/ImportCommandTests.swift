import Foundation
import Testing

@Suite struct ImportCommandTests {
    final class Folder {
        let url = URL(fileURLWithPath: "/tmp/rimp-\(UUID().uuidString.prefix(8))")
        var db: String { url.appendingPathComponent("r.sqlite").path }

        init() throws {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            #expect(try Redress.run(["init", "--db", db]).status == 0)
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        func file(_ name: String, _ text: String) throws -> String {
            let path = url.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        func scalar(_ sql: String) throws -> String {
            try Redress.run(["--db", db, "-e", "io.write(tostring(sql([[\(sql)]])[1].v))"]).stdout
        }
    }

    static let header = "received,channel,category,summary,event_date,complainant,complainant_email,service_request,legal_proceedings\n"
    static let good = header + [
        #"2026-12-22,email,repairs,"Boiler broken, no heat",2026-12-01,Ann Example,ann@example.org,,"#,
        #"2026-12-22,phone,repairs,Leak under the sink,2026-12-20,Bob Example,,yes,"#,
        #"2026-12-23,letter,damp_and_mould,"Mould ""everywhere""",2025-01-01,Cat Example,cat@example.org,,"#,
        #"2026-12-23,web,rent_and_charges,Charges wrong,2026-11-01,Ann Example,ANN@example.org,,Yes"#,
    ].map { $0 + "\n" }.joined()

    @Test func importsEveryRowThroughThePacksTriage() throws {
        let folder = try Folder()
        let result = try Redress.run(["import", "--db", folder.db, try folder.file("in.csv", Self.good)])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Imported 4 of 4 rows into \(folder.db): complaint excluded 2, complaint open 1, service_request open 1\n")
        // The Code's exclusions: 2.2(a) (more than 12 months) and 2.2(b) (legal proceedings).
        #expect(try folder.scalar("select group_concat(exclusion_clause, '; ') as v from cases") == "Code 2.2(a), 2.3; Code 2.2(b)")
        #expect(try folder.scalar("select summary as v from cases where id = 3") == "Mould \"everywhere\"")
        // Ann's second complaint (same email, other case) is the same party.
        #expect(try folder.scalar("select count(*) as v from parties") == "3")
        #expect(try folder.scalar("select script as v from events where type = 'received' limit 1").hasPrefix("redress import "))
        // 5 working days from 22 December 2026 (25 and 28 December are bank holidays).
        #expect(try folder.scalar("select due as v from clocks where case_id = 1") == "2026-12-31")
    }

    @Test func theComplainantsAddressAndRoleAreImported() throws {
        let folder = try Folder()
        let csv = "received,channel,complainant,complainant_address,complainant_role\n"
            + "2026-12-22,letter,Dee Example,\"4 Mill Lane, Exampleton\",leaseholder\n"
        let result = try Redress.run(["import", "--db", folder.db, try folder.file("in.csv", csv)])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try folder.scalar("select address || ' / ' || role as v from parties") == "4 Mill Lane, Exampleton / leaseholder")
    }

    /// The `tenure` column (for TSM returns by LCRA and LCHO): an empty cell is a tenure not
    /// known; any value but the two is a bad row naming the column, and nothing is imported.
    @Test func theTenureColumnIsImportedAndChecked() throws {
        let folder = try Folder()
        let csv = "received,channel,tenure\n2026-12-22,email,lcra\n2026-12-22,phone,lcho\n2026-12-23,web,\n"
        let result = try Redress.run(["import", "--db", folder.db, try folder.file("in.csv", csv)])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try folder.scalar("select group_concat(coalesce(tenure, 'unknown'), ' ') as v from cases") == "lcra lcho unknown")
        let bad = try folder.file("bad.csv", "received,channel,tenure\n2026-12-24,email,lcra\n2026-12-24,email,yes\n2026-12-24,email,Rent\n")
        let refused = try Redress.run(["import", "--db", folder.db, bad])
        #expect(refused.status == 2)
        #expect(refused.stderr == """
            \(bad): row 3, column tenure: unknown value 'yes' (expected one of: lcho, lcra)
            \(bad): row 4, column tenure: unknown value 'Rent' (expected one of: lcho, lcra)
            redress: \(bad): nothing imported: 2 of 3 rows are bad (fix them, or import the good ones with --skip-bad)

            """)
        #expect(try folder.scalar("select count(*) as v from cases") == "3")
    }

    @Test func aBadRowMeansNothingIsImportedAndEveryBadRowIsNamed() throws {
        let folder = try Folder()
        let csv = Self.good + [
            "2026-02-30,email,repairs,x,,,,,", "2026-12-24,fax,repairs,x,,,,,", "2026-12-24,email",
            "2026-12-24,email,repairs,x,2026-12-25,,,,",
        ].map { $0 + "\n" }.joined()
        let path = try folder.file("bad.csv", csv)
        let result = try Redress.run(["import", "--db", folder.db, path])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            \(path): row 6, column received: invalid date '2026-02-30': February 2026 has 28 days
            \(path): row 7, column channel: unknown value 'fax' (expected one of: email, in_person, letter, mp_or_councillor, other, phone, social_media, text, web)
            \(path): row 8: 2 fields, but the header has 9
            \(path): row 9, column event_date: 2026-12-25 is after the date received (2026-12-24)
            redress: \(path): nothing imported: 4 of 8 rows are bad (fix them, or import the good ones with --skip-bad)

            """)
        #expect(try folder.scalar("select count(*) as v from cases") == "0")
        #expect(try folder.scalar("select count(*) as v from parties") == "0")

        let skipping = try Redress.run(["import", "--skip-bad", "--db", folder.db, path])
        #expect(skipping.status == 0)
        #expect(skipping.stdout.hasPrefix("Imported 4 of 8 rows"))
        #expect(skipping.stdout.hasSuffix("Skipped 4 bad rows (listed on stderr).\n"))
        #expect(try folder.scalar("select count(*) as v from cases") == "4")
        #expect(try folder.scalar("select count(*) as v from parties") == "3")
    }

    @Test func aFileThatIsNotIntakeCSVIsRefused() throws {
        let folder = try Folder()
        let noChannel = try Redress.run(["import", "--db", folder.db, try folder.file("a.csv", "received,category\n2026-12-22,repairs\n")])
        #expect(noChannel.status == 2)
        #expect(noChannel.stderr.contains("row 1: no 'channel' column (the header has: received, category)"))
        let unclosed = try Redress.run(["import", "--db", folder.db, try folder.file("b.csv", "received,channel,summary\n2026-12-22,email,\"never closed\n")])
        #expect(unclosed.status == 2)
        #expect(unclosed.stderr.contains("row 2: a quoted field is never closed"))
        let missing = try Redress.run(["import", "--db", folder.db, folder.url.appendingPathComponent("nope.csv").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot open"))
        let noStore = try Redress.run(["import", "--db", folder.url.appendingPathComponent("none.sqlite").path, try folder.file("c.csv", Self.good)])
        #expect(noStore.status == 2)
        #expect(noStore.stderr.contains("no store at"))
    }
}
