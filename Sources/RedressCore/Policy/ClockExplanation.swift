import RedressCalendar

/// How a clock's due date was reached, step by step: the anchor event, the roll to a working
/// day, the count with every bank holiday and closure day it skipped, each extension with its
/// reason and agreement, the calendar and the clause. What an officer needs when a customer or the
/// Ombudsman asks "why that date?". Derived by replaying the case's events, like the date itself.
public struct ClockExplanation: Hashable, Sendable {
    /// A day the count passed over, and why it is not a working day.
    public struct Skipped: Hashable, Sendable {
        public let date: LocalDate
        /// `Saturday`, `Sunday`, or the holiday's or closure's name.
        public let reason: String
        /// `weekend`, `bank holiday` or `closure`.
        public let kind: String
    }

    /// An extension of the clock, as recorded.
    public struct Extension: Hashable, Sendable {
        /// When it was granted.
        public let on: LocalDate
        public let by: Duration
        public let reason: String?
        /// Whether the customer agreed to it.
        public let agreed: Bool
        /// The due date before and after it.
        public let from: LocalDate
        public let to: LocalDate
        /// The days it skipped, for an extension in working days.
        public let skipped: [Skipped]
    }

    public let clock: String
    public let stage: String
    public let round: Int
    /// The pack's clause the clock implements, when the pack names one.
    public let clause: String?
    public let duration: Duration
    public let anchor: Anchor
    public let anchorDate: LocalDate
    /// Where the count starts: the anchor date, or for working days the next working day when
    /// the anchor fell on a day off.
    public let start: LocalDate
    /// The days the start rolled over (empty when the anchor was a working day).
    public let rolledOver: [Skipped]
    /// The due date the rule gave, before extensions, and the days off the count skipped.
    public let due: LocalDate
    public let skipped: [Skipped]
    public let extensions: [Extension]
    /// The due date now, after extensions.
    public let dueNow: LocalDate
    public let met: LocalDate?
    public let calendarName: String
    public let calendarVersion: String
    /// For a clock met after its due date: how late, in working days on the calendar (the
    /// Code's unit), counting the working days after the due date up to the day it was met.
    public let lateBy: Int?

    public var metLate: Bool? { met.map { $0 > dueNow } }

    /// The same explanation with every extension's reason replaced by `text` (a redaction mask).
    public func withExtensionReasons(_ text: String) -> ClockExplanation {
        ClockExplanation(clock: clock, stage: stage, round: round, clause: clause, duration: duration, anchor: anchor,
                         anchorDate: anchorDate, start: start, rolledOver: rolledOver, due: due, skipped: skipped,
                         extensions: extensions.map {
                             Extension(on: $0.on, by: $0.by, reason: $0.reason == nil ? nil : text, agreed: $0.agreed,
                                       from: $0.from, to: $0.to, skipped: $0.skipped)
                         },
                         dueNow: dueNow, met: met, calendarName: calendarName, calendarVersion: calendarVersion, lateBy: lateBy)
    }

    /// The explanation as an officer reads it, one step a line.
    public var text: String {
        var lines = ["Clock \(clock) of stage \(stage)\(round > 1 ? " (round \(round))" : ""): due \(dueNow)"]
        if let clause { lines.append("  clause     \(clause)") }
        lines.append("  rule       \(duration) from \(anchor.rawValue.replacingUnderscores())")
        lines.append("  anchor     \(anchor.rawValue.replacingUnderscores()) on \(anchorDate) (\(anchorDate.weekday))")
        if !rolledOver.isEmpty {
            lines.append("  roll       not a working day: counting starts on \(start) (\(start.weekday)), past \(Self.list(rolledOver))")
        }
        switch duration.unit {
        case .workingDays:
            lines.append("  count      \(duration) after \(start): \(due)\(Self.skippedPhrase(skipped))")
        case .days, .weeks:
            lines.append("  count      \(duration) after \(anchorDate): \(due) (calendar days: weekends and holidays count)")
        case .months:
            lines.append("  count      \(duration) after \(anchorDate): \(due) (calendar months, clamped to the month's end)")
        }
        for e in extensions {
            var why = e.reason.map { "\"\($0)\"" } ?? "no reason recorded"
            if e.agreed { why += ", with the customer's agreement" }
            lines.append("  extended   on \(e.on) by \(e.by) (\(why)): \(e.from) to \(e.to)\(Self.skippedPhrase(e.skipped))")
        }
        if let met {
            if let lateBy, met > dueNow {
                lines.append("  met        \(met), late by \(Self.plural(lateBy, "working day"))\(lateBy == 0 ? " (met on a day off after its due date)" : "")")
            } else {
                lines.append("  met        \(met), on time")
            }
        }
        lines.append("  calendar   \(calendarName), version \(calendarVersion)")
        return lines.joined(separator: "\n")
    }

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    static func list(_ days: [Skipped]) -> String {
        days.map { "\($0.date) \($0.reason)" }.joined(separator: ", ")
    }

    /// "; skipped 2026-12-25 Christmas Day, 2026-12-28 Boxing Day (substitute day) and 4 weekend days"
    static func skippedPhrase(_ days: [Skipped]) -> String {
        let named = days.filter { $0.kind != "weekend" }
        let weekends = days.count - named.count
        var parts = named.map { "\($0.date) \($0.reason)" }
        if weekends > 0 { parts.append(plural(weekends, "weekend day")) }
        guard !parts.isEmpty else { return "" }
        let joined = parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
        return "; skipped \(joined)"
    }
}

/// Why `CaseState.explain` has no explanation to give.
public struct ExplanationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

extension CaseState {
    /// Explains the clock `name` of `stage` (the current stage when nil), in that stage's latest
    /// round, by replaying `events` as `replay` does and noting each extension of the clock.
    /// A clock the stage declares that has not started says which event it waits for.
    public static func explain(_ name: String, stage: String? = nil, events: [CaseEvent], pack: PolicyPack,
                               calendar: WorkingDayCalendar) throws -> ClockExplanation {
        var state = CaseState()
        var grants: [Int: [ClockExplanation.Extension]] = [:]   // by index into state.clocks
        for event in events {
            let before = state
            try state.apply(event, pack: pack, calendar: calendar)
            guard event.kind == .extended, let by = event.extensionBy else { continue }
            for (index, clock) in state.clocks.enumerated() where index < before.clocks.count
                && clock.dueNow != before.clocks[index].dueNow {
                let skipped = by.unit == .workingDays
                    ? try daysOff(after: before.clocks[index].dueNow, through: clock.dueNow, calendar: calendar) : []
                grants[index, default: []].append(.init(on: event.on, by: by, reason: event.reason, agreed: event.agreed,
                                                        from: before.clocks[index].dueNow, to: clock.dueNow, skipped: skipped))
            }
        }
        guard let stageName = stage ?? state.stage else {
            throw ExplanationError(message: "the case has no stage, so it has no clocks (it is not a complaint)")
        }
        guard let declared = pack.stage(stageName) else {
            throw ExplanationError(message: "unknown stage '\(stageName)' (the pack's stages: \(pack.stages.map(\.name).joined(separator: ", ")))")
        }
        let round = state.round(of: stageName)
        guard let index = state.clocks.firstIndex(where: { $0.name == name && $0.stage == stageName && $0.round == round }) else {
            if let rule = declared.clocks.first(where: { $0.name == name }) {
                throw ExplanationError(message: "clock \(name) of stage \(stageName) has not started: it runs from \(rule.anchor.rawValue.replacingUnderscores()), which has not been recorded")
            }
            let names = Set(declared.clocks.map(\.name) + state.clocks.filter { $0.stage == stageName }.map(\.name)).sorted()
            throw ExplanationError(message: "stage \(stageName) has no clock '\(name)' (its clocks: \(names.joined(separator: ", ")))")
        }
        let clock = state.clocks[index]
        var start = clock.anchorDate
        var rolled: [ClockExplanation.Skipped] = []
        var skipped: [ClockExplanation.Skipped] = []
        if clock.rule.duration.unit == .workingDays {
            if try !calendar.isWorkingDay(start) {
                start = try calendar.nextWorkingDay(after: start)
                rolled = try daysOff(after: LocalDate(dayNumber: clock.anchorDate.dayNumber - 1), through: LocalDate(dayNumber: start.dayNumber - 1), calendar: calendar)
            }
            skipped = try daysOff(after: start, through: clock.due, calendar: calendar)
        }
        return ClockExplanation(clock: name, stage: stageName, round: clock.round, clause: clock.rule.clause,
                                duration: clock.rule.duration, anchor: clock.rule.anchor, anchorDate: clock.anchorDate,
                                start: start, rolledOver: rolled, due: clock.due, skipped: skipped,
                                extensions: grants[index] ?? [], dueNow: clock.dueNow, met: clock.met,
                                calendarName: calendar.region.rawValue, calendarVersion: calendar.version,
                                lateBy: try clock.met.flatMap { met in met > clock.dueNow ? try calendar.workingDaysBetween(clock.dueNow, met) : nil })
    }

    /// The days off in (`after`, `through`]: weekends by name, holidays and closures by theirs.
    static func daysOff(after: LocalDate, through: LocalDate, calendar: WorkingDayCalendar) throws -> [ClockExplanation.Skipped] {
        guard through > after else { return [] }
        var days: [ClockExplanation.Skipped] = []
        for number in (after.dayNumber + 1)...through.dayNumber {
            let day = LocalDate(dayNumber: number)
            if let holiday = try calendar.holiday(on: day) {
                days.append(.init(date: day, reason: holiday.name, kind: holiday.kind.rawValue))
            } else if day.isWeekend {
                days.append(.init(date: day, reason: "\(day.weekday)", kind: "weekend"))
            }
        }
        return days
    }
}
