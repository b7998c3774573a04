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

    func validate() throws {
        guard maxInstructions >= 0 else { throw ValidationError("--max-instructions: expected 0 or more, got \(maxInstructions)") }
        guard maxMemory >= 0 else { throw ValidationError("--max-memory: expected 0 or more MB, got \(maxMemory)") }
        // Past this the cap in bytes would not fit a size_t and wrap to "no limit".
        guard maxMemory <= 1 << 20 else { throw ValidationError("--max-memory: expected at most \(1 << 20) MB (1 TB), got \(maxMemory)") }
    }

    /// A state set up from the command line. `folder` is the running script's own folder.
    /// `script` is what the audit trail names as the source of the run's changes.
    func makeState(_ global: GlobalOptions, installation: Installation, folder: String, script: String) throws -> LuaState {
        let state = try LuaState(options: stateOptions(global, installation: installation, folder: folder))
        state.recorder = Recorder(actor: Installation.currentUser, script: script)
        return state
    }

    /// The options of such a state.
    func stateOptions(_ global: GlobalOptions, installation: Installation, folder: String) throws -> LuaState.Options {
        var options = LuaState.Options()
        options.unsafe = unsafe
        options.maxInstructions = maxInstructions
        options.maxMemoryMB = maxMemory
        options.asOf = try global.asOfDate()
        options.region = try global.chosenRegion()
        options.scripts = installation.scripts
        options.scriptFolders = [folder]
        options.holidayFiles = try global.holidayFiles(installation)
        return options
    }
}

/// `redress run SCRIPT.lua [ARGS...]`.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Lua script (its arguments are in `arg` and `...`, as with lua).",
        discussion: """
            The whole run is one transaction of the case store (--db, REDRESS_DB, or
            ./redress.sqlite when it exists): an uncaught error keeps none of what it wrote.
            Exit code 0 on success, 1 when the script fails (the message, file and line, and the
            traceback go to stderr), 2 on a usage error. Options go before the script's name.

            Examples:
              redress run Samples/scripts/code-deadlines.lua
              redress run --as-of 2026-12-22 --region scotland report.lua 2026
            """
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
                                      script: "redress run \(script)")
        var arg: [LuaValue: LuaValue] = [.integer(0): .string(script)]
        for (index, value) in arguments.enumerated() {
            arg[.integer(Int64(index + 1))] = .string(value)
        }
        try state.setGlobal("arg", .map(arg))
        try store.run(state) {
            try state.runFile(script, arguments: arguments.map { .string($0) })
        }
    }
}
