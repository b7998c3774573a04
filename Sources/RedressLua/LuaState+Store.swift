import GRDB
import LuaShim
import RedressCore

extension LuaState {
    /// Runs `body` (which runs Lua) inside one transaction of `store` that belongs to the host:
    /// everything the scripts write is kept when `body` returns, and rolled back when it throws;
    /// nothing a script does ends it early (`sql()` cannot). `sql(...)` and the store's Lua API
    /// use this transaction's connection while it lasts. The write lock is taken at the first
    /// write, so a run that only reads never blocks another process's intake; `lockingAtStart`
    /// takes it at once, for a run that is there to write (an import) and should wait its turn.
    /// The run's "today" (`--as-of`, `.asof`) is the connection's too (`overdue_clocks`).
    @discardableResult
    public func withTransaction<T>(on store: CaseStore, lockingAtStart: Bool = false, _ body: () throws -> T) throws -> T {
        try store.transaction(lockingAtStart: lockingAtStart) { db in
            database = db
            self.store = store
            // One "today" for everything the run reads, the store's views included.
            try CaseStore.setToday(today, in: db)
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
