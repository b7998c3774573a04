import GRDB
import RedressCalendar

/// The annual complaints performance and service improvement report (Code 8.1): volumes by month
/// and stage, the share answered on time, categories, outcomes, remedies, complaints not
/// accepted and why, extensions, and learning actions, as one self-contained HTML page with
/// inline SVG charts. The governing body's response is published beside it; the self-assessment
/// against the Code is a separate document this report does not produce.
public struct AnnualReport: Sendable {
    public let year: ReportingYear
    public let landlord: String
    public let policy: String
    public let policyHash: String
    public let stages: [String]
    public let facts: ComplaintFacts
    /// The TSM figures, when the store knows its homes.
    public let tsm: TSMReport?
    public let asOf: LocalDate
    public let remedies: [(kind: String, items: Int, pence: Int)]
    public let remediesAccepted: Int
    public let remediesOffered: Int
    public let notAccepted: [(reason: String, count: Int)]
    public let extensions: [(reason: String, count: Int)]
    public let learning: [(ref: String?, action: String, area: String?, owner: String?, due: String?, done: String?)]
    public let withdrawn: Int

    public init(year: ReportingYear, asOf: LocalDate, facts: ComplaintFacts, stages: [String], homes: TSMHomes?, landlord: String,
                policy: String, policyHash: String, in db: Database) throws {
        self.year = year
        self.asOf = asOf
        self.facts = facts
        self.stages = stages
        self.landlord = landlord
        self.policy = policy
        self.policyHash = policyHash
        tsm = homes.map { TSMReport(year: year, facts: facts, stages: stages, homes: $0, landlord: landlord, policy: policy) }
        let span: StatementArguments = [year.first.description, year.last.description]
        remedies = try Row.fetchAll(db, sql: """
            SELECT i.kind, count(*) AS items, sum(i.amount_pence) AS pence
            FROM remedies m JOIN remedy_items i ON i.remedy_id = m.id WHERE m.offered BETWEEN ? AND ?
            GROUP BY i.kind ORDER BY pence DESC, i.kind
            """, arguments: span).map { ($0["kind"], $0["items"], $0["pence"]) }
        remediesOffered = try Int.fetchOne(db, sql: "SELECT count(*) FROM remedies WHERE offered BETWEEN ? AND ?", arguments: span) ?? 0
        remediesAccepted = try Int.fetchOne(db, sql: "SELECT count(*) FROM remedies WHERE offered BETWEEN ? AND ? AND accepted IS NOT NULL",
                                            arguments: span) ?? 0
        notAccepted = try Row.fetchAll(db, sql: """
            SELECT coalesce(exclusion_clause, exclusion_reason) AS reason, count(*) AS n FROM cases
            WHERE kind = 'complaint' AND status = 'excluded' AND received BETWEEN ? AND ?
            GROUP BY reason ORDER BY n DESC, reason
            """, arguments: span).map { ($0["reason"], $0["n"]) }
        extensions = try Row.fetchAll(db, sql: """
            SELECT reason, count(*) AS n FROM extensions WHERE granted BETWEEN ? AND ? GROUP BY reason ORDER BY n DESC, reason LIMIT 10
            """, arguments: span).map { ($0["reason"], $0["n"]) }
        learning = try Row.fetchAll(db, sql: """
            SELECT c.ref, l.action, l.area, l.owner, l.due, l.done FROM learning_actions l LEFT JOIN cases c ON c.id = l.case_id
            WHERE l.recorded BETWEEN ?1 AND ?2 OR l.done BETWEEN ?1 AND ?2 OR (l.recorded < ?1 AND l.done IS NULL)
            ORDER BY l.id
            """, arguments: span).map { ($0["ref"], $0["action"], $0["area"], $0["owner"], $0["due"], $0["done"]) }
        withdrawn = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM events e JOIN cases c ON c.id = e.case_id
            WHERE c.kind = 'complaint' AND e.type = 'withdrawn' AND e.on_date BETWEEN ? AND ?
            """, arguments: span) ?? 0
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let colors = ["#1f5fa8", "#e08a1e", "#3d9a50", "#8e44ad"]
    static let outcomeNames = ["upheld": "Upheld", "partly_upheld": "Partly upheld", "not_upheld": "Not upheld"]

    func stageTitle(_ stage: String) -> String {
        stage.allSatisfy(\.isNumber) ? "Stage \(stage)" : stage.prefix(1).uppercased() + stage.dropFirst()
    }

    /// The report as one HTML page.
    public var html: String {
        let counted = Array(stages.prefix(2))
        let months = year.months.map { month in
            ReportingYear.Period(name: Self.monthNames[month.month - 1],
                                 first: LocalDate(dayNumber: LocalDate.dayNumber(year: month.year, month: month.month, day: 1)),
                                 last: LocalDate(dayNumber: LocalDate.dayNumber(year: month.year, month: month.month,
                                                                                day: LocalDate.daysInMonth(year: month.year, month: month.month))))
        }
        var body: String = ""
        // Summary figures.
        body += "<section class=\"cards\">"
        let (code, own) = (OnTimeMeasure.withinCodeTimescales, OnTimeMeasure.byOwnDueDate)
        for stage in counted {
            let received = facts.entered(stage, in: year.whole).count
            let answered = facts.answered(stage, in: year.whole)
            let onTime = answered.filter { $0.isOnTime(code) }.count, byOwn = answered.filter { $0.isOnTime(own) }.count
            body += card(Figure.grouped(received), "\(stageTitle(stage)) complaints received")
            body += card(Figure.percent(onTime, of: answered.count),
                         "\(stageTitle(stage)) answered \(code.title) (\(onTime) of \(answered.count)); \(own.title): "
                         + "\(Figure.percent(byOwn, of: answered.count)) (\(byOwn))")
        }
        body += card(Figure.pounds(remedies.reduce(0) { $0 + $1.pence }), "remedies offered (\(remediesOffered) offers)")
        body += card(Figure.grouped(learning.count), "learning actions")
        body += "</section>"

        // Volumes by month and stage.
        let volumes = counted.enumerated().map { index, stage -> SVGChart.Series in
            let counts = months.map { facts.entered(stage, in: $0).count }
            return SVGChart.Series(name: "\(stageTitle(stage)) received", color: Self.colors[index % Self.colors.count],
                                   values: counts.map(Double.init), labels: counts.map(String.init))
        }
        body += figure(SVGChart.groupedBars(title: "Complaints received by month and stage, \(year)", groups: months.map(\.name), series: volumes,
                                            wholeNumbers: true),
                       caption: "Each complaint counts in the month it entered the stage: received at stage 1, or the escalation request at stage 2.")

        // The share answered on time, by quarter and stage: the Code's measure, and beside it
        // the answer by its own due date for a stage where the two differ in some quarter.
        var timeliness: [SVGChart.Series] = []
        for (index, stage) in counted.enumerated() {
            func shares(_ measure: OnTimeMeasure) -> [(Double, String)] {
                year.quarters.map { quarter in
                    let answered = facts.answered(stage, in: quarter)
                    let onTime = answered.filter { $0.isOnTime(measure) }.count
                    guard !answered.isEmpty else { return (0, "none") }
                    return (Double(onTime) * 100 / Double(answered.count), Figure.percent(onTime, of: answered.count))
                }
            }
            let byCode = shares(code), byOwn = shares(own)
            timeliness.append(SVGChart.Series(name: "\(stageTitle(stage)) \(code.title)", color: Self.colors[index % Self.colors.count],
                                              values: byCode.map(\.0), labels: byCode.map(\.1)))
            if byCode.map(\.1) != byOwn.map(\.1) {
                timeliness.append(SVGChart.Series(name: "\(stageTitle(stage)) \(own.title)",
                                                  color: Self.colors[(index + 2) % Self.colors.count],
                                                  values: byOwn.map(\.0), labels: byOwn.map(\.1)))
            }
        }
        body += figure(SVGChart.groupedBars(title: "Share answered on time, by quarter", groups: year.quarters.map { String($0.name.suffix(2)) },
                                            series: timeliness, maximum: 100),
                       caption: "Of the complaints answered in each quarter, the share answered \(code.title): \(code.definition). "
                       + "Where it differs, the share answered \(own.title) stands beside it: \(own.definition).")

        // Categories.
        var categories: [String: Int] = [:]
        for row in facts.entered(stages[0], in: year.whole) {
            categories[row.category?.replacingUnderscores() ?? "not categorised", default: 0] += 1
        }
        let categoryItems = categories.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { (label: $0.key, value: Double($0.value), text: String($0.value)) }
        body += figure(SVGChart.horizontalBars(title: "\(stageTitle(stages[0])) complaints by category", items: categoryItems, color: Self.colors[0]),
                       caption: "Complaints received at \(stageTitle(stages[0]).lowercased()) in the year, by the category recorded at intake.")

        // Outcomes. A confidential outcome reads as such to a viewer the pack does not let see
        // it (the store's redaction): it is counted apart rather than dropped.
        let withheld = facts.stages.contains { $0.outcome == StageFacts.confidential && year.whole.contains($0.responded ?? year.first.offset(days: -1)) }
        let outcomeNames = ["upheld", "partly_upheld", "not_upheld"] + (withheld ? [StageFacts.confidential] : [])
        var outcomeRows: String = ""
        for stage in counted {
            let answered = facts.answered(stage, in: year.whole)
            let cells: String = outcomeNames.map { outcome -> String in
                let count = answered.filter { $0.outcome == outcome }.count
                return "<td>\(count) (\(Figure.percent(count, of: answered.count)))</td>"
            }.joined()
            outcomeRows += "<tr><th scope=\"row\">\(HTML.escape(stageTitle(stage)))</th><td>\(answered.count)</td>\(cells)</tr>"
        }
        body += "<h2>Outcomes</h2><table><thead><tr><th></th><th>Answered</th><th>Upheld</th><th>Partly upheld</th><th>Not upheld</th>"
            + (withheld ? "<th>Confidential</th>" : "") + "</tr></thead><tbody>\(outcomeRows)</tbody></table>"
        if withheld {
            body += "<p>Confidential outcomes (a complaint about a member of staff, for example) are not shown to your role; they are counted apart.</p>"
        }

        // Remedies.
        let remedyItems = remedies.map { (label: $0.kind.replacingUnderscores(), value: Double($0.pence), text: "\(Figure.pounds($0.pence)) (\($0.items))") }
        body += figure(SVGChart.horizontalBars(title: "Remedies offered, by kind", items: remedyItems, color: Self.colors[2]),
                       caption: "Remedy items offered with decisions in the year, in pounds, with the number of items (apologies and practical actions are items of £0). "
                       + "\(remediesAccepted) of \(remediesOffered) offers are recorded as accepted.")

        // Complaints not accepted, and extensions.
        body += "<h2>Complaints not accepted</h2><p>The types of complaint the landlord refused to accept (Code 8.1), by the policy clause relied on.</p>"
        body += table(["Reason", "Complaints"], notAccepted.map { [$0.reason, String($0.count)] }, empty: "None in the year.")
        body += "<h2>Extensions</h2>"
        body += table(["Reason given", "Extensions"], extensions.map { [$0.reason, String($0.count)] }, empty: "None in the year.")
        body += "<p>\(withdrawn) complaint\(withdrawn == 1 ? " was" : "s were") withdrawn in the year.</p>"

        // Learning.
        body += "<h2>Learning and service improvements</h2><p>What is changing because of complaints (Code 9.1): actions recorded or done in the year, and those still open.</p>"
        body += table(["From", "Action", "Area", "Owner", "Due", "Done"],
                      learning.map { [$0.ref ?? "", $0.action, $0.area ?? "", $0.owner ?? "", $0.due ?? "", $0.done ?? "open"] },
                      empty: "No learning actions recorded.")

        // TSM.
        if let tsm {
            body += "<h2>Tenant Satisfaction Measures</h2><pre>\(HTML.escape(tsm.text))</pre>"
        } else {
            body += "<h2>Tenant Satisfaction Measures</h2><p>Not shown: the store has no <code>homes</code> setting (<code>redress settings set homes N</code>).</p>"
        }
        return """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(landlord)): complaints performance and service improvement report \(year)</title>
            <style>
            body { font-family: Helvetica, Arial, sans-serif; color: #111; max-width: 820px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
            h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { font-size: 1.2em; margin-top: 1.8em; border-bottom: 1px solid #ccc; }
            .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px; margin: 1.2em 0; }
            .card { border: 1px solid #ccc; border-radius: 6px; padding: 10px; } .card b { display: block; font-size: 1.5em; }
            figure { margin: 1.6em 0; } figcaption { font-size: 0.9em; color: #444; } svg { max-width: 100%; height: auto; }
            table { border-collapse: collapse; width: 100%; font-size: 0.95em; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e2e2e2; }
            pre { white-space: pre-wrap; font-size: 0.85em; background: #f6f6f6; padding: 10px; }
            footer { margin-top: 2em; font-size: 0.85em; color: #555; }
            </style>
            </head>
            <body>
            <h1>Complaints performance and service improvement report \(year)</h1>
            <p>\(HTML.escape(landlord)), \(year.span). Complaints handled under policy <code>\(HTML.escape(policy))</code>.</p>
            \(body)
            <footer>Produced by Redress on \(asOf) from the case store (policy \(HTML.escape(policy)), pack hash \(HTML.escape(policyHash))).
            Figures are counts of recorded events; the counting rules are written beside the Tenant Satisfaction Measures above.</footer>
            </body>
            </html>

            """
    }

    func card(_ figure: String, _ label: String) -> String {
        "<div class=\"card\"><b>\(HTML.escape(figure))</b>\(HTML.escape(label))</div>"
    }

    func figure(_ svg: String, caption: String) -> String {
        "<figure>\(svg)<figcaption>\(HTML.escape(caption))</figcaption></figure>"
    }

    func table(_ headings: [String], _ rows: [[String]], empty: String) -> String {
        guard !rows.isEmpty else { return "<p>\(HTML.escape(empty))</p>" }
        let head = headings.map { "<th>\(HTML.escape($0))</th>" }.joined()
        let body = rows.map { "<tr>" + $0.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>" }.joined()
        return "<table><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table>"
    }
}
