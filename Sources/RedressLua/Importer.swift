import CLua
import GRDB
import LuaShim
import RedressCore

#if canImport(Glibc)
import Glibc
#endif

/// `redress import`: feeds each row of an intake CSV through `cases.intake`, in the run's
/// transaction. The header names the intake fields: the standard ones (`IntakeFields`) and the
/// facts the store's pack declares, any other column refused at the header, before any row. An
/// empty cell is an absent field; `yes`/`true` and `no`/`false` are booleans in the flag columns
/// (`anonymous`, `confidential`, `safeguarding` and the pack's boolean facts), and every other
/// cell is text.
public enum Importer {
    static let requiredColumns = ["received", "channel"]
    /// The most columns a header may have: far more than any intake field list, and few enough
    /// that a row's field count always fits the C record's `int`.
    static let maximumColumns = 10_000

    /// A row that could not be imported: its row number (the header is row 1) and why,
    /// naming the column and the value.
    public struct BadRow: Equatable, Sendable, CustomStringConvertible {
        public let row: Int
        public let message: String
        public var description: String { "row \(row)\(message.hasPrefix("column ") ? ", " : ": ")\(message)" }
    }

    public struct Report: Sendable {
        public var rows = 0
        public var imported = 0
        public var bad: [BadRow] = []
        /// Cases imported by kind and status, e.g. ("complaint", "excluded", 71).
        public var counts: [(kind: String, status: String, count: Int)] = []

        public init() {}
    }

    /// Nothing was imported because some rows are bad.
    public struct Failure: Error, CustomStringConvertible {
        public let report: Report
        public var description: String {
            "nothing imported: \(report.bad.count) of \(report.rows) rows are bad (fix them, or import the good ones with --skip-bad)"
        }
    }

    /// The pack's own code failed on a row (a pack error, in its triage or another hook): the
    /// row is not at fault, so the import stops there, whether or not bad rows are skipped.
    public struct PackFailure: Error, CustomStringConvertible {
        public let row: Int
        /// The pack error, with its `PackFault` and the traceback from where the pack failed.
        public let error: LuaError
        public var description: String {
            "row \(row): \(error)\nnothing imported: the import stops at the pack's first error, which no row can fix (fix the pack, then import again)"
        }
    }

    /// Imports `path` into the store the state's run holds (`LuaState.withTransaction`). With
    /// `skipBad`, good rows are kept and bad ones listed; otherwise any bad row throws
    /// `Failure`, and the caller's transaction keeps nothing. A pack error on any row throws
    /// `PackFailure`, so that the caller's transaction keeps nothing either way. Each row gets
    /// the state's whole instruction budget.
    public static func run(path: String, in state: LuaState, skipBad: Bool) throws -> Report {
        guard let db = state.database else {
            throw StoreError(message: "no case store is open (create one with `redress init`, or name it with --db or REDRESS_DB)")
        }
        let reader = try CSVReader(path: path)
        guard try reader.next() else { throw CSVError(path: path, row: 1, message: "the file is empty (expected a header row)") }
        guard reader.count <= maximumColumns else {
            throw CSVError(path: path, row: 1, message: "the header has \(reader.count) columns (at most \(maximumColumns))")
        }
        let columns = (0..<reader.count).map { reader.field($0).trimmingSpaces() }
        for (index, name) in columns.enumerated() {
            if name.isEmpty { throw CSVError(path: path, row: 1, message: "column \(index + 1) has no name") }
            if columns[..<index].contains(name) { throw CSVError(path: path, row: 1, message: "column '\(name)' appears twice") }
        }
        for name in requiredColumns where !columns.contains(name) {
            throw CSVError(path: path, row: 1, message: "no '\(name)' column (the header has: \(columns.joined(separator: ", ")))")
        }
        let pack = try packOf(state)
        for name in columns where !IntakeFields.standardNames.contains(name) && pack.fact(name) == nil {
            throw CSVError(path: path, row: 1, message: "column \(IntakeFields.unknown(name, pack: pack))")
        }
        let keys = columns.map { strdup($0) }
        defer { keys.forEach { free($0) } }
        let text = columns.map { !(IntakeFields.flags.contains($0) || pack.fact($0)?.kind == .boolean) }
        let firstID = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM cases") ?? 0

        var report = Report()
        var types = [UInt8](repeating: 0, count: columns.count)
        // The cases module compiles on first use; the loop below calls its intake entry directly.
        try state.run("local _ = cases.intake", name: "=[redress import]")
        let L = state.L
        let base = lua_gettop(L)
        // A row's writes need no savepoints of their own: by default a bad row fails the whole
        // import, and with --skip-bad each row runs in one savepoint (below).
        state.changesIsolated = false
        defer { state.changesIsolated = true }
        state.armHook()
        while try reader.next() {
            report.rows += 1
            guard reader.count == columns.count else {
                report.bad.append(BadRow(row: reader.row, message: "\(reader.count) fields, but the header has \(columns.count)"))
                continue
            }
            for index in 0..<columns.count {
                types[index] = reader.isEmpty(index) ? 0 : text[index] ? 1 : flag(reader, index)
            }
            var failure: String?
            let step = { () throws -> Void in
                failure = try intake(reader, keys: keys, types: types, state: state)
            }
            if skipBad {
                try db.inSavepoint {
                    try step()
                    return failure == nil ? .commit : .rollback
                }
            } else {
                try step()
            }
            lua_settop(L, base)
            if let failure {
                report.bad.append(BadRow(row: reader.row, message: columnMessage(failure, columns: columns)))
            } else {
                report.imported += 1
            }
        }
        if !skipBad && !report.bad.isEmpty { throw Failure(report: report) }
        report.counts = try Row.fetchAll(db, sql: """
            SELECT kind, status, count(*) AS n FROM cases WHERE id > ? GROUP BY kind, status ORDER BY kind, status
            """, arguments: [firstID]).map { ($0["kind"], $0["status"], $0["n"]) }
        return report
    }

    /// The store's pack, for the header's columns: the one the run has loaded, else loaded now
    /// (its hash checked against the store's binding first).
    static func packOf(_ state: LuaState) throws -> PolicyPack {
        if let policy = state.policy, policy.storePath == state.store?.path { return policy.pack }
        guard let store = state.store, let db = state.database else { throw StoreError(message: "no case store is open") }
        let bound = try PolicyLoader.boundSource(in: db, storePath: store.path, scripts: state.options.scripts)
        return try PolicyLoader.load(path: bound.path, source: bound.source, in: state)
    }

    /// Runs `intake_row(row)` on one record; nil on success, else the error message. A limit,
    /// an interrupt or a pack error stops the whole import.
    static func intake(_ reader: CSVReader, keys: [UnsafeMutablePointer<CChar>?], types: [UInt8], state: LuaState) throws -> String? {
        let L = state.L
        lshim_resetlimits(L)
        lua_rawgetp(L, lshim_registryindex(), CasesModule.intakeRowKey)
        let pushed = push(reader, keys: keys, types: types, in: L)
        if pushed != LUA_OK { throw state.error(status: pushed) }
        let status = lua_pcallk(L, 1, 0, 0, 0, nil)
        if status == LUA_OK { return nil }
        let error = state.error(status: status)
        if error.pack != nil { throw PackFailure(row: reader.row, error: error) }
        switch error.kind {
        case .interrupted, .instructionLimit, .timeLimit, .memoryLimit, .memory: throw error
        default: return error.message
        }
    }

    /// Pushes the reader's record as a table of its present fields (`types`: 0 absent, 1 text,
    /// 2 true, 3 false) in one protected call; returns the Lua status.
    public static func push(_ reader: CSVReader, keys: [UnsafeMutablePointer<CChar>?], types: [UInt8], in L: OpaquePointer) -> Int32 {
        reader.bytes.withUnsafeBufferPointer { bytes in
            reader.ends.withUnsafeBufferPointer { ends in
                keys.withUnsafeBufferPointer { keys in
                    types.withUnsafeBufferPointer { types in
                        keys.withMemoryRebound(to: UnsafePointer<CChar>?.self) { names in
                            var record = lshim_record(count: Int32(types.count), keys: names.baseAddress, bytes: bytes.baseAddress,
                                                      ends: ends.baseAddress, types: types.baseAddress)
                            return lshim_pushrecord_p(L, &record)
                        }
                    }
                }
            }
        }
    }

    /// 2 for yes/true, 3 for no/false (any case), else 1 (text).
    static func flag(_ reader: CSVReader, _ index: Int) -> UInt8 {
        let start = reader.start(index), end = reader.ends[index]
        guard end - start <= 5 else { return 1 }
        var word = ""
        for byte in reader.bytes[start..<end] { word.unicodeScalars.append(Unicode.Scalar(byte | 0x20)) }
        switch word {
        case "yes", "true": return 2
        case "no", "false": return 3
        default: return 1
        }
    }

    /// `cases.intake: received: invalid date…` → `column received: invalid date…` when the
    /// field is a column; the message otherwise.
    static func columnMessage(_ message: String, columns: [String]) -> String {
        var rest = Substring(message)
        if rest.hasPrefix("cases.intake: ") { rest = rest.dropFirst("cases.intake: ".count) }
        if let colon = rest.firstIndex(of: ":"), columns.contains(String(rest[..<colon])) {
            return "column " + rest
        }
        return String(rest)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while scalars.first == " " || scalars.first == "\t" { scalars = scalars.dropFirst() }
        while scalars.last == " " || scalars.last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
