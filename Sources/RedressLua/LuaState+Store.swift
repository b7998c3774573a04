import GRDB
import RedressCore

extension LuaState {
    /// Runs `body` (which runs Lua) inside one write transaction of `store`: everything the
    /// scripts write is kept when `body` returns, and rolled back when it throws. `sql(...)` and
    /// the store's Lua API use this transaction's connection while it lasts.
    @discardableResult
    public func withTransaction<T>(on store: CaseStore, _ body: () throws -> T) throws -> T {
        try store.writeThrowingAny { db in
            database = db
            self.store = store
            defer {
                database = nil
                self.store = nil
            }
            return try body()
        }
    }
}
