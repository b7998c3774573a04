import CLua
import LuaShim
import RedressCore

#if canImport(Glibc)
import Glibc
#endif

/// Builds what scripts see: the `date` and `calendar` globals and modules, `require`'s search
/// path, and the sandbox. The shape is assembled by a Lua chunk (`source`) from Swift functions
/// handed to it, so that no raising Lua API ever runs with Swift frames live.
enum Boot {
    static let source = #"""
    local F, registry_set, keys, region, unsafe, folders = ...

    -- date ---------------------------------------------------------------------------------
    local D = F.date
    registry_set(keys.date_methods, {
      weekday = D.weekday, weekday_number = D.weekday_number, is_weekend = D.is_weekend,
      add_days = D.add_days, add_weeks = D.add_weeks, add_months = D.add_months,
      add_years = D.add_years, iso = D.tostring,
    })
    registry_set(keys.date, {
      __name = "date", __metatable = "date", __index = D.index, __tostring = D.tostring,
      __eq = D.eq, __lt = D.lt, __le = D.le, __add = D.add, __sub = D.sub, __concat = D.concat,
    })
    local date = setmetatable({ today = D.today, parse = D.parse }, { __call = D.new, __metatable = "date module" })

    -- calendar -----------------------------------------------------------------------------
    local C = F.calendar
    registry_set(keys.calendar, {
      __name = "calendar", __metatable = "calendar", __tostring = C.tostring,
      __index = {
        add_working_days = C.add_working_days, working_days_between = C.working_days_between,
        is_working_day = C.is_working_day, next_working_day = C.next_working_day,
        previous_working_day = C.previous_working_day, holidays = C.holidays, holiday = C.holiday,
        name = C.name, version = C.version, region = C.region,
      },
    })
    local active = C.region(region)

    -- require: Redress's modules, then Lua files in the allowed folders only ---------------
    local io_open, loadfile_text = io.open, loadfile
    local function search_folders(name)
      local relative = name:gsub("%.", "/")
      local tried = {}
      for _, folder in ipairs(folders) do
        for _, pattern in ipairs({ "%s/%s.lua", "%s/%s/init.lua" }) do
          local path = pattern:format(folder, relative)
          local file = io_open(path, "r")
          if file then
            file:close()
            local chunk, message = loadfile_text(path, "t")
            if not chunk then
              error(("error loading module '%s' from file '%s':\n\t%s"):format(name, path, message))
            end
            return chunk, path
          end
          tried[#tried + 1] = "\n\tno file '" .. path .. "'"
        end
      end
      return table.concat(tried)
    end
    package.loaded["redress.date"] = date
    package.loaded["redress.calendar"] = active
    local patterns = {}
    for _, folder in ipairs(folders) do
      patterns[#patterns + 1] = folder .. "/?.lua;" .. folder .. "/?/init.lua"
    end
    package.path = table.concat(patterns, ";")
    _G.date, _G.calendar, _G.sql = date, active, F.sql.sql
    registry_set(keys.sql_columns, setmetatable({}, { __mode = "k" }))
    package.loaded["redress.sql"] = F.sql.sql

    -- Lua runs an xpcall message handler inside the hook that raised a limit error, with
    -- hooks off, so a handler that loops would never stop: once a limit trips, skip it.
    local xpcall_raw, tripped = xpcall, F.host.tripped
    xpcall = function(f, handler, ...)
      if handler == nil then return xpcall_raw(f, handler, ...) end
      return xpcall_raw(f, function(e)
        if tripped() then return e end
        return handler(e)
      end, ...)
    end

    -- a pack's hooks: refuse(reason), and what a hook's failure becomes ----------------------
    -- A hook refuses what it is asked on purpose with refuse(reason): the cases API raises the
    -- reason as its own refusal, at the calling script's line. Any other error in a hook is the
    -- pack's code failing: the cases module's hook runner turns it into a pack error, a table
    -- under PackError that the host knows by this identity (registry[keys.pack_error]), naming
    -- the pack's file and line, the hook and what it was answering, with the traceback taken
    -- where it failed.
    local setmetatable_boot, type_boot, format_boot, error_boot = setmetatable, type, string.format, error
    local Refusal = { __name = "refusal", __tostring = function(r) return r.reason end }
    local PackError = { __name = "pack error", __tostring = function(e) return e.message end }
    registry_set(keys.pack_error, PackError)
    _G.refuse = function(reason)
      if type_boot(reason) ~= "string" or reason == "" then
        error_boot(format_boot("bad argument #1 to 'refuse' (the reason, as text, expected, got %s)",
                               reason == "" and "empty text" or type_boot(reason)), 2)
      end
      error_boot(setmetatable_boot({ reason = reason }, Refusal))
    end
    local hooks = { refusal = Refusal, pack_error = PackError, xpcall = xpcall_raw, tripped = tripped,
                    traceback = debug.traceback, getinfo = debug.getinfo }

    -- cases, parties and restrictions (CasesModule.source), compiled on first use: start-up does not pay for
    -- them in runs that never touch the store. Each global is a table that fills itself with
    -- the module's functions on first access, then drops its metatable.
    local modules
    local load_text = load
    local function load_cases()
      if not modules then
        local chunk = F.cases.chunk()
        local cases, parties, intake_row, restrictions = chunk(F.cases, date, load_text, hooks)
        registry_set(keys.intake_row, intake_row)
        modules = { cases = cases, parties = parties, restrictions = restrictions }
      end
      return modules
    end
    local pairs_boot, rawset_boot = pairs, rawset
    local function lazy(name)
      local proxy = {}
      return setmetatable_boot(proxy, {
        __index = function(_, key)
          local real = load_cases()[name]
          for k, v in pairs_boot(real) do rawset_boot(proxy, k, v) end
          setmetatable_boot(proxy, nil)
          return real[key]
        end,
      })
    end
    _G.cases, _G.parties, _G.restrictions = lazy("cases"), lazy("parties"), lazy("restrictions")
    package.loaded["redress.cases"], package.loaded["redress.parties"] = _G.cases, _G.parties
    package.loaded["redress.restrictions"] = _G.restrictions

    if unsafe then
      table.insert(package.searchers, 2, search_folders)
      return
    end

    -- the sandbox: an allow-list, as Redis's script_lua.c builds one --------------------------
    -- What a script may call is listed here; everything else is absent. Files are read only
    -- through Swift (F.files), which checks the resolved path: nothing here guards anything, so
    -- nothing a script changes in its own Lua can widen what it may read.
    local files, error, type, tostring, select, format = F.files, error, type, tostring, select, string.format
    local setupvalue = debug.setupvalue
    local function absent(library)
      return {
        __index = function(_, name)
          error(format("%s.%s is not available in the sandbox (run with --unsafe to allow it)", library, tostring(name)), 2)
        end,
        __metatable = library,
      }
    end
    -- Raise a refusal (the Swift half answers false, message) at the script's line.
    local function checked(level, file, message, code)
      if file == false then error(message, level + 1) end
      return file, message, code
    end

    local file_lines, stdin_lines = getmetatable(io.stdin).__index.lines, io.lines
    local sandbox_io = setmetatable({
      open = function(path, mode)
        local file, message, code = checked(2, files.open("io.open", path, mode))
        return file, message, code
      end,
      lines = function(path, ...)
        if path == nil then
          local lines = stdin_lines(nil, ...)   -- standard input, as io.lines() reads it
          return lines
        end
        local file, message = checked(2, files.open("io.lines", path))
        if not file then error(message, 2) end
        return file_lines(file, ...), nil, nil, file
      end,
      read = io.read, write = io.write, type = io.type,   -- io.read: standard input only (no io.input)
      stdin = io.stdin, stdout = io.stdout, stderr = io.stderr,
    }, absent("io"))
    local sandbox_os = setmetatable({
      time = os.time, date = os.date, clock = os.clock, difftime = os.difftime,
    }, absent("os"))

    local load_any = load
    load = function(chunk, name, mode, ...)
      if mode ~= nil and mode ~= "t" then
        error("load of binary chunks is not available in the sandbox (mode '" .. tostring(mode) .. "')", 2)
      end
      return load_any(chunk, name, "t", ...)   -- `...` keeps an absent env absent
    end
    loadfile = function(path, mode, ...)
      if mode ~= nil and mode ~= "t" then
        error("loadfile of binary chunks is not available in the sandbox", 2)
      end
      local chunk, message = checked(2, files.load("loadfile", path))
      if chunk and select("#", ...) > 0 then setupvalue(chunk, 1, (...)) end
      return chunk, message
    end
    dofile = function(path)
      local chunk, message = checked(2, files.load("dofile", path))
      if not chunk then error(message, 2) end
      return chunk()
    end
    -- Finalizers run with hooks off, beyond the instruction budget's reach. Lua marks an object
    -- for finalization only if its metatable has __gc when set, so refusing it here suffices.
    local setmetatable_raw = setmetatable
    setmetatable = function(t, mt)
      if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
        error("__gc metamethods are not available in the sandbox (run with --unsafe to allow them)", 2)
      end
      return setmetatable_raw(t, mt)
    end

    -- require: the preload table, then Lua files in the script folders, found and read by Swift.
    -- `require` reads package.searchers from this very table, so it is trimmed in place.
    package.searchers = { package.searchers[1], files.search }
    for _, name in ipairs({ "loadlib", "searchpath", "cpath" }) do package[name] = nil end
    package.loaded.io, package.loaded.os, package.loaded.debug = sandbox_io, sandbox_os, nil
    setmetatable_raw(package, absent("package"))

    local listed = {
      _G = true, _VERSION = true, assert = true, collectgarbage = true, coroutine = true, dofile = true,
      error = true, getmetatable = true, io = true, ipairs = true, load = true, loadfile = true, math = true,
      next = true, os = true, package = true, pairs = true, pcall = true, print = true, rawequal = true,
      rawget = true, rawlen = true, rawset = true, require = true, select = true, setmetatable = true,
      string = true, table = true, tonumber = true, tostring = true, type = true, utf8 = true, warn = true,
      xpcall = true,
      date = true, calendar = true, sql = true, cases = true, parties = true, restrictions = true, refuse = true,
    }
    for name in pairs(_G) do
      if not listed[name] then _G[name] = nil end
    end
    io, os = sandbox_io, sandbox_os
    """#

    static func install(in state: LuaState) throws(LuaError) {
        let L = state.L
        let base = lua_gettop(L)
        defer { lua_settop(L, base) }
        try state.check(state.load(source, name: "=[redress boot]"))
        // F: { date = {...}, calendar = {...}, sql = {...}, cases = {...}, host = {...}, files = {...} }
        try state.check(lshim_createtable_p(L, 0, 6))
        for (module, functions) in [("date", DateModule.functions), ("calendar", CalendarModule.functions),
                                    ("sql", SQLModule.functions), ("cases", CasesModule.functions),
                                    ("host", [("tripped", limitTripped)]), ("files", SandboxFiles.functions)] {
            try state.check(lshim_createtable_p(L, 0, Int32(functions.count)))
            for (name, function) in functions {
                try state.check(lshim_pushfunction_p(L, function))
                try state.check(lshim_rawsetfield_p(L, -2, name))
            }
            try state.check(lshim_rawsetfield_p(L, -2, module))
        }
        lua_pushcclosure(L, lshim_l_registryset, 0)
        try state.check(lshim_createtable_p(L, 0, 6))
        for (name, key) in [("date", UnsafeMutableRawPointer(mutating: lshim_datekey())),
                            ("pack_error", UnsafeMutableRawPointer(mutating: lshim_packerrorkey())),
                            ("date_methods", DateModule.methodsKey), ("calendar", CalendarModule.classKey),
                            ("intake_row", CasesModule.intakeRowKey), ("sql_columns", SQLModule.columnsKey)] {
            lua_pushlightuserdata(L, key)
            try state.check(lshim_rawsetfield_p(L, -2, name))
        }
        try state.check(state.pushString(state.options.region.rawValue))
        lua_pushboolean(L, state.options.unsafe ? 1 : 0)
        if let failure = state.push(.array(state.scriptFolders.map { .string($0) })) { throw failure }
        try state.check(lshim_pcall_traceback(L, 6, 0))
    }

    /// `tripped()`: true once this run has hit a limit or been interrupted.
    static let limitTripped: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            let host = lshim_gethost(lua.L)!
            lua.return(boolean: host.pointee.instructions_tripped != 0 || host.pointee.memory_tripped != 0
                || lshim_interrupted(host) != 0 || lshim_timedout(host) != 0)
        }
    }
}
