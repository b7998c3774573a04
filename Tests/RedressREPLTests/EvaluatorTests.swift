import RedressCalendar
import RedressCore
import RedressLua
import Testing
@testable import RedressREPL

/// Evaluation as lua.c does it, each chunk in its own transaction.
@Suite struct EvaluatorTests {
    func values(_ outcome: Evaluator.Outcome) -> [Shown]? {
        if case .values(let values) = outcome { return values }
        return nil
    }

    func message(_ outcome: Evaluator.Outcome) -> String? {
        if case .failure(let error) = outcome { return error.message }
        return nil
    }

    func isIncomplete(_ outcome: Evaluator.Outcome) -> Bool {
        if case .incomplete = outcome { return true }
        return false
    }

    @Test func anExpressionGivesItsValuesAndAStatementRuns() throws {
        let evaluator = Evaluator(state: try TestSupport.state(), store: nil)
        #expect(values(evaluator.evaluate("1 + 1")) == [.integer(2)])
        #expect(values(evaluator.evaluate("'a', nil, 2.5")) == [.string("a"), .nil, .number(2.5)])
        #expect(values(evaluator.evaluate("x = 40")) == [])
        #expect(values(evaluator.evaluate("x + 2")) == [.integer(42)])
        #expect(values(evaluator.evaluate("calendar:add_working_days('2026-12-22', 5)"))
            == [.date(try LocalDate(iso: "2026-12-31"))])
    }

    @Test func anEqualsSignReturnsTheExpressionAsLuaCDoes() throws {
        let evaluator = Evaluator(state: try TestSupport.state(), store: nil)
        #expect(values(evaluator.evaluate("=1+1")) == [.integer(2)])
        #expect(values(evaluator.evaluate("= 'a', 3")) == [.string("a"), .integer(3)])
        #expect(isIncomplete(evaluator.evaluate("={")))
        #expect(values(evaluator.evaluate("=")) == [])   // `return`, as in lua.c
        #expect(values(evaluator.evaluate("x = 1")) == [])
        #expect(values(evaluator.evaluate("=x")) == [.integer(1)])
    }

    @Test func anUnfinishedChunkAsksForMoreAndABadOneFails() throws {
        let evaluator = Evaluator(state: try TestSupport.state(), store: nil)
        #expect(isIncomplete(evaluator.evaluate("function f()")))
        #expect(isIncomplete(evaluator.evaluate("t = {")))
        #expect(isIncomplete(evaluator.evaluate("{")))
        #expect(isIncomplete(evaluator.evaluate("s = [[first line")))
        #expect(isIncomplete(evaluator.evaluate("function f()\n  return 6 * 7")))
        #expect(values(evaluator.evaluate("function f()\n  return 6 * 7\nend")) == [])
        #expect(values(evaluator.evaluate("f()")) == [.integer(42)])
        #expect(values(evaluator.evaluate("{\n1, 2\n}"))?.first?.table?.array == [.integer(1), .integer(2)])
        #expect(message(evaluator.evaluate("x = = 1")) == "stdin:1: unexpected symbol near '='")
        // A quoted string cannot span lines: at the end of the line it is unfinished, as in lua.c;
        // on the next line it is an error.
        #expect(isIncomplete(evaluator.evaluate("s = \"unfinished")))
        #expect(message(evaluator.evaluate("s = \"unfinished\nmore\"")) == "stdin:1: unfinished string near '\"unfinished'")
    }

    @Test func errorsNameTheLineAndTheSessionGoesOn() throws {
        let evaluator = Evaluator(state: try TestSupport.state(), store: nil)
        #expect(message(evaluator.evaluate("nothing()")) == "stdin:1: attempt to call a nil value (global 'nothing')")
        #expect(message(evaluator.evaluate("local a = 1\nerror('second line')")) == "stdin:2: second line")
        #expect(message(evaluator.evaluate("error('at line 12')", firstLine: 12)) == "stdin:12: at line 12")
        #expect(message(evaluator.evaluate("date('2026-02-30')"))
            == "stdin:1: bad argument #1 to 'date' (invalid date '2026-02-30')")
        #expect(values(evaluator.evaluate("'still here'")) == [.string("still here")])
    }

    @Test func eachChunkIsOneTransactionAndAnErrorKeepsNothingItWrote() throws {
        let fixture = try Fixture()
        let ref = try fixture.intake()
        let evaluator = Evaluator(state: fixture.state, store: fixture.store)
        let contacts = try fixture.count("contacts")
        let failed = evaluator.evaluate("""
            local c = cases.get("\(ref)")
            c:log{ channel = "phone", direction = "out", summary = "Called back", staff = "JB" }
            error("changed my mind")
            """)
        #expect(message(failed) == "stdin:3: changed my mind")
        #expect(try fixture.count("contacts") == contacts)
        let kept = evaluator.evaluate("cases.get('\(ref)'):log{ channel = 'phone', direction = 'out', summary = 'Called back' }")
        guard case .caseRecord(let summary, _)? = values(kept)?.first else {
            Issue.record("expected the case back, got \(kept)")
            return
        }
        #expect(summary.ref == ref)
        #expect(try fixture.count("contacts") == contacts + 1)
    }

    @Test(.timeLimit(.minutes(5))) func aRunawayChunkStopsAtTheLimitAndIsRolledBack() throws {
        let fixture = try Fixture()
        let ref = try fixture.intake()
        var options = fixture.state.options
        options.maxInstructions = 2_000_000
        let state = try LuaState(options: options)
        let evaluator = Evaluator(state: state, store: fixture.store)
        let contacts = try fixture.count("contacts")
        let outcome = evaluator.evaluate("cases.get('\(ref)'):log{ channel = 'phone', direction = 'out', summary = 'x' } while true do end")
        guard case .failure(let error) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(error.kind == .instructionLimit)
        #expect(try fixture.count("contacts") == contacts)
    }
}

extension EvaluatorTests {
    /// Ctrl-C just as a chunk ends (after its last instruction) leaves an interrupt pending,
    /// which the hook would raise in any Lua code that completion runs. `resetLimits` clears it,
    /// and the evaluator calls it as each chunk ends.
    @Test func anInterruptThatCameTooLateIsCleared() throws {
        let state = try TestSupport.state()
        let evaluator = Evaluator(state: state, store: nil)
        #expect(values(evaluator.evaluate("account = { balance = 1 }")) == [])
        let completer = Completer(members: LuaMembers(state: state))
        state.interrupt()
        state.resetLimits()
        #expect(completer.complete("account.").matches == ["account.balance"])
        state.interrupt()
        #expect(values(evaluator.evaluate("account.balance")) == [.integer(1)])
        #expect(completer.complete("account.").matches == ["account.balance"])
    }
}

extension EvaluatorTests {
    /// A chunk's results fill the stack to its top; reading them in place makes room for what
    /// recognising a date pushes.
    @Test func manyDateResultsAreShown() throws {
        let evaluator = Evaluator(state: try TestSupport.state(), store: nil)
        let shown = values(evaluator.evaluate("(function() local t = {} for i = 1, 300 do t[i] = date('2026-01-01') end return table.unpack(t) end)()"))
        #expect(shown?.count == 300)
        #expect(shown?.last == .date(try LocalDate(iso: "2026-01-01")))
    }
}
