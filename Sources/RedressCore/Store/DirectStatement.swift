import GRDB
import GRDBSQLite

/// One of the store's hot-path statements (intake: a million cases at a time), bound and stepped
/// through SQLite's C API. GRDB prepares and caches it (so GRDB finalizes it before closing the
/// connection); binding values one by one here skips `StatementArguments`, which costs several
/// microseconds a statement. Each use binds every parameter, steps, and resets.
struct DirectStatement {
    let handle: SQLiteStatement
    let db: Database

    /// `sql` must be used only through `DirectStatement` (a comment in it keeps it apart from
    /// GRDB-path statements in GRDB's cache).
    init(_ db: Database, _ sql: String) throws {
        self.db = db
        handle = try db.cachedStatement(sql: sql).sqliteStatement
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ index: Int32, _ text: String?) {
        if let text {
            sqlite3_bind_text(handle, index, text, -1, Self.transient)
        } else {
            sqlite3_bind_null(handle, index)
        }
    }

    func bind(_ index: Int32, _ number: Int64?) {
        if let number { sqlite3_bind_int64(handle, index, number) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ number: Int?) {
        bind(index, number.map(Int64.init))
    }

    func bind(_ index: Int32, _ flag: Bool) {
        sqlite3_bind_int64(handle, index, flag ? 1 : 0)
    }

    /// Steps to the end (an INSERT, UPDATE or SAVEPOINT).
    func run() throws {
        defer { sqlite3_reset(handle) }
        var code = sqlite3_step(handle)
        while code == SQLITE_ROW { code = sqlite3_step(handle) }
        guard code == SQLITE_DONE else { throw failure(code) }
    }

    /// The first column of the first row as text, or nil.
    func text() throws -> String? {
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE { return nil }
        guard code == SQLITE_ROW else { throw failure(code) }
        guard let pointer = sqlite3_column_text(handle, 0) else { return nil }
        return String(cString: pointer)
    }

    /// The first column of the first row as an integer, or nil.
    func integer() throws -> Int64? {
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE { return nil }
        guard code == SQLITE_ROW else { throw failure(code) }
        return sqlite3_column_type(handle, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 0)
    }

    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                      sql: String(cString: sqlite3_sql(handle)))
    }

    /// Runs `body` in a savepoint of the caller's transaction: all it writes, or nothing.
    /// Without `isolated`, `body` runs directly in the caller's transaction: for a caller that
    /// discards the whole transaction on any failure (an all-or-nothing import), where a
    /// savepoint per change would only cost time.
    static func savepoint<T>(_ db: Database, isolated: Bool = true, _ body: () throws -> T) throws -> T {
        if !isolated && db.isInsideTransaction { return try body() }
        guard db.isInsideTransaction else {
            var result: T?
            try db.inSavepoint {
                result = try body()
                return .commit
            }
            return result!
        }
        try DirectStatement(db, "SAVEPOINT redress_change").run()
        do {
            let result = try body()
            try DirectStatement(db, "RELEASE redress_change").run()
            return result
        } catch {
            try DirectStatement(db, "ROLLBACK TO redress_change").run()
            try DirectStatement(db, "RELEASE redress_change").run()
            throw error
        }
    }
}
