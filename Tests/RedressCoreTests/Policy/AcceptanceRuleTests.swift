import RedressCalendar
import Testing
@testable import RedressCore

/// The acceptance window as the lifecycle applies it. The boundary dates are worked by hand from
/// the seed policies' words and the calendar: the Code 2.3 ("within 12 months of the issue
/// occurring or the resident becoming aware of the issue", from the later of the two: domain.md
/// 1.3), WDH's Exclusions ("Complaints made six months after a problem occurred or the customer
/// became aware of it"), and a month's count clamped to the month's end (31 August + 6 months is
/// 28 February).
@Suite struct AcceptanceRuleTests {
    static let calendar = TestData.calendar(.englandAndWales)
    static let code = AcceptanceRule(window: Duration(12, .months), clause: "Code 2.3")
    static let wdh = AcceptanceRule(window: Duration(6, .months), onTheDay: .excluded,
                                    exceptions: [.init(fact: "ombudsman_instruction", clause: "Exclusions")], clause: "Exclusions")

    func judge(_ rule: AcceptanceRule, received: String, event: String? = nil, aware: String? = nil,
               given: Set<String> = []) throws -> AcceptanceFinding {
        var dates: [String: LocalDate] = [:]
        if let event { dates["event_date"] = TestData.date(event) }
        if let aware { dates["aware_date"] = TestData.date(aware) }
        return try rule.judge(received: TestData.date(received), dates: dates, given: given, calendar: Self.calendar)
    }

    @Test(arguments: [
        // The Code: the same day 12 months on is inside (hos-code's scenarios).
        ("2025-12-22", "2026-12-22", AcceptanceFinding.Result.within),
        ("2025-12-21", "2026-12-22", .outside),
        // 12 months from 29 February 2024 ends on 28 February 2025.
        ("2024-02-29", "2025-02-28", .within),
        ("2024-02-29", "2025-03-01", .outside),
        // From 28 February 2023, the last day is 28 February 2024: 29 February is outside.
        ("2023-02-28", "2024-02-28", .within),
        ("2023-02-28", "2024-02-29", .outside),
    ])
    func theCodesTwelveMonths(event: String, received: String, result: AcceptanceFinding.Result) throws {
        #expect(try judge(Self.code, received: received, event: event).result == result)
    }

    @Test(arguments: [
        // WDH: made on the day six months on is made six months after (wdh.lua's scenarios).
        ("2026-06-22", "2026-12-21", AcceptanceFinding.Result.within),
        ("2026-06-22", "2026-12-22", .outside),
        ("2026-06-23", "2026-12-22", .within),
        // Six months from 31 August 2025 reach 28 February 2026, which is already outside.
        ("2025-08-31", "2026-02-27", .within),
        ("2025-08-31", "2026-02-28", .outside),
    ])
    func wdhsSixMonths(event: String, received: String, result: AcceptanceFinding.Result) throws {
        #expect(try judge(Self.wdh, received: received, event: event).result == result)
    }

    @Test func aComplaintThreeMonthsAndADayAfterAwarenessIsOutsideAThreeMonthWindow() throws {
        let rule = AcceptanceRule(window: Duration(3, .months), clause: "Time limits")
        // Aware on 1 March 2026: the last day is 1 June; 2 June is three months and a day on.
        let inside = try judge(rule, received: "2026-06-01", aware: "2026-03-01")
        #expect(inside.result == .within)
        #expect(inside.lastDay == TestData.date("2026-06-01"))
        let outside = try judge(rule, received: "2026-06-02", aware: "2026-03-01")
        #expect(outside.result == .outside)
        #expect(outside.fact == "aware_date")
        #expect(outside.exclusionReason == "the complaint was made on 2026-06-02, after the last day the policy allows for it, 2026-06-01 (3 months from 2026-03-01, when you became aware of it)")
    }

    @Test func theWindowRunsFromTheLaterOfTheFactsItNames() throws {
        // hos-code's scenario: an issue of 10 January 2025 learned of on 1 March 2026.
        let later = try judge(Self.code, received: "2026-12-22", event: "2025-01-10", aware: "2026-03-01")
        #expect(later.result == .within)
        #expect(later.fact == "aware_date")
        #expect(later.start == TestData.date("2026-03-01"))
        // A window from the problem alone ignores when the customer learned of it.
        var fromProblem = Self.code
        fromProblem.from = ["event_date"]
        let problem = try judge(fromProblem, received: "2026-12-22", event: "2025-01-10", aware: "2026-03-01")
        #expect(problem.result == .outside)
        #expect(problem.lastDay == TestData.date("2026-01-10"))
    }

    @Test func anExceptionTheIntakeGivesLetsAComplaintOutsideIn() throws {
        // WDH's scenario: the Ombudsman instructs WDH to enter a complaint about 5 January 2026.
        let instructed = try judge(Self.wdh, received: "2026-12-22", event: "2026-01-05", given: ["ombudsman_instruction", "channel"])
        #expect(instructed.result == .excepted)
        #expect(instructed.exception?.fact == "ombudsman_instruction")
        #expect(instructed.exclusionReason == nil)
        let without = try judge(Self.wdh, received: "2026-12-22", event: "2026-01-05", given: ["channel"])
        #expect(without.result == .outside)
        #expect(without.lastDay == TestData.date("2026-07-04"))
        // Inside the window an exception changes nothing.
        #expect(try judge(Self.wdh, received: "2026-12-22", event: "2026-12-01", given: ["ombudsman_instruction"]).result == .within)
    }

    @Test func anUndatedComplaintIsNotBarred() throws {
        let finding = try judge(Self.code, received: "2026-12-22")
        #expect(finding.result == .undated)
        #expect(finding.exclusionReason == nil)
    }

    @Test func aWorkingDayWindowCountsByTheCalendar() throws {
        // 10 working days from Tuesday 22 December 2026: 23, 24, (25, 28 holidays), 29, 30, 31,
        // (1 January), 4, 5, 6, 7, 8 January 2027.
        let rule = AcceptanceRule(window: Duration(10, .workingDays))
        #expect(try judge(rule, received: "2027-01-08", event: "2026-12-22").result == .within)
        #expect(try judge(rule, received: "2027-01-09", event: "2026-12-22").result == .outside)
    }

    @Test func theFindingIsKeptAsJSON() throws {
        let finding = try judge(Self.wdh, received: "2026-12-22", event: "2026-01-05", given: ["ombudsman_instruction"])
        #expect(finding.json == """
            {"result":"excepted","window":"6 months","received":"2026-12-22","from":"event_date","start":"2026-01-05",\
            "last_day":"2026-07-04","exception":"ombudsman_instruction","exception_clause":"Exclusions","clause":"Exclusions",\
            "text":"excepted: 6 months from event_date 2026-01-05, last day 2026-07-04; received 2026-12-22 [Exclusions]; let in by ombudsman_instruction [Exclusions]"}
            """)
    }
}
