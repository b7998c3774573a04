/// The Regulator of Social Housing's Tenant Satisfaction Measures for complaints, from the store:
/// CH01 (stage one and stage two complaints received per 1,000 homes) and CH02 (the proportion
/// of each answered within the Housing Ombudsman's Complaint Handling Code timescales).
public struct TSMReport: Sendable {
    /// One stage's figures.
    public struct StageFigures: Sendable, Equatable {
        public let stage: String
        public let received: Int
        public let answered: Int
        /// Answered on time, by measure name (`OnTimeMeasure.name`).
        public let onTime: [String: Int]

        /// Answered on time by `measure`.
        public func answeredOnTime(_ measure: OnTimeMeasure) -> Int { onTime[measure.name] ?? 0 }
    }

    /// One tenure's figures (`lcra`, `lcho`), over its own homes when the store has them.
    public struct TenureFigures: Sendable, Equatable {
        public let tenure: String
        public let name: String
        public let setting: String
        public let homes: Int?
        public let stageOne: StageFigures
        public let stageTwo: StageFigures?
    }

    public let year: ReportingYear
    public let homes: TSMHomes
    public let landlord: String
    public let policy: String
    public let stageOne: StageFigures
    public let stageTwo: StageFigures?
    /// Each tenure's figures, LCRA first.
    public let tenures: [TenureFigures]
    /// The complaints counted here (in CH01 or CH02) whose tenure was not recorded: they count
    /// in the totals only. Their references, in order.
    public let tenureUnknown: [String]
    /// Of those, the stage entries counted in each figure: CH01(1), CH01(2), CH02(1), CH02(2).
    public let tenureUnknownCounts: [Int]
    /// Stages after the second, which the measures do not count.
    public let laterStages: [String]

    /// The figures for `year` from `facts`. `stages` are the pack's stages in order: its first
    /// is stage one and its second stage two.
    public init(year: ReportingYear, facts: ComplaintFacts, stages: [String], homes: TSMHomes, landlord: String, policy: String) {
        func figures(_ stage: String, _ keep: (StageFacts) -> Bool) -> StageFigures {
            let answered = facts.answered(stage, in: year.whole).filter(keep)
            var onTime: [String: Int] = [:]
            for measure in OnTimeMeasure.all { onTime[measure.name] = answered.filter { $0.isOnTime(measure) }.count }
            return StageFigures(stage: stage, received: facts.entered(stage, in: year.whole).filter(keep).count, answered: answered.count,
                                onTime: onTime)
        }
        func both(_ keep: (StageFacts) -> Bool) -> (StageFigures, StageFigures?) {
            (figures(stages[0], keep), stages.count > 1 ? figures(stages[1], keep) : nil)
        }
        self.year = year
        self.homes = homes
        self.landlord = landlord
        self.policy = policy
        (stageOne, stageTwo) = both { _ in true }
        tenures = TSMHomes.tenures.map { t in
            let (one, two) = both { $0.tenure == t.tenure }
            return TenureFigures(tenure: t.tenure, name: t.name, setting: t.setting, homes: homes.byTenure[t.tenure], stageOne: one, stageTwo: two)
        }
        let (one, two) = both { $0.tenure == nil }
        tenureUnknownCounts = [one.received, two?.received ?? 0, one.answered, two?.answered ?? 0]
        var unknown: [String] = []
        for row in facts.stages where row.tenure == nil && stages.prefix(2).contains(row.stage)
            && (year.whole.contains(row.entered) || row.responded.map(year.whole.contains) == true) && !unknown.contains(row.ref) {
            unknown.append(row.ref)
        }
        tenureUnknown = unknown
        laterStages = Array(stages.dropFirst(2))
    }

    /// The return as text: the figures, then by tenure, then how they were counted.
    public var text: String {
        var lines = [
            "Tenant Satisfaction Measures: complaints (CH01, CH02)",
            "\(landlord), policy \(policy)",
            "Reporting year \(year): \(year.span)",
            "Homes: \(Figure.grouped(homes.total)) (\(homes.source))",
            "",
        ]
        let counted = [("1", stageOne), ("2", stageTwo)].compactMap { number, figures in figures.map { (number, $0) } }
        func name(_ number: String, _ figures: StageFigures) -> String {
            figures.stage == number ? "stage \(number)" : "stage \(number) (the pack's stage '\(figures.stage)')"
        }
        for (number, figures) in counted {
            lines.append("CH01(\(number)) \(name(number, figures)) complaints received per 1,000 homes: "
                         + "\(Figure.per1000(figures.received, of: homes.total))  (\(figures.received) received)")
        }
        let (code, own) = (OnTimeMeasure.withinCodeTimescales, OnTimeMeasure.byOwnDueDate)
        for (number, figures) in counted {
            let onTime = figures.answeredOnTime(code), byOwn = figures.answeredOnTime(own)
            lines.append("CH02(\(number)) \(name(number, figures)) complaints responded to \(code.title): "
                         + "\(Figure.percent(onTime, of: figures.answered))  (\(onTime) of \(figures.answered) responded to)")
            lines.append("        responded to \(own.title): "
                         + "\(Figure.percent(byOwn, of: figures.answered))  (\(byOwn) of \(figures.answered))")
        }
        if stageTwo == nil { lines.append("CH01(2), CH02(2): the pack has one stage only") }
        lines += [""] + byTenure
        lines += ["", "\"On time\", of \(OnTimeMeasure.denominator):"]
            + OnTimeMeasure.definitions.map { "- " + $0 }
        lines += ["", "How these were counted", ""] + TSMReport.rules.map { "- " + $0 }
        if !laterStages.isEmpty {
            lines.append("- The pack's later stages (\(laterStages.joined(separator: ", "))) are not counted: the Code has two stages (5.3).")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The figures by tenure, as a table beside the totals, and what was not counted by tenure.
    var byTenure: [String] {
        let recorded = tenures.contains { $0.stageOne.received + $0.stageOne.answered
            + ($0.stageTwo.map { $0.received + $0.answered } ?? 0) > 0 }
        guard recorded || !homes.byTenure.isEmpty else {
            return ["By tenure: not split. No complaint counted here has a tenure recorded (intake field `tenure`: lcra or lcho), "
                    + "and the store has no homes_lcra or homes_lcho setting. A landlord with both low-cost rental (LCRA) and "
                    + "low-cost home ownership (LCHO) homes reports CH01 and CH02 for each."]
        }
        let (code, own) = (OnTimeMeasure.withinCodeTimescales, OnTimeMeasure.byOwnDueDate)
        var rows: [[String]] = [[""] + tenures.map(\.name) + ["total"]]
        rows.append(["homes"] + tenures.map { $0.homes.map(Figure.grouped) ?? "not set (\($0.setting))" } + [Figure.grouped(homes.total)])
        func received(_ f: StageFigures, _ homes: Int?) -> String {
            guard let homes else { return "n/a (\(f.received) received)" }
            return "\(Figure.per1000(f.received, of: homes)) (\(f.received))"
        }
        func share(_ f: StageFigures, _ measure: OnTimeMeasure) -> String {
            "\(Figure.percent(f.answeredOnTime(measure), of: f.answered)) (\(f.answeredOnTime(measure)) of \(f.answered))"
        }
        let stages: [(number: String, of: (TenureFigures) -> StageFigures?, total: StageFigures?)] = [
            ("1", { $0.stageOne }, stageOne), ("2", { $0.stageTwo }, stageTwo),
        ]
        for stage in stages {
            guard let total = stage.total else { continue }
            rows.append(["CH01(\(stage.number)) received per 1,000 homes"]
                        + tenures.map { t in stage.of(t).map { received($0, t.homes) } ?? "n/a" } + [received(total, homes.total)])
        }
        for stage in stages {
            guard let total = stage.total else { continue }
            for measure in [code, own] {
                let label = measure == code ? "CH02(\(stage.number)) \(code.title)" : "        \(own.title)"
                rows.append([label] + tenures.map { stage.of($0).map { share($0, measure) } ?? "n/a" } + [share(total, measure)])
            }
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = ["By tenure: low-cost rental (LCRA) and low-cost home ownership (LCHO), each CH01 over that tenure's homes"]
        lines += rows.map { row in
            "  " + row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 2)
            }.joined()
        }
        for tenure in tenures where tenure.homes == nil && (tenure.stageOne.received > 0 || (tenure.stageTwo?.received ?? 0) > 0) {
            lines.append("\(tenure.name) complaints but no \(tenure.setting) setting: its CH01 needs its homes "
                         + "(`redress settings set \(tenure.setting) N`).")
        }
        if !tenureUnknown.isEmpty {
            let shown = tenureUnknown.prefix(10).joined(separator: ", ")
                + (tenureUnknown.count > 10 ? " and \(tenureUnknown.count - 10) more" : "")
            let c = tenureUnknownCounts
            lines.append("Tenure not recorded for \(tenureUnknown.count) complaint\(tenureUnknown.count == 1 ? "" : "s") counted here "
                         + "(\(shown)): in the totals only, not in LCRA or LCHO, so the two do not add up to the total "
                         + "(CH01(1) \(c[0]), CH01(2) \(c[1]) received; CH02(1) \(c[2]), CH02(2) \(c[3]) answered). "
                         + "Record each one's tenure with c:set_tenure{ tenure = \"lcra\" or \"lcho\", reason = \"...\" }.")
        }
        return lines
    }

    /// The counting rules, with how sure each is (domain.md section 3: [V] checked against the
    /// Regulator's or the Ombudsman's text, [V2] against a secondary source, [U] not verified).
    public static let rules = [
        "Reporting year: the financial year, 1 April to 31 March [U: the Regulator's 'Reporting year and year end dates' section was not read].",
        "CH01: 'Number of stage one (two) complaints received per 1,000 homes' (RSH TSM Technical Requirements) [V name; V2 formula]: "
            + "complaints that entered the stage in the year, divided by homes and multiplied by 1,000.",
        "A complaint escalated to stage two in the year counts in CH01(2), and in CH01(1) if stage one also began in the year [U: likely reading].",
        "Complaints not accepted (excluded at intake, with the reason given to the customer) are not counted; "
            + "complaints later withdrawn are counted as received [U].",
        "Homes: the store's `homes` setting (or, without it, homes_lcra + homes_lcho), the landlord's homes of both tenures [U: "
            + "the 'Relevant social housing stock' section was not read].",
        "By tenure: CH01 and CH02 for low-cost rental accommodation (LCRA: general needs, supported housing, intermediate rent, "
            + "temporary social housing) and low-cost home ownership (LCHO: shared ownership not fully staircased) apart, where a "
            + "landlord has both [V: separate figures; V2: what each tenure holds]; each CH01 over that tenure's homes "
            + "(homes_lcra, homes_lcho) [V2]. A case's tenure is the intake field `tenure`; a complaint without one counts in "
            + "the totals only, and is listed.",
        "CH02: 'Proportion of stage one (two) complaints responded to within the Housing Ombudsman's Complaint Handling Code timescales' "
            + "[V name; V2 formula]: of the complaints answered at the stage in the year, the share answered within the timescales.",
        "CH02 counts answers \(OnTimeMeasure.withinCodeTimescales.title) (defined above), following the Regulator's clarification of "
            + "19 September 2023 that received, acknowledged and responded dates all count [V2]. "
            + "The line below each CH02 figure counts answers \(OnTimeMeasure.byOwnDueDate.title).",
        "A response within an extension the pack allows (with its reason recorded) counts as within the timescale [U: believed, "
            + "given the 15 March 2024 update].",
        "Due dates are the pack's, on its working-day calendar (the Code: stage one acknowledged in 5 working days and answered in 10 "
            + "from acknowledgement; stage two in 5 and 20) [V].",
        "A complaint withdrawn before its response has no response and is not in the CH02 denominator [U].",
    ]
}
