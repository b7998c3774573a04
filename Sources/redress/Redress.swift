import ArgumentParser
import RedressCore
import RedressLua
import RedressREPL

#if canImport(Glibc)
import Glibc
#endif

/// The `redress` command: a scriptable workbench for housing complaint handling.
struct Redress: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "redress",
        abstract: "A scriptable workbench for housing complaint handling.",
        discussion: reflowed("""
            With no command, opens the workbench REPL on the store (.help there lists its
            dot-commands); with standard input not a terminal, runs that input chunk by chunk
            with no prompts and exits 1 if a chunk failed.

            Examples:
              redress --db wdh.sqlite --as-of 2027-01-04              # the REPL
              redress --db wdh.sqlite < Samples/workbench.session     # scripted
              redress -e 'print(calendar:add_working_days("2026-12-22", 5))'
              redress --region scotland -e 'print(calendar:holidays(2026)[6].name)'
              redress run script.lua arg1 arg2
              redress -e 'print(sql("select count(*) as n from cases")[1].n)'
              redress calendar holidays 2026
            """),
        version: version,
        subcommands: [RunCommand.self, InitCommand.self, CheckCommand.self, ImportCommand.self, ExportCommand.self, SampleCommand.self,
                      CalendarCommand.self, UsersCommand.self, RevealCommand.self, SubjectAccessCommand.self, RetentionCommand.self,
                      SettingsCommand.self, PolicyCommand.self, JobsCommand.self, ReportCommand.self, LetterCommand.self,
                      ExplainCommand.self, DoctorCommand.self, PackCommand.self]
    )

    @Option(name: .customShort("e"), help: ArgumentHelp("Run a chunk of Lua (repeatable; chunks run in order, in one state).", valueName: "code"))
    var chunks: [String] = []

    @OptionGroup var options: GlobalOptions
    @OptionGroup var lua: LuaOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard !chunks.isEmpty else {
            // At a terminal, no limit unless --timeout is given (Ctrl-C stops a chunk); piped
            // input runs unattended, so each chunk gets the default one.
            let state = try lua.makeState(options, installation: Installation.locate(), folder: ".", script: "redress repl",
                                          defaultTimeout: isatty(0) != 0 ? 0 : LuaOptions.defaultTimeout)
            state.recorder.actor = store.userName
            let status = REPL(state: state, store: try store.optionalStore(), storePath: store.path, version: Redress.version).run()
            if status != 0 { throw ExitCode(status) }
            return
        }
        let state = try lua.makeState(options, installation: Installation.locate(), folder: ".", script: "redress -e")
        try store.run(state) {
            try state.withTimeLimit {
                for chunk in RawArguments.chunks(chunks) {
                    try state.run(bytes: chunk, name: "=(command line)")
                }
            }
        }
    }
}
