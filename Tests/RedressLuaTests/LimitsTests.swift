import Foundation
import Testing
@testable import RedressLua

/// The time limits here guard against a hang, not a speed: under AddressSanitizer, with the rest
/// of the suite running beside them on two cores, a limit that trips in a second takes tens.
@Suite struct LimitsTests {
    func limited() throws -> LuaState {
        try TestSupport.state {
            $0.maxInstructions = 5_000_000
            $0.maxMemoryMB = 32
        }
    }

    @Test(.timeLimit(.minutes(5)), arguments: [
        "while true do end",
        "while true do pcall(function() while true do end end) end",
        "while true do pcall(error, 'x') end",
        "local co = coroutine.wrap(function() while true do end end) co()",
        "while true do coroutine.wrap(function() pcall(function() while true do end end) end)() end",
        "xpcall(function() while true do end end, function() while true do end end) while true do end",
        // A long C call: each step of a pattern match counts as an instruction.
        "return ('a'):rep(300000):find('.-b')",
        "while true do pcall(string.find, ('a'):rep(300000), '.-b') end",
    ])
    func runawayLoopsStopAtTheInstructionLimit(code: String) throws {
        let error = try TestSupport.failure(code, in: limited())
        #expect(error.kind == .instructionLimit)
        #expect(error.message.contains("instruction limit exceeded (5000000 instructions; raise it with --max-instructions)"))
    }

    @Test(.timeLimit(.minutes(5)), arguments: [
        "local t = {} while true do t[#t+1] = ('x'):rep(1e6) end",
        "while true do pcall(function() local t = {} while true do t[#t+1] = ('x'):rep(1e6) end end) end",
        "local s = 'x' while true do s = s .. s end",
    ])
    func allocationStopsAtTheMemoryCap(code: String) throws {
        let state = try TestSupport.state { $0.maxMemoryMB = 32; $0.maxInstructions = 0 }
        let error = try TestSupport.failure(code, in: state)
        #expect(error.kind == .memoryLimit)
        #expect(error.message.contains("memory limit exceeded (32 MB; raise it with --max-memory)"))
        #expect(state.memoryUsed.peak <= (32 << 20) + (1 << 20))
    }

    @Test func theStateIsUsableAfterALimitTrips() throws {
        let state = try limited()
        _ = try TestSupport.failure("while true do end", in: state)
        #expect(try state.run("return calendar:add_working_days('2026-12-22', 5)", name: "=t").first?.description == "2026-12-31")
        _ = try TestSupport.failure("local t = {} while true do t[#t+1] = ('x'):rep(1e6) end", in: state)
        #expect(try state.run("collectgarbage() return 1 + 1", name: "=t") == [.integer(2)])
    }

    @Test func aSwiftPushOverTheCapFailsCleanly() throws {
        let state = try TestSupport.state { $0.maxMemoryMB = 4 }
        let big = String(repeating: "x", count: 16 << 20)
        #expect(state.push(.string(big)) != nil)
        #expect(try state.run("return 1", name: "=t") == [.integer(1)])
    }

    @Test(.timeLimit(.minutes(5))) func interruptStopsARunningChunk() throws {
        // What Ctrl-C does: another context asks the running chunk to stop. It only sets a flag
        // that the hook polls (no lua_sethook from another thread while the state runs: that
        // would race with the running thread). The hook is armed even with no limits. A run
        // clears a stale interrupt when it starts, so keep asking until the run has returned.
        let state = try TestSupport.state { $0.maxInstructions = 0; $0.maxMemoryMB = 0 }
        nonisolated(unsafe) let target = state
        let finished = Flag(), stopped = DispatchSemaphore(value: 0)
        let thread = Thread {
            while !finished.isSet {
                Thread.sleep(forTimeInterval: 0.05)
                if !finished.isSet { target.interrupt() }
            }
            stopped.signal()
        }
        thread.start()
        let error = try TestSupport.failure("local n = 0 while true do n = n + 1 end", in: state)
        finished.set()
        stopped.wait()
        #expect(error.kind == .interrupted)
        #expect(error.message == "test:1: interrupted")
        #expect(try state.run("return 2", name: "=t") == [.integer(2)])
    }
}

/// A flag one thread sets and another reads.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
