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

    public let year: ReportingYear
    public let homes: Int
    public let landlord: String
    public let policy: String
    public let stageOne: StageFigures
    public let stageTwo: StageFigures?
    /// Stages after the second, which the measures do not count.
    public let laterStages: [String]

    /// The figures for `year` from `facts`. `stages` are the pack's stages in order: its first
    /// is stage one and its second stage two.
    public init(year: ReportingYear, facts: ComplaintFacts, stages: [String], homes: Int, landlord: String, policy: String) {
        func figures(_ stage: String) -> StageFigures {
            let answered = facts.answered(stage, in: year.whole)
            var onTime: [String: Int] = [:]
            for measure in OnTimeMeasure.all { onTime[measure.name] = answered.filter { $0.isOnTime(measure) }.count }
            return StageFigures(stage: stage, received: facts.entered(stage, in: year.whole).count, answered: answered.count,
                                onTime: onTime)
        }
        self.year = year
        self.homes = homes
        self.landlord = landlord
        self.policy = policy
        stageOne = figures(stages[0])
        stageTwo = stages.count > 1 ? figures(stages[1]) : nil
        laterStages = Array(stages.dropFirst(2))
    }

    /// The return as text: the figures, then how they were counted.
    public var text: String {
        var lines = [
            "Tenant Satisfaction Measures: complaints (CH01, CH02)",
            "\(landlord), policy \(policy)",
            "Reporting year \(year): \(year.span)",
            "Homes: \(Figure.grouped(homes)) (the store's `homes` setting)",
            "",
        ]
        let counted = [("1", stageOne), ("2", stageTwo)].compactMap { number, figures in figures.map { (number, $0) } }
        func name(_ number: String, _ figures: StageFigures) -> String {
            figures.stage == number ? "stage \(number)" : "stage \(number) (the pack's stage '\(figures.stage)')"
        }
        for (number, figures) in counted {
            lines.append("CH01(\(number)) \(name(number, figures)) complaints received per 1,000 homes: "
                         + "\(Figure.per1000(figures.received, of: homes))  (\(figures.received) received)")
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
        lines += ["", "\"On time\", of \(OnTimeMeasure.denominator):"]
            + OnTimeMeasure.definitions.map { "- " + $0 }
        lines += ["", "How these were counted", ""] + TSMReport.rules.map { "- " + $0 }
        if !laterStages.isEmpty {
            lines.append("- The pack's later stages (\(laterStages.joined(separator: ", "))) are not counted: the Code has two stages (5.3).")
        }
        return lines.joined(separator: "\n") + "\n"
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
        "Homes: the store's `homes` setting, one figure for the landlord; the Regulator asks for LCRA and LCHO separately [V], "
            + "which this store does not distinguish.",
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
