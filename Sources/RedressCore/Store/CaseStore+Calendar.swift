import GRDB
import RedressCalendar

/// A change a manager made to a store's calendar (a row of `calendar_changes`).
public struct CalendarChange: Hashable, Sendable {
    public enum Action: String, CaseIterable, Sendable {
        /// A bank holiday proclaimed in the named regions.
        case add
        /// A bank holiday taken away in the named regions (a moved or cancelled day).
        case remove
        /// A closure day of the landlord's own (every region).
        case close
        /// A closure day of the store's taken back.
        case reopen
    }

    public let date: LocalDate
    public let action: Action
    /// The regions a bank-holiday change applies to; every region for a closure.
    public let regions: [Region]
    public let name: String
    /// Who made it and when (nil for a change not yet recorded).
    public let actor: String?
    public let at: String?

    public init(date: LocalDate, action: Action, regions: [Region], name: String, actor: String? = nil, at: String? = nil) {
        self.date = date
        self.action = action
        self.regions = action == .close || action == .reopen ? Region.allCases : regions
        self.name = name
        self.actor = actor
        self.at = at
    }

    /// The longest name a change may have.
    public static let maximumNameLength = 200
}

/// The calendar a store owns: its own changes (after Redress's bundled table of one-off
/// bank-holiday changes), its closure days (the pack's and the store's), and the calendar
/// version its due dates were last computed with.
public struct StoreCalendar: Equatable, Sendable {
    /// The store's changes, in the order made.
    public let changes: [CalendarChange]
    /// The calendar version recorded when the store's due dates were last computed (`redress
    /// init`, a change, a recompute); nil for a store that has not recorded one yet.
    public let recordedVersion: String?

    /// The store's bank-holiday changes, as the calendar applies them after the bundled ones.
    public var holidayChanges: [HolidayChange] {
        changes.enumerated().compactMap { index, change in
            let action: HolidayChange.Action
            switch change.action {
            case .add: action = .add
            case .remove: action = .remove
            case .close, .reopen: return nil
            }
            return HolidayChange(date: change.date, regions: change.regions, action: action, name: change.name,
                                 origin: "the store's calendar change \(index + 1) (\(change.action.rawValue) \(change.date))")
        }
    }

    /// The store's own closure days in force: each `close` not taken back by a later `reopen`.
    public var closures: [Holiday] {
        var open: [Int: Holiday] = [:]
        for change in changes {
            switch change.action {
            case .close: open[change.date.dayNumber] = Holiday(date: change.date, name: change.name, kind: .closure)
            case .reopen: open[change.date.dayNumber] = nil
            case .add, .remove: break
            }
        }
        return open.values.sorted { $0.date < $1.date }
    }

    /// The working-day calendar of `region`: the standing rules, `holidays` (Redress's bundled
    /// table, and any other files given), the store's changes, then the pack's closure days
    /// and the store's.
    public func calendar(_ region: Region, holidays: HolidayData, packClosures: [Holiday]) throws(CalendarError) -> WorkingDayCalendar {
        try WorkingDayCalendar(region: region, changes: holidays.changes + holidayChanges, closures: packClosures + closures)
    }

    /// Reads the store's calendar inside the caller's transaction.
    public static func read(in db: Database) throws -> StoreCalendar {
        let rows = try Row.fetchAll(db, sql: "SELECT date, action, regions, name, actor, at FROM main.calendar_changes ORDER BY id")
        let changes = try rows.map { row throws -> CalendarChange in
            let dateText: String = row["date"], actionText: String = row["action"], regionsText: String = row["regions"]
            guard let date = try? LocalDate(iso: dateText), let action = CalendarChange.Action(rawValue: actionText) else {
                throw StoreError(message: "calendar_changes holds an unreadable row (\(actionText) \(dateText))")
            }
            let regions = try regionsText == "all" ? Region.allCases : regionsText.split(separator: ",").map { name throws -> Region in
                guard let region = Region(rawValue: String(name)) else {
                    throw StoreError(message: "calendar_changes holds an unknown region '\(name)'")
                }
                return region
            }
            return CalendarChange(date: date, action: action, regions: regions, name: row["name"], actor: row["actor"], at: row["at"])
        }
        let recorded = try String.fetchOne(db, sql: "SELECT value FROM main.settings WHERE key = 'calendar_version'")
        return StoreCalendar(changes: changes, recordedVersion: recorded)
    }
}

/// A due date a calendar change moved.
public struct ClockMove: Hashable, Sendable, CustomStringConvertible {
    public let ref: String
    public let stage: String
    public let round: Int
    public let clock: String
    /// The date the answer was owed by (extensions included), before and after.
    public let from: LocalDate
    public let to: LocalDate

    public var description: String {
        "\(ref) \(stage)\(round > 1 ? " (round \(round))" : "") \(clock): \(from) -> \(to)"
    }
}

/// What a change of a store's calendar did.
public struct CalendarRecompute: Sendable {
    public let previousVersion: String?
    public let version: String
    /// The open clocks looked at, and those whose due date moved.
    public let openClocks: Int
    public let moves: [ClockMove]
}

/// A clock whose stored due date is not what its case's events give under the store's calendar.
public struct ClockDisagreement: Hashable, Sendable, CustomStringConvertible {
    public let ref: String
    public let stage: String
    public let round: Int
    public let clock: String
    public let problem: String

    public var description: String { "\(ref) \(stage)\(round > 1 ? " (round \(round))" : "") \(clock): \(problem)" }
}

extension CaseStore {
    /// The store's calendar changes and recorded version.
    public func storeCalendar() throws(StoreError) -> StoreCalendar {
        try read { db in try StoreCalendar.read(in: db) }
    }

    /// Refuses bank-holiday files a user gave a run (`given`: the bundled table, then
    /// `--holidays` and REDRESS_HOLIDAYS files) that would change the calendar of the store's
    /// region. A store keeps its own calendar, so that every run, job and report on it counts
    /// the same working days: a change goes in with `redress calendar proclaim`, which moves
    /// the due dates it affects, never into one run only. Files that repeat the store's own
    /// calendar are accepted.
    public static func checkHolidayFiles(_ given: HolidayData, bundled: HolidayData, storePath: String, in db: Database) throws {
        guard given.files.count > bundled.files.count,
              let regionName = try String.fetchOne(db, sql: "SELECT value FROM main.settings WHERE key = 'region'"),
              let region = Region(rawValue: regionName) else { return }
        let own = try StoreCalendar.read(in: db)
        let calendar = try own.calendar(region, holidays: bundled, packClosures: [])
        let withGiven = try own.calendar(region, holidays: given, packClosures: [])
        guard withGiven.version != calendar.version else { return }
        var differences: [String] = []
        var seen: Set<LocalDate> = []
        for change in given.changes.dropFirst(bundled.changes.count) where change.regions.contains(region) && seen.insert(change.date).inserted {
            let before = try calendar.holiday(on: change.date), after = try withGiven.holiday(on: change.date)
            if before == after { continue }
            if let after {
                differences.append("redress calendar proclaim \(change.date) \"\(after.name)\" --region \(region) --db \(storePath)")
            } else if let before {
                differences.append("redress calendar proclaim --remove \(change.date) \"\(before.name)\" --region \(region) --db \(storePath)")
            }
        }
        throw StoreError(message: """
            --holidays: the bank-holiday changes in \(given.files.dropFirst(bundled.files.count).joined(separator: ", ")) (--holidays, REDRESS_HOLIDAYS) would change the \(region) calendar of \(storePath) \
            for this run only. A store keeps its own calendar, so that every run, job and report on it counts the same working days; \
            a manager records the change, which moves the due dates it affects: \(differences.joined(separator: "; "))
            """)
    }

    /// The calendar of a store's runs: the region's standing rules, `bundled` (Redress's table
    /// of one-off changes), the store's own changes, the pack's closure days and the store's.
    /// Refused when its version is not the one the store's due dates were computed with
    /// (Redress's table or the pack's closure days changed since): the message says how to see
    /// the dates that differ and how a manager moves them.
    public static func calendar(_ region: Region, packClosures: [Holiday], bundled: HolidayData, storePath: String,
                                in db: Database) throws -> WorkingDayCalendar {
        let own = try StoreCalendar.read(in: db)
        let calendar = try own.calendar(region, holidays: bundled, packClosures: packClosures)
        if let recorded = own.recordedVersion, recorded != calendar.version {
            throw StoreError(message: """
                the calendar of \(storePath) has changed since its due dates were computed (calendar version \(recorded) then, \
                \(calendar.version) now: Redress's table of bank-holiday changes or the pack's closure days differ). \
                `redress doctor --db \(storePath)` lists the due dates that differ; a manager moves them with \
                `redress calendar recompute --db \(storePath)`
                """)
        }
        return calendar
    }

    /// The calendar of a run on this store with `pack`, after both checks above: `given` is
    /// the bundled table and the files the user gave.
    public func calendar(for pack: PolicyPack, bundled: HolidayData, given: HolidayData) throws(StoreError) -> WorkingDayCalendar {
        try read { db in
            try Self.checkHolidayFiles(given, bundled: bundled, storePath: path, in: db)
            return try Self.calendar(pack.region, packClosures: pack.closures, bundled: bundled, storePath: path, in: db)
        }
    }

    /// Records `change` (when not nil) in the store's calendar and recomputes every open
    /// clock's due date under the result: each clock whose date moves is updated and gets a
    /// `clock_moved` event (old and new due date, both calendar versions); a met clock keeps
    /// its history. The new version is recorded. A manager's act (anyone's, in a store without
    /// users). All or nothing: a change that is not a change (a bank holiday proclaimed on a
    /// bank holiday, a weekend), or a case whose events cannot be replayed under the new
    /// calendar, changes nothing.
    public func changeCalendar(_ change: CalendarChange?, pack: PolicyPack, bundled: HolidayData, actor: String?,
                               script: String) throws -> CalendarRecompute {
        try writeThrowingAny { db in
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM users") ?? 0 > 0 {
                guard let actor, let user = try? Self.user(actor, in: db), user.disabled == nil, user.role == "manager" else {
                    throw StoreError(message: "--user: only a manager changes the store's calendar (\(actor.map { "'\($0)'" } ?? "nobody") is not one)")
                }
            }
            let before = try StoreCalendar.read(in: db)
            let now = Timestamp.nowUTC()
            if let change {
                try Self.checkChange(change, against: before, region: pack.region, bundled: bundled, packClosures: pack.closures)
                try db.execute(sql: "INSERT INTO main.calendar_changes(date, action, regions, name, actor, at) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [change.date.description, change.action.rawValue,
                                           change.regions == Region.allCases ? "all" : change.regions.map(\.rawValue).joined(separator: ","),
                                           change.name, actor, now])
            }
            let calendar = try StoreCalendar.read(in: db).calendar(pack.region, holidays: bundled, packClosures: pack.closures)
            let (open, moves) = try Self.recomputeOpenClocks(pack: pack, calendar: calendar, actor: actor, script: script, at: now, in: db)
            try Self.setSetting("calendar_version", calendar.version, in: db)
            var data = ["version": calendar.version, "moved": String(moves.count)]
            if let previous = before.recordedVersion { data["previous_version"] = previous }
            if let change {
                data["date"] = change.date.description
                data["action"] = change.action.rawValue
                data["name"] = change.name
                data["regions"] = change.regions.map(\.rawValue).joined(separator: ",")
            }
            try db.execute(sql: "INSERT INTO main.events(type, at, actor, script, data) VALUES (?, ?, ?, ?, ?)",
                           arguments: [change == nil ? "calendar_recomputed" : "calendar_changed", now, actor, script, JSON.object(data)])
            return CalendarRecompute(previousVersion: before.recordedVersion, version: calendar.version, openClocks: open, moves: moves)
        }
    }

    /// Refuses a change that changes nothing or contradicts the calendar it is made to.
    static func checkChange(_ change: CalendarChange, against own: StoreCalendar, region: Region, bundled: HolidayData,
                            packClosures: [Holiday]) throws {
        let name = change.name.trimmingSpaces()
        guard !name.isEmpty, change.name.count <= CalendarChange.maximumNameLength else {
            throw InputError(field: "name", message: "expected the day's name, 1 to \(CalendarChange.maximumNameLength) characters, got '\(change.name)'")
        }
        guard WorkingDayCalendar.years.contains(change.date.year) else {
            throw InputError(field: "date", message: "\(change.date) is outside the calendar's years \(WorkingDayCalendar.years.lowerBound)–\(WorkingDayCalendar.years.upperBound)")
        }
        guard !change.date.isWeekend || change.action == .remove || change.action == .reopen else {
            throw InputError(field: "date", message: "\(change.date) is a \(change.date.weekday): never a working day, so there is nothing to change (a bank holiday that falls at a weekend is proclaimed on its substitute weekday)")
        }
        for region in change.action == .close || change.action == .reopen ? [region] : change.regions {
            let calendar = try own.calendar(region, holidays: bundled, packClosures: packClosures)
            let day = try calendar.holiday(on: change.date)
            switch change.action {
            case .add:
                if let day { throw InputError(field: "date", message: "\(change.date) is already \(day.kind == .closure ? "a closure day" : "a bank holiday") in \(region): \(day.name)") }
            case .remove:
                guard let day, day.kind == .bankHoliday else {
                    throw InputError(field: "date", message: "\(change.date) is not a bank holiday in \(region), so it cannot be removed")
                }
            case .close:
                if let day { throw InputError(field: "date", message: "\(change.date) is already a day off in \(region): \(day.name)") }
            case .reopen:
                guard own.closures.contains(where: { $0.date == change.date }) else {
                    throw InputError(field: "date", message: "\(change.date) is not one of the store's own closure days (a pack's closure days change with the pack)")
                }
            }
        }
    }

    /// Replays every open case that has an unmet clock under `calendar`, and writes each unmet
    /// clock's due date and version: (open clocks, the moves). Met clocks are left as recorded.
    static func recomputeOpenClocks(pack: PolicyPack, calendar: WorkingDayCalendar, actor: String?, script: String,
                                    at now: String, in db: Database) throws -> (Int, [ClockMove]) {
        let rows = try Row.fetchAll(db, sql: """
            SELECT k.id, k.case_id, c.ref, k.stage, k.round, k.name, k.due, k.extended_due, k.calendar_version
            FROM main.clocks k JOIN main.cases c ON c.id = k.case_id
            WHERE k.met IS NULL AND c.status = 'open' ORDER BY k.case_id, k.id
            """)
        var moves: [ClockMove] = []
        var states: [Int64: CaseState] = [:]
        for row in rows {
            let caseID: Int64 = row["case_id"], ref: String = row["ref"]
            let stage: String = row["stage"], round: Int = row["round"], name: String = row["name"]
            let state: CaseState
            if let known = states[caseID] {
                state = known
            } else {
                do {
                    state = try CaseState.replay(events(ofCase: caseID, in: db), pack: pack, calendar: calendar)
                } catch let error as LifecycleError {
                    throw StoreError(message: "case \(ref) cannot be replayed under the new calendar (\(error)); nothing was changed")
                }
            }
            states[caseID] = state
            guard let clock = state.clocks.first(where: { $0.stage == stage && $0.round == round && $0.name == name }) else {
                throw StoreError(message: "case \(ref): its \(stage) \(name) clock is not one its events start; nothing was changed (see `redress doctor`)")
            }
            let oldDue: String = row["due"], oldExtended: String? = row["extended_due"], oldVersion: String = row["calendar_version"]
            let newExtended = clock.dueNow == clock.due ? nil : clock.dueNow.description
            let id: Int64 = row["id"]
            if clock.due.description != oldDue || newExtended != oldExtended {
                let from = try LocalDate(iso: oldExtended ?? oldDue)
                moves.append(ClockMove(ref: ref, stage: stage, round: round, clock: name, from: from, to: clock.dueNow))
                try db.execute(sql: "UPDATE main.clocks SET due = ?, extended_due = ?, calendar_version = ? WHERE id = ?",
                               arguments: [clock.due.description, newExtended, calendar.version, id])
                var data = ["stage": stage, "clock": name, "old_due": from.description, "new_due": clock.dueNow.description,
                            "old_calendar": oldVersion, "new_calendar": calendar.version]
                if round > 1 { data["round"] = String(round) }
                try db.execute(sql: "INSERT INTO main.events(case_id, type, on_date, at, actor, script, data) VALUES (?, 'clock_moved', ?, ?, ?, ?, ?)",
                               arguments: [caseID, String(now.prefix(10)), now, actor, script, JSON.object(data)])
            } else if oldVersion != calendar.version {
                try db.execute(sql: "UPDATE main.clocks SET calendar_version = ? WHERE id = ?", arguments: [calendar.version, id])
            }
        }
        return (rows.count, moves)
    }

    /// Every clock whose stored due date disagrees with a replay of its case's events under
    /// `calendar` (the store's), every open clock computed with another calendar, and every
    /// clock an open case's events start that the store does not hold. A clock met, or of a
    /// case closed, under an earlier calendar is history and is not reported.
    public func clockDisagreements(pack: PolicyPack, calendar: WorkingDayCalendar) throws -> [ClockDisagreement] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT k.case_id, c.ref, c.status, k.stage, k.round, k.name, k.due, k.extended_due, k.met, k.met_late,
                       k.calendar_version
                FROM main.clocks k JOIN main.cases c ON c.id = k.case_id ORDER BY k.case_id, k.id
                """)
            var found: [ClockDisagreement] = []
            var states: [Int64: Result<CaseState, LifecycleError>] = [:]
            for row in rows {
                let caseID: Int64 = row["case_id"], ref: String = row["ref"], status: String = row["status"]
                let stage: String = row["stage"], round: Int = row["round"], name: String = row["name"]
                let version: String = row["calendar_version"], met: String? = row["met"]
                func disagree(_ problem: String) { found.append(ClockDisagreement(ref: ref, stage: stage, round: round, clock: name, problem: problem)) }
                // A clock met, or of a case no longer open, under an earlier calendar is history.
                if (met != nil || status != "open") && version != calendar.version { continue }
                let replayed: Result<CaseState, LifecycleError>
                if let known = states[caseID] {
                    replayed = known
                } else {
                    do {
                        replayed = .success(try CaseState.replay(Self.events(ofCase: caseID, in: db), pack: pack, calendar: calendar))
                    } catch let error as LifecycleError {
                        replayed = .failure(error)
                    }
                }
                states[caseID] = replayed
                let state: CaseState
                switch replayed {
                case .success(let replayedState): state = replayedState
                case .failure(let error):
                    disagree("its events cannot be replayed under the store's calendar: \(error)")
                    continue
                }
                guard let clock = state.clocks.first(where: { $0.stage == stage && $0.round == round && $0.name == name }) else {
                    disagree("stored, but its case's events do not start it")
                    continue
                }
                let due: String = row["due"], extended: String? = row["extended_due"]
                let storedNow = extended ?? due
                if clock.due.description != due || clock.dueNow.description != storedNow {
                    disagree("stored due \(storedNow), but the store's calendar gives \(clock.dueNow) (calendar \(version) stored, \(calendar.version) now)")
                } else if met == nil && status == "open" && version != calendar.version {
                    disagree("computed with calendar \(version), not the store's \(calendar.version) (the date agrees; `redress calendar recompute` records it)")
                } else if let met, let late = row["met_late"] as Int?, (late == 1) != (met > clock.dueNow.description) {
                    disagree("met \(met) stored as \(late == 1 ? "late" : "on time"), but due \(clock.dueNow)")
                }
            }
            // And no clock an open case's events start may be missing from the store.
            var stored: [Int64: Set<String>] = [:]
            for row in rows { stored[row["case_id"], default: []].insert("\(row["stage"] as String)/\(row["round"] as Int)/\(row["name"] as String)") }
            for row in try Row.fetchAll(db, sql: "SELECT id, ref FROM main.cases WHERE status = 'open' ORDER BY id") {
                let caseID: Int64 = row["id"], ref: String = row["ref"]
                let state: CaseState
                switch states[caseID] {
                case .success(let known)?: state = known
                case .failure?: continue
                case nil:
                    do {
                        state = try CaseState.replay(Self.events(ofCase: caseID, in: db), pack: pack, calendar: calendar)
                    } catch let error as LifecycleError {
                        found.append(ClockDisagreement(ref: ref, stage: "-", round: 1, clock: "-",
                                                       problem: "its events cannot be replayed under the store's calendar: \(error)"))
                        continue
                    }
                }
                for clock in state.clocks where !(stored[caseID] ?? []).contains("\(clock.stage)/\(clock.round)/\(clock.name)") {
                    found.append(ClockDisagreement(ref: ref, stage: clock.stage, round: clock.round, clock: clock.name,
                                                   problem: "its case's events start it (due \(clock.dueNow)), but the store holds no such clock"))
                }
            }
            return found
        }
    }
}
