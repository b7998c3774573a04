import CLua
import LuaShim
import RedressLua

extension LuaState {
    /// Pushes `table[key]` (raw: no metamethod runs) for the table at `index` and returns the
    /// value's type. Never raises: the key is made through a protected helper, and nil is pushed
    /// when that fails (out of memory).
    func pushRawField(_ key: String, ofTableAt index: Int32) -> Int32 {
        let table = lua_absindex(L, index)
        var key = key
        let status = key.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { lshim_pushlstring_p(L, $0.baseAddress, $0.count) }
        }
        guard status == LUA_OK else {
            lua_settop(L, -2)
            lua_pushnil(L)
            return LUA_TNIL
        }
        return lua_rawget(L, table)
    }
}
