import ArgumentParser
import RedressCalendar
import RedressCore
import RedressLua

/// `redress check [PACK]`: run a pack's scenarios (every pack's, without PACK).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run a policy pack's scenarios (every pack's without PACK), or compare a pack with the Housing Ombudsman's Code (--code).",
        discussion: reflowed("""
            Each scenario runs in a throwaway store bound to the pack, never the user's store:
            its intake goes through cases.intake (the pack's triage), its steps through the case
            methods, and the case is compared with what the scenario expects. One line per
            scenario, `ok` or `FAIL` with what differed, then `N passed, N failed`. A pack error
            (a hook of the pack failing, not a refusal by the policy) fails its scenario with the
            file and line in the pack, the hook and the case, its traceback indented below.
            Triage is also run on each scenario's intake through a table that notes what it
            reads: a field that is neither a standard intake field nor one of the pack's facts
            fails the pack. A clock named outside the shared names (acknowledge, allocate,
            contact, escalation_window, respond) without `means` is a `warn` line, counted after
            the totals. Exit code 0 when every scenario passed, 1 when any failed (a pack that
            does not load, or carries no scenarios, fails), 2 on a usage error.

            With --code, the pack's declarations are compared with those of hos-code, the
            Housing Ombudsman's Complaint Handling Code 2024: the number of stages, each stage's
            clocks (acknowledge, respond...) by position and name, their anchors, lengths and
            extension caps, and the acceptance window. Each departure is listed with the Code
            provision (hos-code's own clause for it). A length in other units, or on a calendar
            with closure days, is longer when some start date from this year on gives a later due
            date. Then the pack's triage is compared with the acceptance window the pack declares:
            it is run (nothing is recorded) on the intake of each scenario it accepts as a
            complaint, dated on the window's last day and the day after it, and past the window
            with each declared exception given; a complaint the window excludes that triage
            accepts, or one it admits that triage excludes, is listed. Exit code 0 when there is
            no departure and no difference, 1 when there is.

            Examples:
              redress check                     # every pack
              redress check wdh
              redress check ./my-pack.lua
              redress check --code halton
            """)
    )

    @Argument(help: ArgumentHelp("A pack name in Scripts/policies, or the path of a pack file (default: every pack).",
                                 valueName: "pack"))
    var pack: String?

    @Flag(help: "Compare the pack's declarations with the Housing Ombudsman's Code (the hos-code pack) instead.")
    var code = false

    @OptionGroup var options: GlobalOptions
    @OptionGroup var lua: LuaOptions

    func validate() throws {
        if code && pack == nil { throw ValidationError("--code: name the pack to compare, e.g. redress check --code wdh") }
    }

    func run() throws {
        let installation = try Installation.locate()
        if code, let pack { return try compare(pack, installation: installation) }
        let files: [String]
        if let pack {
            let file = PolicyLoader.resolve(pack, scripts: installation.scripts)
            guard TextFile.exists(file) else { throw UsageError("pack: no pack '\(pack)' (looked for \(file))") }
            files = [file]
        } else {
            files = try PackCheck.packs(in: installation.scripts)
        }
        var passed = 0, failed = 0, warned = 0
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
                    if !result.traceback.isEmpty { print(Self.indented(result.traceback)) }
                    failed += 1
                }
            }
            // Names outside the shared vocabulary that the pack does not explain: warned, not failed.
            let options = try lua.stateOptions(options, installation: installation, folder: folder)
            for warning in (try? PackCheck.warnings(pack: file, options: options)) ?? [] {
                print("warn  \(name): \(warning)")
                warned += 1
            }
        }
        print("\(passed) passed, \(failed) failed" + (warned > 0 ? ", \(warned) warning\(warned == 1 ? "" : "s")" : ""))
        if failed > 0 { throw ExitCode(1) }
    }

    /// Lists the pack's departures from the Code.
    func compare(_ pack: String, installation: Installation) throws {
        let file = PolicyLoader.resolve(pack, scripts: installation.scripts)
        guard TextFile.exists(file) else { throw UsageError("pack: no pack '\(pack)' (looked for \(file))") }
        let folder = file.contains("/") ? String(file[..<file.lastIndex(of: "/")!]) : "."
        let state = try lua.makeState(options, installation: installation, folder: folder, script: "redress check --code")
        let ours = try PolicyLoader.load(path: file, in: state)
        let reference = try PolicyLoader.load(path: PolicyLoader.resolve("hos-code", scripts: installation.scripts), in: state)
        let holidays = try options.holidayData(installation)
        let calendar = try holidays.calendar(ours.region, closures: ours.closures)
        let sample = (try LocalDate(year: state.today.year, month: 1, day: 1))...calendar.last
        let departures = CodeComparison.departures(
            of: ours, on: calendar, from: reference, on: try holidays.calendar(reference.region, closures: reference.closures),
            sample: sample)
        let heading = "\(ours.name) against \(reference.name) (\(reference.title))"
        if departures.isEmpty {
            print("\(heading): no departures in its stages, clocks, extensions or acceptance window")
        } else {
            print("\(heading): \(departures.count) departure\(departures.count == 1 ? "" : "s")")
            for departure in departures { print("  \(departure)") }
        }
        // The pack against itself: its triage against the acceptance window it declares.
        let own = try PackCheck.acceptance(of: ours, path: file, calendar: calendar, in: state)
        if let rule = ours.acceptance {
            let heading = "\(ours.name)'s triage against its acceptance window (\(rule.summary))"
            switch own {
            case nil: print("\(ours.name) has no triage: the lifecycle applies its acceptance window (\(rule.summary)) alone")
            case let own? where own.isEmpty: print("\(heading): they agree")
            case let own?:
                print("\(heading): \(own.count) difference\(own.count == 1 ? "" : "s")")
                for difference in own { print("  \(difference)") }
            }
        }
        if !departures.isEmpty || own?.isEmpty == false { throw ExitCode(1) }
    }

    /// A traceback under a scenario's line: each of its lines indented, so that only scenarios
    /// start a line.
    static func indented(_ traceback: String) -> String {
        traceback.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n")
    }

    /// `Scripts/policies/wdh.lua` → `wdh`.
    static func packName(_ path: String) -> String {
        var name = Substring(path)
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if name.hasSuffix(".lua") { name = name.dropLast(4) }
        return String(name)
    }
}
