import Foundation
import GRDB
import Testing
@testable import RedressCore

/// Sample sizes and draws: at least the share asked for, whole people, the same draw from the
/// same seed, never someone excluded.
@Suite struct SamplingTests {
    func people(_ count: Int) -> [Sampling.Subject] {
        (1...count).map { Sampling.Subject(partyID: Int64($0), caseID: Int64(100 + $0)) }
    }

    @Test func theTargetIsAtLeastTheShareInWholePeople() {
        // 10% of 30 is exactly 3 (0.1 * 30 in floating point is 3.0000000000000004).
        #expect(Sampling.target(perMillion: 100_000, of: 30) == 3)
        #expect(Sampling.target(perMillion: 100_000, of: 31) == 4)
        #expect(Sampling.target(perMillion: 250_000, of: 6) == 2)
        #expect(Sampling.target(perMillion: 250_000, of: 8) == 2)
        #expect(Sampling.target(perMillion: 100_000, of: 0) == 0)
        #expect(Sampling.target(perMillion: 1_000_000, of: 7) == 7)
    }

    @Test func aDrawDependsOnlyOnThePopulationAndTheSeed() {
        let population = people(50)
        let first = Sampling.draw(population, count: 5, excluding: [], seed: 42)
        #expect(first.count == 5)
        #expect(Set(first).count == 5)
        // The order the population comes in does not matter.
        #expect(Sampling.draw(population.reversed(), count: 5, excluding: [], seed: 42) == first)
        #expect(Sampling.draw(population, count: 5, excluding: [], seed: 43) != first)
        // Excluded people are never drawn, and there are never more than there are people.
        let excluded = Set(population.prefix(45).map(\.person))
        let rest = Sampling.draw(population, count: 10, excluding: excluded, seed: 42)
        #expect(Set(rest.compactMap(\.partyID)) == Set(46...50))
        // Two complaints by one person: one person.
        let twice = [Sampling.Subject(partyID: 1, caseID: 1), Sampling.Subject(partyID: 1, caseID: 2)]
        #expect(Sampling.draw(twice, count: 2, excluding: [], seed: 1).count == 1)
        #expect(Sampling.seed(base: 0, purpose: "feedback", period: "2026-Q4") != Sampling.seed(base: 0, purpose: "feedback", period: "2027-Q1"))
    }

    @Test func jobRunsAssignmentsDrawsAndLettersAreAppendOnly() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("redress-sampling-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try CaseStore(path: path)
        try store.write { db in
            try CaseStore.record(JobRunRecord(job: "j", due: TestData.date("2026-12-22"), asOf: TestData.date("2026-12-22"), status: .ok,
                                              startedAt: "t", finishedAt: "t", actor: nil, source: "j.lua", sourceHash: "h",
                                              summary: nil, files: []), in: db)
        }
        // A second successful run for the same (or an earlier) date is refused.
        #expect(throws: StoreError.self) {
            try store.write { db in
                try CaseStore.record(JobRunRecord(job: "j", due: TestData.date("2026-12-21"), asOf: TestData.date("2026-12-22"), status: .ok,
                                                  startedAt: "t", finishedAt: "t", actor: nil, source: "j.lua", sourceHash: "h",
                                                  summary: nil, files: []), in: db)
            }
        }
        for (table, message) in [("job_runs", "job_runs is append-only: a job run cannot be deleted")] {
            #expect(throws: StoreError(message: message)) { try store.write { try $0.execute(sql: "DELETE FROM main.\(table)") } }
        }
        #expect(throws: StoreError(message: "job_runs is append-only: a job run cannot be changed")) {
            try store.write { try $0.execute(sql: "UPDATE main.job_runs SET status = 'failed'") }
        }
        for table in ["assignments", "sample_draws", "letters"] {
            let sql = try store.read { try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: ["\(table)_are_append_only_delete"]) }
            #expect(sql?.contains("RAISE(ABORT, '\(table) is append-only") == true, "\(table)")
        }
    }
}
