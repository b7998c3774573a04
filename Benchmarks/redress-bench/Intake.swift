import CLua
import GRDB
import GRDBSQLite
import LuaShim
import RedressCalendar
import RedressCore
import RedressLua

#if canImport(Glibc)
import Glibc
#endif

// MARK: intake

/// `redress-bench intake CSV FOLDER`: the issue's intake benchmark on an intake CSV (from
/// `redress sample`), through the reference pack, in four timed phases on the same rows:
///
/// 1. csv: reading the file (CSVReader) alone;
/// 2. lua: each row pushed to Lua as a table, its dates parsed and the pack's triage run (what
///    import does before it writes), no store;
/// 3. lifecycle: the received event replayed against the pack's clocks for every row (the
///    calendar and the lifecycle rules in Swift), no store;
/// 4. import: `Importer.run` into a new store bound to hos-code, in one transaction (all of the
///    above plus the SQLite writes: case, party, stage, clock and audit rows).
///
/// SQLite and glue are the import's time less the three phases before it. Then, on that store,
/// the overdue query; then raw SQLite: the same rows inserted into one table with one prepared
/// statement in one transaction.
func intakeBenchmark(csv: String, folder: String) throws {
    let installation = try Installation.locate()
    let storePath = folder + "/redress-intake-bench.sqlite"
    let rawPath = folder + "/redress-raw-bench.sqlite"
    for path in [storePath, rawPath] {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }
    var options = LuaState.Options()
    options.scripts = installation.scripts
    options.holidayFiles = [installation.bankHolidayChanges]
    options.asOf = try LocalDate(iso: "2025-12-01")
    let packPath = installation.scripts + "/policies/hos-code.lua"

    // 1. CSV alone.
    var rows = 0
    let csvTime = try measureOnce {
        let reader = try CSVReader(path: csv)
        while try reader.next() { rows += 1 }
    }
    rows -= 1
    print("intake: \(rows) rows in \(csv)")
    print("  csv        read and split every row:                 \(seconds(csvTime)) s")

    // 2. Lua: the triage without the store.
    let luaState = try LuaState(options: options)
    let pack = try PolicyLoader.load(path: packPath, in: luaState)
    try luaState.run("""
        local pack = dofile(...)
        local parse = date.parse
        function bench_triage(t)
          local facts = {}
          for k, v in pairs(t) do facts[k] = v end
          for _, name in ipairs({ "received", "event_date", "aware_date" }) do
            if facts[name] ~= nil then facts[name] = assert(parse(facts[name])) end
          end
          return pack.triage(facts)
        end
        """, name: "=bench", arguments: [.string(packPath)])
    var excluded = 0
    let luaTime = try measureOnce {
        let reader = try CSVReader(path: csv)
        _ = try reader.next()
        let columns = (0..<reader.count).map(reader.field)
        let keys = columns.map { strdup($0) }
        defer { keys.forEach { free($0) } }
        var types = [UInt8](repeating: 1, count: columns.count)
        let L = luaState.L
        while try reader.next() {
            for index in 0..<columns.count {
                types[index] = reader.isEmpty(index) ? 0 : (reader.field(index) == "yes" ? 2 : 1)
            }
            lua_getglobal(L, "bench_triage")
            let status = Importer.push(reader, keys: keys, types: types, in: L)
            guard status == LUA_OK, lua_pcallk(L, 1, 1, 0, 0, nil) == LUA_OK else {
                throw BenchmarkFailure("triage failed: \(String(cString: lua_tolstring(L, -1, nil)))")
            }
            lua_getfield(L, -1, "exclude")
            if lua_type(L, -1) == LUA_TSTRING { excluded += 1 }
            lua_settop(L, 0)
        }
    }
    print("  lua        push each row, parse dates, pack triage:  \(seconds(luaTime)) s (\(excluded) excluded)")

    // 3. The lifecycle and calendar in Swift.
    let calendar = try HolidayData.load(files: options.holidayFiles).calendar(pack.region, closures: pack.closures)
    var checksum = 0
    let lifecycleTime = try measureOnce {
        let reader = try CSVReader(path: csv)
        _ = try reader.next()
        while try reader.next() {
            let received = try LocalDate(iso: reader.field(0))
            let state = try CaseState.replay([CaseEvent(.received, on: received, stage: "1")], pack: pack, calendar: calendar)
            checksum &+= state.clocks[0].due.dayNumber
        }
    }
    print("  lifecycle  replay received, acknowledge clock due:   \(seconds(lifecycleTime)) s [checksum \(checksum)]")

    // 3b. The store writes alone, from Swift (no Lua, no parties): CaseStore.record per row.
    let swiftStorePath = folder + "/redress-swift-bench.sqlite"
    for suffix in ["", "-wal", "-shm"] { unlink(swiftStorePath + suffix) }
    let swiftStore = try CaseStore(path: swiftStorePath)
    let storeTime = try measureOnce {
        try swiftStore.write { db in
            let reader = try CSVReader(path: csv)
            _ = try reader.next()
            while try reader.next() {
                let new = NewCase(kind: .complaint, received: try LocalDate(iso: reader.field(0)), channel: reader.field(1),
                                  category: reader.field(2), summary: reader.field(3))
                _ = try CaseStore.record(new, pack: pack, calendar: calendar, by: Recorder(actor: "bench"), in: db, isolated: false)
            }
        }
    }
    for suffix in ["", "-wal", "-shm"] { unlink(swiftStorePath + suffix) }
    print("  store      CaseStore.record per row from Swift:      \(seconds(storeTime)) s")

    // 4. The whole import.
    let state = try LuaState(options: options)
    state.recorder = Recorder(actor: "bench", script: "redress-bench intake")
    let store = try CaseStore(path: storePath)
    try store.bind(to: PolicyLoader.load(path: packPath, in: state), source: "hos-code", actor: "bench")
    var report = Importer.Report()
    let importTime = try measureOnce {
        report = try state.withTransaction(on: store) { try Importer.run(path: csv, in: state, skipBad: false) }
    }
    let counts = report.counts.map { "\($0.kind) \($0.status) \($0.count)" }.joined(separator: ", ")
    let rest = importTime - csvTime - luaTime - lifecycleTime
    print("  import     the whole import, one transaction:        \(seconds(importTime)) s (\(format(Double(rows) / importTime)) rows/s; \(counts))")
    print("  split      csv \(percent(csvTime, importTime)), lua \(percent(luaTime, importTime)), "
          + "lifecycle+calendar \(percent(lifecycleTime, importTime)), sqlite and glue \(percent(rest, importTime)) (\(seconds(rest)) s)")
    print("redress intake: \(rows) contacts in \(seconds(importTime)) s")

    // The overdue query on that store.
    let asOf = "2025-12-01"
    let queries: [(String, String)] = [
        ("the 50 most overdue open cases",
         "SELECT c.ref, k.name, coalesce(k.extended_due, k.due) AS due FROM clocks k CROSS JOIN cases c ON c.id = k.case_id WHERE k.met IS NULL AND c.status = 'open' AND coalesce(k.extended_due, k.due) < '\(asOf)' ORDER BY coalesce(k.extended_due, k.due) LIMIT 50"),
        ("overdue open cases received in the last week (a small answer)",
         "SELECT count(*) FROM clocks k CROSS JOIN cases c ON c.id = k.case_id WHERE k.met IS NULL AND c.status = 'open' AND coalesce(k.extended_due, k.due) BETWEEN '2025-11-24' AND '\(asOf)'"),
        ("count of all open cases with an overdue clock",
         "SELECT count(DISTINCT k.case_id) FROM clocks k CROSS JOIN cases c ON c.id = k.case_id WHERE k.met IS NULL AND c.status = 'open' AND coalesce(k.extended_due, k.due) < '\(asOf)'"),
    ]
    for (label, sql) in queries {
        var answer = ""
        let time = try measure(rounds: 15) {
            answer = try store.read { db in try String.fetchOne(db, sql: sql) ?? "" }
        }
        print("  overdue    \(label): median \(format(time.median * 1000)) ms (best \(format(time.best * 1000)) ms) [\(answer)]")
    }
    let findState = try LuaState(options: options)
    var found = LuaValue.nil
    let findTime = try measure(rounds: 15) {
        found = try findState.withTransaction(on: store) {
            try findState.run("return #cases.find{ overdue = true, as_of = '\(asOf)', limit = 50 }", name: "=bench").first ?? .nil
        }
    }
    print("  overdue    cases.find{ overdue = true, limit = 50 } from Lua: median \(format(findTime.median * 1000)) ms [\(found) cases]")

    // The schema's floor: the rows the import wrote, copied by SQLite alone into a new store.
    let floorPath = folder + "/redress-floor-bench.sqlite"
    for suffix in ["", "-wal", "-shm"] { unlink(floorPath + suffix) }
    let floorTime = try schemaFloor(from: storePath, into: floorPath)
    print("schema floor: the import's rows copied table by table (INSERT ... SELECT) into a new store: \(seconds(floorTime)) s; "
          + "import/floor = \(format(importTime / floorTime))x")
    for suffix in ["", "-wal", "-shm"] { unlink(floorPath + suffix) }
    let rowTime = try rowFloor(from: storePath, into: floorPath)
    print("row floor: the same rows inserted one per statement (prepared, bound from the source) into a new store: "
          + "\(seconds(rowTime)) s; import/row floor = \(format(importTime / rowTime))x")

    // Raw SQLite: the same rows, one table, one prepared statement, one transaction.
    let rawTime = try rawInsert(csv: csv, path: rawPath)
    print("raw sqlite: \(rows) rows, one prepared INSERT in one transaction: \(seconds(rawTime)) s; import/raw = \(format(importTime / rawTime))x")
    for path in [storePath, rawPath, floorPath] {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }
}

/// A connection through SQLite's C API alone, for the floors the import is compared with.
final class RawDatabase {
    let handle: OpaquePointer?

    init(path: String) throws {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK else { throw BenchmarkFailure("cannot open \(path)") }
        handle = db
    }

    deinit { sqlite3_close(handle) }

    func exec(_ sql: String) throws {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
            throw BenchmarkFailure("\(sql): \(String(cString: sqlite3_errmsg(handle)))")
        }
    }
}

/// What SQLite alone takes to write an import's rows with the store's schema (every table,
/// index, check and trigger): each table copied whole from `source` into a new store by
/// `INSERT ... SELECT`, in one transaction, with no per-row call from Swift or Lua. No import
/// that writes these rows one contact at a time can be faster.
func schemaFloor(from source: String, into path: String) throws -> Double {
    _ = try CaseStore(path: path)  // the schema, migrated
    let db = try RawDatabase(path: path)
    func exec(_ sql: String) throws { try db.exec(sql) }
    // As CaseStore sets up its connection.
    try exec("PRAGMA foreign_keys = ON; PRAGMA cache_size = -1048576; PRAGMA temp_store = MEMORY")
    try exec("ATTACH DATABASE '\(source)' AS imported")
    return try measureOnce {
        try exec("BEGIN IMMEDIATE")
        for table in ["parties", "cases", "stage_history", "clocks", "events", "intake_facts"] {
            try exec("INSERT INTO main.\(table) SELECT * FROM imported.\(table)")
        }
        try exec("COMMIT")
    }
}

/// What SQLite alone takes to write the same rows the way an import must, one row per statement:
/// each table's rows read from `source` and inserted one at a time by a prepared statement,
/// the values bound straight from the reading statement, in one transaction. No import that
/// writes each row with its own statement, as a contact at a time does, can be faster.
func rowFloor(from source: String, into path: String) throws -> Double {
    _ = try CaseStore(path: path)  // the schema, migrated
    let db = try RawDatabase(path: path)
    try db.exec("PRAGMA foreign_keys = ON; PRAGMA cache_size = -1048576; PRAGMA temp_store = MEMORY")
    try db.exec("ATTACH DATABASE '\(source)' AS imported")
    func prepare(_ sql: String) throws -> OpaquePointer? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db.handle, sql, -1, &statement, nil) == SQLITE_OK else {
            throw BenchmarkFailure("\(sql): \(String(cString: sqlite3_errmsg(db.handle)))")
        }
        return statement
    }
    return try measureOnce {
        try db.exec("BEGIN IMMEDIATE")
        for table in ["parties", "cases", "stage_history", "clocks", "events", "intake_facts"] {
            let read = try prepare("SELECT * FROM imported.\(table)")
            defer { sqlite3_finalize(read) }
            let columns = sqlite3_column_count(read)
            let write = try prepare("INSERT INTO main.\(table) VALUES (\(Array(repeating: "?", count: Int(columns)).joined(separator: ", ")))")
            defer { sqlite3_finalize(write) }
            while sqlite3_step(read) == SQLITE_ROW {
                for column in 0..<columns { sqlite3_bind_value(write, column + 1, sqlite3_column_value(read, column)) }
                guard sqlite3_step(write) == SQLITE_DONE else { throw BenchmarkFailure(String(cString: sqlite3_errmsg(db.handle))) }
                sqlite3_reset(write)
            }
        }
        try db.exec("COMMIT")
    }
}

/// Inserts every CSV row into a one-table database with the C API: the floor for storing them.
func rawInsert(csv: String, path: String) throws -> Double {
    let db = try RawDatabase(path: path)
    func exec(_ sql: String) throws { try db.exec(sql) }
    try exec("PRAGMA journal_mode = WAL")
    let reader = try CSVReader(path: csv)
    _ = try reader.next()
    let columns = (0..<reader.count).map(reader.field)
    try exec("CREATE TABLE intake(id INTEGER PRIMARY KEY, \(columns.map { "\($0) TEXT" }.joined(separator: ", ")))")
    var statement: OpaquePointer?
    let sql = "INSERT INTO intake(\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
    guard sqlite3_prepare_v2(db.handle, sql, -1, &statement, nil) == SQLITE_OK else { throw BenchmarkFailure("prepare failed") }
    defer { sqlite3_finalize(statement) }
    return try measureOnce {
        try exec("BEGIN")
        while try reader.next() {
            reader.bytes.withUnsafeBufferPointer { bytes in
                let base = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
                for index in 0..<reader.count {
                    let start = reader.start(index)
                    if start == reader.ends[index] {
                        sqlite3_bind_null(statement, Int32(index + 1))
                    } else {
                        sqlite3_bind_text(statement, Int32(index + 1), base + start, Int32(reader.ends[index] - start), nil)
                    }
                }
            }
            guard sqlite3_step(statement) == SQLITE_DONE else { throw BenchmarkFailure(String(cString: sqlite3_errmsg(db.handle))) }
            sqlite3_reset(statement)
        }
        try exec("COMMIT")
    }
}

func measureOnce(_ body: () throws -> Void) rethrows -> Double {
    let start = now()
    try body()
    return now() - start
}

func seconds(_ value: Double) -> String {
    let scaled = Int((value * 100).rounded())
    return "\(scaled / 100).\(String(abs(scaled % 100)).count == 1 ? "0" : "")\(abs(scaled % 100))"
}

func percent(_ part: Double, _ whole: Double) -> String {
    "\(Int((part / whole * 100).rounded()))%"
}
