import ArgumentParser
import RedressCore
import RedressLua

/// `redress explain REF [CLOCK]`: how a case's due dates were reached.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how a case's due dates were reached, step by step.",
        discussion: reflowed("""
            For each clock (or the one named): the event it runs from and its date, the roll to a
            working day, the count with every bank holiday and closure day it skipped, each
            extension with its reason and whether the customer agreed, whether it was met late,
            the calendar's version and the pack's clause. Without CLOCK, every clock of the case's
            current stage. The same is `c:explain(clock)` in Lua and `.explain` in the REPL.

            Examples:
              redress explain C-2026-000123
              redress explain C-2026-000123 respond --stage 1
            """)
    )

    @Argument(help: "The case reference.") var ref: String
    @Argument(help: "The clock (acknowledge, respond, ...); all of the stage's when omitted.") var clock: String?
    @Option(help: "The stage whose clock to explain (default: the case's current stage).") var stage: String?
    @OptionGroup var options: GlobalOptions
    @OptionGroup var lua: LuaOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let installation = try Installation.locate()
        let state = try lua.makeState(options, installation: installation, folder: installation.scripts, script: "redress explain")
        var arguments: [LuaValue] = [.string(ref)]
        arguments.append(clock.map { .string($0) } ?? .nil)
        arguments.append(stage.map { .string($0) } ?? .nil)
        do {
            try store.run(state) {
                let text = try state.run("return require('lib.explain').text(...)", name: "=[redress explain]", arguments: arguments)
                if case .string(let s)? = text.first { print(s) }
            }
        } catch let error as LuaError where error.kind == .runtime {
            // A refusal (no such case, no such clock) is the answer, not a script's failure.
            throw StoreError(message: error.message)
        }
    }
}
