import Foundation
import Testing
@testable import RedressLua

/// `Options.timeout`: the watchdog's flag stops Lua code and long library calls; a pcall cannot
/// swallow it; the state is usable afterwards.
// The time limits on these tests guard against a hang: Swift Testing counts a test's time from
// its start, including time waiting for a thread while the rest of the suite runs beside it (under
// AddressSanitizer on two cores, minutes); the seconds each stop takes are asserted inside.
@Suite struct TimeLimitTests {
    func limited(_ seconds: Double = 0.3) throws -> LuaState {
        try TestSupport.state { $0.timeout = seconds; $0.maxInstructions = 0 }
    }

    @Test(.timeLimit(.minutes(5)), arguments: [
        "while true do end",
        "while true do pcall(function() while true do end end) end",
        "local co = coroutine.wrap(function() while true do end end) co()",
        "return ('a'):rep(300000):find('.-b')",
        "return ('a'):rep(300000):gsub('.-b', '')",
        "local t = setmetatable({}, { __len = function() return 1e15 end }) table.insert(t, 1, 'x')",
        "local t = setmetatable({}, { __len = function() return 1e15 end }) table.remove(t, 1)",
    ])
    func aRunStopsAtItsTimeLimit(code: String) throws {
        let start = Date()
        let error = try TestSupport.failure(code, in: limited())
        #expect(error.kind == .timeLimit)
        // coroutine.wrap adds its caller's position to an error passing through it, as it does
        // to any error.
        #expect(error.message.hasPrefix("test:1: ") && error.message.hasSuffix("run stopped after 0.3 s (--timeout)"))
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test(.timeLimit(.minutes(5))) func theStateIsUsableAfterwardsAndEachCallGetsItsOwnLimit() throws {
        let state = try limited(1)
        _ = try TestSupport.failure("while true do end", in: state)
        #expect(try state.run("return 1 + 1", name: "=t") == [.integer(2)])
        // Long after that call's deadline, the next call has its own.
        Thread.sleep(forTimeInterval: 1.2)
        #expect(try state.run("return 3", name: "=t") == [.integer(3)])
    }

    @Test(.timeLimit(.minutes(5))) func withTimeLimitGivesSeveralCallsOneDeadline() throws {
        let state = try limited(0.5)
        // The deadline passes between two calls: the second meets it (at the hook's first look,
        // within 1000 instructions). (Not os.clock: it counts every thread of the test process.)
        let work = "local n = 0 for i = 1, 100000 do n = n + i end return n"
        do {
            try state.withTimeLimit {
                #expect(try state.run(work, name: "=a") == [.integer(5_000_050_000)])
                Thread.sleep(forTimeInterval: 1.5)
                try state.run(work, name: "=b")
            }
            Issue.record("expected the time limit")
        } catch let error as LuaError {
            #expect(error.kind == .timeLimit)
            #expect(error.message == "b:1: run stopped after 0.5 s (--timeout)")
        }
        // Swift code that fails once the deadline has passed is reported as the limit too.
        struct Other: Error {}
        do {
            try state.withTimeLimit {
                _ = try? state.run("while true do end", name: "=c")
                throw Other()
            }
            Issue.record("expected the time limit")
        } catch let error as LuaError {
            #expect(error.kind == .timeLimit)
            #expect(error.message == "run stopped after 0.5 s (--timeout)")
        }
    }

    @Test func emptyRepetitionsReturnAtOnce() throws {
        // Lua 5.4.4's string.rep copied zero bytes n times: `('').rep(1e15)` never returned.
        #expect(try TestSupport.eval("return #(''):rep(1e15) + #(''):rep(1e15, '')", in: limited()) == .integer(0))
    }
}
