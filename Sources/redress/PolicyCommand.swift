import ArgumentParser
import RedressCore
import RedressLua

/// `redress policy show|rebind`: the pack the store is bound to, and the audited way to bind it
/// to another version of that pack.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "The store's policy pack: which one, its content hash, and rebinding it to a new version.",
        discussion: reflowed("""
            `redress init` binds a store to a pack and keeps the SHA-256 of the pack file, and
            of each Scripts/ module it requires by name (`require "lib.compensation"`, and what
            those require in turn). Every run that loads
            the store's pack (scripts, -e, the REPL, import, jobs, letters, reports) first compares
            the file's hash with the bound one and refuses a pack that differs, before any of it
            runs. The pack's data-protection rules (confidentiality.*, retention.*) are copied
            into the store's settings when it is bound, and change only with a rebind.

            After a pack is edited on purpose, a manager (anyone, in a store without users)
            rebinds the store to it. The rebind is recorded in the audit log as a policy_rebound
            event with both hashes, both sources, the data-protection settings it changed, who
            and when.

            Examples:
              redress policy show --db wdh.sqlite
              redress policy rebind --db wdh.sqlite --user jmanager
              redress policy rebind --db wdh.sqlite --policy /srv/packs/wdh.lua
            """),
        subcommands: [Show.self, Rebind.self, Reference.self],
        defaultSubcommand: Show.self
    )

    /// How a pack given to init or rebind is recorded: a name as given; a path as its absolute
    /// path, so that later runs may start in any folder.
    static func source(of policy: String, file: String) -> String {
        policy.contains("/") || policy.hasSuffix(".lua") ? (Installation.realPath(file) ?? file) : policy
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The bound pack, its hash, and whether the pack file still has that hash (exit code 1 when not).")
        @OptionGroup var store: StoreOptions

        func run() throws {
            let caseStore = try store.existingStore()
            guard let bound = try caseStore.boundPolicy else {
                throw UsageError("--db: the store '\(caseStore.path)' is not bound to a policy pack (run `redress init --db \(caseStore.path)`)")
            }
            let scripts = try Installation.locate().scripts
            let file = PolicyLoader.resolve(bound.source, scripts: scripts)
            print("policy \(bound.name) from \(bound.source), pack hash \(bound.hash)")
            guard TextFile.exists(file) else {
                print("\(file): missing")
                throw ExitCode(1)
            }
            let hash = PolicyLoader.packHash(try TextFile.bytes(file), like: bound.hash)
            if hash == bound.hash {
                do {
                    _ = try caseStore.read { db in try PolicyLoader.boundSource(in: db, storePath: caseStore.path, scripts: scripts) }
                    print("\(file): the same pack")
                } catch {
                    print("\(file): the same pack, but \(error)")
                    throw ExitCode(1)
                }
            } else {
                print("\(file): changed, content hash \(hash) (a manager rebinds: redress policy rebind --db \(caseStore.path))")
                throw ExitCode(1)
            }
        }
    }

    struct Rebind: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bind the store to the current version of its pack, or to the same pack at another place (a manager; audited).")

        @Option(help: ArgumentHelp("A pack name in Scripts/policies, or the path of a pack file (default: where the store's pack was bound from).",
                                   valueName: "name|path"))
        var policy: String?

        @OptionGroup var store: StoreOptions
        @OptionGroup var options: GlobalOptions
        @OptionGroup var lua: LuaOptions

        func run() throws {
            let caseStore = try store.existingStore()
            guard let bound = try caseStore.boundPolicy else {
                throw UsageError("--db: the store '\(caseStore.path)' is not bound to a policy pack (run `redress init --db \(caseStore.path)`)")
            }
            let installation = try Installation.locate()
            let given = policy ?? bound.source
            let file = PolicyLoader.resolve(given, scripts: installation.scripts)
            guard TextFile.exists(file) else {
                throw UsageError("--policy: no pack '\(given)' (looked for \(file))")
            }
            // The pack is loaded and checked (declarations, calendar) before anything is written.
            let state = try lua.makeState(options, installation: installation, folder: Folder.parent(of: file),
                                          script: "redress policy rebind")
            let pack = try PolicyLoader.load(path: file, in: state)
            let bundled = try HolidayData.load(files: [installation.bankHolidayChanges])
            _ = try bundled.calendar(pack.region, closures: pack.closures)
            let source = policy == nil ? bound.source : PolicyCommand.source(of: given, file: file)
            guard let rebinding = try caseStore.rebind(to: pack, source: source, actor: store.userName) else {
                print("\(caseStore.path) is already bound to this pack: policy \(pack.name) from \(source), pack hash \(pack.hash)")
                return
            }
            print("Rebound \(caseStore.path): policy \(pack.name), pack hash \(rebinding.previousHash) -> \(rebinding.hash)"
                  + (rebinding.previousSource == rebinding.source ? "" : ", from \(rebinding.source) (was \(rebinding.previousSource))"))
            for change in rebinding.moduleChanges { print("  module \(change)") }
            for change in rebinding.changes { print("  \(change)") }
            // Other closure days make another calendar: the open due dates move with it.
            let own = try caseStore.storeCalendar()
            let calendar = try own.calendar(pack.region, holidays: bundled, packClosures: pack.closures)
            if let recorded = own.recordedVersion, recorded != calendar.version {
                printRecompute(try caseStore.changeCalendar(nil, pack: pack, bundled: bundled, actor: store.userName,
                                                            script: "redress policy rebind"))
            }
        }
    }
}
