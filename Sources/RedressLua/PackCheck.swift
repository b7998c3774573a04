import GRDB
import RedressCore

#if canImport(Glibc)
import Glibc
#endif

/// `redress check`: runs a pack's scenarios through the real host and lifecycle. The pack is
/// bound to a throwaway store in a temporary folder (removed afterwards), so a check never
/// touches the user's store; each scenario runs in a savepoint that is rolled back, so each
/// starts from an empty store. The runner itself is Lua (`Scripts/lib/scenarios.lua`): it calls
/// `cases.intake` and the case methods as a script would, and compares the case with the
/// scenario's `expect`.
public enum PackCheck {
    /// One scenario's outcome: what differed from its expectation (nothing when it passed).
    public struct Result: Sendable, Equatable {
        public let name: String
        public let clause: String?
        public let differences: [String]
        /// The traceback of the error that stopped the scenario (a pack error's, from where the
        /// pack failed), or empty.
        public var traceback: String = ""
        public var passed: Bool { differences.isEmpty }
    }

    /// The packs in `scripts`/policies, as paths, sorted by name.
    public static func packs(in scripts: String) throws(FileError) -> [String] {
        let folder = scripts + "/policies"
        guard let directory = opendir(folder) else { throw FileError(path: folder, reason: String(cString: strerror(errno))) }
        defer { closedir(directory) }
        var paths: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasSuffix(".lua") && !name.hasPrefix(".") { paths.append(folder + "/" + name) }
        }
        return paths.sorted()
    }

    /// Runs every scenario of the pack at `path` in a state set up with `options` (the pack's
    /// folder is added to the folders `dofile` may read). Throws when the pack does not load
    /// or a store cannot be made; a scenario that fails, however it fails, is a `Result`.
    public static func run(pack path: String, options: LuaState.Options, actor: String?) throws -> [Result] {
        var options = options
        options.scriptFolders.append(path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : ".")
        let state = try LuaState(options: options)
        state.recorder = Recorder(actor: actor, script: "redress check")
        let pack = try PolicyLoader.load(path: path, in: state)
        let source = Installation.realPath(path) ?? path
        let folder = try TemporaryStore()
        defer { folder.remove() }
        let store = try CaseStore(path: folder.store)
        try store.bind(to: pack, source: source, actor: actor)
        return try state.withTransaction(on: store) {
            guard let db = state.database else { throw StoreError(message: "the check's store is not open") }
            let count = try state.run("return require('lib.scenarios').count(...)", name: "=[redress check]",
                                      arguments: [.string(source)])
            guard case .integer(let scenarios)? = count.first, scenarios > 0 else { return [] }
            var results: [Result] = []
            for index in 0..<Int(scenarios) {
                var result: Result?
                try db.inSavepoint {
                    result = scenario(index + 1, of: source, in: state)
                    return .rollback
                }
                if let result { results.append(result) }
            }
            if let reads = try undeclaredReads(of: pack, path: source, scenarios: Int(scenarios), in: state) { results.append(reads) }
            return results
        }
    }

    /// Runs scenario `index` (1-based); a Lua error (a pack error: a hook of the pack failing;
    /// a limit) fails the scenario with its message and traceback.
    static func scenario(_ index: Int, of path: String, in state: LuaState) -> Result {
        do {
            let values = try state.run("return require('lib.scenarios').run(...)", name: "=[redress check]",
                                       arguments: [.string(path), .integer(Int64(index))])
            func text(_ position: Int) -> String? {
                guard position < values.count, case .string(let text) = values[position] else { return nil }
                return text
            }
            var differences: [String] = []
            if values.count > 2, case .array(let lines) = values[2] {
                differences = lines.map(\.description)
            }
            return Result(name: text(0) ?? "scenarios[\(index)]", clause: text(1), differences: differences)
        } catch {
            let label = try? state.run("return require('lib.scenarios').label(...)", name: "=[redress check]",
                                       arguments: [.string(path), .integer(Int64(index))])
            var name = "scenarios[\(index)]", clause: String?
            if case .string(let text)? = label?.first { name = text }
            if let label, label.count > 1, case .string(let text) = label[1] { clause = text }
            return Result(name: name, clause: clause, differences: [error.message], traceback: error.traceback)
        }
    }

    /// A temporary folder holding the check's store.
    struct TemporaryStore {
        let folder: String
        var store: String { folder + "/check.sqlite" }

        init() throws(StoreError) {
            let base = Installation.environment("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
            var template = Array("\(base)/redress-check-XXXXXX".utf8CString)
            guard let made = mkdtemp(&template) else {
                throw StoreError(message: "cannot make a temporary folder in \(base): \(String(cString: strerror(errno)))")
            }
            folder = String(cString: made)
        }

        func remove() {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(store + suffix) }
            rmdir(folder)
        }
    }
}
