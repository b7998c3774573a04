import Foundation
import RedressCore
import Testing
@testable import RedressLua

/// `Importer` on a pack whose triage fails on some intakes (`PackFaultTests.source`): a pack
/// error stops the import at its row and keeps nothing, with or without skipping bad rows; a
/// bad cell or a deliberate refusal is still a bad row.
@Suite struct ImporterTests {
    /// Imports `csv` into a store bound to the faulty pack; the report, or the error thrown.
    func importing(_ csv: String, skipBad: Bool, into fixture: PackFaultTests.Fixture) throws -> Result<Importer.Report, Error> {
        let path = try fixture.folder.write("intake.csv", csv)
        do {
            return .success(try fixture.cases.state.withTransaction(on: fixture.cases.store) {
                try Importer.run(path: path, in: fixture.cases.state, skipBad: skipBad)
            })
        } catch {
            return .failure(error)
        }
    }

    @Test(arguments: [false, true])
    func aPackErrorStopsTheImportAtItsRowAndKeepsNothing(skipBad: Bool) throws {
        let fixture = try PackFaultTests.Fixture()
        let outcome = try importing("""
            received,channel,category
            2026-12-01,email,repairs
            2026-12-02,email,nil index
            2026-12-03,email,nil index
            2026-12-04,email,repairs

            """, skipBad: skipBad, into: fixture)
        guard case .failure(let failure as Importer.PackFailure) = outcome else {
            Issue.record("expected a pack failure, got \(outcome)")
            return
        }
        // The header is row 1: the first failing intake is row 3, and the import stops there.
        #expect(failure.row == 3)
        #expect(failure.error.pack == PackFault(pack: "faulty", hook: "triage", file: fixture.path, line: 5,
                                                error: "attempt to index a nil value (field 'missing')",
                                                during: "while triaging an intake received 2026-12-02"))
        #expect(failure.error.traceback.contains("\(fixture.path):5:"), "\(failure.error.traceback)")
        #expect(failure.description.hasPrefix("row 3: pack error: \(fixture.path):5: attempt to index a nil value (field 'missing') in triage()"))
        #expect(failure.description.hasSuffix("nothing imported: the import stops at the pack's first error, which no row can fix (fix the pack, then import again)"))
        #expect(try fixture.cases.count("cases") == 0)
        #expect(try fixture.cases.count("parties") == 0)
    }

    @Test func aBadCellAndARefusalAreStillBadRows() throws {
        let fixture = try PackFaultTests.Fixture()
        let outcome = try importing("""
            received,channel,category
            2026-12-01,email,repairs
            2026-02-30,email,repairs
            2026-12-03,email,refused

            """, skipBad: true, into: fixture)
        guard case .success(let report) = outcome else {
            Issue.record("expected a report, got \(outcome)")
            return
        }
        #expect(report.imported == 1)
        #expect(report.bad.map(\.description) == [
            "row 3, column received: invalid date '2026-02-30': February 2026 has 28 days",
            "row 4: refused by policy faulty: the intake gives no address (clause 3.1)",
        ])
        #expect(try fixture.cases.count("cases") == 1)
    }
}
