import Testing
import RedressCore
@testable import RedressLua

/// The scenario runner through the real host: isolation between scenarios, and a malformed
/// scenario named by its field.
@Suite struct PackCheckTests {
    func check(_ source: String) throws -> [PackCheck.Result] {
        let folder = try TemporaryFolder()
        let path = try folder.write("pack.lua", source)
        var options = LuaState.Options()
        options.scripts = TestSupport.scripts
        options.holidayFiles = [TestSupport.scripts + "/calendar/uk-bank-holiday-changes.txt"]
        return try PackCheck.run(pack: path, options: options, actor: "tester")
    }

    @Test func eachScenarioStartsFromAnEmptyStore() throws {
        // The triage makes a case an enquiry when the store already holds one: both scenarios
        // pass only if neither sees the other's case.
        let results = try check("""
            return { name = "isolated", stages = { { name = "1" } },
              triage = function(intake)
                return { kind = sql("select count(*) as n from cases")[1].n == 0 and "complaint" or "enquiry" }
              end,
              scenarios = {
                { name = "first", intake = { received = "2026-12-22", channel = "email" }, expect = { kind = "complaint" } },
                { name = "second", intake = { received = "2026-12-23", channel = "email" }, expect = { kind = "complaint" } },
              } }
            """)
        #expect(results == [PackCheck.Result(name: "first", clause: nil, differences: []),
                            PackCheck.Result(name: "second", clause: nil, differences: [])])
    }

    @Test func aMalformedScenarioFailsNamingTheField() throws {
        let results = try check("""
            return { name = "malformed", stages = { { name = "1" } },
              scenarios = {
                { name = "typo", intake = { received = "2026-12-22", channel = "email" }, expect = { stauts = "open" } },
                { name = "bad date", intake = { received = "2026-12-22", channel = "email" }, expect = { due = { respond = "2026-02-30" } } },
                { name = "no date", intake = { received = "2026-12-22", channel = "email" },
                  steps = { { "acknowledge", {} } }, expect = {} },
              } }
            """)
        #expect(results.map(\.differences) == [
            ["scenarios[1].expect.stauts: unknown field (expected: anonymous, clause, closure, confidential, due, error, exclusion, flags, kind, "
             + "met_late, remedy, restriction, round, safeguarding, stage, status)"],
            ["scenarios[2].expect.due.respond: expected a date or false, got '2026-02-30'"],
            ["scenarios[3].steps[1]: give `on`, so the scenario does not depend on today"],
        ])
    }

    @Test func aPackThatDoesNotLoadIsAnError() throws {
        #expect(throws: PolicyError.self) { try check("return { name = 'x' }") }
    }
}
