import GRDB
import RedressCore
import RedressLua

#if canImport(Glibc)
import Glibc
#endif

extension REPL {
    /// What a dot-command did.
    enum Step {
        case done
        case failed
        case quit
    }

    /// Parses and runs a dot-command line; a problem is printed on standard error.
    func perform(_ line: String) -> Step {
        do {
            let command = try DotCommand.parse(line)
            // `.once` holds for what follows it; any other command is what it was for.
            defer { if case .once = command {} else { output.endOnce() } }
            return try run(command)
        } catch let error as DotCommandError {
            output.error(error.description)
        } catch let error as LuaError {
            output.error(REPL.shown(error))
        } catch {
            output.error("\(error)")
        }
        return .failed
    }

    func run(_ command: DotCommand) throws -> Step {
        switch command {
        case .help:
            output.say(help)
        case .open(let path):
            try open(path)
        case .policy(let name):
            output.say(try describePolicy(name))
        case .asOf(let date):
            if let date { state.setAsOf(date) }
            output.say("today is \(state.today)" + (state.options.asOf == nil ? " (the system's date)" : "") + "\n")
        case .schema(let table):
            output.write(try schema(table))
        case .tables:
            output.write(REPL.columns(try tableNames(), width: output.width ?? Renderer.defaultWidth))
        case .read(let path):
            let code: [UInt8]
            do {
                code = try TextFile.bytes(path)
            } catch {
                throw DotCommandError(".read: cannot read '\(path)': \(error.reason)")
            }
            let started = REPL.now()
            let succeeded = show(evaluator.run(bytes: LuaState.skippingShebang(code), name: "@" + path))
            if timer { output.say("Run time: \(REPL.seconds(REPL.now() - started))\n") }
            return succeeded ? .done : .failed
        case .explain(let ref, let clock):
            let call = "print(require('lib.explain').text(\(Self.quoted(ref)), \(clock.map(Self.quoted) ?? "nil")))"
            return show(evaluator.run(call, name: "=.explain")) ? .done : .failed
        case .mode(let mode):
            if let mode { self.mode = mode } else { output.say("\(self.mode.rawValue)\n") }
        case .headers(let on):
            if let on { headers = on } else { output.say(headers ? "on\n" : "off\n") }
        case .once(let path):
            do {
                try output.once(to: path)
            } catch {
                throw DotCommandError(".once: cannot write '\(path)': \(error.reason)")
            }
        case .import(let file, let table):
            output.say(try importCSV(file, into: table))
        case .timer(let on):
            if let on { timer = on } else { output.say(timer ? "on\n" : "off\n") }
        case .output(let path):
            do {
                try output.redirect(to: path)
            } catch {
                throw DotCommandError(".output: cannot write '\(path ?? "")': \(error.reason)")
            }
        case .quit:
            return .quit
        }
        return .done
    }

    /// The `.help` text.
    var help: String {
        var lines = ["Lua on the case store: an expression prints its value, a statement runs; an unfinished",
                     "chunk continues on a `>>` line. Each chunk is one transaction: an error keeps nothing it",
                     "wrote. `local` names last one chunk. Tab completes; Ctrl-C stops a chunk; Ctrl-D leaves.",
                     "Try: cases.find{ overdue = true, limit = 10 }   cases.get(\"C-2026-000001\")   sql(\"select * from open_cases\")",
                     ""]
        let width = DotCommand.entries.map { $0.name.count + $0.arguments.count + 2 }.max() ?? 0
        for entry in DotCommand.entries {
            let usage = "." + entry.name + (entry.arguments.isEmpty ? "" : " " + entry.arguments)
            lines.append("  " + usage.padding(to: width + 1) + " " + entry.summary)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `.open FILE`: switches the session to another existing store.
    func open(_ path: String) throws {
        guard TextFile.exists(path) else {
            throw DotCommandError(".open: no store at '\(path)' (create one with `redress init --db \(path)`)")
        }
        let opened = try CaseStore(path: path)
        // The session's user, whose role decides what the new store shows.
        try opened.identify(state.recorder.actor)
        store = opened
        storePath = path
        evaluator.store = opened
        let policy = (try? opened.boundPolicy)?.name
        output.say("Opened \(path)" + (policy.map { " (policy \($0))" } ?? " (bound to no policy: run `redress init --db \(path)`)") + "\n")
    }

    /// `.policy [NAME]`: the store's pack, or pack NAME (a name in Scripts/policies or a path),
    /// loaded in a state of its own so that the session's globals are left alone.
    func describePolicy(_ name: String?) throws -> String {
        guard let scripts = state.options.scripts else {
            throw DotCommandError(".policy: cannot find Redress's Scripts folder")
        }
        guard let source = name else {
            guard let store else { throw DotCommandError(".policy: no store is open (.policy NAME describes a pack)") }
            guard let bound = try store.boundPolicy else {
                throw DotCommandError(".policy: the store '\(store.path)' is bound to no policy (run `redress init --db \(store.path)`)")
            }
            // The store's own pack, its hash checked like every run's.
            let path = PolicyLoader.resolve(bound.source, scripts: scripts)
            let pack = try PolicyLoader.loadBound(store, scripts: scripts, in: LuaState(options: state.options))
            return PolicyDescription(pack: pack, path: path).text
        }
        let path = PolicyLoader.resolve(source, scripts: scripts)
        guard TextFile.exists(path) else {
            throw DotCommandError(".policy: no pack '\(source)' (looked for \(path); packs: \(packNames().joined(separator: ", ")))")
        }
        let pack = try PolicyLoader.load(path: path, in: LuaState(options: state.options))
        return PolicyDescription(pack: pack, path: path).text
    }

    /// The packs in Scripts/policies, by name.
    func packNames() -> [String] {
        guard let scripts = state.options.scripts else { return [] }
        return Completer.files(matching: scripts + "/policies/", extension: "lua")
            .filter { $0.hasSuffix(".lua") }
            .map { String($0.dropFirst(scripts.count + "/policies/".count).dropLast(4)) }
    }

    /// The store's tables and views.
    func tableNames() throws -> [String] {
        try openStore(for: ".tables").read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
    }

    /// `.schema [TABLE]`: the SQL that made the store's tables, views, indexes and triggers.
    func schema(_ table: String?) throws -> String {
        let statements = try openStore(for: ".schema").read { db in
            try String.fetchAll(db, sql: """
                SELECT sql FROM sqlite_master
                WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND (?1 IS NULL OR tbl_name = ?1 OR name = ?1)
                ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'view' THEN 1 WHEN 'index' THEN 2 ELSE 3 END, tbl_name, name
                """, arguments: [table])
        }
        if let table, statements.isEmpty {
            throw DotCommandError(".schema: no table or view '\(table)' (.tables lists them)")
        }
        return statements.map { $0 + ";\n" }.joined()
    }

    func openStore(for command: String) throws(DotCommandError) -> CaseStore {
        guard let store else { throw DotCommandError("\(command): no store is open (.open FILE opens one)") }
        return store
    }

    /// Names laid out in columns across `width`, as `ls` does.
    static func columns(_ names: [String], width: Int) -> String {
        guard let longest = names.map(\.count).max() else { return "" }
        let perLine = max(1, (width + 2) / (longest + 2))
        let rows = (names.count + perLine - 1) / perLine
        var lines: [String] = []
        for row in 0..<rows {
            var cells: [String] = []
            for column in 0..<perLine where column * rows + row < names.count {
                cells.append(names[column * rows + row].padding(to: longest))
            }
            var line = cells.joined(separator: " ")
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as a Lua string literal (every byte outside printable ASCII escaped).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += "\\" + String(UnicodeScalar(byte))
            case 0x20..<0x7f: out.append(Character(UnicodeScalar(byte)))
            default: out += "\\\(byte)"
            }
        }
        return out + "\""
    }
}
