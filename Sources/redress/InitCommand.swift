import ArgumentParser
import RedressCore
import RedressLua

#if canImport(Glibc)
import Glibc
#endif

/// Where the case store is: `--db`, else REDRESS_DB, else ./redress.sqlite.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The case store (default: REDRESS_DB, else ./redress.sqlite).", valueName: "path"))
    var db: String?

    @Option(help: ArgumentHelp("Who is running: a user of the store, whose role decides what the run may see (default: REDRESS_USER, else USER).",
                               valueName: "name"))
    var user: String?

    var path: String {
        db ?? Installation.environment("REDRESS_DB").flatMap { $0.isEmpty ? nil : $0 } ?? "./redress.sqlite"
    }

    /// Who the audit trail names and the redaction reads for.
    var userName: String? { user ?? Installation.currentUser }

    /// The store, which must exist (commands that read or add to one), read as the run's user.
    func existingStore() throws -> CaseStore {
        guard TextFile.exists(path) else {
            throw UsageError("--db: no store at '\(path)' (create one with `redress init`)")
        }
        return try open()
    }

    /// Opens the store as the run's user, warning when the file is readable by anyone.
    func open() throws -> CaseStore {
        var status = stat()
        if stat(path, &status) == 0 && status.st_mode & S_IROTH != 0 {
            printError("redress: warning: \(path) is readable by every user of this machine and holds personal data (chmod 600 \(path))")
        }
        let store = try CaseStore(path: path)
        try store.identify(userName)
        return store
    }

    /// The store when there is one. A store named with --db must exist; the default may be
    /// absent, and then there is none (nil).
    func optionalStore() throws -> CaseStore? {
        guard TextFile.exists(path) else {
            if db != nil { throw UsageError("--db: no store at '\(path)' (create one with `redress init --db \(path)`)") }
            return nil
        }
        return try open()
    }

    /// Runs `body` in one transaction of the store when there is one: all it writes is kept, or,
    /// when it throws, nothing. Without a store `body` runs alone (`sql()` says so if called).
    func run(_ state: LuaState, _ body: () throws -> Void) throws {
        guard let store = try optionalStore() else {
            try body()
            return
        }
        state.recorder.actor = userName
        try state.withTransaction(on: store, body)
    }
}

/// `redress init --policy NAME|PATH`: create a store bound to a policy pack.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a case store bound to a policy pack (default: hos-code, the Housing Ombudsman's Code).",
        discussion: reflowed("""
            The pack is loaded and checked first; a pack with a problem changes nothing. The store
            file is created readable by its owner only (it holds personal data). The store keeps
            the pack's content hash, and every later run refuses a pack file with another hash.
            Running init again with the same pack changes nothing; an edited version of the pack
            is bound with `redress policy rebind` (a manager, recorded in the audit log); another
            pack is refused.

            Examples:
              redress init                                  # ./redress.sqlite, hos-code
              redress init --policy wdh --db wdh.sqlite
              redress init --policy ./my-pack.lua
            """)
    )

    @Option(help: ArgumentHelp("A pack name in Scripts/policies, or the path of a pack file.", valueName: "name|path"))
    var policy: String = "hos-code"

    @OptionGroup var store: StoreOptions
    @OptionGroup var options: GlobalOptions
    @OptionGroup var lua: LuaOptions

    func run() throws {
        let installation = try Installation.locate()
        let file = PolicyLoader.resolve(policy, scripts: installation.scripts)
        guard TextFile.exists(file) else {
            throw UsageError("--policy: no pack '\(policy)' (looked for \(file))")
        }
        let folder = file.contains("/") ? String(file[..<file.lastIndex(of: "/")!]) : "."
        let state = try lua.makeState(options, installation: installation, folder: folder, script: "redress init")
        let pack = try PolicyLoader.load(path: file, in: state)
        // The pack's calendar must build (its closure days inside the calendar's years). A new
        // store's calendar is Redress's table and the pack's closure days; a user's own change
        // files would hold for this run only, so one that changes it is refused.
        let holidays = try options.holidays(installation)
        let calendar = try holidays.bundled.calendar(pack.region, closures: pack.closures)
        if try holidays.given.calendar(pack.region, closures: pack.closures).version != calendar.version {
            throw UsageError("""
                --holidays: \(holidays.given.files.dropFirst().joined(separator: ", ")) would change the \(pack.region) calendar; \
                a store keeps its own calendar: create the store without them, then a manager records each day with \
                `redress calendar proclaim DATE NAME --db \(store.path)`
                """)
        }

        let existed = TextFile.exists(store.path)
        let caseStore = try CaseStore(path: store.path, creating: true)
        let source = PolicyCommand.source(of: policy, file: file)
        let binding = try caseStore.bind(to: pack, source: source, calendar: calendar, actor: store.userName)
        let stages = pack.stages.map { "stage \($0.name)" }.joined(separator: ", ")
        let done = binding == .unchanged ? "Unchanged" : existed ? "Bound" : "Created"
        print("\(done) \(store.path): policy \(pack.name) (\(pack.title)), \(stages), \(pack.region) calendar, pack hash \(pack.hash)")
    }
}
