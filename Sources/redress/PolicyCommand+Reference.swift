import ArgumentParser
import RedressCore
import RedressLua

extension PolicyCommand {
    /// `redress policy reference PACK`: the pack's reference page, generated from its declarations.
    struct Reference: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a pack's reference page (Markdown), generated from what the loader reads of it.",
            discussion: reflowed("""
                The page lists the pack's calendar, acceptance window, stages and kinds with each
                clock's meaning (the shared name's, or the pack's own `means`), timescale,
                extension and clause, the window to accept a remedy offer, the intake facts its
                triage reads (type, meaning, clause), and the shared clock, anchor and window
                names every pack uses. No store is needed.

                Examples:
                  redress policy reference wdh
                  redress policy reference ./my-pack.lua > my-pack.md
                """))

        @Argument(help: ArgumentHelp("A pack name in Scripts/policies, or the path of a pack file.", valueName: "pack"))
        var pack: String

        @OptionGroup var options: GlobalOptions
        @OptionGroup var lua: LuaOptions

        func run() throws {
            let installation = try Installation.locate()
            let file = PolicyLoader.resolve(pack, scripts: installation.scripts)
            guard TextFile.exists(file) else { throw UsageError("pack: no pack '\(pack)' (looked for \(file))") }
            let folder = file.contains("/") ? String(file[..<file.lastIndex(of: "/")!]) : "."
            let state = try lua.makeState(options, installation: installation, folder: folder, script: "redress policy reference")
            let loaded = try PolicyLoader.load(path: file, in: state)
            print(PackReference(pack: loaded, source: file.hasPrefix(installation.scripts + "/") ? "Scripts/" + file.dropFirst(installation.scripts.count + 1) : file).markdown,
                  terminator: "")
        }
    }
}
