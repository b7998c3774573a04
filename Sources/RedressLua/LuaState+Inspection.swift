import CLua
import LuaShim

extension LuaState {
    /// The column names, in the query's order, of a rows table `sql()` returned, found at
    /// `index`; nil for any other value. Never raises.
    public func sqlColumns(at index: Int32) -> [String]? {
        guard case .array(let names)? = rememberedColumns(at: index) else { return nil }
        let columns = names.compactMap { if case .string(let name) = $0 { name } else { nil } }
        // A row maps to a table holding the names, not to the names (`sqlRowColumns`).
        return columns.count == names.count ? columns : nil
    }

    /// The column names, in the query's order, of a row of a rows table `sql()` returned, found
    /// at `index`; nil for any other value. Never raises.
    public func sqlRowColumns(at index: Int32) -> [String]? {
        guard case .array(let wrapper)? = rememberedColumns(at: index), wrapper.count == 1,
              case .array(let names) = wrapper[0] else { return nil }
        return names.compactMap { if case .string(let name) = $0 { name } else { nil } }
    }

    /// What `SQLModule.remember` recorded for the table at `index` (its columns, or a row's
    /// columns wrapped in a table), or nil. Never raises.
    private func rememberedColumns(at index: Int32) -> LuaValue? {
        let index = lua_absindex(L, index)
        guard lua_checkstack(L, 2) != 0 else { return nil }
        let base = lua_gettop(L)
        defer { lua_settop(L, base) }
        lua_rawgetp(L, lshim_registryindex(), SQLModule.columnsKey)
        guard lua_type(L, -1) == LUA_TTABLE, lua_type(L, index) == LUA_TTABLE else { return nil }
        lua_pushvalue(L, index)
        lua_rawget(L, -2)
        return try? value(at: -1)
    }

    /// Pushes the table of a date's methods (`d:add_days`, `d:weekday`...), which dates reach
    /// through an `__index` function rather than a table. Never raises.
    public func pushDateMethods() {
        lua_rawgetp(L, lshim_registryindex(), DateModule.methodsKey)
    }

    /// What `tostring` gives for the value at `index`, running its `__tostring` metamethod if it
    /// has one, under a protected call; nil if that fails.
    public func text(at index: Int32) -> String? {
        guard lua_checkstack(L, 3) != 0 else { return nil }
        let status = lshim_tolstring_p(L, index)
        defer { lua_settop(L, -2) }
        guard status == LUA_OK, lua_type(L, -1) == LUA_TSTRING else { return nil }
        return string(at: -1)
    }
}
