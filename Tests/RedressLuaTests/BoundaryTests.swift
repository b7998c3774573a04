import CLua
import Testing
@testable import RedressLua

/// The Swift–Lua boundary under load: errors raised for Swift functions never unwind Swift
/// frames, so a million failures leave the stack balanced and no memory behind.
@Suite struct BoundaryTests {
    @Test(.timeLimit(.minutes(5))) func aMillionFailingCallsLeaveTheStateHealthy() throws {
        let state = try TestSupport.state { $0.maxInstructions = 0 }
        let top = lua_gettop(state.L)
        _ = try state.run("collectgarbage() collectgarbage()", name: "=t")
        let before = state.memoryUsed.current
        let results = try state.run("""
            -- Bad arguments (type, text, range) and a failing metamethod, each inside pcall. Most
            -- go through a closure: pcall(f, ...) direct makes luaL_argerror search
            -- package.loaded for f's name, which costs ten times the call itself.
            local failures, add, d = 0, calendar.add_working_days, date('2026-12-22')
            local function bad_type() return add(calendar, d, 'x') end
            local function bad_text() return date('2026-02-30') end
            local function bad_range() return add(calendar, '1990-01-01', 1) end
            local function bad_operand() return d + {} end
            for i = 1, 240000 do
              if not pcall(bad_type) then failures = failures + 1 end
              if not pcall(bad_text) then failures = failures + 1 end
              if not pcall(bad_range) then failures = failures + 1 end
              if not pcall(bad_operand) then failures = failures + 1 end
            end
            for i = 1, 40000 do
              if not pcall(add, calendar, d, 'x') then failures = failures + 1 end
            end
            collectgarbage() collectgarbage()
            return failures, tostring(add(calendar, d, 5))
            """, name: "=stress")
        #expect(results == [.integer(1_000_000), .string("2026-12-31")])
        #expect(lua_gettop(state.L) == top)
        // Nothing kept: memory after a full collection is within a few KB of where it started.
        #expect(abs(state.memoryUsed.current - before) < 64 * 1024, "before \(before), after \(state.memoryUsed.current)")
    }
}
