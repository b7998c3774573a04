import Foundation
import Testing
@testable import RedressREPL

@Suite struct HistoryTests {
    @Test func aChunkOfSeveralLinesIsOneEntry() throws {
        let folder = try TestSupport.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = History(path: folder.path + "/state/redress/history")
        history.append("function f()\n  return \"a\\\\b\"\nend")
        history.append("f()")
        #expect(History(path: history.path).load() == ["function f()\n  return \"a\\\\b\"\nend", "f()"])
        let text = try String(contentsOfFile: history.path, encoding: .utf8)
        #expect(text == "function f()\\n  return \"a\\\\\\\\b\"\\nend\nf()\n")
        let mode = try FileManager.default.attributesOfItem(atPath: history.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func theFileIsCutToItsCapacity() throws {
        let folder = try TestSupport.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = History(path: folder.path + "/history", capacity: 3)
        for n in 1...5 { history.append("x = \(n)") }
        #expect(history.load() == ["x = 3", "x = 4", "x = 5"])
        let lines = try String(contentsOfFile: history.path, encoding: .utf8).split(separator: "\n")
        #expect(lines == ["x = 3", "x = 4", "x = 5"])
    }

    @Test func itLivesInTheUsersStateFolder() {
        #expect(History.defaultPath { ["XDG_STATE_HOME": "/s", "HOME": "/h"][$0] } == "/s/redress/history")
        #expect(History.defaultPath { ["HOME": "/h"][$0] } == "/h/.local/state/redress/history")
        #expect(History.defaultPath { ["XDG_STATE_HOME": "relative", "HOME": "/h"][$0] } == "/h/.local/state/redress/history")
        #expect(History.defaultPath { _ in nil } == nil)
    }

    /// What analysts typed may name people (issue 15, item 6): a link planted at the history's
    /// name is never written through, and a history file others could read is made owner-only.
    @Test func aLinkIsRefusedAndAReadableFileIsMadeOwnerOnly() throws {
        let folder = try TestSupport.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let victim = folder.path + "/victim.txt"
        try "the victim's own file\n".write(toFile: victim, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/history", withDestinationPath: victim)
        History(path: folder.path + "/history").append("cases.get('C-2026-000001')")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "the victim's own file\n")

        let readable = folder.path + "/readable"
        try "x = 1\n".write(toFile: readable, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: readable)
        History(path: readable).append("x = 2")
        #expect(try FileManager.default.attributesOfItem(atPath: readable)[.posixPermissions] as? Int == 0o600)
        #expect(History(path: readable).load() == ["x = 1", "x = 2"])
    }
}
