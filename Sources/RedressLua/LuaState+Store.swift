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
            try useStoreCalendar(of: store, in: db)
            lshim_setsql(host, 0, CaseStore.interruptConnection, CaseStore.connection(of: db))
            defer {
                lshim_setsql(host, 0, nil, nil)
                database = nil
                self.store = nil
            }
            return try body()
        }
    }

    /// Takes up the store's own calendar at the start of a run: refuses holiday files the user
    /// gave that would change it, and rebuilds the calendars already handed out (and the
    /// pack's) when the store's calendar is not the one they were built with.
    func useStoreCalendar(of store: CaseStore, in db: Database) throws {
        let files = try loadedHolidayFiles()
        try CaseStore.checkHolidayFiles(files.all, bundled: files.bundled, storePath: store.path, in: db)
        let own = try StoreCalendar.read(in: db)
        guard own != storeCalendar || storeCalendarPath != store.path else { return }
        storeCalendar = own
        storeCalendarPath = store.path
        calendarGeneration += 1
        if let policy, policy.storePath == store.path {
            self.policy?.calendar = try CaseStore.calendar(policy.pack.region, packClosures: policy.pack.closures,
                                                           bundled: files.bundled, storePath: store.path, in: db)
        }
    }
}
