import CLua
import LuaShim
import RedressLua

/// The names completion offers from the Lua state: globals, and the fields and methods of a
/// table or userdata reached by a path of names (`string`, `cases`, `c` for `c:`). Fields are
/// read raw, and a metatable's `__index` is followed when it is a table (a case's methods, a
/// calendar's); an `__index` function is never called, so no Lua code runs. Dates, whose
/// `__index` is a function, offer their methods table and `year`, `month`, `day`. Only API that
/// never raises is used, with protected helpers for `next` and for making keys.
struct LuaMembers {
    /// A name and whether its value is a function (what `obj:` offers).
    struct Member: Hashable {
        var name: String
        var isFunction: Bool
    }

    let state: LuaState
    /// How many `__index` tables to follow.
    static let depth = 8

    private var L: OpaquePointer { state.L }

    /// The global names.
    func globals() -> [Member] {
        members(of: [])
    }

    /// The names of the value reached from `_G` by `path`; empty when there is no such table or
    /// userdata.
    func members(of path: [String]) -> [Member] {
        let base = lua_gettop(L)
        defer { lua_settop(L, base) }
        guard lua_checkstack(L, 10) != 0 else { return [] }
        lua_rawgeti(L, lshim_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
        for name in path {
            guard replaceWithField(name) else { return [] }
        }
        return names()
    }

    /// Replaces the value on top with its field `name` (raw, then through `__index` tables);
    /// false when there is none.
    private func replaceWithField(_ name: String) -> Bool {
        for _ in 0...LuaMembers.depth {
            if lua_type(L, -1) == LUA_TTABLE {
                if state.pushRawField(name, ofTableAt: -1) != LUA_TNIL {
                    dropBelowTop()
                    return true
                }
                lua_settop(L, -2)
            }
            guard pushIndexTable(of: -1) else { return false }
            dropBelowTop()
        }
        return false
    }

    /// The names of the value on top: its own keys (a table's), then its `__index` tables' (a
    /// string's methods come from the string metatable's).
    private func names() -> [Member] {
        var found: [String: Bool] = [:]
        var day: lua_Integer = 0
        if lshim_todate(L, -1, &day) != 0 {
            for field in ["year", "month", "day"] { found[field] = false }
        }
        var visited: Set<UnsafeRawPointer> = []
        for _ in 0...LuaMembers.depth {
            if lua_type(L, -1) == LUA_TTABLE {
                guard let pointer = lua_topointer(L, -1), visited.insert(pointer).inserted else { break }
                collectKeys(into: &found)
            }
            guard pushIndexTable(of: -1) else { break }
            dropBelowTop()
        }
        return found.map { Member(name: $0.key, isFunction: $0.value) }.sorted { $0.name < $1.name }
    }

    /// Adds the string keys of the table on top, and whether each value is a function.
    private func collectKeys(into found: inout [String: Bool]) {
        let table = lua_gettop(L)
        lua_pushnil(L)
        while true {
            let more = lshim_next_p(L, table)
            if more < 0 { lua_settop(L, -2); return }
            if more == 0 { return }
            if lua_type(L, -2) == LUA_TSTRING {
                let name = state.string(at: -2)
                let isFunction = lua_type(L, -1) == LUA_TFUNCTION
                found[name] = (found[name] ?? false) || isFunction
            }
            lua_settop(L, -2)
        }
    }

    /// Pushes the table that indexing the value at `index` falls back to: a date's methods, or
    /// its metatable's `__index` when that is a table. False, with nothing pushed, otherwise.
    private func pushIndexTable(of index: Int32) -> Bool {
        let value = lua_absindex(L, index)
        var day: lua_Integer = 0
        if lshim_todate(L, value, &day) != 0 {
            state.pushDateMethods()
            if lua_type(L, -1) == LUA_TTABLE { return true }
            lua_settop(L, -2)
            return false
        }
        guard lua_getmetatable(L, value) != 0 else { return false }
        let type = state.pushRawField("__index", ofTableAt: -1)
        dropBelowTop()
        if type == LUA_TTABLE { return true }
        lua_settop(L, -2)
        return false
    }

    /// Removes the value just below the top (lua_remove(L, -2), which is a macro).
    private func dropBelowTop() {
        lua_rotate(L, -2, 1)
        lua_settop(L, -2)
    }
}
