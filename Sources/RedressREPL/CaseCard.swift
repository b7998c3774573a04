import RedressCalendar
import RedressCore

/// A case as a short card: reference, kind, stage and status on the first line, then the
/// complainant, intake, summary and the next due clock with how it stands on "today".
///
///     C-2026-000012  complaint · stage 2 · open · overdue
///       complainant  Ann Example (party 4)
///       received     2026-09-23 · email · repairs
///       summary      Repair to the boiler was marked complete but it is still not working.
///       next due     acknowledge 2026-11-30 · overdue by 3 days
///
/// and, where they apply, how it ended (`ended`) and its latest remedy offer (`remedy`).
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
        add("excluded", s.exclusion)
        add("ended", s.ended)
        add("remedy", s.remedy)
        if let due = s.nextDue {
            add("next due", "\(due.clock) \(due.date)" + (s.standing(on: today).map { " · " + $0 } ?? ""))
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
