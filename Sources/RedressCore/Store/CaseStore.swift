import GRDB
import GRDBSQLite

#if canImport(Glibc)
import Glibc
#endif

/// The case store: one SQLite file in WAL mode (readers in other processes beside one writer),
/// foreign keys on, migrated to the current schema when opened. A second process writing at the
/// same time waits its turn (busy timeout) rather than failing.
///
/// One connection (a GRDB `DatabaseQueue`): a run of `redress` is one process doing one thing,
/// and GRDB's `DatabasePool` writes to the file each time it opens one (its WAL set-up), which
/// cost every run two fsyncs.
public final class CaseStore: Sendable {
    /// The file's path.
    public let path: String
    let queue: DatabaseQueue
    /// The read-only query path's guard on the connection (`readOnlyQuery`).
    let queryGuard: QueryGuard

    /// How long a writer waits for another process's write to finish.
    public static let busyTimeout: Double = 30

    /// Opens (creating if needed, with owner-only permissions) and migrates the store at `path`.
    /// Refuses a store written by a newer Redress (migrations this one does not know), a store
    /// whose folder cannot be written (WAL needs it even to read), and, unless `creating`
    /// (`redress init`), an empty file: only init turns a file into a store.
    public init(path: String, creating: Bool = false) throws(StoreError) {
        let existed = TextFile.exists(path)
        let queryGuard = QueryGuard()
        if existed {
            try Self.checkUsable(path, creating: creating)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "redress"
        // No ATTACH: SQLite counts it read-only, but it creates files, and sql() in a sandboxed
        // script must not be a way to write one. Redress itself never attaches.
        configuration.prepareDatabase { db in
            sqlite3_limit(db.sqliteConnection, SQLITE_LIMIT_ATTACHED, 0)
            // A page cache of up to 1 GiB (SQLite's default is 2 MiB), taken only as pages are
            // read: an import of a million cases (about 700 MB) inserts into several indexes at
            // random places, and a smaller cache spills pages into the WAL mid-transaction and
            // reads them back, each read searching a WAL index that grows with the import.
            try db.execute(sql: "PRAGMA cache_size = -1048576")
            // Each change runs in a savepoint, whose rollback journal would otherwise be a
            // temporary file written for every page a change touches.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        do {
            if !existed || Self.isEmpty(path) {
                // Case data is personal data: create the file readable by its owner only, and
                // make an empty one (`touch`ed first, say) so before SQLite writes into it.
                do {
                    close(try OutputFile.open(path, mode: existed ? .append : .create))
                } catch {
                    throw StoreError(message: "cannot create the store '\(path)': \(error.reason)")
                }
            }
            queue = try DatabaseQueue(path: path, configuration: configuration)
            if !existed {
                // WAL is a property of the file: set once, it stays.
                try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
            }
            let unknown = try queue.read { db in
                try Schema.migrator.appliedIdentifiers(db).subtracting(Schema.migrator.migrations)
            }
            guard unknown.isEmpty else {
                throw StoreError(message: "the store '\(path)' was written by a newer Redress: its schema has changes this Redress does not know (\(unknown.sorted().joined(separator: "; "))). Nothing was changed; use a Redress at least as new as the one that wrote it")
            }
            try Schema.migrator.migrate(queue)
            try queue.writeWithoutTransaction { db in
                try Schema.installRedaction(db)
                try Schema.installToday(db)
                try Schema.installReports(db)
                queryGuard.install(on: db)
                db.clearSchemaCache()
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(message: "cannot open the store '\(path)': \(StoreError.describe(error))")
        }
        self.path = path
        self.queryGuard = queryGuard
    }

    /// True when `path` names an empty file.
    private static func isEmpty(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_size == 0
    }

    /// The checks on an existing file before SQLite opens it, each with a message that says what
    /// is wrong: SQLite itself would make an empty file a store, and report an unwritable folder
    /// as "attempt to write a readonly database" on a read.
    static func checkUsable(_ path: String, creating: Bool) throws(StoreError) {
        var status = stat()
        if stat(path, &status) == 0 && status.st_size == 0 {
            guard creating else {
                throw StoreError(message: "the store '\(path)' is an empty file (0 bytes), not a Redress store; only `redress init --db \(path)` makes a store of it")
            }
            // It becomes a store of personal data: readable by its owner only, as a new one is.
            chmod(path, 0o600)
        }
        let folder = Folder.parent(of: path)
        if access(folder, W_OK) != 0 {
            let reason = String(cString: strerror(errno))
            // SQLite can do without the folder only when both files of the log are there to write.
            if access(path + "-wal", W_OK) == 0 && access(path + "-shm", W_OK) == 0 { return }
            let name = String(path.split(separator: "/").last ?? "")
            throw StoreError(message: "cannot use the store '\(path)': its folder '\(folder)' is not writable by you (\(reason)), and SQLite must keep the store's write-ahead log (\(name)-wal, \(name)-shm) there, even to read it. Ask for write access to the folder, or copy the store to a folder you can write to")
        }
    }

    /// The schema migrations applied, in order.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read { db in try Schema.migrator.appliedMigrations(db) }
    }

    /// Reads in a snapshot.
    public func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw StoreError(message: StoreError.describe(error))
        }
    }

    /// Writes in one transaction: everything `body` does is kept, or nothing is.
    public func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.write(body)
        } catch {
            throw StoreError(message: StoreError.describe(error))
        }
    }

    /// Writes in one transaction, letting `body`'s own errors through unchanged (a script's
    /// LuaError stays a LuaError); the transaction is rolled back when `body` throws.
    public func writeThrowingAny<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.write(body)
    }

    /// Runs `body` in one transaction that belongs to the caller: everything `body` writes is
    /// kept when it returns and nothing when it throws. With `lockingAtStart` false the
    /// transaction is deferred: it reads a snapshot and takes the write lock only at its first
    /// write, so a run that only reads never holds up another process's writes. (A deferred
    /// run that reads and then writes while another process writes fails at that write with
    /// "database is locked", where a locking one would have waited its turn at the start.)
    public func transaction<T>(lockingAtStart: Bool, _ body: (Database) throws -> T) throws -> T {
        try queue.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(lockingAtStart ? .immediate : .deferred) {
                result = try body(db)
                guard db.isInsideTransaction else {
                    throw StoreError(message: "the run's transaction ended before the run did")
                }
                return .commit
            }
            return result!
        }
    }

    /// Runs `body`, which prepares and runs an analyst's SQL on `db` (this store's connection),
    /// on the read-only query path (`QueryGuard`): it can neither write nor end the run's
    /// transaction, and reads a protected column only as the viewer may see it. A refused query
    /// throws `QueryRefusal`, whose message names what was refused.
    public func readOnlyQuery<T>(in db: Database, _ body: () throws -> T) throws -> T {
        try queryGuard.run(in: db, body)
    }

    /// A setting, or nil.
    public func setting(_ key: String) throws(StoreError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key]) }
    }

    /// Sets a setting.
    public func setSetting(_ key: String, _ value: String) throws(StoreError) {
        try write { db in try Self.setSetting(key, value, in: db) }
    }

    /// Sets a setting inside the caller's transaction.
    static func setSetting(_ key: String, _ value: String, in db: Database) throws {
        try db.execute(sql: "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: [key, value])
    }
}

/// A store operation that failed. The message names the file or the constraint, never the
/// bound values (case data is personal data).
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }

    /// GRDB's message for a database error, without the SQL arguments.
    public static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "SQLite error \(error.resultCode)"
        }
        return "\(error)"
    }
}
