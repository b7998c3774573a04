import ArgumentParser
import RedressCore
import RedressLua

/// Options of every command that runs Lua.
struct LuaOptions: ParsableArguments {
    @Flag(help: "Lift the sandbox for a trusted script (os.execute, io.popen, file writes, debug, C modules).")
    var unsafe = false

    @Option(name: .customLong("max-instructions"),
            help: ArgumentHelp("Stop a run after this many Lua instructions (0: no limit).", valueName: "n"))
    var maxInstructions: Int64 = LuaState.Options().maxInstructions

    @Option(name: .customLong("max-memory"),
            help: ArgumentHelp("Stop a run that needs more than this much memory, in MB (0: no limit).", valueName: "mb"))
    var maxMemory: Int = LuaState.Options().maxMemoryMB

    @Option(help: ArgumentHelp("""
            Stop a run after this many seconds of wall-clock time (0: no limit). Default \(Int(LuaOptions.defaultTimeout)) for \
            run, -e, each job, and each chunk of input piped to the REPL; at the interactive prompt none \
            unless given (then each chunk has it). It stops Lua code, long string-pattern and table \
            calls, and the running SQL statement; the run's changes are rolled back.
            """, valueName: "seconds"))
    var timeout: Double?

    /// The time limit of a run unless `--timeout` is given.
    static let defaultTimeout: Double = 60
    /// The longest `--timeout` (about 115 days).
    static let maxTimeout: Double = 10_000_000

    func validate() throws {
        guard maxInstructions >= 0 else { throw ValidationError("--max-instructions: expected 0 or more, got \(maxInstructions)") }
        guard maxMemory >= 0 else { throw ValidationError("--max-memory: expected 0 or more MB, got \(maxMemory)") }
        // Past this the cap in bytes would not fit a size_t and wrap to "no limit".
        guard maxMemory <= 1 << 20 else { throw ValidationError("--max-memory: expected at most \(1 << 20) MB (1 TB), got \(maxMemory)") }
        if let timeout, !(timeout >= 0 && timeout <= LuaOptions.maxTimeout) {
            throw ValidationError("--timeout: expected 0 to \(Int(LuaOptions.maxTimeout)) seconds, got \(timeout)")
        }
    }

    /// A state set up from the command line. `folder` is the running script's own folder.
    /// `script` is what the audit trail names as the source of the run's changes. A run's time
    /// limit is `--timeout`, else `defaultTimeout` (0: none, for the interactive REPL).
    /// `inputs` are the files the user named for the script to read (a sandboxed script reads
    /// nothing else outside the script folders).
    func makeState(_ global: GlobalOptions, installation: Installation, folder: String, script: String,
                   inputs: [String] = [], defaultTimeout: Double = LuaOptions.defaultTimeout) throws -> LuaState {
        var options = try stateOptions(global, installation: installation, folder: folder, defaultTimeout: defaultTimeout)
        options.inputFiles = inputs
        let state = try LuaState(options: options)
        state.recorder = Recorder(actor: Installation.currentUser, script: script)
        return state
    }

    /// The options of such a state.
    func stateOptions(_ global: GlobalOptions, installation: Installation, folder: String,
                      defaultTimeout: Double = LuaOptions.defaultTimeout) throws -> LuaState.Options {
        var options = LuaState.Options()
        options.unsafe = unsafe
        options.maxInstructions = maxInstructions
        options.maxMemoryMB = maxMemory
        options.timeout = timeout ?? defaultTimeout
        options.asOf = try global.asOfDate()
        options.region = try global.chosenRegion()
        options.scripts = installation.scripts
        options.scriptFolders = [folder]
        options.holidayFiles = [installation.bankHolidayChanges]
        options.extraHolidayFiles = global.extraHolidayFiles
        return options
    }
}

/// `redress run SCRIPT.lua [ARGS...]`.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Lua script (its arguments are in `arg` and `...`, as with lua).",
        discussion: reflowed("""
            The whole run is one transaction of the case store (--db, REDRESS_DB, or
            ./redress.sqlite when it exists): an uncaught error keeps none of what it wrote.
            Exit code 0 on success, 1 when the script fails (the message, file and line, and the
            traceback go to stderr), 2 on a usage error. Options go before the script's name.

            Examples:
              redress run Samples/scripts/code-deadlines.lua
              redress run --as-of 2026-12-22 --region scotland report.lua 2026
            """)
    )

    @OptionGroup var options: GlobalOptions
    @OptionGroup var lua: LuaOptions
    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("The script.", valueName: "script.lua"))
    var script: String

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Arguments for the script.", valueName: "args"))
    var arguments: [String] = []

    func run() throws {
        guard TextFile.exists(script) else { throw UsageError("script: cannot open '\(script)'") }
        let folder = script.contains("/") ? String(script[..<script.lastIndex(of: "/")!]) : "."
        let state = try lua.makeState(options, installation: Installation.locate(), folder: folder.isEmpty ? "/" : folder,
                                      script: "redress run \(script)", inputs: arguments.filter(TextFile.exists))
        // The arguments as given, byte for byte (the parser's Strings replace invalid UTF-8).
        let raw = RawArguments.trailing(arguments)
        try state.setScriptArguments(script: Array(script.utf8), raw)
        try store.run(state) {
            try state.withTimeLimit {
                _ = try state.runFile(script, byteArguments: raw)
            }
        }
    }
}
