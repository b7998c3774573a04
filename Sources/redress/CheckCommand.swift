import ArgumentParser
import RedressCore
import RedressLua

/// `redress check [PACK]`: run a pack's scenarios (every pack's, without PACK).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run a policy pack's scenarios through the real lifecycle (every pack in Scripts/policies without PACK).",
        discussion: """
            Each scenario runs in a throwaway store bound to the pack, never the user's store:
            its intake goes through cases.intake (the pack's triage), its steps through the case
            methods, and the case is compared with what the scenario expects. One line per
            scenario, `ok` or `FAIL` with what differed, then `N passed, N failed`. Exit code 0
            when every scenario passed, 1 when any failed (a pack that does not load, or carries
            no scenarios, fails), 2 on a usage error.

            Examples:
              redress check                     # every pack
              redress check wdh
              redress check ./my-pack.lua
            """
    )

    @Argument(help: ArgumentHelp("A pack name in Scripts/policies, or the path of a pack file (default: every pack).",
                                 valueName: "pack"))
    var pack: String?

    @OptionGroup var options: GlobalOptions
    @OptionGroup var lua: LuaOptions

    func run() throws {
        let installation = try Installation.locate()
        let files: [String]
        if let pack {
            let file = PolicyLoader.resolve(pack, scripts: installation.scripts)
            guard TextFile.exists(file) else { throw UsageError("pack: no pack '\(pack)' (looked for \(file))") }
            files = [file]
        } else {
            files = try PackCheck.packs(in: installation.scripts)
        }
        var passed = 0, failed = 0
        for file in files {
            let name = Self.packName(file)
            let folder = file.contains("/") ? String(file[..<file.lastIndex(of: "/")!]) : "."
            let results: [PackCheck.Result]
            do {
                results = try PackCheck.run(pack: file, options: lua.stateOptions(options, installation: installation, folder: folder),
                                            actor: Installation.currentUser)
            } catch {
                print("FAIL  \(name): the pack does not load: \(error)")
                failed += 1
                continue
            }
            if results.isEmpty {
                print("FAIL  \(name): the pack carries no scenarios (a `scenarios = { ... }` list shows its rules)")
                failed += 1
            }
            for result in results {
                let clause = result.clause.map { " [\($0)]" } ?? ""
                if result.passed {
                    print("ok    \(name): \(result.name)\(clause)")
                    passed += 1
                } else {
                    print("FAIL  \(name): \(result.name)\(clause): \(result.differences.joined(separator: "; "))")
                    failed += 1
                }
            }
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }

    /// `Scripts/policies/wdh.lua` → `wdh`.
    static func packName(_ path: String) -> String {
        var name = Substring(path)
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if name.hasSuffix(".lua") { name = name.dropLast(4) }
        return String(name)
    }
}
