import GRDB
import RedressCore
import RedressLua

/// Evaluates what is typed as lua.c does: a chunk is tried as an expression first (`return`
/// before it) and its values kept; failing that, as statements. A chunk that stops short (its
/// syntax error is at `<eof>`: an unfinished function, table or long string) is incomplete, and
/// the REPL reads another line. Each chunk that runs is one transaction of the store: an error,
/// or Ctrl-C, rolls back what it wrote.
final class Evaluator {
    /// What became of a chunk.
    enum Outcome {
        /// More lines are needed.
        case incomplete
        /// It ran; its results, read for display.
        case values([Shown])
        /// It did not compile, or it raised an error (or was interrupted) and was rolled back.
        case failure(LuaError)
    }

    let state: LuaState
    /// The store each chunk's transaction is on; nil when the session has none.
    var store: CaseStore?

    init(state: LuaState, store: CaseStore?) {
        self.state = state
        self.store = store
    }

    /// Evaluates a chunk typed at the prompt. `firstLine` numbers its first line in messages
    /// (`stdin:12:` for input read from a file or pipe).
    func evaluate(_ chunk: String, name: String = "=stdin", firstLine: Int = 1) -> Outcome {
        evaluate(bytes: Array(chunk.utf8), name: name, firstLine: firstLine)
    }

    /// `evaluate` of a chunk as the bytes typed (Lua gets them exactly).
    func evaluate(bytes typed: [UInt8], name: String = "=stdin", firstLine: Int = 1) -> Outcome {
        // lua.c's habit, kept in 5.4 for 5.2's users: a chunk that starts with `=` is `return`.
        let chunk = typed.first == UInt8(ascii: "=") ? Array("return ".utf8) + typed.dropFirst() : typed
        let lead = [UInt8](repeating: UInt8(ascii: "\n"), count: max(0, firstLine - 1))
        let expression = lead + Array("return ".utf8) + chunk
        guard let expressionError = state.compile(bytes: expression, name: name) else {
            return run(bytes: expression, name: name)
        }
        let statements = lead + chunk
        if let error = state.compile(bytes: statements, name: name) {
            return Evaluator.isIncomplete(error) || Evaluator.isIncomplete(expressionError) ? .incomplete : .failure(error)
        }
        return run(bytes: statements, name: name)
    }

    /// Runs `code` as one chunk in one transaction and reads its results.
    func run(_ code: String, name: String) -> Outcome {
        run(bytes: Array(code.utf8), name: name)
    }

    /// Runs a chunk given as bytes (a file `.read` in: Lua source need not be UTF-8).
    func run(bytes code: [UInt8], name: String) -> Outcome {
        defer { state.resetLimits() }
        do {
            let values = try transaction {
                InterruptSignal.running = state.L
                defer { InterruptSignal.running = nil }
                return try state.evaluate(bytes: code, name: name) { range in inspector.read(range) }
            }
            return .values(values)
        } catch let error as LuaError {
            return .failure(error)
        } catch {
            return .failure(LuaError(kind: .other, message: StoreError.describe(error)))
        }
    }

    /// True when a syntax error only says the chunk has not ended yet.
    static func isIncomplete(_ error: LuaError) -> Bool {
        error.kind == .syntax && error.message.hasSuffix("<eof>")
    }

    private func transaction<T>(_ body: () throws -> T) throws -> T {
        guard let store else { return try body() }
        return try state.withTransaction(on: store, body)
    }

    /// Reads results, naming a case's complainant from the store (inside the transaction).
    private var inspector: LuaInspector {
        var names: [Int64: String?] = [:]
        let state = self.state
        return LuaInspector(state: state, partyName: { id in
            if let known = names[id] { return known }
            let name = state.database.flatMap { db in
                try? String.fetchOne(db, sql: "SELECT name FROM parties WHERE id = ?", arguments: [id])
            }
            names[id] = name
            return name
        })
    }
}
