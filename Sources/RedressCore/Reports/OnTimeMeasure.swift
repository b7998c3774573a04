/// A way of counting a stage's answer as on time. Redress counts two, each defined here and
/// nowhere else: its name (the column of the `complaint_stages` view and of the quarterly CSV),
/// its title and one-line definition (printed beside every figure counted by it), and the SQL
/// that decides it (the view's column, which the reports read and Lua's `sql()` reads too).
///
/// They differ when an acknowledgement was late but the answer was not: the Regulator's CH02
/// counts both dates (`withinCodeTimescales`); a clock-by-clock count of `clock_status`'s
/// response clocks gives `byOwnDueDate`.
public struct OnTimeMeasure: Sendable, Hashable {
    /// `within_code_timescales`: the column name, in `complaint_stages` and the reports' CSV.
    public let name: String
    /// `within the Code's timescales`: how a figure names it.
    public let title: String
    /// One line: what is counted as on time.
    public let definition: String
    /// SQL true (1) when a stage's answer is on time by this measure, over the stage's
    /// `acknowledge` clock `a` and `respond` clock `r` (rows of `clocks`, either may be missing),
    /// for a stage whose response is recorded (`r.met` not NULL).
    let condition: String

    /// The Regulator's CH02 measure: both the acknowledgement and the answer by their due dates.
    /// The Regulator's clarification of 19 September 2023 counts the dates a complaint was
    /// received, acknowledged and responded to (research/domain.md section 3).
    public static let withinCodeTimescales = OnTimeMeasure(
        name: "within_code_timescales",
        title: "within the Code's timescales",
        definition: "acknowledged by the acknowledgement's due date (where the stage has an acknowledge clock) and "
            + "answered by the response's due date, each after any extension the pack allows",
        condition: "r.met <= coalesce(r.extended_due, r.due) AND (a.id IS NULL OR a.met <= coalesce(a.extended_due, a.due))")

    /// The answer by its own due date alone, as the response clock's `met_late` says.
    public static let byOwnDueDate = OnTimeMeasure(
        name: "by_own_due_date",
        title: "by its own due date",
        definition: "answered by the response's due date after any extension the pack allows, whatever the acknowledgement",
        condition: "r.met <= coalesce(r.extended_due, r.due)")

    /// Both, the Code's first: every report shows them side by side.
    public static let all = [withinCodeTimescales, byOwnDueDate]

    /// Whom the share is of, for both measures.
    public static let denominator = "the complaints answered at the stage in the period (its respond clock met)"

    /// The measures' definitions as lines: `within the Code's timescales (within_code_timescales):
    /// acknowledged by ...`.
    public static var definitions: [String] {
        all.map { "\($0.title) (\($0.name)): \($0.definition)" }
    }

    /// The SQL column of the measure: 1 on time, 0 not, NULL while the stage is unanswered.
    var column: String {
        "CASE WHEN r.met IS NULL THEN NULL WHEN \(condition) THEN 1 ELSE 0 END AS \(name)"
    }
}
