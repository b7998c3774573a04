import Foundation
import GRDB
import RedressCalendar
import RedressCore
import RedressLua
@testable import RedressREPL

enum TestSupport {
    static let repository: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()
    static let scripts = repository + "/Scripts"

    /// A state like the command line makes: the repository's Scripts, the bundled holidays.
    static func state(asOf: String = "2026-12-23") throws -> LuaState {
        var options = LuaState.Options()
        options.scripts = scripts
        options.holidayFiles = [scripts + "/calendar/uk-bank-holiday-changes.txt"]
        options.asOf = try LocalDate(iso: asOf)
        let state = try LuaState(options: options)
        state.recorder = Recorder(actor: "tester", script: "RedressREPLTests")
        return state
    }

    /// A fresh folder under /tmp, removed by the caller.
    static func folder() throws -> URL {
        let folder = URL(fileURLWithPath: "/tmp/redress-repl-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// A store bound to hos-code with a state on it, and a REPL whose output is collected.
final class Fixture {
    let folder: URL
    let path: String
    let store: CaseStore
    let state: LuaState
    /// What the REPL wrote: standard output and standard error.
    nonisolated(unsafe) var stdout = ""
    nonisolated(unsafe) var stderr = ""

    init(asOf: String = "2026-12-23") throws {
        folder = try TestSupport.folder()
        path = folder.appendingPathComponent("store.sqlite").path
        store = try CaseStore(path: path)
        state = try TestSupport.state(asOf: asOf)
        let pack = PolicyLoader.resolve("hos-code", scripts: TestSupport.scripts)
        try store.bind(to: PolicyLoader.load(path: pack, in: state), source: "hos-code", actor: "tester")
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Records an intake and returns its reference.
    @discardableResult
    func intake(received: String = "2026-12-01", summary: String = "Boiler broken", name: String = "Ann Example") throws -> String {
        let ref = try state.withTransaction(on: store) {
            try state.run("""
                return cases.intake{ received = "\(received)", channel = "email", category = "repairs",
                                     summary = "\(summary)", complainant = { name = "\(name)" } }.ref
                """, name: "=fixture").first
        }
        guard case .string(let text)? = ref else { throw LuaError(kind: .other, message: "no ref") }
        return text
    }

    /// A REPL on this store whose output is collected here; `width` as if on a terminal.
    func repl(width: Int? = nil) -> REPL {
        let output = Output(send: { [unowned self] descriptor, text in
            if descriptor == 2 { stderr += text } else { stdout += text }
        }, toTerminal: false)
        let repl = REPL(state: state, store: store, storePath: path, version: "test", output: output)
        return repl
    }

    func count(_ table: String) throws -> Int {
        try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") ?? -1 }
    }
}

/// Lines typed in advance, as if from a file.
final class ScriptedInput: LineInput {
    var lines: [LineEvent]
    var prompts: [String] = []
    var remembered: [String] = []
    let isInteractive: Bool

    init(_ lines: [String], interactive: Bool = false) {
        self.lines = lines.map { .line(Line($0)) }
        isInteractive = interactive
    }

    init(events: [LineEvent], interactive: Bool) {
        lines = events
        isInteractive = interactive
    }

    func read(prompt: String) -> LineEvent {
        prompts.append(prompt)
        return lines.isEmpty ? .end : lines.removeFirst()
    }

    func remember(_ entry: String) {
        remembered.append(entry)
    }
}
