import CLua
import LuaShim
import RedressCore

/// Calls a job's `run(job)` through the Lua half (`JobCall.source`), inside the store
/// transaction the state holds (`LuaState.withTransaction`).
enum JobCall {
    /// What a run returned: the job's summary and the files it wrote (name, text).
    struct Result {
        var summary: String?
        var files: [(name: String, text: String)]
    }

    /// Runs `job` in `state` for its due date (the state's `--as-of`), with the facts `info`.
    static func run(_ job: JobDefinition, info: [String: LuaValue], in state: LuaState) throws(LuaError) -> Result {
        let L = state.L
        let base = lua_gettop(L)
        defer { lua_settop(L, base) }
        try state.check(state.load(source, name: "=[redress job]"))
        // The primitives, pushed with protected helpers: { bound_pack = f, pack_calendar = f, sample = f, ... }
        try state.check(lshim_createtable_p(L, 0, Int32(JobsModule.functions.count)))
        for (name, function) in JobsModule.functions {
            try state.check(lshim_pushfunction_p(L, function))
            try state.check(lshim_rawsetfield_p(L, -2, name))
        }
        // The chunk's arguments: the primitives, then the job's source and path, and the facts.
        if let failure = state.push(bytes: job.source) { throw failure }
        for argument: LuaValue in [.string(job.path), .map(info.keyedByString)] {
            if let failure = state.push(argument) { throw failure }
        }
        lshim_resetlimits(L)
        state.armHook()
        let status = lshim_pcall_traceback(L, 4, LUA_MULTRET)
        if status != LUA_OK { throw state.error(status: status) }
        var results: [LuaValue] = []
        if lua_gettop(L) > base {
            for index in (base + 1)...lua_gettop(L) {
                do {
                    results.append(try state.value(at: index))
                } catch {
                    throw LuaError(kind: .other, message: "the job returned \(error) (result \(index - base))")
                }
            }
        }
        var files: [(name: String, text: String)] = []
        if results.count > 1, case .array(let entries) = results[1] {
            for entry in entries {
                if case .map(let file) = entry, case .string(let name)? = file["name"], case .string(let text)? = file["text"] {
                    files.append((name, text))
                }
            }
        }
        var summary: String?
        if case .string(let text)? = results.first { summary = text }
        return Result(summary: summary, files: files)
    }
}
