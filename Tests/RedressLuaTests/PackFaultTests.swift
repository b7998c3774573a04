import Foundation
import RedressCalendar
import RedressCore
import Testing
@testable import RedressLua

/// A pack's hook that fails is a pack error: it names the line of the pack where it failed, the
/// hook and what the host was doing, carries the traceback from there across the Swift boundary
/// (`LuaError.pack`), and changes nothing; a hook's deliberate `refuse(reason)` stays a refusal.
@Suite struct PackFaultTests {
    /// A pack whose hooks fail in chosen ways, by the intake's category or the findings. The line
    /// numbers the tests expect are those of this text (line 1 is `return {`).
    static let source = """
        return {
          name = "faulty",
          stages = { { name = "1", clocks = { acknowledge = { working_days = 5, from = "received" } } } },
          triage = function(intake)
            if intake.category == "nil index" then return intake.missing.field end
            if intake.category == "bad date" then return date(intake.since) end
            if intake.category == "refused" then refuse("the intake gives no address (clause 3.1)") end
            if intake.category == "table error" then error({ code = 7 }) end
            if intake.category == "library" then local sum = require("lib.compensation").total({ {} }); return sum end
            if intake.category == "loop" then while true do end elseif intake.category == "hog" then local t = {}; while true do t[#t + 1] = {} end end
            if intake.category == "tail call" then return require("lib.compensation").total({ {} }) end
            return { kind = "complaint", stage = "1" }
          end,
          remedy = function(case, findings)
            if findings.refuse then refuse("findings.days: required (the days the repair was late)") end
            return { { kind = "distress", pence = findings.delay.days * 100, reason = "delay" } }
          end,
          restrictions = {
            kinds = { acknowledge_only = {} },
            review = { months = 12, decide = function(restriction, activity) return activity.nothing.here end },
            flag = function(restriction, contact)
              if contact.summary == "refused" then refuse("a contact is logged with its channel") end
              return contact.nothing.here
            end,
          },
        }
        """

    final class Fixture {
        let folder: TemporaryFolder
        let path: String
        let cases: CasesModuleTests.Fixture

        init(asOf: String = "2026-12-23") throws {
            folder = try TemporaryFolder()
            path = try folder.write("faulty.lua", PackFaultTests.source)
            cases = try CasesModuleTests.Fixture(pack: path, asOf: asOf)
        }

        /// Runs `code` (chunk `test`), expecting it to fail; the error.
        func failure(_ code: String) throws -> LuaError {
            do {
                try cases.run(code)
            } catch let error as LuaError {
                return error
            }
            Issue.record("expected `\(code)` to fail")
            return LuaError(kind: .other, message: "")
        }
    }

    @Test(arguments: [
        ("nil index", 5, "attempt to index a nil value (field 'missing')"),
        ("bad date", 6, "bad argument #1 to 'date' (date expected, got nil)"),
        ("table error", 8, "(error object is a table value)"),
    ])
    func aTriageThatFailsIsAPackErrorAtItsLine(category: String, line: Int, message: String) throws {
        let fixture = try Fixture()
        let before = try fixture.cases.snapshot()
        let error = try fixture.failure("cases.intake{ received = '2026-12-01', channel = 'email', category = '\(category)' }")
        let during = "while triaging an intake received 2026-12-01"
        #expect(error.pack == PackFault(pack: "faulty", hook: "triage", file: fixture.path, line: line, error: message, during: during))
        #expect(error.message == "pack error: \(fixture.path):\(line): \(message) in triage(), \(during)")
        #expect(error.kind == .runtime)
        #expect(error.location?.chunk == fixture.path && error.location?.line == line)
        // The traceback is taken where the pack failed, down to the script that called the API.
        #expect(error.traceback.hasPrefix("stack traceback:\n"), "\(error.traceback)")
        #expect(error.traceback.contains("\(fixture.path):\(line):"), "\(error.traceback)")
        #expect(error.traceback.contains("test:1: in main chunk"), "\(error.traceback)")
        #expect(try fixture.cases.snapshot() == before)
    }

    /// An error raised inside a library the hook called is placed at the pack's line that called
    /// it, the library's own position kept in the message.
    @Test func anErrorInALibraryIsPlacedAtThePacksLine() throws {
        let fixture = try Fixture()
        let error = try fixture.failure("cases.intake{ received = '2026-12-01', channel = 'email', category = 'library' }")
        #expect(error.pack?.line == 9)
        #expect(error.pack?.hook == "triage")
        #expect(error.message.hasPrefix("pack error: \(fixture.path):9: "), "\(error.message)")
        #expect(error.pack?.error.contains("compensation.lua:") == true, "\(error.message)")
        #expect(error.message.hasSuffix("attempt to perform arithmetic on a nil value (field 'pence') in triage(), "
                                        + "while triaging an intake received 2026-12-01"), "\(error.message)")
    }

    /// A hook that hands over in a tail call leaves no line of its own on the stack: the pack
    /// error names the file, and the message keeps the position where the error was raised.
    @Test func aTailCallLeavesTheFileAndTheErrorsOwnPosition() throws {
        let fixture = try Fixture()
        let error = try fixture.failure("cases.intake{ received = '2026-12-01', channel = 'email', category = 'tail call' }")
        #expect(error.pack?.line == nil)
        #expect(error.pack?.file == fixture.path)
        #expect(error.location == nil)
        #expect(error.message.hasPrefix("pack error: \(fixture.path): "), "\(error.message)")
        #expect(error.message.contains("compensation.lua:"), "\(error.message)")
        #expect(error.traceback.contains("(...tail calls...)"), "\(error.traceback)")
    }

    @Test func aRemedyThatFailsNamesTheCaseItWasAnswering() throws {
        let fixture = try Fixture()
        try fixture.cases.run("""
            local c = cases.intake{ received = '2026-12-01', channel = 'email' }
            c:acknowledge{ on = '2026-12-02' }
            """)
        let before = try fixture.cases.snapshot()
        let error = try fixture.failure("""
            local c = cases.get('C-2026-000001')
            c:respond{ on = '2026-12-10', outcome = 'upheld', findings = { mistake = 'late' } }
            """)
        let message = "attempt to index a nil value (field 'delay')"
        #expect(error.pack == PackFault(pack: "faulty", hook: "remedy", file: fixture.path, line: 16, error: message,
                                        during: "while answering C-2026-000001"))
        #expect(error.message == "pack error: \(fixture.path):16: \(message) in remedy(), while answering C-2026-000001")
        #expect(error.traceback.contains("test:2: in main chunk"), "\(error.traceback)")
        // The response was not recorded: the run kept nothing.
        #expect(try fixture.cases.snapshot() == before)
    }

    @Test func aDeliberateRefusalStaysARefusal() throws {
        let fixture = try Fixture()
        let intake = try fixture.failure("cases.intake{ received = '2026-12-01', channel = 'email', category = 'refused' }")
        #expect(intake.pack == nil)
        #expect(intake.message == "test:1: cases.intake: refused by policy faulty: the intake gives no address (clause 3.1)")
        try fixture.cases.run("cases.intake{ received = '2026-12-01', channel = 'email' }:acknowledge{ on = '2026-12-02' }")
        let respond = try fixture.failure("""
            local c = cases.get('C-2026-000001')
            c:respond{ on = '2026-12-10', outcome = 'upheld', findings = { refuse = true } }
            """)
        #expect(respond.pack == nil)
        #expect(respond.message == "test:2: case:respond: C-2026-000001: refused by policy faulty: findings.days: required (the days the repair was late)")
        // A refusal a script catches is text, as every refusal of the cases API is.
        #expect(try fixture.cases.run("""
            local ok, e = pcall(cases.intake, { received = '2026-12-01', channel = 'email', category = 'refused' })
            return type(e)
            """) == .string("string"))
    }

    @Test func refuseTakesItsReasonAsText() throws {
        #expect(try TestSupport.failure("refuse(42)").message
                == "test:1: bad argument #1 to 'refuse' (the reason, as text, expected, got number)")
        #expect(try TestSupport.failure("refuse('')").message
                == "test:1: bad argument #1 to 'refuse' (the reason, as text, expected, got empty text)")
    }

    /// A script that catches a pack error gets the object: its fields, and its message as text;
    /// raised again, it still reaches Swift as the pack error.
    @Test func aScriptCatchesAPackErrorAsAnObject() throws {
        let fixture = try Fixture()
        let fields = try fixture.cases.run("""
            local ok, e = pcall(cases.intake, { received = '2026-12-01', channel = 'email', category = 'nil index' })
            return { ok, type(e), e.hook, e.line, e.file, e.during, e.pack, tostring(e) == e.message }
            """)
        #expect(fields == .array([.boolean(false), .string("table"), .string("triage"), .integer(5), .string(fixture.path),
                                  .string("while triaging an intake received 2026-12-01"), .string("faulty"), .boolean(true)]))
        let again = try fixture.failure("""
            local ok, e = pcall(cases.intake, { received = '2026-12-01', channel = 'email', category = 'nil index' })
            error(e)
            """)
        #expect(again.pack?.line == 5)
        #expect(again.traceback.contains("\(fixture.path):5:"), "\(again.traceback)")
    }

    @Test func aLimitInAHookIsTheLimitNotAPackError() throws {
        let fixture = try Fixture()
        fixture.cases.state.host.pointee.budget = 1_000_000
        let error = try fixture.failure("cases.intake{ received = '2026-12-01', channel = 'email', category = 'loop' }")
        #expect(error.kind == .instructionLimit)
        #expect(error.pack == nil)
        fixture.cases.state.host.pointee.budget = 0
        fixture.cases.state.host.pointee.cap = 64 << 20
        let memory = try fixture.failure("cases.intake{ received = '2026-12-01', channel = 'email', category = 'hog' }")
        #expect(memory.kind == .memoryLimit)
        #expect(memory.pack == nil)
    }

    @Test func theRestrictionHooksFailAsPackErrorsToo() throws {
        let fixture = try Fixture(asOf: "2027-12-23")
        try fixture.cases.run("""
            local c = cases.intake{ received = '2026-12-01', channel = 'email', complainant = { name = 'A', email = 'a@example.org' } }
            restrictions.add{ party = c.complainant, kind = 'acknowledge_only', reasons = 'daily calls', on = '2026-12-02' }
            """)
        let review = try fixture.failure("restrictions.review_due{ id = 1, on = '2027-12-02' }")
        #expect(review.pack == PackFault(pack: "faulty", hook: "restrictions.review.decide", file: fixture.path, line: 20,
                                         error: "attempt to index a nil value (field 'nothing')", during: "while reviewing restriction 1"))
        let flag = try fixture.failure("cases.get('C-2026-000001'):log{ channel = 'phone', direction = 'in', summary = 'Rang', at = '2026-12-03' }")
        #expect(flag.pack == PackFault(pack: "faulty", hook: "restrictions.flag", file: fixture.path, line: 23,
                                       error: "attempt to index a nil value (field 'nothing')", during: "while flagging a contact on C-2026-000001"))
        let refused = try fixture.failure("cases.get('C-2026-000001'):log{ channel = 'phone', direction = 'in', summary = 'refused', at = '2026-12-03' }")
        #expect(refused.pack == nil)
        #expect(refused.message == "test:1: case:log: C-2026-000001: refused by policy faulty: a contact is logged with its channel")
    }
}
