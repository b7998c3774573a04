import Foundation
import Testing
import RedressCore
@testable import RedressLua

/// Every escape the sandbox closes is tried, and each must be refused with a clear message.
@Suite struct SandboxTests {
    static let refusals: [(code: String, message: String)] = [
        ("os.execute('true')", "os.execute is not available in the sandbox (run with --unsafe to allow it)"),
        ("os.remove('/tmp/x')", "os.remove is not available in the sandbox"),
        ("os.rename('/tmp/x', '/tmp/y')", "os.rename is not available in the sandbox"),
        ("os.exit(3)", "os.exit is not available in the sandbox"),
        ("os.tmpname()", "os.tmpname is not available in the sandbox"),
        ("os.setlocale('C')", "os.setlocale is not available in the sandbox"),
        ("io.popen('ls')", "io.popen is not available in the sandbox"),
        ("io.tmpfile()", "io.tmpfile is not available in the sandbox"),
        ("io.open('/tmp/redress-sandbox-test', 'w')", "io.open for writing (mode 'w') is not available in the sandbox"),
        ("io.open('/tmp/redress-sandbox-test', 'a')", "io.open for writing (mode 'a') is not available in the sandbox"),
        ("io.open('/tmp/redress-sandbox-test', 'r+')", "io.open for writing (mode 'r+') is not available in the sandbox"),
        ("io.open('/tmp/redress-sandbox-test', 'wb')", "io.open for writing (mode 'wb') is not available in the sandbox"),
        ("io.output('/tmp/redress-sandbox-test')", "io.output is not available in the sandbox"),
        ("io.input('/etc/hostname')", "io.input is not available in the sandbox"),
        ("io.close()", "io.close is not available in the sandbox"),
        ("os.getenv('HOME')", "os.getenv is not available in the sandbox"),
        ("io.lines('/etc/hostname')", "io.lines: '/etc/hostname' is outside what a script may read in the sandbox"),
        ("io.open('/etc/hostname')", "io.open: '/etc/hostname' is outside what a script may read in the sandbox"),
        ("io.open('/proc/self/environ', 'rb')", "io.open: '/proc/self/environ' is outside what a script may read"),
        ("package.loaded.io.open('/etc/hostname')", "io.open: '/etc/hostname' is outside what a script may read"),
        ("package.loaded.os.getenv('HOME')", "os.getenv is not available in the sandbox"),
        ("package.searchpath('hostname', '/etc/?')", "package.searchpath is not available in the sandbox"),
        ("load(string.dump(function() end), 'x', 'b')", "load of binary chunks is not available in the sandbox (mode 'b')"),
        ("load(string.dump(function() end), 'x', 'bt')", "load of binary chunks is not available in the sandbox (mode 'bt')"),
        ("dofile('/etc/passwd')", "dofile: '/etc/passwd' is outside what a script may read in the sandbox"),
        ("loadfile('/etc/hostname')", "loadfile: '/etc/hostname' is outside what a script may read in the sandbox"),
        ("dofile()", "dofile needs a file name in the sandbox"),
        ("package.loadlib('libc.so.6', 'puts')", "package.loadlib is not available in the sandbox"),
        ("debug.getinfo(1)", "attempt to index a nil value (global 'debug')"),
        ("require 'debug'", "module 'debug' not found"),
        ("require 'lpeg'", "module 'lpeg' not found"),
    ]

    @Test(arguments: refusals)
    func refusesEachEscape(code: String, message: String) throws {
        let error = try TestSupport.failure(code)
        #expect(error.message.contains(message), "\(code) → \(error.message)")
        #expect(!TextFile.exists("/tmp/redress-sandbox-test"))
    }

    @Test func aBinaryChunkIsRefusedEvenWithoutAMode() throws {
        let results = try TestSupport.state().run("return load(string.dump(function() return 1 end))", name: "=t")
        #expect(results.first == .nil)
        #expect(results.dropFirst().first?.description.contains("attempt to load a binary chunk") == true)
    }

    /// A file the user named (as `redress run script.lua data.txt` names it) may be read; the
    /// sandbox reads nothing else outside the script folders (see `outsideFilesAreRefused`).
    @Test func readingFilesAndTextLoadStillWork() throws {
        let folder = try TemporaryFolder()
        let data = try folder.write("data.txt", "hello\n")
        let state = try TestSupport.state { $0.inputFiles = [data] }
        #expect(try state.run("local f = assert(io.open(..., 'r')) local s = f:read('l') f:close() return s",
                              name: "=t", arguments: [.string(data)]) == [.string("hello")])
        #expect(try state.run("return load('return 1 + 1')()", name: "=t") == [.integer(2)])
        #expect(try state.run("local env = {x = 5} return load('return x', 'c', 't', env)()", name: "=t") == [.integer(5)])
        #expect(try state.run("return load('return x')()", name: "=t") == [.nil])
        #expect(try state.run("io.write('') return type(os.time()), type(os.clock())", name: "=t")
            == [.string("number"), .string("number")])
    }

    @Test func requireFindsModulesInScriptsAndTheScriptFolderOnly() throws {
        let scripts = try TemporaryFolder(), mine = try TemporaryFolder(), elsewhere = try TemporaryFolder()
        try scripts.write("lib/shared.lua", "return {name = 'shared'}")
        try mine.write("helper.lua", "return {name = 'helper'}")
        try mine.write("pkg/init.lua", "return {name = 'pkg'}")
        try elsewhere.write("outside.lua", "return {name = 'outside'}")
        let state = try TestSupport.state {
            $0.scripts = scripts.path
            $0.scriptFolders = [mine.path]
        }
        #expect(try state.run("return require('lib.shared').name, require('helper').name, require('pkg').name", name: "=t")
            == [.string("shared"), .string("helper"), .string("pkg")])
        #expect(try state.run("return dofile(...)", name: "=t", arguments: [.string(mine.path + "/helper.lua")]).first
            == .map([.string("name"): .string("helper")]))
        // Widening package.path from the script does not widen where require looks.
        let error = try TestSupport.failure("package.path = '\(elsewhere.path)/?.lua;' .. package.path return require 'outside'", in: state)
        #expect(error.message.contains("module 'outside' not found"))
        #expect(error.message.contains("no file '\(mine.path)/outside.lua'"))
        // A path that climbs out of a script folder is refused.
        #expect(try TestSupport.failure("dofile('\(mine.path)/../\(elsewhere.path.split(separator: "/").last!)/outside.lua')", in: state)
            .message.contains("is outside what a script may read"))
    }

    @Test func unsafeLiftsTheSandbox() throws {
        let state = try TestSupport.state { $0.unsafe = true }
        #expect(try state.run("return os.execute('true'), type(debug), type(io.popen)", name: "=t")
            == [.boolean(true), .string("table"), .string("function")])
    }

    /// The sandbox is an allow-list: these globals and nothing else, and of `io` and `os` only
    /// what is listed.
    @Test func theGlobalsAreExactlyTheListedOnes() throws {
        let listed: Set<String> = [
            "_G", "_VERSION", "assert", "collectgarbage", "coroutine", "dofile", "error", "getmetatable",
            "io", "ipairs", "load", "loadfile", "math", "next", "os", "package", "pairs", "pcall", "print",
            "rawequal", "rawget", "rawlen", "rawset", "require", "select", "setmetatable", "string", "table",
            "tonumber", "tostring", "type", "utf8", "warn", "xpcall",
            "date", "calendar", "sql", "cases", "parties", "restrictions", "refuse",
        ]
        func names(_ table: String) throws -> Set<String> {
            let names = try TestSupport.eval("local names = {} for k in pairs(\(table)) do names[#names + 1] = k end return names")
            guard case .array(let values) = names else { Issue.record("not an array: \(names)"); return [] }
            return Set(values.map(\.description))
        }
        #expect(try names("_G") == listed)
        #expect(try names("io") == ["open", "lines", "read", "write", "type", "stdin", "stdout", "stderr"])
        #expect(try names("os") == ["time", "date", "clock", "difftime"])
        #expect(try names("package") == ["loaded", "preload", "path", "searchers", "config"])
    }

    @Test func outsideFilesAreRefusedWhateverTheScriptDoesToItsOwnLua() throws {
        let mine = try TemporaryFolder(), elsewhere = try TemporaryFolder()
        let secret = try elsewhere.write("secret.txt", "the secret\n")
        let state = try TestSupport.state { $0.scriptFolders = [mine.path] }
        // Rewiring string and the file methods changes nothing: the check is in Swift.
        let error = try TestSupport.failure("""
            local s = getmetatable('').__index
            s.match, s.find, s.sub = function() return 'x' end, function() return 1 end, function(x) return x end
            package.path = '\(elsewhere.path)/?.txt;' .. package.path
            return io.open('\(secret)'):read('a')
            """, in: state)
        #expect(error.message.contains("io.open: '\(secret)' is outside what a script may read"), "\(error.message)")
    }

    /// Inside a script folder too, what holds data rather than code stays out of reach: any
    /// SQLite database or write-ahead log (by its header), `-wal`/`-shm`/`-journal` files, and
    /// hidden files and folders.
    @Test func dataInAScriptFolderIsRefusedAndItsOwnFilesAreRead() throws {
        let mine = try TemporaryFolder()
        try Data("SQLite format 3\u{0}and the rows".utf8).write(to: URL(fileURLWithPath: mine.path + "/copy.db"))
        try Data([0x37, 0x7f, 0x06, 0x82, 0, 0x2d, 0xe2, 0x18]).write(to: URL(fileURLWithPath: mine.path + "/log"))
        try mine.write("store.sqlite-wal", "frames")
        try mine.write(".env", "PASSWORD=x")
        try mine.write(".git/config", "[core]")
        try mine.write("lib/tool.lua", "#!/usr/bin/env lua\nreturn x")
        try mine.write("notes.txt", "one\ntwo\n")
        let state = try TestSupport.state { $0.scriptFolders = [mine.path] }
        for name in ["copy.db", "log", "store.sqlite-wal", "store.sqlite-shm", ".env", ".git/config", "lib/../.env"] {
            let error = try TestSupport.failure("return io.open('\(mine.path)/\(name)')", in: state)
            #expect(error.message.contains("is outside what a script may read"), "\(name): \(error.message)")
        }
        #expect(try state.run("local n = 0 for line in io.lines(...) do n = n + 1 end return n", name: "=t",
                              arguments: [.string(mine.path + "/notes.txt")]) == [.integer(2)])
        // loadfile skips a shebang and takes an environment, as Lua's own does.
        #expect(try state.run("return loadfile(..., 't', { x = 42 })()", name: "=t",
                              arguments: [.string(mine.path + "/lib/tool.lua")]) == [.integer(42)])
        // A missing file where the script may look is just missing.
        #expect(try state.run("return io.open(...)", name: "=t", arguments: [.string(mine.path + "/absent.txt")]).first == .nil)
    }
}
