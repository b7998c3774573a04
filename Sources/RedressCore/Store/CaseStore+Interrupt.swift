import GRDB
import GRDBSQLite

extension CaseStore {
    /// Stops the statement running on a raw connection (`sqlite3_interrupt`): a C function,
    /// safe to call from another thread or a signal handler while the connection is open (the
    /// sqlite3 shell calls it from its SIGINT handler). What Ctrl-C and `--timeout` use.
    public static let interruptConnection: @convention(c) (UnsafeMutableRawPointer?) -> Void = { connection in
        if let connection { sqlite3_interrupt(OpaquePointer(connection)) }
    }

    /// The raw connection of `db`, for `interruptConnection`.
    public static func connection(of db: Database) -> UnsafeMutableRawPointer? {
        db.sqliteConnection.map { UnsafeMutableRawPointer($0) }
    }
}
