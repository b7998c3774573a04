import CLua
import LuaShim
import RedressCalendar
import RedressCore
import RedressLua

/// Reads values on the Lua stack into `Shown` trees with API that never raises: tables are
/// walked with the protected `next`, metatable fields read raw, and `tostring` (which may run a
/// `__tostring` metamethod) called through a protected helper. Used at top level, after a chunk
/// has returned, while its results are still on the stack.
struct LuaInspector {
    let state: LuaState
    /// The name of a party, by id (for case cards); nil when unknown.
    var partyName: (Int64) -> String? = { _ in nil }
    /// Tables nested deeper than this show as `{...}`: a choice for reading, well inside
    /// `LuaValue.maximumDepth`, the host's bound on copying a value out of Lua.
    var maximumDepth = 24
    /// Past this many values read for one result, further tables show as `{...}`: a table
    /// shared many times over (`t = { t, t }` forty times) is small in Lua but not on screen.
    var maximumCount = 100_000

    /// The values at `range` on the stack, in order.
    func read(_ range: ClosedRange<Int32>?) -> [Shown] {
        guard let range else { return [] }
        return range.map { read(at: $0) }
    }

    /// The value at `index`.
    func read(at index: Int32) -> Shown {
        var walk = Walk()
        return read(at: index, walk: &walk)
    }

    /// A read in progress: the tables being read (the current value's ancestors) and how many
    /// values it has read so far.
    private struct Walk {
        var ancestors: Set<UnsafeRawPointer> = []
        var count = 0
    }

    private var L: OpaquePointer { state.L }

    private func read(at relativeIndex: Int32, walk: inout Walk) -> Shown {
        walk.count += 1
        let index = lua_absindex(L, relativeIndex)
        switch lua_type(L, index) {
        case LUA_TNIL, LUA_TNONE:
            return .nil
        case LUA_TBOOLEAN:
            return .boolean(lua_toboolean(L, index) != 0)
        case LUA_TNUMBER:
            if lua_isinteger(L, index) != 0 { return .integer(lua_tointegerx(L, index, nil)) }
            return .number(lua_tonumberx(L, index, nil))
        case LUA_TSTRING:
            return .string(state.string(at: index))
        case LUA_TUSERDATA:
            // A chunk's results fill the stack to its top: make room for what the check pushes.
            guard lua_checkstack(L, 2) != 0 else { return .other("userdata") }
            var day: lua_Integer = 0
            if lshim_todate(L, index, &day) != 0 { return .date(LocalDate(dayNumber: Int(day))) }
            return .other(state.text(at: index) ?? "userdata")
        case LUA_TTABLE:
            return table(at: index, walk: &walk)
        default:
            return .other(state.text(at: index) ?? String(cString: lua_typename(L, lua_type(L, index))))
        }
    }

    private func table(at index: Int32, walk: inout Walk) -> Shown {
        guard let pointer = lua_topointer(L, index) else { return .other("table") }
        guard !walk.ancestors.contains(pointer) else { return .cycle }
        guard walk.ancestors.count < maximumDepth, walk.count <= maximumCount, lua_checkstack(L, 6) != 0 else {
            return .other("{...}")
        }
        let (name, hasToString) = metatable(of: index)
        if hasToString && name != "case" {
            return .other(state.text(at: index) ?? "table")
        }
        walk.ancestors.insert(pointer)
        defer { walk.ancestors.remove(pointer) }

        var entries: [ShownTable.Field] = []
        lua_pushnil(L)
        while true {
            let more = lshim_next_p(L, index)
            if more < 0 { lua_settop(L, -2); return .other("table (unreadable)") }
            if more == 0 { break }
            let key = read(at: -2, walk: &walk)
            entries.append(ShownTable.Field(key: key, value: read(at: -1, walk: &walk)))
            lua_settop(L, -2)   // the value; the key stays for the next step
        }
        var shown = ShownTable(name: name, columns: state.sqlColumns(at: index))
        // The array part: 1, 2, ... with no gap.
        var positions: [Int64: Shown] = [:]
        for entry in entries { if case .integer(let position) = entry.key, position >= 1 { positions[position] = entry.value } }
        var count: Int64 = 0
        while let value = positions[count + 1] {
            shown.array.append(value)
            count += 1
        }
        shown.fields = entries.filter { entry in
            if case .integer(let position) = entry.key, position >= 1, position <= count { return false }
            return true
        }.sorted { LuaInspector.precedes($0.key, $1.key) }
        // A row of `sql()`: its fields in the query's column order (the rest after them).
        if let columns = state.sqlRowColumns(at: index) {
            let position = Dictionary(columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            func rank(_ field: ShownTable.Field) -> Int {
                if case .string(let name) = field.key, let at = position[name] { return at }
                return columns.count
            }
            shown.fields = shown.fields.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
        }
        if name == "case", let summary = CaseSummary(shown, complainantName: partyName) {
            return .caseRecord(summary, shown)
        }
        return .table(shown)
    }

    /// The metatable's `__name` (when a string) and whether it has `__tostring`, read raw.
    private func metatable(of index: Int32) -> (name: String?, hasToString: Bool) {
        guard lua_getmetatable(L, index) != 0 else { return (nil, false) }
        defer { lua_settop(L, -2) }
        var name: String?
        if state.pushRawField("__name", ofTableAt: -1) == LUA_TSTRING { name = state.string(at: -1) }
        lua_settop(L, -2)
        let hasToString = state.pushRawField("__tostring", ofTableAt: -1) > LUA_TNIL
        lua_settop(L, -2)
        return (name, hasToString)
    }

    /// The order fields print in: string keys alphabetically, then numbers, then the rest.
    static func precedes(_ a: Shown, _ b: Shown) -> Bool {
        func rank(_ key: Shown) -> Int {
            switch key {
            case .string: 0
            case .integer, .number: 1
            default: 2
            }
        }
        switch (a, b) {
        case (.string(let x), .string(let y)): return x < y
        case (.integer(let x), .integer(let y)): return x < y
        case (.number(let x), .number(let y)): return x < y
        case (.integer(let x), .number(let y)): return Double(x) < y
        case (.number(let x), .integer(let y)): return x < Double(y)
        default: return rank(a) < rank(b)
        }
    }
}
