import CLua
import GRDB
import LuaShim
import RedressCore

/// `sql(query, ...)`: read-only SQL on the case store with positional parameters (`?`, bound
/// in order from the extra arguments), rows as tables keyed by column name. The query runs on
/// the store's read-only query path (`CaseStore.readOnlyQuery`): a write, a PRAGMA that is not
/// a schema description, ATTACH, or transaction control is refused, since changes go through
/// the cases API, which keeps the audit log, and the run's transaction is the host's. Reads see
/// what the run's user may see, whatever the query names (`Redaction`).
enum SQLModule {
    static let functions: [(String, lshim_fn)] = [("sql", sql)]

    /// Registry key of a weak-keyed table: rows table → its column names in the query's order
    /// (rows are Lua tables, which have no key order; the REPL lays its tables out by this).
    nonisolated(unsafe) static let columnsKey = UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1)

    static let sql: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            let query = try lua.string(1)
            guard let db = lua.state.database, let store = lua.state.store else {
                throw .message("no case store is open (create one with `redress init`, or name it with --db or REDRESS_DB)")
            }
            var values: [DatabaseValue] = []
            if lua.count >= 2 {
                for index in 2...lua.count {
                    // A parameter is a scalar: a table is refused before it is copied.
                    guard lua_type(lua.L, index) != LUA_TTABLE else {
                        throw .argument(index, "SQL parameter expected (nil, boolean, number, string or date), got table")
                    }
                    values.append(try databaseValue(lua.value(index), argument: index))
                }
            }
            if let stopped = lua.state.stopMessage { throw .message(stopped) }
            let rows: [LuaValue]
            let columns: [String]
            do {
                // Prepared and run on the read-only query path: SQLite's authorizer and
                // query_only refuse writes, PRAGMAs and transaction control, and hide the
                // columns the user may not see.
                (columns, rows) = try store.readOnlyQuery(in: db) {
                    let statement = try db.makeStatement(sql: query)
                    guard statement.isReadonly else {
                        throw LuaFault.message("sql() is read-only: '\(query.prefix(40))' would change the store (use the cases API)")
                    }
                    try statement.setArguments(StatementArguments(values))
                    let columns = statement.columnNames
                    return (columns, try Row.fetchAll(statement).map { row in
                        var fields: [LuaValue: LuaValue] = [:]
                        for (index, column) in columns.enumerated() {
                            fields[.string(column)] = luaValue(row[index] as DatabaseValue)
                        }
                        return .map(fields)
                    })
                }
            } catch let fault as LuaFault {
                throw fault
            } catch let refusal as QueryRefusal {
                throw .message(refusal.message)
            } catch {
                // Ctrl-C or the time limit interrupted the statement: say which.
                if let stopped = lua.state.stopMessage { throw .message(stopped) }
                // SQLite's message, never the bound values: case data is personal data.
                let message = StoreError.describe(error)
                throw .message("sql: \(message)\(doubleQuoteHint(message, in: query))")
            }
            try lua.return(.array(rows))
            remember(columns, in: lua.state, on: lua.L)
        }
    }

    /// Records `columns` as the column order of the rows table on top of the stack, which stays
    /// on top. Protected throughout; if memory runs out the order is simply not known.
    /// SQLite reads `"open"` as a column's name (the sqlite3 shell, for old habits' sake, falls
    /// back to a string; SQLite here does not): when a missing column is one the query wrote in
    /// double quotes, say that a string takes single ones.
    static func doubleQuoteHint(_ message: String, in query: String) -> String {
        guard let range = message.range(of: "no such column: ") else { return "" }
        let name = message[range.upperBound...].prefix { $0 != " " && $0 != "\n" }
        guard !name.isEmpty, query.contains("\"\(name)\"") else { return "" }
        return " (in SQL a string takes single quotes: '\(name)'; double quotes name a column)"
    }

    /// The rows table maps to the column names; each row to a one-element table holding that
    /// same array (`sqlRowColumns` tells them apart), so that a row taken out of the result
    /// (`sql(...)[1]`) still prints in the query's order.
    static func remember(_ columns: [String], in state: LuaState, on L: OpaquePointer) {
        guard lua_checkstack(L, 5) != 0 else { return }
        lua_rawgetp(L, lshim_registryindex(), columnsKey)          // rows weak
        guard lua_type(L, -1) == LUA_TTABLE else { lua_settop(L, -2); return }
        if state.push(.array(columns.map { .string($0) }), on: L) != nil { lua_settop(L, -3); return }
        lua_pushvalue(L, -3)                                        // rows weak names rows
        lua_pushvalue(L, -2)                                        // rows weak names rows names
        guard lshim_rawset_p(L, -4) == LUA_OK else {                // rows weak names message
            lua_settop(L, -4)
            return
        }
        guard lshim_createtable_p(L, 1, 0) == LUA_OK else {         // rows weak names wrapper|message
            lua_settop(L, -4)
            return
        }
        lua_pushvalue(L, -2)                                        // rows weak names wrapper names
        guard lshim_rawseti_p(L, -2, 1) == LUA_OK else {            // rows weak names wrapper [message]
            lua_settop(L, -5)
            return
        }
        let count = lua_rawlen(L, -4)
        var row: lua_Integer = 1
        while row <= lua_Integer(count) {
            lua_rawgeti(L, -4, row)                                 // rows weak names wrapper row
            lua_pushvalue(L, -2)                                    // rows weak names wrapper row wrapper
            guard lshim_rawset_p(L, -5) == LUA_OK else {            // rows weak names wrapper message
                lua_settop(L, -5)
                return
            }
            row += 1
        }
        lua_settop(L, -4)                                           // rows
    }

    static func databaseValue(_ value: LuaValue, argument: Int32) throws(LuaFault) -> DatabaseValue {
        switch value {
        case .nil: return .null
        case .boolean(let flag): return (flag ? 1 : 0).databaseValue
        case .integer(let number): return number.databaseValue
        case .number(let number): return number.databaseValue
        case .string(let text): return text.databaseValue
        case .date(let date): return date.description.databaseValue
        default: throw .argument(argument, "SQL parameter expected (nil, boolean, number, string or date), got \(value)")
        }
    }

    static func luaValue(_ value: DatabaseValue) -> LuaValue {
        switch value.storage {
        case .null: .nil
        case .int64(let number): .integer(number)
        case .double(let number): .number(number)
        case .string(let text): .string(text)
        case .blob(let data): .string("<\(data.count) bytes>")
        }
    }
}
