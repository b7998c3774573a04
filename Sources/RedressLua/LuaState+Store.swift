import GRDB
import LuaShim
import RedressCore

extension LuaState {
    /// Runs `body` (which runs Lua) inside one write transaction of `store`: everything the
    /// scripts write is kept when `body` returns, and rolled back when it throws. `sql(...)` and
    /// the store's Lua API use this transaction's connection while it lasts; Ctrl-C and the
    /// time limit stop the statement running on it.
    @discardableResult
    public func withTransaction<T>(on store: CaseStore, _ body: () throws -> T) throws -> T {
        try store.writeThrowingAny { db in
            database = db
            self.store = store
            lshim_setsql(host, 0, CaseStore.interruptConnection, CaseStore.connection(of: db))
            defer {
                lshim_setsql(host, 0, nil, nil)
                database = nil
                self.store = nil
            }
            return try body()
        }
    }
}
