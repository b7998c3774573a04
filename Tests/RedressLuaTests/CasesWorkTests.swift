import Foundation
import GRDB
import Testing
import RedressCore
@testable import RedressLua

/// c:assign, c:actions, c:learn and cases.learning_done through the real host.
@Suite struct CasesWorkTests {
    typealias Fixture = CasesModuleTests.Fixture

    @Test func assignmentsNameTheCasesOfficerAndTheLatestWins() throws {
        let fixture = try Fixture()
        let result = try fixture.run("""
            local c = cases.intake{ received = "2026-12-22", channel = "email" }
            local before = c.officer
            c:assign{ officer = "JB", on = "2026-12-22" }
            local first = c.officer
            c:assign{ officer = " AK " }
            return { tostring(before), first, c.officer, cases.get(c.ref).officer, #cases.find{ overdue = false } }
            """)
        #expect(result == .array([.string("nil"), .string("JB"), .string("AK"), .string("AK"), .integer(1)]))
        let rows = try fixture.store.read { try Row.fetchAll($0, sql: "SELECT officer, assigned FROM assignments ORDER BY id") }
        #expect(rows.map { "\($0["officer"] as String) \($0["assigned"] as String)" } == ["JB 2026-12-22", "AK 2026-12-23"])
        #expect(try fixture.count("events WHERE type = 'assigned'") == 2)
    }

    @Test func refusalsNameTheFieldAndChangeNothing() throws {
        let fixture = try Fixture()
        try fixture.run("cases.intake{ received = '2026-12-22', channel = 'email' }")
        let before = try fixture.snapshot()
        #expect(try fixture.failure("cases.get('C-2026-000001'):assign{ officer = '' }")
                == "test:1: case:assign: C-2026-000001: officer: must not be empty")
        #expect(try fixture.failure("cases.get('C-2026-000001'):assign{ officr = 'JB' }")
                == "test:1: case:assign: unknown field 'officr' (expected: officer, on)")
        #expect(try fixture.failure("cases.get('C-2026-000001'):assign{ officer = 'JB', on = '2026-02-30' }")
                == "test:1: case:assign: C-2026-000001: on: invalid date '2026-02-30': February 2026 has 28 days")
        #expect(try fixture.failure("cases.get('C-2026-000001'):actions{}")
                == "test:1: case:actions: C-2026-000001: case C-2026-000001 has no decision yet: record the response first")
        #expect(try fixture.failure("cases.get('C-2026-000001'):learn{ area = 'repairs' }")
                == "test:1: case:learn: C-2026-000001: action: required: what will change as a result of the complaint")
        #expect(try fixture.failure("cases.learning_done(99)") == "test:1: cases.learning_done: id: no learning action 99")
        #expect(try fixture.snapshot() == before)
    }

    @Test func aDecisionsOutstandingActionsAndLearningAreRecorded() throws {
        let fixture = try Fixture()
        let id = try fixture.run("""
            local c = cases.intake{ received = "2026-12-22", channel = "email", summary = "Boiler" }
            c:acknowledge{ on = "2026-12-23" }
            c:respond{ on = "2027-01-05", outcome = "upheld", findings = "Late repair", reasons = "Target missed",
                       remedy = { { kind = "apology", reason = "late" } } }
            c:actions{ { description = "Replace the boiler", owner = "Repairs", due = "2027-01-15" } }
            local id = c:learn{ action = "Book boiler repairs within 24 hours", area = "repairs", owner = "Head of Repairs",
                                due = "2027-03-31" }
            cases.learning_done(id, "2027-02-01")
            return id
            """)
        #expect(id == .integer(1))
        let actions = try fixture.store.read { try Row.fetchAll($0, sql: "SELECT description, owner, due FROM actions") }
        #expect(actions.map { "\($0["description"] as String)/\($0["owner"] as String)/\($0["due"] as String)" }
                == ["Replace the boiler/Repairs/2027-01-15"])
        let learning = try fixture.store.read { try Row.fetchOne($0, sql: "SELECT action, area, due, done, recorded FROM learning_actions") }
        #expect(learning?["done"] == "2027-02-01")
        #expect(learning?["recorded"] == "2026-12-23")
        #expect(try fixture.failure("cases.learning_done(1)") == "test:1: cases.learning_done: id: learning action 1 was already done on 2027-02-01")
        // An empty list records that the decision leaves nothing outstanding.
        try fixture.run("cases.get('C-2026-000001'):actions{}")
        let counts = try fixture.store.read {
            try Int.fetchAll($0, sql: "SELECT json_extract(data, '$.count') FROM events WHERE type = 'actions_recorded' ORDER BY id")
        }
        #expect(counts == [1, 0])
    }
}
