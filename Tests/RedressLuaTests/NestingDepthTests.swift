import Foundation
import Testing
import RedressCore
@testable import RedressLua

/// Copying a Lua value into Swift stops at `LuaValue.maximumDepth` levels of tables with an
/// error, instead of recursing through the host's stack (a table 60,000 deep used to end the
/// process with SIGSEGV).
@Suite struct NestingDepthTests {
    /// Lua that builds `t`, a table nested `depth` deep around the number 1.
    static func nested(_ depth: Int) -> String {
        "local t = 1 for _ = 1, \(depth) do t = { t } end"
    }

    @Test func theLimitIsTwoHundredLevels() {
        #expect(LuaValue.maximumDepth == 200)
    }

    @Test func aTableAtTheLimitIsCopiedAndOneLevelMoreIsRefused() throws {
        var expected: LuaValue = .integer(1)
        for _ in 0..<LuaValue.maximumDepth { expected = .array([expected]) }
        #expect(try TestSupport.eval(Self.nested(LuaValue.maximumDepth) + " return t") == expected)

        let error = try TestSupport.failure(Self.nested(LuaValue.maximumDepth + 1) + " return t")
        #expect(error.message == "the chunk returned a table nested more than 200 levels deep (result 1)")
    }

    @Test func aSharedTableCopiedOutTooManyTimesIsRefusedNotCopiedForever() throws {
        // Small in Lua (40 tables), but 2^40 tables when copied out.
        let error = try TestSupport.failure("local t = {} for _ = 1, 40 do t = { t, t } end return t")
        #expect(error.message == "the chunk returned a table of more than 1000000 values (counting each shared table each time it is reached) (result 1)")
        // A large flat table within the bound copies.
        guard case .array(let items) = try TestSupport.eval("local t = {} for i = 1, 300000 do t[i] = i end return t") else {
            Issue.record("not an array"); return
        }
        #expect(items.count == 300_000)
    }

    @Test func cyclesAreStillMarkedNotRefused() throws {
        #expect(try TestSupport.eval("local t = {} t[1] = t return t") == .array([.opaque("table (cycle)")]))
    }

    @Test func aDeepGlobalIsAnErrorNotACrash() throws {
        let state = try TestSupport.state()
        try state.run(Self.nested(60_000) + " deep = t", name: "=test")
        #expect(throws: LuaError.self) { try state.global("deep") }
        // The state is still usable and its stack balanced.
        #expect(try state.run("return 1 + 1", name: "=test") == [.integer(2)])
    }

    @Test func aDeepKeyCountsToo() throws {
        let error = try TestSupport.failure(Self.nested(60_000) + " return { [t] = true }")
        #expect(error.message.contains("nested more than 200 levels deep"))
    }

    @Test func aDeepSQLParameterIsABadArgument() throws {
        let fixture = try CasesModuleTests.Fixture()
        let message = try fixture.failure(Self.nested(60_000) + " return sql('select ?', t)")
        #expect(message.contains("bad argument #2 to 'sql' (SQL parameter expected (nil, boolean, number, string or date), got table)"), "\(message)")
    }

    @Test func deepFindingsAreRefusedNamingTheFieldAndChangeNothing() throws {
        let fixture = try CasesModuleTests.Fixture()
        guard case .string(let ref) = try fixture.run("""
            local c = cases.intake{ received = "2026-12-14", channel = "email", summary = "Leak" }
            c:acknowledge{ on = "2026-12-15" }
            return c.ref
            """) else { Issue.record("no reference"); return }
        let before = try fixture.snapshot()
        let message = try fixture.failure(Self.nested(60_000) + " cases.get('\(ref)'):respond{ outcome = 'upheld', findings = t }")
        #expect(message.contains("case:respond: \(ref): findings: a table nested more than 200 levels deep"), "\(message)")
        #expect(try fixture.snapshot() == before)
        // Findings within the limit are kept (as JSON).
        try fixture.run(Self.nested(10) + " cases.get('\(ref)'):respond{ outcome = 'upheld', findings = t }")
        #expect(try fixture.count("decisions") == 1)
    }

    @Test func aDeepValueInTheCasesAPIIsAnErrorEverywhereItIsCopied() throws {
        let fixture = try CasesModuleTests.Fixture()
        let message = try fixture.failure(Self.nested(60_000) + """
             local c = cases.intake{ received = "2026-12-14", channel = "email" }
            c:respond{ outcome = "upheld", remedy = t }
            """)
        #expect(message.contains("remedy: a table nested more than 200 levels deep"), "\(message)")
        #expect(try fixture.count("cases") == 0)
    }
}
