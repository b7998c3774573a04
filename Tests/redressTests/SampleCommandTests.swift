import Foundation
import Testing

/// `redress sample` as a user runs it.
@Suite struct SampleCommandTests {
    static let header = "received,channel,category,summary,event_date,aware_date,complainant,complainant_email,"
        + "complainant_phone,service_request,dissatisfied,asked_for_complaint,legal_proceedings,"
        + "previously_considered,compliment,enquiry,anonymous,safeguarding"

    func folder() throws -> URL {
        let url = URL(fileURLWithPath: "/tmp/rs-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writesTheHeaderAndNRowsToStdout() throws {
        let result = try Redress.run(["sample", "--contacts", "250", "--seed", "3"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 252)  // header, 250 rows, and the empty text after the last "\n"
        #expect(lines.first.map(String.init) == SampleCommandTests.header)
        #expect(lines.last == "")
        // The same seed gives the same output; another seed, another.
        #expect(try Redress.run(["sample", "--contacts", "250", "--seed", "3"]).stdout == result.stdout)
        #expect(try Redress.run(["sample", "--contacts", "250", "--seed", "4"]).stdout != result.stdout)
    }

    /// With --policy, the flag columns are only the pack's boolean facts (WDH declares
    /// dissatisfied, asked_for_complaint, legal_proceedings and previously_considered; not
    /// service_request, compliment or enquiry), the rows otherwise the same, and the sample
    /// imports into a store bound to that pack.
    @Test func aSampleForAPackWritesItsFactsOnlyAndImportsIntoItsStore() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try Redress.run(["sample", "--contacts", "40", "--seed", "5", "--policy", "wdh"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "received,channel,category,summary,event_date,aware_date,complainant,complainant_email,complainant_phone,"
                + "dissatisfied,asked_for_complaint,legal_proceedings,previously_considered,anonymous,safeguarding")
        // The rows are drawn the same: each row is the full sample's without the three columns.
        let full = try Redress.run(["sample", "--contacts", "40", "--seed", "5"]).stdout.split(separator: "\n").map(String.init)
        let kept = Set(lines[0].split(separator: ",").map(String.init))
        let columns = full[0].split(separator: ",").map(String.init)
        for (row, line) in zip(full.dropFirst(), lines.dropFirst()) where !line.contains("\"") {
            let cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(zip(columns, cells).filter { kept.contains($0.0) }.map(\.1).joined(separator: ",") == line)
        }
        let csv = dir.appendingPathComponent("wdh.csv").path, db = dir.appendingPathComponent("wdh.sqlite").path
        try result.stdout.write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try Redress.run(["init", "--policy", "wdh", "--db", db]).status == 0)
        let imported = try Redress.run(["import", "--db", db, csv])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("Imported 40 of 40 rows"))
        // Without --policy the sample is hos-code's: WDH's store refuses its service_request column.
        try full.joined(separator: "\n").appending("\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let refused = try Redress.run(["import", "--db", db, csv])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("row 1: column service_request: unknown field: pack wdh declares no fact 'service_request'"))
        #expect(try Redress.run(["sample", "--contacts", "5", "--policy", "nope"]).stderr.contains("--policy: no pack 'nope'"))
    }

    @Test func receivedDatesFollowFromAndTo() throws {
        let result = try Redress.run(["sample", "--contacts", "100", "--from", "2026-03-02", "--to", "2026-03-06"])
        #expect(result.status == 0)
        let received = result.stdout.split(separator: "\n").dropFirst().map { $0.prefix(10) }
        #expect(received.count == 100)
        #expect(received.allSatisfy { $0 >= "2026-03-02" && $0 <= "2026-03-06" })
    }

    @Test func outputCreatesAnOwnerOnlyFileAndRefusesToReplaceOneWithoutForce() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("intake.csv").path
        let written = try Redress.run(["sample", "--contacts", "40", "--seed", "9", "--output", file])
        #expect(written == .init(status: 0, stdout: "", stderr: ""))
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int == 0o600)
        let contents = try String(contentsOfFile: file, encoding: .utf8)
        #expect(contents == (try Redress.run(["sample", "--contacts", "40", "--seed", "9"])).stdout)

        let refused = try Redress.run(["sample", "--contacts", "5", "--output", file])
        #expect(refused.status == 2)
        #expect(refused.stderr == "redress: --output: '\(file)' already exists (add --force to replace it)\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == contents)

        let replaced = try Redress.run(["sample", "--contacts", "5", "--output", file, "--force"])
        #expect(replaced.status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").count == 6)

        let noFolder = dir.appendingPathComponent("missing/intake.csv").path
        let unwritable = try Redress.run(["sample", "--contacts", "5", "--output", noFolder])
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr == "redress: --output: cannot write '\(noFolder)': No such file or directory\n")
    }

    @Test(arguments: [
        (["--contacts", "0"], "redress: --contacts: expected a whole number from 1 to 10,000,000, got '0'\n"),
        (["--contacts", "10000001"], "redress: --contacts: expected a whole number from 1 to 10,000,000, got '10000001'\n"),
        (["--contacts", "lots"], "redress: --contacts: expected a whole number from 1 to 10,000,000, got 'lots'\n"),
        (["--contacts", "5", "--seed", "x"],
         "redress: --seed: expected a whole number from 0 to 18446744073709551615, got 'x'\n"),
        (["--contacts", "5", "--from", "2024-13-01"],
         "redress: --from: invalid date '2024-13-01': month 13 is not between 1 and 12\n"),
        (["--contacts", "5", "--to", "2025-02-29"], "redress: --to: invalid date '2025-02-29': February 2025 has 28 days\n"),
        (["--contacts", "5", "--from", "1 Jan 2024"], "redress: --from: invalid date '1 Jan 2024': expected YYYY-MM-DD\n"),
        (["--contacts", "5", "--from", "2025-06-01", "--to", "2025-05-31"],
         "redress: --to: 2025-05-31 is before --from 2025-06-01\n"),
    ])
    func badInputExitsTwoWithAMessageNamingTheOptionAndValue(arguments: [String], message: String) throws {
        let result = try Redress.run(["sample"] + arguments)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == message)
    }

    @Test func contactsIsRequired() throws {
        let result = try Redress.run(["sample"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--contacts"))
    }
}
