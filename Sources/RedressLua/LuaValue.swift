import CLua
import LuaShim
import RedressCalendar
import RedressCore

#if canImport(Glibc)
import Glibc
#endif

/// A Lua value as Swift sees it. Tables come across as arrays (keys exactly 1...n) or maps;
/// dates as `LocalDate`; functions, threads, other userdata and cycles as an opaque description.
public enum LuaValue: Hashable, Sendable, CustomStringConvertible {
    case `nil`
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case date(LocalDate)
    case array([LuaValue])
    case map([LuaValue: LuaValue])
    /// A value Swift does not copy: `function: builtin`, `calendar`, `table (cycle)`...
    case opaque(String)

    public var description: String {
        switch self {
        case .nil: "nil"
        case .boolean(let value): String(value)
        case .integer(let value): String(value)
        case .number(let value): Self.format(value)
        case .string(let value): value
        case .date(let value): value.description
        case .array(let values): "{" + values.map(\.description).joined(separator: ", ") + "}"
        case .map(let entries):
            "{" + entries.map { "\($0.key) = \($0.value)" }.sorted().joined(separator: ", ") + "}"
        case .opaque(let text): text
        }
    }

    /// The deepest nesting of tables the host copies out of Lua (a table inside a table inside
    /// ... counts one level each). Every conversion of a Lua value into Swift, and so into JSON,
    /// SQL parameters and the REPL's displays, refuses anything deeper, so no input can recurse
    /// through the host's stack. The one place this limit is set.
    public static let maximumDepth = 200

    /// The most values (tables, keys and values, each time it is reached) one copy out of Lua
    /// takes. A table shared many times over (`t = { t, t }` forty times) is small in Lua but
    /// 2^40 values copied out: refused rather than copied until memory runs out.
    public static let maximumCount = 1_000_000

    /// A value the host will not copy out of Lua: nested deeper than `maximumDepth`, or more
    /// than `maximumCount` values when copied out.
    public struct TooLarge: Error, Equatable, Sendable, CustomStringConvertible {
        public let description: String

        static let deep = TooLarge(description: "a table nested more than \(LuaValue.maximumDepth) levels deep")
        static let many = TooLarge(description: "a table of more than \(LuaValue.maximumCount) values (counting each shared table each time it is reached)")
    }

    /// Lua's "%.14g" rendering of floats.
    static func format(_ value: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%.14g", $0) }
        var text = String(decoding: buffer.prefix { $0 != 0 }.map(UInt8.init(bitPattern:)), as: UTF8.self)
        if !text.contains(where: { $0 == "." || $0 == "e" || $0 == "n" || $0 == "i" }) { text += ".0" }
        return text
    }
}

extension LuaState {
    /// Copies the value at `index` into Swift using only API that never raises (tables are
    /// walked with a protected `next`). Safe inside a Swift function called from Lua, which
    /// passes the thread it was called on (a coroutine's own stack), else the main thread's.
    ///
    /// - Throws: `LuaValue.TooLarge` for tables nested more than `LuaValue.maximumDepth` deep, or
    ///   of more than `LuaValue.maximumCount` values.
    public func value(at index: Int32, on thread: OpaquePointer? = nil) throws(LuaValue.TooLarge) -> LuaValue {
        var copy = Copy()
        return try value(at: index, copy: &copy, thread ?? L)
    }

    /// A copy in progress: the tables being copied (the ancestors of the current value, so their
    /// number is the depth) and how many values it has taken so far.
    private struct Copy {
        var seen: Set<UnsafeRawPointer> = []
        var count = 0
    }

    private func value(at relativeIndex: Int32, copy: inout Copy, _ L: OpaquePointer) throws(LuaValue.TooLarge) -> LuaValue {
        copy.count += 1
        guard copy.count <= LuaValue.maximumCount else { throw .many }
        let index = lua_absindex(L, relativeIndex)   // table walks push above it
        switch lua_type(L, index) {
        case LUA_TNIL, LUA_TNONE:
            return .nil
        case LUA_TBOOLEAN:
            return .boolean(lua_toboolean(L, index) != 0)
        case LUA_TNUMBER:
            if lua_isinteger(L, index) != 0 { return .integer(lua_tointegerx(L, index, nil)) }
            return .number(lua_tonumberx(L, index, nil))
        case LUA_TSTRING:
            return .string(string(at: index, on: L))
        case LUA_TTABLE:
            guard let pointer = lua_topointer(L, index), !copy.seen.contains(pointer) else {
                return .opaque("table (cycle)")
            }
            guard copy.seen.count < LuaValue.maximumDepth else { throw .deep }
            copy.seen.insert(pointer)
            defer { copy.seen.remove(pointer) }
            guard lua_checkstack(L, 4) != 0 else { throw .deep }
            return try table(at: index, copy: &copy, L)
        case LUA_TUSERDATA:
            // Reading a chunk's results, the stack may have no free slot: the class checks
            // below push two values.
            guard lua_checkstack(L, 2) != 0 else { return .opaque("userdata") }
            var day: lua_Integer = 0
            if lshim_todate(L, index, &day) != 0 { return .date(LocalDate(dayNumber: Int(day))) }
            if lshim_topointer(L, index, CalendarModule.classKey) != nil { return .opaque("calendar") }
            return .opaque("userdata")
        default:
            return .opaque(String(cString: lua_typename(L, lua_type(L, index))))
        }
    }

    private func table(at index: Int32, copy: inout Copy, _ L: OpaquePointer) throws(LuaValue.TooLarge) -> LuaValue {
        var entries: [LuaValue: LuaValue] = [:]
        lua_pushnil(L)
        while true {
            let more = lshim_next_p(L, index)
            if more < 0 { lua_settop(L, -2); return .opaque("table (unreadable)") }
            if more == 0 { break }
            let key: LuaValue, element: LuaValue
            do {
                key = try value(at: -2, copy: &copy, L)
                element = try value(at: -1, copy: &copy, L)
            } catch {
                lua_settop(L, -3)  // the key and value
                throw error
            }
            entries[key] = element
            lua_settop(L, -2)  // pop the value, keep the key for the next step
        }
        // An array when the keys are exactly 1...n.
        let count = entries.count
        var array: [LuaValue] = []
        array.reserveCapacity(count)
        for position in 0..<count {
            guard let element = entries[.integer(Int64(position + 1))] else { return .map(entries) }
            array.append(element)
        }
        return .array(array)
    }

    /// The bytes of the string at `index` (which must be a string: checked by the caller) on
    /// `thread` (the main thread's stack by default). Never raises.
    public func string(at index: Int32, on thread: OpaquePointer? = nil) -> String {
        let L = thread ?? L
        var length = 0
        guard let pointer = lua_tolstring(L, index, &length) else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    /// Pushes `value` through protected helpers onto `thread` (the main thread by default);
    /// nil on success, or the error (stack unchanged).
    public func push(_ value: LuaValue, on thread: OpaquePointer? = nil) -> LuaError? {
        let L = thread ?? L
        guard lua_checkstack(L, 8) != 0 else {
            return LuaError(kind: .memory, message: "stack overflow while pushing a value")
        }
        var status = LUA_OK
        switch value {
        case .nil: lua_pushnil(L)
        case .boolean(let flag): lua_pushboolean(L, flag ? 1 : 0)
        case .integer(let number): lua_pushinteger(L, number)
        case .number(let number): lua_pushnumber(L, number)
        case .string(let text): status = pushString(text, on: L)
        case .date(let date): status = lshim_pushdate_p(L, lua_Integer(date.dayNumber))
        case .opaque(let text): status = pushString(text, on: L)
        case .array(let elements):
            status = lshim_createtable_p(L, Int32(clamping: elements.count), 0)
            guard status == LUA_OK else { break }
            for (offset, element) in elements.enumerated() {
                if let failure = push(element, on: L) { lua_settop(L, -2); return failure }
                status = lshim_rawseti_p(L, -2, lua_Integer(offset + 1))
                guard status == LUA_OK else { lua_rotate(L, -2, 1); lua_settop(L, -2); break }
            }
        case .map(let entries):
            status = lshim_createtable_p(L, 0, Int32(clamping: entries.count))
            guard status == LUA_OK else { break }
            for (key, element) in entries {
                if let failure = push(key, on: L) { lua_settop(L, -2); return failure }
                if let failure = push(element, on: L) { lua_settop(L, -3); return failure }
                status = lshim_rawset_p(L, -3)
                guard status == LUA_OK else { lua_rotate(L, -2, 1); lua_settop(L, -2); break }
            }
        }
        if status != LUA_OK { return error(status: status, on: L) }
        return nil
    }

    /// Pushes a Swift string (protected) onto `thread` (the main thread by default); returns
    /// the Lua status.
    func pushString(_ text: String, on thread: OpaquePointer? = nil) -> Int32 {
        let L = thread ?? L
        var text = text
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { lshim_pushlstring_p(L, $0.baseAddress, $0.count) }
        }
    }
}
