import ArgumentParser
import RedressCalendar
import RedressCore
import RedressLua

/// The store's bound pack, its hash checked like every run's.
func loadBoundPack(of caseStore: CaseStore, installation: Installation) throws -> PolicyPack {
    var stateOptions = LuaState.Options()
    stateOptions.scripts = installation.scripts
    return try PolicyLoader.loadBound(caseStore, scripts: installation.scripts, in: LuaState(options: stateOptions))
}

/// Prints what a change of the store's calendar did: the versions, and each due date moved.
func printRecompute(_ result: CalendarRecompute) {
    print("Calendar version \(result.previousVersion ?? "(not recorded)") -> \(result.version)")
    if result.moves.isEmpty {
        print("No due date moved (\(result.openClocks) open clock\(result.openClocks == 1 ? "" : "s") checked).")
    } else {
        print("Moved \(result.moves.count) due date\(result.moves.count == 1 ? "" : "s") of \(result.openClocks) open clock\(result.openClocks == 1 ? "" : "s"):")
        for move in result.moves { print("  \(move)") }
    }
}

extension CalendarCommand {
    /// `redress calendar proclaim DATE NAME`: a bank holiday the store's calendar gains (or,
    /// with --remove, loses), and every open due date it moves.
    struct Proclaim: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a proclaimed bank holiday to the store's calendar, or take one away, and move the due dates it affects (a manager).",
            discussion: reflowed("""
                The change is kept in the store with who made it and when, so that every run, job
                and REPL session on the store counts it, whatever flags they are given. Every open
                clock is computed again: each due date that moves is updated, recorded as a
                clock_moved event (old and new date, both calendar versions) and printed. Met
                clocks keep their history. A day that is already a bank holiday, or a weekend, is
                refused, and nothing changes.

                Examples:
                  redress calendar proclaim 2027-06-07 "Jubilee bank holiday" --user jmanager
                  redress calendar proclaim --remove 2027-05-03 "Early May bank holiday"
                """))

        @Argument(help: ArgumentHelp("The day.", valueName: "date")) var date: String
        @Argument(help: ArgumentHelp("Its name, as the proclamation gives it.", valueName: "name")) var name: String
        @Flag(help: "Take the bank holiday away (moved or cancelled by proclamation).") var remove = false
        @Option(name: .customLong("region"),
                help: ArgumentHelp("A region it applies to (repeatable; default: the store's): \(Region.validNames).", valueName: "region"))
        var regions: [String] = []
        @OptionGroup var store: StoreOptions

        func run() throws {
            let regions = try self.regions.map { name throws -> Region in
                do { return try Region(name: name) } catch { throw UsageError("--region: \(error)") }
            }
            let day = try parseDate(date, argument: "date")
            try CalendarCommand.change(store: store, script: "redress calendar proclaim") { pack in
                CalendarChange(date: day, action: remove ? .remove : .add, regions: regions.isEmpty ? [pack.region] : regions, name: name)
            }
        }
    }

    /// `redress calendar close DATE NAME`: a closure day of the landlord's own.
    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a closure day of the landlord's own to the store's calendar (or --reopen one), and move the due dates it affects (a manager).",
            discussion: reflowed("""
                A closure day is not a working day for any clock of the store. The pack's own closure
                days (its `calendar.closures`) change only with the pack.

                Examples:
                  redress calendar close 2027-12-29 "Office closed" --user jmanager
                  redress calendar close --reopen 2027-12-29 "Office open after all"
                """))

        @Argument(help: ArgumentHelp("The day.", valueName: "date")) var date: String
        @Argument(help: ArgumentHelp("Why the office is closed (or reopened).", valueName: "name")) var name: String
        @Flag(help: "Take back one of the store's own closure days.") var reopen = false
        @OptionGroup var store: StoreOptions

        func run() throws {
            let day = try parseDate(date, argument: "date")
            try CalendarCommand.change(store: store, script: "redress calendar close") { _ in
                CalendarChange(date: day, action: reopen ? .reopen : .close, regions: Region.allCases, name: name)
            }
        }
    }

    /// `redress calendar recompute`: the store's due dates computed again under its calendar.
    struct Recompute: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute every open due date again under the store's calendar and record it (a manager).",
            discussion: reflowed("""
                For a store whose calendar changed under it: a new Redress with a newer table of
                bank-holiday changes, or a pack rebound with other closure days. Runs refuse such a
                store until this is done; `redress doctor` lists the dates it will move.

                Example:
                  redress calendar recompute --user jmanager
                """))

        @OptionGroup var store: StoreOptions

        func run() throws {
            try CalendarCommand.change(store: store, script: "redress calendar recompute") { _ in nil }
        }
    }

    /// `redress calendar changes`: the store's own calendar changes.
    struct Changes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The store's own calendar changes: proclaimed bank holidays and closure days, who made them and when.")

        @OptionGroup var store: StoreOptions

        func run() throws {
            let own = try store.existingStore().storeCalendar()
            print("calendar version \(own.recordedVersion ?? "(not recorded)")")
            if own.changes.isEmpty { print("no changes of the store's own") }
            for change in own.changes {
                let regions = change.action == .close || change.action == .reopen ? "all" : change.regions.map(\.rawValue).joined(separator: ",")
                print("\(change.date)  \(change.action.rawValue.padding(6))  \(regions)  \(change.name)  (\(change.actor ?? "unknown"), \(change.at ?? ""))")
            }
        }
    }

    /// Records a change of `store`'s calendar (`make`'s, nil for none) and prints what moved.
    static func change(store: StoreOptions, script: String, _ make: (PolicyPack) -> CalendarChange?) throws {
        let caseStore = try store.existingStore()
        let installation = try Installation.locate()
        let pack = try loadBoundPack(of: caseStore, installation: installation)
        let bundled = try HolidayData.load(files: [installation.bankHolidayChanges])
        let change = make(pack)
        let result = try caseStore.changeCalendar(change, pack: pack, bundled: bundled, actor: store.userName, script: script)
        if let change {
            let regions = change.action == .close || change.action == .reopen ? "every region" : change.regions.map(\.rawValue).joined(separator: ", ")
            let verb = ["add": "Proclaimed", "remove": "Removed", "close": "Closed", "reopen": "Reopened"][change.action.rawValue] ?? ""
            print("\(verb) \(change.date) \(change.name) (\(regions)) in \(caseStore.path)")
        } else {
            print("Recomputed the due dates of \(caseStore.path)")
        }
        printRecompute(result)
    }
}

private extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
