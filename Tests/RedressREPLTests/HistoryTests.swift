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
}
