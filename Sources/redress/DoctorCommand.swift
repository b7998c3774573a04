import ArgumentParser
import RedressCore
import RedressLua

/// `redress doctor`: checks a store for what would make its answers wrong.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check a store: the file, the pack binding, the calendar, and every stored due date against a replay of its case.",
        discussion: reflowed("""
            Each problem is printed with what to do; exit code 0 when there is none, 1 when there
            is. Nothing is changed. Every clock's stored due date is compared with a replay of its
            case's events under the store's calendar (Redress's table of bank-holiday changes,
            the store's own changes, the pack's and the store's closure days); a met clock
            computed under an earlier calendar is history and is not reported.

            Example:
              redress doctor --db wdh.sqlite
            """))

    @OptionGroup var store: StoreOptions

    func run() throws {
        let caseStore = try store.existingStore()
        let installation = try Installation.locate()
        var problems: [String] = []
        let check = try caseStore.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
        if check != ["ok"] { problems += check.map { "file: \($0)" } }
        let pack: PolicyPack
        do {
            pack = try loadBoundPack(of: caseStore, installation: installation)
        } catch {
            problems.append("pack: \(error)")
            try finish(problems)
            return
        }
        let bundled = try HolidayData.load(files: [installation.bankHolidayChanges])
        let own = try caseStore.storeCalendar()
        let calendar = try own.calendar(pack.region, holidays: bundled, packClosures: pack.closures)
        switch own.recordedVersion {
        case nil:
            problems.append("calendar: the store has not recorded the calendar version its due dates were computed with (a store made before Redress kept it); `redress calendar recompute --db \(caseStore.path)` records it")
        case let recorded? where recorded != calendar.version:
            problems.append("calendar: due dates were computed with calendar version \(recorded), the store's calendar is now \(calendar.version); `redress calendar recompute --db \(caseStore.path)` (a manager) moves the dates listed below")
        default:
            break
        }
        problems += try caseStore.clockDisagreements(pack: pack, calendar: calendar).map { "clock: \($0)" }
        try finish(problems)
    }

    private func finish(_ problems: [String]) throws {
        if problems.isEmpty {
            print("ok: \(store.path)")
            return
        }
        for problem in problems { print(problem) }
        print("\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(store.path)")
        throw ExitCode(1)
    }
}
