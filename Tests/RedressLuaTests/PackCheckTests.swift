import Foundation
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

    /// A triage that reads a field the pack does not declare fails the check, naming the field
    /// and the scenario whose intake showed it (WDH's signpost reads `licence_to_occupy`, which
    /// its header comment never listed).
    @Test func aTriageThatReadsAnUndeclaredFactFails() throws {
        let results = try check("""
            return { name = "reads", stages = { { name = "1" } },
              facts = { asb = { type = "boolean", meaning = "a report of antisocial behaviour" } },
              triage = function(intake)
                if intake.asb and not intake.about_handling then return { exclude = "ASB", clause = "Exclusions" } end
                for key in pairs(intake) do local _ = key end
                return { kind = "complaint", stage = "1" }
              end,
              scenarios = {
                { name = "an ASB report", intake = { received = "2026-12-22", channel = "email", asb = true }, expect = { status = "excluded" } },
                { name = "a complaint", intake = { received = "2026-12-22", channel = "email" }, expect = { status = "open" } },
              } }
            """)
        #expect(results.count == 3)
        #expect(results[0].passed && results[1].passed)
        #expect(results[2].name == "the facts triage reads")
        #expect(results[2].differences == [
            "triage reads 'about_handling' (on the intake of scenario 'an ASB report'), which is neither a standard intake field nor one of "
            + "the pack's facts, so no intake can give it: declare it beside its clause, facts = { about_handling = { type = "
            + "\"boolean\"|\"date\"|\"text\"|\"number\"|{ ... }, meaning = \"...\", clause = \"...\" } }",
        ])
    }

    @Test func everyShippedPacksTriageReadsOnlyWhatItDeclares() throws {
        var options = LuaState.Options()
        options.scripts = TestSupport.scripts
        options.holidayFiles = [TestSupport.scripts + "/calendar/uk-bank-holiday-changes.txt"]
        for pack in ["hos-code", "wdh", "halton", "southern-charity", "willow-tree", "winchester"] {
            let results = try PackCheck.run(pack: TestSupport.scripts + "/policies/\(pack).lua", options: options, actor: "tester")
            #expect(!results.contains { $0.name == "the facts triage reads" }, "\(pack): \(results.filter { !$0.passed })")
        }
    }

    /// A hook of the pack that fails fails its scenario as a pack error, naming the pack's line,
    /// with the traceback from there: never as a refusal, even where the scenario expects one.
    @Test func aHookThatFailsIsAPackErrorNeverARefusal() throws {
        let folder = try TemporaryFolder()
        // Line 3 fails on a damp intake, line 7 on every remedy; line 4 refuses on purpose.
        let path = try folder.write("failing.lua", """
            return { name = "failing", stages = { { name = "1", clocks = { respond = { working_days = 10, from = "received" } } } }, facts = { since = { type = "date", meaning = "when the damp began" } },
              triage = function(intake)
                if intake.category == "damp" then return { kind = "complaint", stage = date(intake.since) } end
                if intake.category == "no address" then refuse("an address is required (clause 2)") end
                return { kind = "complaint", stage = "1" }
              end,
              remedy = function(case, findings) return findings.delay.days end,
              scenarios = {
                { name = "triage fails", clause = "3.1", intake = { received = "2026-12-01", channel = "email", category = "damp" },
                  expect = { kind = "complaint" } },
                { name = "the failure expected as a refusal", intake = { received = "2026-12-01", channel = "email", category = "damp" },
                  expect = { error = "bad argument" } },
                { name = "remedy fails", intake = { received = "2026-12-01", channel = "email" },
                  steps = { { "respond", { on = "2026-12-10", outcome = "upheld", findings = {} } } }, expect = {} },
                { name = "the remedy's failure expected as a refusal", intake = { received = "2026-12-01", channel = "email" },
                  steps = { { "respond", { on = "2026-12-10", outcome = "upheld", findings = {} }, refused = "attempt to index" } },
                  expect = {} },
                { name = "a deliberate refusal", intake = { received = "2026-12-01", channel = "email", category = "no address" },
                  expect = { error = "an address is required" } },
              } }
            """)
        var options = LuaState.Options()
        options.scripts = TestSupport.scripts
        options.holidayFiles = [TestSupport.scripts + "/calendar/uk-bank-holiday-changes.txt"]
        let results = try PackCheck.run(pack: path, options: options, actor: "tester")
        let triage = "pack error: \(path):3: bad argument #1 to 'date' (date expected, got nil) in triage(), "
            + "while triaging an intake received 2026-12-01"
        let remedy = "pack error: \(path):7: attempt to index a nil value (field 'delay') in remedy(), while answering C-2026-000001"
        #expect(results.map(\.name) == ["triage fails", "the failure expected as a refusal", "remedy fails",
                                        "the remedy's failure expected as a refusal", "a deliberate refusal"])
        #expect(results.map(\.clause) == ["3.1", nil, nil, nil, nil])
        #expect(results.map(\.differences) == [[triage], [triage], [remedy], [remedy], []])
        for (result, line) in zip(results.prefix(4), [3, 3, 7, 7]) {
            #expect(result.traceback.hasPrefix("stack traceback:\n"), "\(result.traceback)")
            #expect(result.traceback.contains("\(path):\(line):"), "\(result.traceback)")
        }
        #expect(results.last?.traceback == "")
    }

    /// `check --code` runs the triage alone: one that fails is reported with the pack's line.
    @Test func aTriageThatFailsAgainstTheWindowNamesItsLine() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("dated.lua", """
            return { name = "dated", acceptance = { months = 12, clause = "2.3" }, stages = { { name = "1" } },
              triage = function(intake)
                if intake.event_date then local kind = intake.event_date:kind(); return { kind = kind } end
                return { kind = "complaint", stage = "1" }
              end,
              scenarios = { { name = "a complaint", intake = { received = "2026-12-22", channel = "email" }, expect = { status = "open" } } } }
            """)
        let found = try #require(try acceptance(of: path))
        // (It also accepts, past the window, a complaint dated by its aware_date alone.)
        #expect(found.filter { $0.contains("triage fails") }.count == 1, "\(found)")
        #expect(found.first?.hasPrefix("acceptance (triage): triage fails on received 2026-06-16, event_date 2025-06-16 "
                                       + "(the window's last day 2026-06-16), the intake of scenario 'a complaint': "
                                       + "pack error: \(path):3: attempt to call a nil value (method 'kind') [2.3]") == true, "\(found)")
    }

    @Test func aPackThatDoesNotLoadIsAnError() throws {
        #expect(throws: PolicyError.self) { try check("return { name = 'x' }") }
    }

    /// `redress check --code`'s comparison of a pack's triage with its declared acceptance
    /// window, as lines.
    func acceptance(of path: String) throws -> [String]? {
        let state = try TestSupport.state { $0.scriptFolders = [String(path[..<path.lastIndex(of: "/")!])] }
        let pack = try PolicyLoader.load(path: path, in: state)
        let calendar = try state.loadedHolidayData().calendar(pack.region, closures: pack.closures)
        return try PackCheck.acceptance(of: pack, path: path, calendar: calendar, in: state)?.map(\.description)
    }

    @Test func theLandlordsTriageAgreesWithTheWindowsTheyDeclare() throws {
        for name in ["hos-code", "wdh", "halton", "willow-tree"] {
            #expect(try acceptance(of: TestSupport.scripts + "/policies/\(name).lua") == [], "\(name)")
        }
        // Winchester and the southern charity set no time limit: nothing to compare.
        for name in ["winchester", "southern-charity"] {
            #expect(try acceptance(of: TestSupport.scripts + "/policies/\(name).lua") == nil, "\(name)")
        }
    }

    @Test func aTriageWithoutItsTimeBarIsCaught() throws {
        // A pack that declares 3 months and accepts everything: from 16 June 2025 the last day is
        // 16 September, and a complaint on 17 September is accepted.
        let folder = try TemporaryFolder()
        let path = try folder.write("three.lua", """
            return { name = "three", acceptance = { months = 3, clause = "Time limits" }, stages = { { name = "1" } },
              triage = function(intake) return { kind = "complaint", stage = "1" } end,
              scenarios = { { name = "a complaint", intake = { received = "2026-12-22", channel = "email" }, expect = { status = "open" } } } }
            """)
        #expect(try acceptance(of: path) == [
            "acceptance (triage): triage accepts a complaint the declared window (3 months from the later of event_date and aware_date) "
            + "excludes: received 2025-09-17, event_date 2025-06-16 (the window's last day 2025-09-16), the intake of scenario "
            + "'a complaint'; the lifecycle excludes it [Time limits]",
        ])
    }

    @Test func aTriageCountingBackFromReceiptDepartsAtTheMonthsEnd() throws {
        // WDH's six months counted back from the receipt: on 28 February 2026, six months back is
        // 28 August 2025, so a problem of 31 August looks recent; counted forward, as declared,
        // 31 August + 6 months is 28 February, which is already six months after.
        let folder = try TemporaryFolder()
        let wdh = try String(contentsOfFile: TestSupport.scripts + "/policies/wdh.lua", encoding: .utf8)
        let forward = "if started and date(started):add_months(6) <= date(intake.received) then"
        #expect(wdh.contains(forward))
        let path = try folder.write("wdh.lua", wdh.replacingOccurrences(
            of: forward, with: "if started and date(started) <= date(intake.received):add_months(-6) then"))
        let found = try #require(try acceptance(of: path))
        #expect(found.count == 1)
        #expect(found.first?.contains("triage accepts a complaint the declared window (6 months from the later of event_date and "
                                      + "aware_date, the day 6 months on outside) excludes: received 2026-02-28, event_date 2025-08-31 "
                                      + "(the window's last day 2026-02-27)") == true)
    }

    @Test func aTriageThatIgnoresTheExceptionOrExcludesInsideIsCaught() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("strict.lua", """
            return { name = "strict", stages = { { name = "1" } },
              acceptance = { months = 12, clause = "2.3", exceptions = { ombudsman_instruction = { clause = "HOS" } } },
              facts = { ombudsman_instruction = { type = "boolean", meaning = "the Ombudsman instructs the landlord to take it" } },
              triage = function(intake)
                local started = intake.aware_date or intake.event_date
                -- eleven months, not twelve, and no regard for the Ombudsman
                if started and date(started):add_months(11) < date(intake.received) then
                  return { exclude = "too old", clause = "2.3" }
                end
                return { kind = "complaint", stage = "1" }
              end,
              scenarios = { { name = "recent", intake = { received = "2026-12-22", channel = "email" }, expect = { status = "open" } } } }
            """)
        // From 16 June 2025: the last day is 16 June 2026, inside; 11 months end on 16 May.
        #expect(try acceptance(of: path) == [
            "acceptance (triage): triage excludes a complaint inside the declared window (12 months from the later of event_date and "
            + "aware_date): received 2026-06-16, event_date 2025-06-16 (the window's last day 2026-06-16), the intake of scenario "
            + "'recent': 'too old' [2.3]",
            "acceptance (triage): triage excludes a complaint the declared exception ombudsman_instruction lets in: received "
            + "2026-06-17, event_date 2025-06-16, ombudsman_instruction (the window's last day 2026-06-16), the intake of scenario "
            + "'recent': 'too old' [2.3]",
        ])
    }

    @Test func aPackWithoutAnAcceptedComplaintToTryIsReported() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("untried.lua", """
            return { name = "untried", acceptance = { months = 12 }, stages = { { name = "1" } },
              triage = function(intake) return { kind = intake.compliment and "compliment" or "complaint" } end,
              scenarios = { { name = "thanks", intake = { received = "2026-12-22", channel = "email", compliment = true },
                              expect = { kind = "compliment" } } } }
            """)
        #expect(try acceptance(of: path) == [
            "acceptance (triage): cannot try the triage against the window (12 months from the later of event_date and aware_date): "
            + "none of the pack's scenarios is an intake it accepts as a complaint",
        ])
        // With no triage at all, the lifecycle applies the window alone: nothing to compare.
        let bare = try folder.write("bare.lua", "return { name = 'bare', acceptance = { months = 12 }, stages = { { name = '1' } } }")
        #expect(try acceptance(of: bare) == nil)
    }
}
