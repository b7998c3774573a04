import GRDB
import RedressCore
import RedressLua

#if canImport(Glibc)
import Glibc
#endif

/// The workbench: a Lua prompt on the case store, like `lua` and the `sqlite3` shell together.
///
/// At a terminal it shows a one-line banner and reads lines through readline (history, Tab
/// completion, Ctrl-C). Each line is evaluated as lua.c does (an expression's values are printed;
/// an unfinished chunk continues on a `>>` prompt; an error prints `stdin:LINE: message` and the
/// session goes on), each chunk in one transaction of the store. Lines starting with `.` are
/// dot-commands (`.help`). When standard input is not a terminal the same happens with no banner
/// or prompts, and the exit status says whether every chunk succeeded.
public final class REPL {
    let state: LuaState
    var store: CaseStore?
    /// The store's path (where it would be, when there is none).
    var storePath: String
    let version: String
    let evaluator: Evaluator
    let output: Output
    var mode: OutputMode = .column
    /// Whether rows print under their column names (`.headers`).
    var headers = true
    var timer = false
    /// True while reading from a person at a terminal.
    var interactive = false

    static let prompt = "> "
    static let continuationPrompt = ">> "

    /// A session on `store` (nil when there is none yet at `storePath`) with `state`, set up as
    /// `redress run` sets one up.
    public convenience init(state: LuaState, store: CaseStore?, storePath: String, version: String) {
        self.init(state: state, store: store, storePath: storePath, version: version, output: Output())
    }

    init(state: LuaState, store: CaseStore?, storePath: String, version: String, output: Output) {
        self.state = state
        self.store = store
        self.storePath = storePath
        self.version = version
        self.output = output
        evaluator = Evaluator(state: state, store: store)
    }

    /// Runs the session on standard input; returns the exit status: 0, or 1 when input that was
    /// not a terminal had a chunk or command that failed.
    public func run() -> Int32 {
        guard isatty(0) != 0 else { return run(input: StreamInput()) }
        _ = InterruptSignal.install()
        // The cases and parties modules load on first use; load them now so that Tab can list
        // their functions (this compiles Lua; it touches no store).
        _ = try? state.run("return cases.get, parties.get", name: "=[redress repl]")
        let history = History.defaultPath().map { History(path: $0) }
        return run(input: TerminalInput(completer: completer, history: history))
    }

    /// The read–evaluate–print loop over `input`.
    func run(input: LineInput) -> Int32 {
        interactive = input.isInteractive
        if interactive { output.say(banner + "\n") }
        var failed = false
        var lines = 0
        reading: while true {
            let event = input.read(prompt: REPL.prompt)
            guard case .line(let line) = event else {
                if event == .end { break }
                continue
            }
            let first = line.text
            let firstLine = lines + 1
            lines += 1 + first.count { $0 == "\n" }
            if first.allSatisfy(\.isWhitespace) { continue }
            if DotCommand.isCommand(first) {
                input.remember(first)
                switch perform(first) {
                case .quit: break reading
                case .failed: failed = true
                case .done: break
                }
                continue
            }
            var chunk = line.bytes   // what Lua gets: the bytes typed
            var outcome: Evaluator.Outcome
            var started: Double
            let numbering = input.isInteractive ? 1 : firstLine
            while true {
                started = REPL.now()
                outcome = evaluator.evaluate(bytes: chunk, firstLine: numbering)
                guard case .incomplete = outcome else { break }
                switch input.read(prompt: REPL.continuationPrompt) {
                case .line(let next):
                    chunk += [UInt8(ascii: "\n")] + next.bytes
                    lines += 1 + next.bytes.count { $0 == UInt8(ascii: "\n") }
                case .interrupted:
                    continue reading
                case .end:
                    input.remember(String(decoding: chunk, as: UTF8.self))
                    let lead = [UInt8](repeating: UInt8(ascii: "\n"), count: numbering - 1)
                    output.error(state.compile(bytes: lead + chunk, name: "=stdin")?.message ?? "stdin: unfinished chunk")
                    failed = true
                    break reading
                }
            }
            input.remember(String(decoding: chunk, as: UTF8.self))
            if !show(outcome) { failed = true }
            output.endOnce()
            if timer { output.say("Run time: \(REPL.seconds(REPL.now() - started))\n") }
        }
        return failed && !input.isInteractive ? 1 : 0
    }

    /// Prints a chunk's results, or its error on standard error; false for an error.
    @discardableResult
    func show(_ outcome: Evaluator.Outcome) -> Bool {
        switch outcome {
        case .values(let values):
            output.write(renderer.render(values))
            return true
        case .failure(let error):
            // The terminal echoed ^C on the line the chunk was printing on.
            output.error((interactive && error.kind == .interrupted ? "\n" : "") + REPL.shown(error))
            return false
        case .incomplete:
            return false
        }
    }

    /// An error as the REPL prints it: its message; for a pack error (a hook of the pack failing,
    /// in a file the user did not type) the traceback from where the pack failed too.
    static func shown(_ error: LuaError) -> String {
        error.pack != nil && !error.traceback.isEmpty ? error.message + "\n" + error.traceback : error.message
    }

    /// How results print now.
    var renderer: Renderer {
        Renderer(mode: mode, width: output.width, today: state.today, headers: headers)
    }

    /// `Redress 0.1.0 · store ./redress.sqlite · policy hos-code · today 2026-11-23 (--as-of) · .help for help`
    var banner: String {
        var parts = ["Redress \(version)"]
        if let store {
            parts.append("store \(store.path)")
            parts.append("policy " + ((try? store.boundPolicy)?.name ?? "none (run `redress init --db \(store.path)`)"))
        } else {
            parts.append("no store at \(storePath) (`redress init` makes one; .open FILE opens one)")
        }
        parts.append("today \(state.today)" + (state.options.asOf != nil ? " (--as-of)" : ""))
        parts.append(".help for help")
        return parts.joined(separator: " · ")
    }

    /// What Tab offers, from this session's state and store.
    var completer: Completer {
        var completer = Completer(members: LuaMembers(state: state))
        completer.caseReferences = { [unowned self] prefix in
            (try? store?.read { db in
                try String.fetchAll(db, sql: "SELECT ref FROM cases WHERE ref >= ? AND ref < ? ORDER BY ref LIMIT 500",
                                    arguments: [prefix, prefix + "\u{10FFFF}"])
            }) ?? []
        }
        completer.tables = { [unowned self] in (try? tableNames()) ?? [] }
        completer.packs = { [unowned self] in packNames() }
        return completer
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// `0.012 s`, `1.250 s`.
    static func seconds(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction) s"
    }
}
