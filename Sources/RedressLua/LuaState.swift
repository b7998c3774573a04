import CLua
import GRDB
import LuaShim
import RedressCalendar
import RedressCore

#if canImport(Glibc)
import Glibc
#endif

/// An embedded Lua 5.4 state with Redress's modules, its sandbox and its limits.
///
/// Every call from Swift into Lua is protected (`lua_pcall` with a traceback handler) and turns a
/// Lua error into a `LuaError`; Swift functions exposed to Lua never raise (see `LuaCall`). A
/// `LuaState` is used from one thread at a time.
public final class LuaState {
    /// How a state is set up.
    public struct Options: Sendable {
        /// Lift the sandbox (trusted analyst scripts): full `os`, `io`, `debug`, C modules.
        public var unsafe = false
        /// Instruction budget per run; 0 for none. The default stops `while true do end` within
        /// seconds on a release build (about 10^8 instructions a second here).
        public var maxInstructions: Int64 = 1_000_000_000
        /// Memory cap in MiB; 0 for none.
        public var maxMemoryMB: Int = 2048
        /// Wall-clock limit of a run in seconds; 0 for none. It stops Lua code (the hook polls
        /// the watchdog's flag), long C calls of the string and table libraries (patched to run
        /// the hook inside their loops), and the store's running SQL statement
        /// (`sqlite3_interrupt`). A run is one `withTimeLimit`, or else one call into Lua.
        public var timeout: Double = 0
        /// "Today" for `date.today()`; the system's local date when nil.
        public var asOf: LocalDate?
        /// The region of the `calendar` global.
        public var region: Region = .englandAndWales
        /// Redress's own Scripts folder (shared Lua, packs, jobs): searched by `require`.
        public var scripts: String?
        /// Further folders `require`, `dofile` and `loadfile` may read (the running script's own).
        public var scriptFolders: [String] = []
        /// Files the user named on the command line, which a sandboxed script may also read.
        public var inputFiles: [String] = []
        /// Redress's bundled table of one-off bank-holiday changes.
        public var holidayFiles: [String] = []
        /// Further change files the user gave (`--holidays`, REDRESS_HOLIDAYS), read after
        /// `holidayFiles`. On a store they may only repeat the store's own calendar
        /// (`CaseStore.checkHolidayFiles`): a store keeps its calendar.
        public var extraHolidayFiles: [String] = []

        public init() {}
    }

    /// The raw state. Valid until the `LuaState` is deinitialised.
    public let L: OpaquePointer
    /// How the state was set up; `setAsOf` changes "today" later.
    public private(set) var options: Options
    /// Limits and counters shared with the allocator and the hook (C memory, stable address).
    let host: UnsafeMutablePointer<lshim_host>
    /// Folders `require`, `dofile` and `loadfile` may read from (Scripts/ and script folders).
    var scriptFolders: [String]
    /// The real paths of `options.inputFiles` (see `SandboxFiles`).
    let inputFiles: Set<String>
    /// The case store and its connection while a run holds its transaction (`withTransaction`).
    public internal(set) var database: Database?
    public internal(set) var store: CaseStore?
    /// Who is running, and which script: written into the audit trail.
    public var recorder = Recorder()
    /// Whether each intake writes in its own savepoint, so that a refusal a script catches
    /// leaves the rest of the run intact. An all-or-nothing import turns it off: there any
    /// failure discards the whole transaction.
    public var changesIsolated = true
    /// The store's pack, once the cases API has loaded it.
    var policy: LoadedPolicy?
    /// The viewer a job's letter set aside while it reads as an outsider (`JobsModule.outsider`).
    var stashedViewer: CaseStore.Viewer?
    var pendingPack: (path: String, hash: String)?
    /// Calendars handed to Lua, kept alive here (userdata hold unretained pointers).
    var calendars: [CalendarHandle] = []
    /// The bundled table, and that with the user's files (`extraHolidayFiles`) after it.
    var holidayData: Result<(bundled: HolidayData, all: HolidayData), LuaError>?
    /// The calendar of the store the state last ran on (its own changes and closure days),
    /// and a count that goes up whenever it changes, so calendars built before are rebuilt.
    var storeCalendar: StoreCalendar?
    var storeCalendarPath: String?
    var calendarGeneration = 0
    /// The watchdog of the run under way, if it has a time limit (`withTimeLimit`).
    private var watchdog: OpaquePointer?

    /// Creates a state with the standard libraries, the sandbox (unless `options.unsafe`), and
    /// the `date` and `calendar` modules.
    public init(options: Options = Options()) throws(LuaError) {
        host = UnsafeMutablePointer<lshim_host>.allocate(capacity: 1)
        host.initialize(to: lshim_host())
        host.pointee.cap = options.maxMemoryMB > 0 ? size_t(options.maxMemoryMB) << 20 : 0
        host.pointee.budget = options.maxInstructions
        host.pointee.timeout = options.timeout
        guard let state = lshim_newstate(host) else {
            host.deallocate()
            throw LuaError(kind: .memory, message: "cannot create a Lua state: not enough memory")
        }
        L = state
        self.options = options
        scriptFolders = ([options.scripts].compactMap { $0 } + options.scriptFolders).compactMap(Installation.realPath)
        inputFiles = Set(options.inputFiles.compactMap(Installation.realPath))
        host.pointee.swift = Unmanaged.passUnretained(self).toOpaque()
        lshim_openlibs(L)
        try Boot.install(in: self)
    }

    deinit {
        lua_close(L)
        host.deallocate()
    }

    /// The `LuaState` that owns `L` (for Swift functions called from Lua).
    static func owner(of L: OpaquePointer) -> LuaState {
        Unmanaged<LuaState>.fromOpaque(lshim_gethost(L).pointee.swift).takeUnretainedValue()
    }

    // MARK: Running code

    /// Compiles and runs a text chunk; returns its results. `name` is the chunk name as Lua
    /// shows it in messages (`=(command line)`, `@path/to/file.lua`).
    @discardableResult
    public func run(_ code: String, name: String, arguments: [LuaValue] = []) throws(LuaError) -> [LuaValue] {
        try run(bytes: Array(code.utf8), name: name, arguments: arguments)
    }

    /// Compiles and runs a chunk given as bytes, exactly as given (Lua is 8-bit clean: a
    /// script's Latin-1 or other non-UTF-8 string literals keep their bytes).
    @discardableResult
    public func run(bytes code: [UInt8], name: String, arguments: [LuaValue] = []) throws(LuaError) -> [LuaValue] {
        let base = lua_gettop(L)
        defer { lua_settop(L, base) }
        try check(load(bytes: code, name: name))
        return try call(arguments: arguments, base: base)
    }

    /// Compiles a text chunk without running it: nil when it compiles, else the `.syntax` error
    /// (whose message ends in `<eof>` when the chunk is only unfinished, as lua.c tests).
    public func compile(_ code: String, name: String) -> LuaError? {
        compile(bytes: Array(code.utf8), name: name)
    }

    /// `compile` of a chunk given as bytes.
    public func compile(bytes code: [UInt8], name: String) -> LuaError? {
        let base = lua_gettop(L)
        defer { lua_settop(L, base) }
        let status = load(bytes: code, name: name)
        return status == LUA_OK ? nil : error(status: status)
    }

    /// Compiles and runs a text chunk, then hands `inspect` the stack positions of its results
    /// while they are still on the stack (nil when it returned none), for a caller that reads
    /// them in place, metatables and all, as the REPL's renderer does. The limits are reset
    /// before `inspect` runs, so what it calls through protected helpers cannot trip them.
    public func evaluate<T>(_ code: String, name: String, inspect: (ClosedRange<Int32>?) -> T) throws(LuaError) -> T {
        try evaluate(bytes: Array(code.utf8), name: name, inspect: inspect)
    }

    /// `evaluate` of a chunk given as bytes.
    public func evaluate<T>(bytes code: [UInt8], name: String, inspect: (ClosedRange<Int32>?) -> T) throws(LuaError) -> T {
        let base = lua_gettop(L)
        defer { lua_settop(L, base) }
        try check(load(bytes: code, name: name))
        try invoke(arguments: [])
        lshim_resetlimits(L)
        let top = lua_gettop(L)
        return inspect(top > base ? (base + 1)...top : nil)
    }

    /// Loads a text chunk: its function, or the error message, on top. Returns the Lua status.
    func load(_ code: String, name: String) -> Int32 {
        Self.load(code, name: name, on: L)
    }

    /// Loads a chunk given as bytes: its function, or the error message, on top.
    func load(bytes code: [UInt8], name: String) -> Int32 {
        code.withUnsafeBytes { Self.load($0, name: name, on: L) }
    }

    /// Loads a text chunk on thread `L` (a primitive's own thread): protected, never raises.
    static func load(_ code: String, name: String, on L: OpaquePointer) -> Int32 {
        var code = code
        return code.withUTF8 { load(UnsafeRawBufferPointer($0), name: name, on: L) }
    }

    /// Loads the bytes of a chunk on thread `L`, as they are: protected, never raises.
    static func load(_ code: UnsafeRawBufferPointer, name: String, on L: OpaquePointer) -> Int32 {
        lshim_loadtext(L, code.baseAddress?.assumingMemoryBound(to: CChar.self), code.count, name)
    }

    /// Runs a script file (text only, its bytes as they are) with `arguments` as its `...`.
    @discardableResult
    public func runFile(_ path: String, arguments: [LuaValue] = []) throws(LuaError) -> [LuaValue] {
        let code = try Self.script(path)
        let base = lua_gettop(L)
        defer { lua_settop(L, base) }
        try check(load(bytes: code, name: "@" + path))
        return try call(arguments: arguments, base: base)
    }

    /// Runs a script file with `arguments` as its `...`, each a string of exactly those bytes
    /// (a script's command-line arguments, as lua.c passes them).
    @discardableResult
    public func runFile(_ path: String, byteArguments arguments: [[UInt8]]) throws(LuaError) -> [LuaValue] {
        let code = try Self.script(path)
        let base = lua_gettop(L)
        defer { lua_settop(L, base) }
        try check(load(bytes: code, name: "@" + path))
        try invoke(count: arguments.count) { () throws(LuaError) in
            for argument in arguments { if let failure = push(bytes: argument) { throw failure } }
        }
        return try results(above: base)
    }

    /// `arg` as lua.c sets it: `arg[0]` the script's name, `arg[1]`... its arguments, each a
    /// string of exactly the bytes given.
    public func setScriptArguments(script: [UInt8], _ arguments: [[UInt8]]) throws(LuaError) {
        guard lua_checkstack(L, 4) != 0 else { throw LuaError(kind: .memory, message: "stack overflow while setting arg") }
        try check(lshim_createtable_p(L, Int32(clamping: arguments.count), 1))
        for (index, bytes) in ([script] + arguments).enumerated() {
            if let failure = push(bytes: bytes) { lua_settop(L, -2); throw failure }
            let status = lshim_rawseti_p(L, -2, lua_Integer(index))
            if status != LUA_OK { lua_rotate(L, -2, 1); lua_settop(L, -2); throw error(status: status) }
        }
        try check(lshim_setglobal_p(L, "arg"))
    }

    /// A script file's bytes, a first line starting with '#' commented out.
    private static func script(_ path: String) throws(LuaError) -> [UInt8] {
        do {
            return skippingShebang(try TextFile.bytes(path))
        } catch {
            throw LuaError(kind: .other, message: "cannot open \(path): \(error.reason)")
        }
    }

    /// A first line starting with '#' (a shebang) is skipped, as lua.c does: commented out, so
    /// that line numbers stay right.
    public static func skippingShebang(_ code: [UInt8]) -> [UInt8] {
        code.first == UInt8(ascii: "#") ? Array("--".utf8) + code : code
    }

    /// Calls the function at `base + 1` with `arguments` under the traceback handler, collecting
    /// every result.
    func call(arguments: [LuaValue], base: Int32) throws(LuaError) -> [LuaValue] {
        try invoke(arguments: arguments)
        return try results(above: base)
    }

    /// The values on the stack above `base`, copied into Swift (a table too deep or too large
    /// to copy is refused).
    func results(above base: Int32) throws(LuaError) -> [LuaValue] {
        var results: [LuaValue] = []
        let top = lua_gettop(L)
        if top > base {
            for index in (base + 1)...top {
                do {
                    results.append(try value(at: index))
                } catch {
                    throw LuaError(kind: .other, message: "the chunk returned \(error) (result \(index - base))")
                }
            }
        }
        return results
    }

    /// Calls the function on top of the stack with `arguments` under the traceback handler,
    /// leaving every result on the stack. The limits are reset first, so each run gets its whole
    /// budget.
    func invoke(arguments: [LuaValue]) throws(LuaError) {
        try invoke(count: arguments.count) { () throws(LuaError) in
            for argument in arguments {
                if let failure = push(argument) { throw failure }
            }
        }
    }

    /// `invoke` with `count` arguments that `pushArguments` pushes.
    func invoke(count: Int, pushArguments: () throws(LuaError) -> Void) throws(LuaError) {
        lshim_resetlimits(L)
        armHook()
        try pushArguments()
        let started = try startWatchdog()
        defer { if started { stopWatchdog() } }
        let status = lshim_pcall_traceback(L, Int32(count), LUA_MULTRET)
        if status != LUA_OK {
            throw error(status: status)
        }
    }

    /// Arms the count hook for a run. It is always set: it enforces the instruction budget,
    /// re-raises a tripped memory cap that a script's pcall caught, and is how Ctrl-C and the
    /// deadline reach running code (they set flags it polls; no other thread touches the hook).
    func armHook() {
        let budget = host.pointee.budget
        lshim_sethook(L, Int32(budget > 0 ? min(budget, 1000) : 1000))
    }

    /// Asks the running chunk to stop, and the store's running SQL statement with it: safe from
    /// a signal handler and from another thread (it only sets a flag the hook polls).
    public func interrupt() {
        lshim_interrupt(L)
    }

    // MARK: The time limit

    /// Runs `body` as one run under the wall-clock limit (`options.timeout`): every chunk and
    /// SQL statement it runs shares one deadline. Past it, Lua code and long library calls stop
    /// with `run stopped after N s (--timeout)` (kind `.timeLimit`) and the running statement
    /// is interrupted; whatever `body` then throws is reported as that limit. Put it inside the
    /// store transaction, so the commit or rollback itself is never interrupted. Without a
    /// limit, or inside another `withTimeLimit`, it just runs `body`.
    public func withTimeLimit<T>(_ body: () throws -> T) throws -> T {
        guard try startWatchdog() else { return try body() }
        defer { stopWatchdog() }
        do {
            return try body()
        } catch let error as LuaError where error.kind == .timeLimit {
            throw error
        } catch {
            if lshim_timedout(host) != 0 { throw LuaError(kind: .timeLimit, message: timeoutMessage) }
            throw error
        }
    }

    /// Starts the run's watchdog when there is a limit and no run is under way; true if it did.
    private func startWatchdog() throws(LuaError) -> Bool {
        guard options.timeout > 0, watchdog == nil else { return false }
        guard let started = lshim_watchdog_start(host, options.timeout) else {
            throw LuaError(kind: .other, message: "cannot start the watchdog thread of --timeout")
        }
        watchdog = started
        return true
    }

    /// Stops the watchdog and clears its flag: code that runs after the run (reading results)
    /// is not stopped by a deadline that passed as the run ended.
    private func stopWatchdog() {
        lshim_watchdog_stop(watchdog)
        watchdog = nil
        lshim_cleartimeout(host)
    }

    /// `run stopped after 5 s (--timeout)`.
    var timeoutMessage: String {
        var buffer = [CChar](repeating: 0, count: 128)
        lshim_timeoutmessage(host, &buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map(UInt8.init(bitPattern:)), as: UTF8.self)
    }

    /// The message of a run stopped from outside while Swift code ran (an SQL statement):
    /// `interrupted` or the time limit's; nil when the run goes on.
    var stopMessage: String? {
        if lshim_interrupted(host) != 0 { return "interrupted" }
        if lshim_timedout(host) != 0 { return timeoutMessage }
        return nil
    }

    /// Clears an interrupt that came too late to stop a run (Ctrl-C just as it ended), and the
    /// limit counters, and puts the run hook back: what a run does as it starts. Without this, a
    /// late interrupt would make the protected helpers fail until the next run.
    public func resetLimits() {
        lshim_resetlimits(L)
        armHook()
    }

    /// Changes "today" (`date.today()`, the default `on` of case events, what counts as
    /// overdue) for the runs that follow; nil for the system's local date.
    public func setAsOf(_ date: LocalDate?) {
        options.asOf = date
    }

    /// Memory in use by Lua, in bytes, and the peak since the state was created.
    public var memoryUsed: (current: Int, peak: Int) {
        (Int(host.pointee.used), Int(host.pointee.peak))
    }

    /// Turns the error on top of `thread`'s stack (the main thread's by default) into a
    /// `LuaError`, classifying limit errors by the host's flags rather than by their text (a
    /// script may rethrow them changed), and a pack error by its metatable's identity.
    func error(status: Int32, on thread: OpaquePointer? = nil) -> LuaError {
        let L = thread ?? L
        let packError = lshim_ispackerror(L, -1) != 0 ? self.packError(on: L) : nil
        let text = packError?.message
            ?? (lua_type(L, -1) == LUA_TSTRING ? String(cString: lua_tolstring(L, -1, nil)) : "(error object is not a string)")
        lua_settop(L, -2)
        let flags = host.pointee
        if lshim_interrupted(host) != 0 {
            return LuaError(kind: .interrupted, handled: text)
        }
        if lshim_timedout(host) != 0 {
            // A statement the watchdog interrupted may surface as an SQL error: name the limit.
            let stopped = LuaError(kind: .timeLimit, handled: text)
            if stopped.message.contains("(--timeout)") { return stopped }
            return LuaError(kind: .timeLimit, message: timeoutMessage, traceback: stopped.traceback)
        }
        if flags.instructions_tripped != 0 {
            return LuaError(kind: .instructionLimit, handled: text)
        }
        if flags.memory_tripped != 0 {
            let limit = "memory limit exceeded (\(options.maxMemoryMB) MB; raise it with --max-memory)"
            return LuaError(kind: .memoryLimit, handled: text.hasPrefix("not enough memory") ? limit : text)
        }
        switch status {
        case LUA_ERRSYNTAX: return LuaError(kind: .syntax, handled: text)
        case LUA_ERRMEM: return LuaError(kind: .memory, handled: text)
        case LUA_ERRRUN: return packError ?? LuaError(kind: .runtime, handled: text)
        default: return LuaError(kind: .other, handled: text)
        }
    }

    /// The pack error on top of `L`'s stack (the caller checked its metatable) read into a
    /// `LuaError` with its `PackFault`; nil when a script has changed its fields out of shape.
    private func packError(on L: OpaquePointer) -> LuaError? {
        guard case .map(let fields)? = try? value(at: -1, on: L) else { return nil }
        func text(_ key: String) -> String? {
            if case .string(let value)? = fields[.string(key)] { return value }
            return nil
        }
        guard let message = text("message"), let hook = text("hook"), let file = text("file"),
              let error = text("error"), let during = text("during") else { return nil }
        var line: Int?
        if case .integer(let value)? = fields[.string("line")], value > 0, value <= Int64(Int32.max) { line = Int(value) }
        return LuaError(kind: .runtime, message: message, traceback: text("traceback") ?? "",
                        pack: PackFault(pack: text("pack"), hook: hook, file: file, line: line, error: error, during: during))
    }

    // MARK: Globals

    /// Sets a global to a value (raw: a metatable on `_G` does not run).
    public func setGlobal(_ name: String, _ value: LuaValue) throws(LuaError) {
        if let failure = push(value) { throw failure }
        try check(lshim_setglobal_p(L, name))
    }

    /// Reads a global (raw).
    public func global(_ name: String) throws(LuaError) -> LuaValue {
        try check(lshim_getglobal_p(L, name))
        defer { lua_settop(L, -2) }
        do {
            return try value(at: -1)
        } catch {
            throw LuaError(kind: .other, message: "global \(name): \(error)")
        }
    }

    /// Pushes bytes as a Lua string, exactly (protected): nil on success, or the error (stack
    /// unchanged). For a chunk's source handed to Lua's `load`.
    public func push(bytes: [UInt8], on thread: OpaquePointer? = nil) -> LuaError? {
        let L = thread ?? L
        guard lua_checkstack(L, 3) != 0 else {
            return LuaError(kind: .memory, message: "stack overflow while pushing a value")
        }
        let status = bytes.withUnsafeBytes {
            lshim_pushlstring_p(L, $0.baseAddress?.assumingMemoryBound(to: CChar.self), $0.count)
        }
        return status == LUA_OK ? nil : error(status: status, on: L)
    }

    /// Throws the error on top of the stack when a protected helper failed.
    func check(_ status: Int32) throws(LuaError) {
        if status != LUA_OK { throw error(status: status) }
    }

    // MARK: Holiday data

    /// The one-off changes of every file (the bundled table, then the user's), read once on
    /// first use.
    func loadedHolidayData() throws(LuaError) -> HolidayData {
        try loadedHolidayFiles().all
    }

    /// The bundled table alone, and with the user's files.
    func loadedHolidayFiles() throws(LuaError) -> (bundled: HolidayData, all: HolidayData) {
        if holidayData == nil {
            do {
                let bundled = try HolidayData.load(files: options.holidayFiles)
                let extra = try HolidayData.load(files: options.extraHolidayFiles)
                holidayData = .success((bundled, bundled.followed(by: extra)))
            } catch {
                holidayData = .failure(LuaError(kind: .other, message: "\(error)"))
            }
        }
        return try holidayData!.get()
    }
}
