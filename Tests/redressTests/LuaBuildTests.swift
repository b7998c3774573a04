import Foundation
import Testing

/// The Lua inside `redress`: compiled from Debian's lua5.4 source package with the project's fix
/// for luaV_concat (Sources/CLua/patches), never the system's liblua5.4.
///
/// Debian bookworm's liblua5.4 5.4.4-3+deb12u1 has the fix for CVE-2022-33099 without upstream's
/// follow-up 603b2c64: a __concat metamethod that grows the stack leaves luaV_concat writing
/// through a pointer into the freed stack. On that library the scripts below give wrong results
/// or crash (AddressSanitizer: heap-use-after-free in luaV_concat, freed by luaD_reallocstack),
/// and they are correct on upstream 5.4.5 and later.
@Suite struct LuaBuildTests {
    /// A function with 190 live locals concatenates a date (whose __concat is the host's) after a
    /// collection, so the metamethod's call is what grows the stack.
    static let dateConcat = """
        local src = {"local d = ...\\n"}
        for i = 1, 190 do src[#src + 1] = ("local l%d = %d\\n"):format(i, i) end
        src[#src + 1] = "collectgarbage()\\nreturn 'a' .. d .. 'b' .. l190 .. d\\n"
        local f = assert(load(table.concat(src)))
        for i = 1, 300 do
          local day = 1 + i % 28
          local got = f(date(2026, 1, day))
          local want = ("a2026-01-%02db1902026-01-%02d"):format(day, day)
          if got ~= want then error(("pass %d: %q, expected %q"):format(i, got, want)) end
        end
        print("ok")
        """

    /// The same with a __concat written in Lua that recurses 200 deep before answering.
    static let luaConcat = """
        local mt = {}
        mt.__concat = function(a, b)
          local function deep(n) if n == 0 then return 0 end return 1 + deep(n - 1) end
          deep(200)
          local x = type(a) == "table" and a.v or a
          local y = type(b) == "table" and b.v or b
          return x .. y
        end
        local src = {"local d = ...\\n"}
        for i = 1, 190 do src[#src + 1] = ("local l%d = %d\\n"):format(i, i) end
        src[#src + 1] = "collectgarbage()\\nreturn 'a' .. d .. 'b' .. l1 .. d .. 'c'\\n"
        local f = assert(load(table.concat(src)))
        for i = 1, 300 do
          local got = f(setmetatable({v = "D" .. i}, mt))
          local want = "aD" .. i .. "b1D" .. i .. "c"
          if got ~= want then error(("pass %d: %q, expected %q"):format(i, got, want)) end
        end
        print("ok")
        """

    @Test(arguments: [("date", dateConcat), ("lua", luaConcat)])
    func concatMetamethodsThatGrowTheStackGiveTheRightAnswer(kind: String, script: String) throws {
        let folder = URL(fileURLWithPath: "/tmp/rr-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("concat-\(kind).lua")
        try script.write(to: file, atomically: true, encoding: .utf8)
        // Several processes, each 300 passes: a stale stack pointer shows up as a wrong string,
        // an error or a signal on the unpatched library.
        for _ in 0..<5 {
            #expect(try Redress.run(["run", file.path]) == .init(status: 0, stdout: "ok\n", stderr: ""))
        }
    }

    @Test func theBinaryLoadsNoSystemLua() throws {
        let ldd = try Redress.run(URL(fileURLWithPath: "/usr/bin/ldd"), [Redress.binary.path])
        #expect(ldd.status == 0)
        #expect(!ldd.stdout.contains("liblua"), "redress links a shared Lua: \(ldd.stdout)")
        #expect(try Redress.run(["-e", "print(_VERSION)"]).stdout == "Lua 5.4\n")
    }
}
