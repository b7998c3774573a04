import CLua
import RedressCalendar
import RedressCore
import Testing
@testable import RedressLua

@Suite struct LuaStateTests {
    @Test func returnsValuesOfEveryKind() throws {
        let state = try TestSupport.state()
        let results = try state.run("return nil, true, 42, 1.5, 'text', {1, 2, 3}, {a = 1, [2] = 'b'}, date('2026-12-22')", name: "=test")
        #expect(results == [
            .nil, .boolean(true), .integer(42), .number(1.5), .string("text"),
            .array([.integer(1), .integer(2), .integer(3)]),
            .map([.string("a"): .integer(1), .integer(2): .string("b")]),
            .date(try LocalDate(iso: "2026-12-22")),
        ])
    }

    @Test func readsStringsWithZeroBytesAndNestedTablesAndMarksCycles() throws {
        let state = try TestSupport.state()
        #expect(try state.run("return 'a\\0b'", name: "=t") == [.string("a\u{0}b")])
        #expect(try state.run("return {x = {y = {1}}}", name: "=t")
            == [.map([.string("x"): .map([.string("y"): .array([.integer(1)])])])])
        let cyclic = try state.run("local t = {} t.self = t return t", name: "=t")
        #expect(cyclic == [.map([.string("self"): .opaque("table (cycle)")])])
        #expect(try state.run("return print, calendar", name: "=t") == [.opaque("function"), .opaque("calendar")])
    }

    @Test func pushesSwiftValuesIntoLua() throws {
        let state = try TestSupport.state()
        let value: LuaValue = .map([
            .string("list"): .array([.integer(1), .string("two"), .date(try LocalDate(iso: "2026-01-01"))]),
            .string("flag"): .boolean(false), .string("ratio"): .number(0.25),
        ])
        try state.setGlobal("v", value)
        #expect(try state.global("v") == value)
        #expect(try state.run("return #v.list, v.list[3]:weekday(), v.ratio * 4, v.flag == false", name: "=t")
            == [.integer(3), .string("Thursday"), .number(1), .boolean(true)])
        #expect(try state.run("return select('#', ...), ...", name: "=t", arguments: [.string("a"), .nil])
            == [.integer(2), .string("a"), .nil])
    }

    @Test func runtimeErrorsCarryChunkLineAndTraceback() throws {
        let state = try TestSupport.state()
        let error = try TestSupport.failure("""
            local function inner() error('boom') end
            local function outer() inner() end
            outer()
            return 1
            """, in: state)
        #expect(error.kind == .runtime)
        #expect(error.message == "test:1: boom")
        #expect(error.location?.chunk == "test")
        #expect(error.location?.line == 1)
        #expect(error.traceback.hasPrefix("stack traceback:"))
        #expect(error.traceback.contains("in upvalue 'inner'"))
        #expect(error.traceback.contains("test:3: in main chunk"))
    }

    @Test func syntaxErrorsNameTheLine() throws {
        let error = try TestSupport.failure("local x = 1\nlocal y = = 2")
        #expect(error.kind == .syntax)
        #expect(error.message == "test:2: unexpected symbol near '='")
        #expect(error.location?.line == 2)
    }

    @Test func nonStringErrorsAreDescribed() throws {
        #expect(try TestSupport.failure("error({})").message == "(error object is a table value)")
        #expect(try TestSupport.failure("error(setmetatable({}, {__tostring = function() return 'custom' end}))").message == "custom")
    }

    @Test func theStackIsBalancedAfterManyRunsGoodAndBad() throws {
        let state = try TestSupport.state()
        let top = lua_gettop(state.L)
        for index in 0..<2_000 {
            if index % 2 == 0 {
                _ = try state.run("return calendar:add_working_days('2026-12-22', 5), {1, 2}", name: "=t")
            } else {
                _ = try? state.run("error('x')", name: "=t")
            }
        }
        #expect(lua_gettop(state.L) == top)
    }

    @Test func scriptFilesRunWithArgumentsAndSkipAShebang() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("s.lua", "#!/usr/bin/env redress\nlocal a, b = ...\nreturn a .. b")
        let state = try TestSupport.state()
        #expect(try state.runFile(path, arguments: [.string("x"), .string("y")]) == [.string("xy")])
        #expect(throws: LuaError.self) { try state.runFile(folder.path + "/missing.lua") }
    }
}
