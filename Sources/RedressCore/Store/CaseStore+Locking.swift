import GRDB
import GRDBSQLite

extension CaseStore {
    /// Runs `body`, one call of a run into the store, in the run's deferred transaction
    /// (`transaction(lockingAtStart: false)`), so that a run's first write waits its turn for
    /// the lock as a locking transaction would.
    ///
    /// A transaction that has read cannot wait for another process's write: SQLite fails its
    /// first write at once with SQLITE_BUSY (or SQLITE_BUSY_SNAPSHOT, when another process has
    /// committed since it began reading), since its snapshot may be stale. When `body` fails so
    /// and the run has written nothing yet, the run gives up its snapshot (ending a transaction
    /// that wrote nothing loses nothing), takes the write lock, waiting up to the busy timeout,
    /// and runs `body` again on the store as it now is. From then on the run holds the lock.
    public static func waitingForTheLock<T>(in db: Database, _ body: () throws -> T) throws -> T {
        let connection = db.sqliteConnection
        let heldTheLock = sqlite3_txn_state(connection, "main") == SQLITE_TXN_WRITE
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && !heldTheLock
                    && db.isInsideTransaction && sqlite3_txn_state(connection, "main") != SQLITE_TXN_WRITE {
            // Directly, not through GRDB, which would take the moment between the two
            // statements for a transaction aborted under it.
            guard sqlite3_exec(connection, "COMMIT", nil, nil, nil) == SQLITE_OK else { throw error }
            guard sqlite3_exec(connection, "BEGIN IMMEDIATE", nil, nil, nil) == SQLITE_OK else {
                sqlite3_exec(connection, "BEGIN DEFERRED", nil, nil, nil)
                throw error
            }
            return try body()
        }
    }
}
