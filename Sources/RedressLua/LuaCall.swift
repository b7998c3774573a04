import CLua
import LuaShim
import RedressCalendar
import RedressCore

/// Why a Swift function called from Lua failed. The trampoline raises it once Swift has returned.
public enum LuaFault: Error {
    /// `bad argument #n to 'f' (message)`, with Lua's own numbering (method calls count from
    /// the first argument after self).
    case argument(Int32, String)
    /// A plain error, raised with the caller's position like `luaL_error`.
    case message(String)
    /// A Lua error value already on top of the stack (from a nested protected call).
    case propagate
}

/// One call of a Swift function from Lua: reads arguments with API that never raises, and
/// records results or a fault for the C trampoline to push or raise after Swift returns.
/// Everything it reads and pushes is on `L`, the thread the function was called on (a
/// coroutine's own stack), never the main thread's unless that is the caller.
///
/// A function exposed to Lua is an `lshim_fn` written as
///
///     let add: lshim_fn = { L, call in
///         LuaCall.perform(L, call) { lua throws(LuaFault) in
///             lua.return(boolean: try lua.date(1).isWeekend)
///         }
///     }
public struct LuaCall {
    public let L: OpaquePointer
    let call: UnsafeMutablePointer<lshim_call>
    /// Subtracted from stack positions in messages: 1 for functions reached through `__call`,
    /// whose first stack slot is the called table.
    var argumentShift: Int32 = 0

    /// Runs `body` and records its outcome in `call`. Never raises, never unwinds.
    @inline(__always)
    public static func perform(_ L: OpaquePointer?, _ call: UnsafeMutablePointer<lshim_call>?,
                               argumentShift: Int32 = 0, _ body: (inout LuaCall) throws(LuaFault) -> Void) {
        var lua = LuaCall(L: L!, call: call!, argumentShift: argumentShift)
        do {
            try body(&lua)
        } catch {
            lua.record(error)
        }
    }

    /// The owning state. Its stack helpers default to the main thread: pass `on: L`.
    public var state: LuaState { LuaState.owner(of: L) }

    /// The number of arguments.
    public var count: Int32 { lua_gettop(L) }

    // MARK: Arguments

    /// An integer argument; floats with an exact integer value are accepted, as Lua does.
    public func integer(_ index: Int32) throws(LuaFault) -> Int {
        var isNumber: Int32 = 0
        let value = lua_tointegerx(L, index, &isNumber)
        if isNumber != 0 && lua_type(L, index) == LUA_TNUMBER { return Int(value) }
        if lua_type(L, index) == LUA_TNUMBER {
            throw .argument(index - argumentShift, "number has no integer representation")
        }
        throw typeError(index, expected: "integer")
    }

    /// A string argument (numbers are not converted).
    public func string(_ index: Int32) throws(LuaFault) -> String {
        guard lua_type(L, index) == LUA_TSTRING else { throw typeError(index, expected: "string") }
        return state.string(at: index, on: L)
    }

    /// A date argument: a date value or ISO text (`2026-12-22`).
    public func date(_ index: Int32) throws(LuaFault) -> LocalDate {
        var day: lua_Integer = 0
        if lshim_todate(L, index, &day) != 0 { return LocalDate(dayNumber: Int(day)) }
        guard lua_type(L, index) == LUA_TSTRING else { throw typeError(index, expected: "date") }
        let text = state.string(at: index, on: L)
        do throws(DateError) {
            return try LocalDate(iso: text)
        } catch {
            throw .argument(index - argumentShift, error.description)
        }
    }

    /// Any argument, copied into Swift; a table too deep or too large to copy is a bad argument.
    public func value(_ index: Int32) throws(LuaFault) -> LuaValue {
        do {
            return try state.value(at: index, on: L)
        } catch {
            throw .argument(index - argumentShift, error.description)
        }
    }

    /// The string at `index` (the caller checked its type), never raising.
    public func text(at index: Int32) -> String {
        state.string(at: index, on: L)
    }

    /// `<expected> expected, got <type>`, naming Redress's own userdata by their class.
    public func typeError(_ index: Int32, expected: String) -> LuaFault {
        .argument(index - argumentShift, "\(expected) expected, got \(typeName(index))")
    }

    /// The type of a value as Lua's messages name it (`no value` for a missing argument).
    public func typeName(_ index: Int32) -> String {
        let type = lua_type(L, index)
        if type == LUA_TNONE { return "no value" }
        if type == LUA_TUSERDATA {
            var day: lua_Integer = 0
            if lshim_todate(L, index, &day) != 0 { return "date" }
            if lshim_topointer(L, index, CalendarModule.classKey) != nil { return "calendar" }
        }
        if type == LUA_TLIGHTUSERDATA { return "light userdata" }
        return String(cString: lua_typename(L, type))
    }

    // MARK: Results

    /// Adds a simple result (pushed by the trampoline, no protected call needed).
    mutating func append(_ type: Int32, integer: lua_Integer = 0, number: lua_Number = 0) {
        let slot = Int(call.pointee.nresults)
        precondition(slot < Int(LSHIM_MAXRESULTS), "too many results")
        withUnsafeMutablePointer(to: &call.pointee.results) { tuple in
            tuple.withMemoryRebound(to: lshim_result.self, capacity: Int(LSHIM_MAXRESULTS)) {
                $0[slot] = lshim_result(type: type, i: integer, n: number)
            }
        }
        call.pointee.nresults += 1
    }

    public mutating func `return`(date: LocalDate) { append(Int32(LSHIM_RDATE), integer: lua_Integer(date.dayNumber)) }
    public mutating func `return`(integer: Int) { append(Int32(LSHIM_RINT), integer: lua_Integer(integer)) }
    public mutating func `return`(boolean: Bool) { append(Int32(LSHIM_RBOOL), integer: boolean ? 1 : 0) }
    public mutating func `return`(number: Double) { append(Int32(LSHIM_RNUM), number: number) }
    public mutating func returnNil() { append(Int32(LSHIM_RNIL)) }

    /// Returns any value, pushed now through protected helpers.
    public mutating func `return`(_ value: LuaValue) throws(LuaFault) {
        precondition(call.pointee.nresults == 0, "mixing pushed and simple results")
        if let failure = state.push(value, on: L) { throw .message(failure.message) }
        call.pointee.pushed += 1
    }

    /// Returns a string of exactly these bytes (a chunk's source), pushed now.
    public mutating func `return`(bytes: [UInt8]) throws(LuaFault) {
        precondition(call.pointee.nresults == 0, "mixing pushed and simple results")
        if let failure = state.push(bytes: bytes, on: L) { throw .message(failure.message) }
        call.pointee.pushed += 1
    }

    /// Returns the value now on top of the stack, pushed by the caller with non-raising API.
    public mutating func returnTop() {
        call.pointee.pushed += 1
    }

    // MARK: Failure

    mutating func record(_ fault: LuaFault) {
        call.pointee.nresults = 0
        call.pointee.pushed = 0
        switch fault {
        case .argument(let index, let message):
            call.pointee.status = Int32(LSHIM_ARGERROR)
            call.pointee.arg = index
            write(message)
        case .message(let message):
            call.pointee.status = Int32(LSHIM_ERROR)
            write(message)
        case .propagate:
            call.pointee.status = Int32(LSHIM_PROPAGATE)
        }
    }

    /// Copies `message` into the call's C buffer, cut at a character boundary to fit.
    private func write(_ message: String) {
        var bytes = Array(message.utf8.prefix(Int(LSHIM_MESSAGE) - 1))
        if bytes.count < message.utf8.count {
            // Drop a UTF-8 sequence the cut left incomplete: its continuation bytes, then its lead.
            while let last = bytes.last, last & 0xC0 == 0x80 { bytes.removeLast() }
            if let last = bytes.last, last >= 0xC0 { bytes.removeLast() }
        }
        withUnsafeMutablePointer(to: &call.pointee.message) { tuple in
            tuple.withMemoryRebound(to: UInt8.self, capacity: Int(LSHIM_MESSAGE)) { buffer in
                for (offset, byte) in bytes.enumerated() { buffer[offset] = byte }
                buffer[bytes.count] = 0
            }
        }
    }
}

extension CalendarError {
    /// The fault for a calendar error: the argument at fault when there is one.
    func fault(argument: Int32) -> LuaFault {
        switch self {
        case .outOfRange, .yearOutOfRange: .argument(argument, description)
        default: .message(description)
        }
    }
}
