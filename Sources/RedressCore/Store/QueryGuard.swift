import GRDB
import GRDBSQLite

/// The read-only query path: an analyst's SQL (`sql()` in a script) runs on the store's
/// connection under SQLite's own guards, never under a reading of its text.
///
/// - `PRAGMA query_only` is on while the query runs: SQLite refuses any change to the file.
/// - An authorizer (`sqlite3_set_authorizer`) refuses, while the query is prepared and run,
///   every write, schema change, transaction or savepoint statement (the run's transaction
///   belongs to the host), ATTACH and DETACH, and every PRAGMA but a few that describe the
///   schema. It hides the protected columns of `Redaction.tables` from a viewer whose role does
///   not see all of them: SQLite then reads them as NULL wherever the query names them, through
///   views, CTEs, subqueries and functions alike. The redacting views show what the viewer may
///   see of those columns through `redress_visible`, which runs the view's own rules as the host.
///
/// The authorizer replaces GRDB's (SQLite keeps one per connection); outside a guarded query it
/// allows everything, as GRDB's does. GRDB then no longer learns from it which tables a
/// statement reads or which schema changes it makes: Redress observes no regions, and changes
/// no schema after opening the store (`CaseStore.init` clears GRDB's schema cache once).
final class QueryGuard: @unchecked Sendable {
    /// The PRAGMAs an analyst's query may run: each only describes the schema or checks the
    /// file, and none shows a row's values.
    static let allowedPragmas: Set<String> = [
        "table_info", "table_xinfo", "index_list", "index_info", "index_xinfo", "foreign_key_list",
        "database_list", "collation_list", "function_list", "integrity_check", "quick_check",
    ]

    /// The connection, while installed. Everything here runs on the connection's own queue.
    private var connection: OpaquePointer?
    /// Inside a guarded query.
    private var active = false
    /// Inside the host's own look-up (`visible`) within a guarded query: not guarded.
    private var trusted = 0
    /// The audiences whose protected columns the viewer sees in full during this query.
    private var sees: Set<Redaction.Audience> = []
    /// Why the authorizer refused the query, if it did.
    private var refusal: String?
    /// `redress_visible`'s look-ups, prepared once per guarded query.
    private var lookups: [String: OpaquePointer] = [:]

    /// Installs the authorizer and `redress_visible` on `db`'s connection.
    func install(on db: Database) {
        connection = db.sqliteConnection
        sqlite3_set_authorizer(db.sqliteConnection, { context, action, first, second, database, _ in
            Unmanaged<QueryGuard>.fromOpaque(context!).takeUnretainedValue()
                .authorize(action, first.map { String(cString: $0) }, second.map { String(cString: $0) },
                           database.map { String(cString: $0) })
        }, Unmanaged.passUnretained(self).toOpaque())
        db.add(function: DatabaseFunction(Redaction.visibleFunction, argumentCount: 3, pure: false) { [unowned self] values in
            try self.visible(values)
        })
    }

    /// Runs `body`, which prepares and runs an analyst's query on `db`, under the guard. A
    /// refused query throws `QueryRefusal` naming what was refused.
    func run<T>(in db: Database, _ body: () throws -> T) throws -> T {
        guard !active else { throw QueryRefusal(message: "sql(): a query inside another query is not allowed") }
        sees = []
        for audience in Redaction.Audience.allCases {
            let sql = "SELECT \(audience.viewerHasRole) FROM temp.redress_viewer v"
            if try Bool.fetchOne(db, sql: sql) == true { sees.insert(audience) }
        }
        let wasQueryOnly = try Bool.fetchOne(db, sql: "PRAGMA query_only") ?? false
        try db.execute(sql: "PRAGMA query_only = 1")
        refusal = nil
        active = true
        defer {
            active = false
            for statement in lookups.values { sqlite3_finalize(statement) }
            lookups = [:]
            // Should this fail, the connection stays read-only: the run fails at its next write.
            if !wasQueryOnly { try? db.execute(sql: "PRAGMA query_only = 0") }
        }
        do {
            return try body()
        } catch {
            if let refusal { throw QueryRefusal(message: refusal) }
            throw error
        }
    }

    /// SQLite's question, at each step of preparing a statement: may it do this?
    private func authorize(_ action: Int32, _ first: String?, _ second: String?, _ database: String?) -> Int32 {
        guard active, trusted == 0 else { return SQLITE_OK }
        func refuse(_ message: String) -> Int32 {
            if refusal == nil { refusal = message }
            return SQLITE_DENY
        }
        let name = first ?? ""
        switch action {
        case SQLITE_SELECT, SQLITE_RECURSIVE, SQLITE_FUNCTION:
            return SQLITE_OK
        case SQLITE_READ:
            if name.lowercased() == "sqlite_dbpage" {
                return refuse("sql(): sqlite_dbpage is not allowed: it reads the file's raw pages (read-only query path)")
            }
            if database != "temp", let column = second, let audience = Redaction.audience(table: name, column: column),
               !sees.contains(audience) {
                return SQLITE_IGNORE
            }
            return SQLITE_OK
        case SQLITE_PRAGMA:
            if Self.allowedPragmas.contains(name.lowercased()) { return SQLITE_OK }
            return refuse("sql(): PRAGMA \(name) is not allowed (read-only query path)")
        case SQLITE_TRANSACTION:
            return refuse("sql(): \(name) is not allowed: the run's transaction belongs to Redress (read-only query path)")
        case SQLITE_SAVEPOINT:
            let statement = name == "BEGIN" ? "SAVEPOINT" : name == "ROLLBACK" ? "ROLLBACK TO" : name
            return refuse("sql(): \(statement) is not allowed: the run's transaction belongs to Redress (read-only query path)")
        case SQLITE_ATTACH:
            return refuse("sql(): ATTACH is not allowed (read-only query path)")
        case SQLITE_DETACH:
            return refuse("sql(): DETACH is not allowed (read-only query path)")
        case SQLITE_UPDATE where ["sqlite_master", "sqlite_temp_master"].contains(name):
            // Reported while SQLite connects an eponymous virtual table (json_each, the pragma
            // functions) the first time; an actual change is refused (query_only, no
            // writable_schema).
            return SQLITE_OK
        default:
            return refuse("sql() is read-only: \(Self.describe(action, name)) would change the store (use the cases API)")
        }
    }

    /// What a refused write does, in SQL's words.
    private static func describe(_ action: Int32, _ name: String) -> String {
        switch action {
        case SQLITE_INSERT: "INSERT INTO \(name)"
        case SQLITE_UPDATE: "UPDATE \(name)"
        case SQLITE_DELETE: "DELETE FROM \(name)"
        case SQLITE_CREATE_INDEX, SQLITE_CREATE_TEMP_INDEX: "CREATE INDEX \(name)"
        case SQLITE_CREATE_TABLE, SQLITE_CREATE_TEMP_TABLE: "CREATE TABLE \(name)"
        case SQLITE_CREATE_TRIGGER, SQLITE_CREATE_TEMP_TRIGGER: "CREATE TRIGGER \(name)"
        case SQLITE_CREATE_VIEW, SQLITE_CREATE_TEMP_VIEW: "CREATE VIEW \(name)"
        case SQLITE_CREATE_VTABLE: "CREATE VIRTUAL TABLE \(name)"
        case SQLITE_DROP_INDEX, SQLITE_DROP_TEMP_INDEX: "DROP INDEX \(name)"
        case SQLITE_DROP_TABLE, SQLITE_DROP_TEMP_TABLE, SQLITE_DROP_VTABLE: "DROP TABLE \(name)"
        case SQLITE_DROP_TRIGGER, SQLITE_DROP_TEMP_TRIGGER: "DROP TRIGGER \(name)"
        case SQLITE_DROP_VIEW, SQLITE_DROP_TEMP_VIEW: "DROP VIEW \(name)"
        case SQLITE_ALTER_TABLE: "ALTER TABLE"
        case SQLITE_REINDEX: "REINDEX"
        case SQLITE_ANALYZE: "ANALYZE"
        default: "this statement"
        }
    }

    /// `redress_visible(table, column, id)`: a protected value as the viewer may see it (what
    /// the table's redacting view shows), read by the host past the guard. NULL outside a
    /// guarded query (the host reads the columns itself) and for anything not protected.
    private func visible(_ values: [DatabaseValue]) throws -> DatabaseValue {
        guard active, trusted == 0, let connection,
              let table = String.fromDatabaseValue(values[0]), let column = String.fromDatabaseValue(values[1]),
              let id = Int64.fromDatabaseValue(values[2]),
              let entry = Redaction.tables.first(where: { $0.name == table }), entry.columns.contains(column) else {
            return .null
        }
        trusted += 1
        defer { trusted -= 1 }
        let key = table + "." + column
        let statement: OpaquePointer
        if let prepared = lookups[key] {
            statement = prepared
        } else {
            var prepared: OpaquePointer?
            let code = sqlite3_prepare_v2(connection, "SELECT \(column) FROM temp.\(table) WHERE id = ?", -1, &prepared, nil)
            guard code == SQLITE_OK, let prepared else {
                sqlite3_finalize(prepared)
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
            }
            lookups[key] = prepared
            statement = prepared
        }
        sqlite3_reset(statement)
        sqlite3_bind_int64(statement, 1, id)
        switch sqlite3_step(statement) {
        case SQLITE_ROW:
            return DatabaseValue(sqliteStatement: statement, index: 0)
        case SQLITE_DONE:
            return .null
        case let code:
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
        }
    }
}

/// An analyst's query the read-only query path refused, and what it refused.
public struct QueryRefusal: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
