import RedressCalendar
import RedressCore

/// What a case's card and a row of a case table show: read from the case table the cases API
/// returns (`ref`, `kind`, `status`, `stage`, `clocks`, `overdue`...).
struct CaseSummary: Equatable, Sendable {
    /// A clock still to be met.
    struct Due: Equatable, Sendable {
        var clock: String
        var date: LocalDate
        /// Working days past its due date (when overdue) or until it, by the pack's calendar.
        var lateBy: Int?
        var dueIn: Int?
    }

    var ref: String
    var kind: String
    var stage: String?
    var status: String
    var received: LocalDate?
    var channel: String?
    var category: String?
    var summary: String?
    /// The complainant's party id, and name when the store has one.
    var complainantID: Int64?
    var complainantName: String?
    /// The earliest unmet clock of an open case's current stage.
    var nextDue: Due?
    /// True when any of an open case's clocks is past due.
    var overdue: Bool
    /// Why an excluded case was excluded, with the clause.
    var exclusion: String?
    /// The latest remedy offer and how it stands: `£90.00 offered 2027-01-13 · accepted 2027-03-10`.
    var remedy: String?
    /// How a case that is no longer open ended (other than by exclusion), with the pack's
    /// outcome or ground and the reason: `escalation declined 2026-08-26 · unacceptable_behaviour: threats`.
    var ended: String?
    /// The clocks waiting for the event they run from (`c.waiting`), one line per event, with what
    /// limits the wait: `contact, respond wait for logged since 2026-11-02 · owed by 2026-11-09,
    /// 5 working days late`.
    var waiting: [String] = []
    /// The facts its triage was given that the card's other lines do not show:
    /// `aware_date 2026-03-01 · event_date 2025-01-01 · ombudsman_instruction`.
    var facts: String?
    /// How the pack's acceptance window judged it (`intake_window.text`), when it was dated.
    var window: String?

    /// Facts the card shows on its other lines (or that name a party).
    static let factsShownElsewhere: Set<String> = ["received", "channel", "category", "summary", "complainant", "representative"]

    /// Reads a case table; nil when `table` lacks a case's `ref`, `kind` and `status`.
    init?(_ table: ShownTable, complainantName: (Int64) -> String?) {
        guard case .string(let ref)? = table["ref"], case .string(let kind)? = table["kind"],
              case .string(let status)? = table["status"] else { return nil }
        func text(_ key: String) -> String? {
            switch table[key] {
            case .string(let value)?: value
            case .integer(let value)?: String(value)
            default: nil
            }
        }
        self.ref = ref
        self.kind = kind
        self.status = status
        stage = text("stage")
        if case .date(let date)? = table["received"] { received = date }
        channel = text("channel")
        category = text("category")
        summary = text("summary")
        if case .integer(let id)? = table["complainant"] {
            complainantID = id
            self.complainantName = complainantName(id)
        }
        overdue = table["overdue"] == .boolean(true)
        if let exclusion = table["exclusion"]?.table, case .string(let reason)? = exclusion["reason"] {
            if case .string(let clause)? = exclusion["clause"] {
                self.exclusion = "\(reason) (\(clause))"
            } else {
                self.exclusion = reason
            }
        }
        if let offer = table["remedy"]?.table, case .integer(let pence)? = offer["pence"], case .date(let offered)? = offer["offered"],
           case .string(let state)? = offer["state"] {
            var standing = state
            switch state {
            case "accepted", "declined": if case .date(let day)? = offer[state] { standing += " \(day)" }
            case "lapsed": if case .date(let day)? = offer["accept_by"] { standing += " \(day)" }
            default: if case .date(let day)? = offer["accept_by"] { standing += ", to accept by \(day)" }
            }
            remedy = "\(Figure.pounds(Int(pence))) offered \(offered) · \(standing)"
        }
        if let closure = table["closure"]?.table, case .string(let by)? = closure["by"], by != "excluded" {
            var text = by.replacingOccurrences(of: "_", with: " ")
            if case .date(let day)? = closure["on"] { text += " \(day)" }
            if case .string(let outcome)? = closure["outcome"] { text += " · " + outcome }
            if case .string(let reason)? = closure["reason"] { text += (closure["outcome"] == nil ? " · " : ": ") + reason }
            ended = text
        }
        waiting = Self.waiting(table["waiting"]?.table)
        if let kept = table["intake_facts"]?.table {
            let parts = kept.fields.compactMap { field -> String? in
                guard case .string(let name) = field.key, !Self.factsShownElsewhere.contains(name) else { return nil }
                switch field.value {
                case .boolean(true): return name
                case .boolean(false): return "\(name) false"
                case .string(let text): return "\(name) \(text)"
                case .date(let day): return "\(name) \(day)"
                case .integer(let number): return "\(name) \(number)"
                case .number(let number): return "\(name) \(number)"
                default: return "\(name) {…}"
                }
            }
            if !parts.isEmpty { facts = parts.joined(separator: " · ") }
        }
        // An intake with no date to count from shows no window (`redress explain` says so).
        if let kept = table["intake_window"]?.table, case .string(let text)? = kept["text"], kept["result"] != .string("undated") {
            window = text
        }
        if status == "open", let clocks = table["clocks"]?.table {
            for case .table(let clock) in clocks.array {
                guard clock["met"] == nil, case .date(let due)? = clock["due"], case .string(let name)? = clock["name"],
                      clock["stage"] == stage.map(Shown.string), clock["round"] == table["round"] else { continue }
                var next = Due(clock: name, date: due)
                if case .integer(let n)? = clock["late_by"] { next.lateBy = Int(n) }
                if case .integer(let n)? = clock["due_in"] { next.dueIn = Int(n) }
                if nextDue == nil || due < nextDue!.date { nextDue = next }
            }
        }
    }

    /// `c.waiting` as the card shows it: the clocks grouped by the event they wait for, in the
    /// order the events first come.
    static func waiting(_ list: ShownTable?) -> [String] {
        var events: [String] = []
        var clocks: [String: [String]] = [:]
        var first: [String: ShownTable] = [:]
        for case .table(let entry) in list?.array ?? [] {
            guard case .string(let clock)? = entry["clock"], case .string(let event)? = entry["from"] else { continue }
            if clocks[event] == nil {
                events.append(event)
                first[event] = entry
            }
            clocks[event, default: []].append(clock)
        }
        return events.map { event in
            let entry = first[event]!
            let names = clocks[event]!
            var line = names.joined(separator: ", ") + (names.count == 1 ? " waits" : " wait") + " for " + event
            func days(_ key: String) -> String? {
                guard case .integer(let n)? = entry[key] else { return nil }
                return "\(n) working day\(n == 1 ? "" : "s")"
            }
            if case .string(let owner)? = entry["bounded_by"] {
                return line + " (owed by the \(owner) clock)"
            }
            if case .date(let since)? = entry["since"] { line += " since \(since)" }
            if case .date(let owed)? = entry["owed_by"] {
                line += " · owed by \(owed)"
                if let late = days("late_by") { line += ", \(late) late" } else if let left = days("due_in") { line += ", in \(left)" }
            } else {
                if let waited = days("waited") { line += " · \(waited)" }
                if case .string(let note)? = entry["note"] { line += "; " + note } else { line += "; the pack sets no limit" }
            }
            return line
        }
    }

    /// The complainant as the card names them: `Ann Example (party 4)`.
    var complainant: String? {
        guard let complainantID else { return nil }
        return complainantName.map { "\($0) (party \(complainantID))" } ?? "party \(complainantID)"
    }

    /// How late the next due clock is on `today`, in working days as the Code counts (calendar
    /// days, said so, when the pack's calendar did not count it); nil when it is not late.
    func overdue(on today: LocalDate) -> String? {
        guard let nextDue, nextDue.date < today else { return nil }
        if let n = nextDue.lateBy { return "\(n) working day\(n == 1 ? "" : "s")" }
        let days = today.dayNumber - nextDue.date.dayNumber
        return "\(days) calendar day\(days == 1 ? "" : "s")"
    }

    /// How the next due clock stands on `today`: `overdue by 3 working days`, `due today`,
    /// `in 5 working days`.
    func standing(on today: LocalDate) -> String? {
        guard let nextDue else { return nil }
        if nextDue.date == today { return "due today" }
        if let late = overdue(on: today) { return "overdue by " + late }
        if let n = nextDue.dueIn { return "in \(n) working day\(n == 1 ? "" : "s")" }
        let days = nextDue.date.dayNumber - today.dayNumber
        return "in \(days) calendar day\(days == 1 ? "" : "s")"
    }
}
