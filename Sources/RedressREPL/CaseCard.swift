import RedressCalendar
import RedressCore

/// A case as a short card: reference, kind, stage and status on the first line, then the
/// complainant, intake, summary and the next due clock with how it stands on "today".
///
///     C-2026-000012  complaint · stage 2 · open · overdue
///       complainant  Ann Example (party 4)
///       received     2026-09-23 · email · repairs
///       summary      Repair to the boiler was marked complete but it is still not working.
///       next due     acknowledge 2026-11-30 · overdue by 3 working days
///       waiting      respond waits for acknowledged (owed by the acknowledge clock)
///
/// and, where they apply, the other facts its triage was given (`facts`), how the pack's
/// acceptance window judged it (`window`), how it ended (`ended`), its latest remedy offer
/// (`remedy`), and the clocks waiting for the event they run from (`waiting`, one line per event).
struct CaseCard {
    let summary: CaseSummary
    let today: LocalDate

    func render(width: Int?) -> String {
        let s = summary
        var title = [s.kind] + (s.stage.map { ["stage \($0)"] } ?? []) + [s.status]
        if s.overdue { title.append("overdue") }
        var lines = ["\(s.ref)  " + title.joined(separator: " · ")]
        func add(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            let room = width.map { max(TextTable.narrowest, $0 - 15) }
            let text = TextTable.cell(value)
            lines.append("  " + label.padding(to: 13) + (room.map { TextTable.fit(text, to: $0) } ?? text))
        }
        add("complainant", s.complainant)
        add("received", ([s.received?.description] + [s.channel, s.category]).compactMap { $0 }.joined(separator: " · "))
        add("summary", s.summary)
        add("facts", s.facts)
        add("window", s.window)
        add("excluded", s.exclusion)
        add("ended", s.ended)
        add("remedy", s.remedy)
        if let due = s.nextDue {
            add("next due", "\(due.clock) \(due.date)" + (s.standing(on: today).map { " · " + $0 } ?? ""))
        }
        for (index, line) in s.waiting.enumerated() {
            add(index == 0 ? "waiting" : "", line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// The text padded with spaces to `width` characters (never cut).
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
