import GRDB
import GRDBSQLite

/// The read-only query path: an analyst's SQL (`sql()` in a script) runs on the store's
/// connection under SQLite's own guards, never under a reading of its text.
///
/// - `PRAGMA query_only` is on while the query runs: SQLite refuses any change to the file.
/// - An authorizer (`sqlite3_set_authorizer`) refuses, while the query is prepared and run,
///   every write, schema change, transaction or savepoint statement (the run's transaction
///   belongs to the host), ATTACH and DETACH, and every PRAGMA but a few that describe the
///   schema. A viewer without the role for a ground of `Redaction` reads the real tables'
///   protected columns as NULL wherever the query names them, through main views, CTEs,
///   subqueries and functions alike, and may not read a table whose rows it may not see at all;
///   only the redacting views themselves (SQLite names the view responsible for each read) read
///   those columns, and they mask what the viewer may not see row by row.
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
    /// The grounds on which the viewer sees everything during this query.
    private var sees: Set<Redaction.Ground> = []
    /// Why the authorizer refused the query, if it did.
    private var refusal: String?

    /// Installs the authorizer on `db`'s connection.
    func install(on db: Database) {
        connection = db.sqliteConnection
        sqlite3_set_authorizer(db.sqliteConnection, { context, action, first, second, database, view in
            Unmanaged<QueryGuard>.fromOpaque(context!).takeUnretainedValue()
                .authorize(action, first.map { String(cString: $0) }, second.map { String(cString: $0) },
                           database.map { String(cString: $0) }, view.map { String(cString: $0) })
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Runs `body`, which prepares and runs an analyst's query on `db`, under the guard. A
    /// refused query throws `QueryRefusal` naming what was refused.
    func run<T>(in db: Database, _ body: () throws -> T) throws -> T {
        guard !active else { throw QueryRefusal(message: "sql(): a query inside another query is not allowed") }
        sees = []
        for ground in Redaction.Ground.allCases where try Bool.fetchOne(db, sql: "SELECT \(ground.viewerSeesAll)") == true {
            sees.insert(ground)
        }
        let wasQueryOnly = try Bool.fetchOne(db, sql: "PRAGMA query_only") ?? false
        try db.execute(sql: "PRAGMA query_only = 1")
        refusal = nil
        active = true
        defer {
            active = false
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

    /// SQLite's question, at each step of preparing a statement: may it do this? `view` is the
    /// view (or trigger) whose body asks, nil for the query's own text.
    private func authorize(_ action: Int32, _ first: String?, _ second: String?, _ database: String?, _ view: String?) -> Int32 {
        guard active else { return SQLITE_OK }
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
            // The redacting views (temp) read the real tables and mask row by row; anything
            // else reading a protected column of a real table reads NULL, or is refused where
            // the viewer may not see the rows at all.
            if database == "temp" || view.map(Redaction.isView) == true { return SQLITE_OK }
            let hidden = Redaction.grounds(table: name, column: second ?? "").filter { !sees.contains($0) }
            guard !hidden.isEmpty else { return SQLITE_OK }
            if Redaction.hidesRows(name) {
                return refuse("sql(): main.\(name) is not readable by this user: read \(name) (its redacting view) instead")
            }
            return SQLITE_IGNORE
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
}

/// An analyst's query the read-only query path refused, and what it refused.
public struct QueryRefusal: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
