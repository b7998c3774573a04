import Foundation
import Testing

/// Lua is 8-bit clean: a script, a `-e` chunk, a script's arguments and a file `.read` in the
/// REPL reach Lua as the exact bytes given, so Redress prints what plain `lua` prints.
@Suite struct ScriptBytesTests {
    /// The plain interpreter `make lua` builds from the same sources.
    static let lua = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/lua/bin/lua").path

    /// A Latin-1 pound sign (0xA3), invalid UTF-8 (a lone 0xFF, a bad continuation, a cut
    /// sequence), and valid UTF-8, in string literals and a comment.
    static let script: [UInt8] = Array("-- caf".utf8) + [0xE9] + Array("\nlocal s = \"".utf8) + [0xA3] + Array("100\"\n".utf8)
        + Array("local t = \"".utf8) + [0xFF, 0xC3, 0x28, 0x20, 0xE2, 0x82] + Array(" \u{00A3}\"\n".utf8)
        + Array("print(#s, s:byte(1, -1))\nprint(#t, t:byte(1, -1))\nio.write(s, t, \"\\n\")\n".utf8)

    /// Runs a shell command line; its exit status and exact output.
    func shell(_ command: String, input: Data? = nil) throws -> (status: Int32, stdout: Data, stderr: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        nonisolated(unsafe) var errData = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return (process.terminationStatus, outData, errData)
    }

    func folder() throws -> URL {
        let folder = URL(fileURLWithPath: "/tmp/rb-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aScriptRunsWithItsBytesAsPlainLuaDoes() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bytes.lua").path
        try Data(Self.script).write(to: URL(fileURLWithPath: path))
        let ours = try shell("'\(Redress.binary.path)' run '\(path)'")
        let plain = try shell("'\(Self.lua)' '\(path)'")
        #expect(plain.status == 0 && ours.status == 0)
        #expect(plain.stdout.starts(with: Array("4\t163\t49\t48\t48\n9\t255\t195\t40\t32\t226\t130\t32\t194\t163\n".utf8)))
        #expect(ours.stdout == plain.stdout)
        #expect(ours.stderr.isEmpty)
    }

    @Test func aChunkAndScriptArgumentsFromTheCommandLineKeepTheirBytes() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // printf makes the bytes: Foundation's Process takes arguments as (valid) Strings.
        let chunk = #""$(printf 'local s = "\243\377\303(x" print(#s, s:byte(1, -1))')""#
        let ours = try shell("'\(Redress.binary.path)' -e 'x = 1' -e \(chunk)")
        let plain = try shell("'\(Self.lua)' -e 'x = 1' -e \(chunk)")
        #expect(String(decoding: plain.stdout, as: UTF8.self) == "5\t163\t255\t195\t40\t120\n")
        #expect(ours.stdout == plain.stdout)

        let path = folder.appendingPathComponent("args.lua").path
        try "print(#arg, arg[1]:byte(1, -1))\nprint(select('#', ...), (...):byte(1, -1))\n".write(toFile: path, atomically: true, encoding: .utf8)
        let argument = #""$(printf '\243\377a')""#
        let oursRun = try shell("'\(Redress.binary.path)' run '\(path)' \(argument) -x")
        let plainRun = try shell("'\(Self.lua)' '\(path)' \(argument) -x")
        #expect(String(decoding: plainRun.stdout, as: UTF8.self) == "2\t163\t255\t97\n2\t163\t255\t97\n")
        #expect(oursRun.stdout == plainRun.stdout)
    }

    @Test func aFileReadInTheREPLKeepsItsBytes() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bytes.lua").path
        try Data(Self.script).write(to: URL(fileURLWithPath: path))
        let ours = try shell("'\(Redress.binary.path)'", input: Data(".read \(path)\n".utf8))
        let plain = try shell("'\(Self.lua)' '\(path)'")
        #expect(ours.status == 0)
        #expect(ours.stdout == plain.stdout)
    }

    @Test func linesPipedIntoTheREPLKeepTheirBytes() throws {
        // One line, then a chunk over two lines (continued: the table is unfinished).
        let input: [UInt8] = Array("local s = \"".utf8) + [0xA3] + Array("100\" print(#s, s:byte(1, -1))\n".utf8)
            + Array("t = { \"".utf8) + [0xFF, 0xC3] + Array("\",\r\n\"".utf8) + [0xE2] + Array("\" }\nprint(#t[1], #t[2], t[1]:byte(1, -1))\n".utf8)
        let ours = try shell("'\(Redress.binary.path)'", input: Data(input))
        let plain = try shell("'\(Self.lua)' -", input: Data(input))
        #expect(String(decoding: plain.stdout, as: UTF8.self) == "4\t163\t49\t48\t48\n2\t1\t255\t195\n")
        #expect(ours.stdout == plain.stdout)
        #expect(ours.status == 0)
    }
}
