import Foundation
import Testing

/// `redress report tsm|annual|quarterly` on a small store whose answers are worked by hand.
///
/// The store (hos-code; England and Wales bank holidays 2025: Good Friday 18 April, Easter
/// Monday 21 April, early May 5 May, spring 26 May, summer 25 August, Christmas 25 and Boxing
/// Day 26 December; 2026: Good Friday 3 April, Easter Monday 6 April), reporting year 2025/26,
/// 400 homes:
///
/// - A received Fri 28 Mar 2025 (before the year), acknowledged 1 Apr (due 4 Apr: 31, 1, 2, 3,
///   4), answered 14 Apr (due 15 Apr: 2, 3, 4, 7-11, 14, 15): answered in the year, on time.
/// - B received Mon 14 Apr, acknowledged 24 Apr (due 23 Apr: 15, 16, 17, 22, 23): late; answered
///   8 May (due 9 May: 25, 28, 29, 30, 1, 2, 6, 7, 8, 9), by its own due date.
/// - C received Mon 2 Jun, acknowledged 3 Jun, response due 17 Jun, extended 10 working days to
///   1 Jul, answered 30 Jun: on time. Escalated Mon 7 Jul, acknowledged 8 Jul (due 14 Jul),
///   stage 2 answered 6 Aug (due 5 Aug: 20 working days from 8 Jul): late.
/// - D received 10 Sep with legal proceedings started: excluded, counted nowhere.
/// - E received Mon 22 Dec, acknowledged 23 Dec, withdrawn 5 Jan 2026: received, never answered.
/// - F received Fri 20 Mar 2026, answered 2 Apr 2026: received in the year, answered after it.
/// - G received Mon 3 Nov, acknowledged 4 Nov, answered 10 Nov (on time); escalated 20 Nov,
///   acknowledged 21 Nov, answered 10 Dec (due 19 Dec): on time.
///
/// CH01(1): B, C, E, F, G = 5 → 5 × 1000 / 400 = 12.50. CH01(2): C, G = 2 → 5.00.
/// CH02(1): answered in the year A, B, C, G; on time A, C, G: 3 of 4 = 75.0% (all four by the
/// response's own due date: 100.0%). CH02(2): C late, G on time: 1 of 2 = 50.0%.
@Suite struct ReportCommandTests {
    static let store = """
        local a = cases.intake{ received = "2025-03-28", channel = "email", category = "repairs", summary = "Leak" }
        a:acknowledge{ on = "2025-04-01" }
        a:respond{ on = "2025-04-14", outcome = "upheld", findings = "Late", remedy = { { kind = "apology", reason = "late" } } }
        local b = cases.intake{ received = "2025-04-14", channel = "phone", category = "damp", summary = "Mould" }
        b:acknowledge{ on = "2025-04-24" }
        b:respond{ on = "2025-05-08", outcome = "not_upheld" }
        local c = cases.intake{ received = "2025-06-02", channel = "web", category = "repairs", summary = "Door" }
        c:acknowledge{ on = "2025-06-03" }
        c:extend{ clock = "respond", working_days = 10, reason = "Specialist survey", on = "2025-06-16" }
        c:respond{ on = "2025-06-30", outcome = "partly_upheld" }
        c:escalate{ on = "2025-07-07" }
        c:acknowledge{ on = "2025-07-08" }
        c:respond{ on = "2025-08-06", outcome = "not_upheld" }
        cases.intake{ received = "2025-09-10", channel = "letter", legal_proceedings = true }
        local e = cases.intake{ received = "2025-12-22", channel = "email", category = "noise" }
        e:acknowledge{ on = "2025-12-23" }
        e:withdraw{ on = "2026-01-05", reason = "resolved informally" }
        local f = cases.intake{ received = "2026-03-20", channel = "email", category = "repairs" }
        f:acknowledge{ on = "2026-03-23" }
        f:respond{ on = "2026-04-02", outcome = "upheld", findings = "x", remedy = { { kind = "apology", reason = "late" } } }
        local g = cases.intake{ received = "2025-11-03", channel = "in_person", category = "anti-social behaviour" }
        g:acknowledge{ on = "2025-11-04" }
        g:respond{ on = "2025-11-10", outcome = "not_upheld" }
        g:escalate{ on = "2025-11-20" }
        g:acknowledge{ on = "2025-11-21" }
        g:respond{ on = "2025-12-10", outcome = "upheld", findings = "Missed calls",
                   remedy = { { kind = "time_and_trouble", pence = 5000, reason = "chasing" } } }
        g:learn{ action = "Call back within a day on ASB reports", area = "ASB", owner = "Head of Neighbourhoods",
                 due = "2026-02-01", on = "2025-12-10" }
        """

    func workspace() throws -> JobsCommandTests.Workspace {
        let workspace = try JobsCommandTests.Workspace()
        let built = try Redress.run(["--db", workspace.db, "--as-of", "2026-04-15", "-e", Self.store])
        #expect(built.status == 0, "\(built.stderr)")
        return workspace
    }

    @Test func tsmFiguresMatchTheHandCount() throws {
        let workspace = try workspace()
        let missing = try Redress.run(["report", "tsm", "--year", "2025", "--db", workspace.db])
        #expect(missing.status == 2)
        #expect(missing.stderr == "redress: homes: the store has no homes setting, the denominator of CH01 (set it with `redress settings set homes N`; "
                + "homes_lcra and homes_lcho for each tenure's)\n")
        #expect(try Redress.run(["settings", "set", "homes", "400", "--db", workspace.db]).status == 0)
        let report = try Redress.run(["report", "tsm", "--year", "2025", "--db", workspace.db])
        #expect(report.status == 0, "\(report.stderr)")
        let lines = report.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(11)) == [
            "Tenant Satisfaction Measures: complaints (CH01, CH02)",
            "Housing Ombudsman Complaint Handling Code 2024, policy hos-code",
            "Reporting year 2025/26: 1 April 2025 to 31 March 2026",
            "Homes: 400 (the store's `homes` setting)",
            "",
            "CH01(1) stage 1 complaints received per 1,000 homes: 12.50  (5 received)",
            "CH01(2) stage 2 complaints received per 1,000 homes: 5.00  (2 received)",
            "CH02(1) stage 1 complaints responded to within the Code's timescales: 75.0%  (3 of 4 responded to)",
            "        responded to by its own due date: 100.0%  (4 of 4)",
            "CH02(2) stage 2 complaints responded to within the Code's timescales: 50.0%  (1 of 2 responded to)",
            "        responded to by its own due date: 50.0%  (1 of 2)",
        ])
        // Each measure is named and defined beside the figures: B's late acknowledgement is why
        // the two differ at stage 1.
        #expect(report.stdout.contains("""
            "On time", of the complaints answered at the stage in the period (its respond clock met):
            - within the Code's timescales (within_code_timescales): acknowledged by the acknowledgement's due date \
            (where the stage has an acknowledge clock) and answered by the response's due date, each after any extension the pack allows
            - by its own due date (by_own_due_date): answered by the response's due date after any extension the pack allows, \
            whatever the acknowledgement

            """))
        // No tenure recorded and no tenure's homes: not split, and it says so.
        #expect(report.stdout.contains("\nBy tenure: not split. No complaint counted here has a tenure recorded (intake field `tenure`: lcra or lcho)"))
        // The counting rules are written beside the figures.
        #expect(report.stdout.contains("How these were counted"))
        #expect(report.stdout.contains("Complaints not accepted (excluded at intake"))
        // The year before: only A's receipt (28 March 2025) falls in 2024/25; nothing was answered.
        let before = try Redress.run(["report", "tsm", "--year", "2024", "--db", workspace.db])
        #expect(before.stdout.contains("CH01(1) stage 1 complaints received per 1,000 homes: 2.50  (1 received)"))
        #expect(before.stdout.contains("CH02(1) stage 1 complaints responded to within the Code's timescales: n/a  (0 of 0 responded to)"))
        #expect(try Redress.run(["report", "tsm", "--year", "1066", "--db", workspace.db]).stderr.contains("--year: expected a year from 1995 to 2099, got 1066"))
    }

    /// CH01 and CH02 by tenure, on a store worked by hand (hos-code, England and Wales; the
    /// summer bank holiday, 25 August 2025, falls outside every count below). 300 low-cost rental
    /// (LCRA) homes and 100 low-cost home ownership (LCHO) homes, no `homes` setting: 400 in all.
    ///
    /// - R1 (LCRA) received Mon 2 Jun 2025, acknowledged 3 Jun (due 9 Jun: 3-6, 9), answered
    ///   17 Jun (due 17 Jun: 4-6, 9-13, 16, 17): on time by both measures.
    /// - R2 (LCRA) received 2 Jun, acknowledged Tue 10 Jun (late), answered 24 Jun (due 24 Jun:
    ///   11-13, 16-20, 23, 24): by its own due date only. Escalated Mon 7 Jul, acknowledged 8 Jul
    ///   (due 14 Jul), answered 5 Aug (due 5 Aug: 20 working days from 8 Jul): on time.
    /// - R3 (LCRA) received Mon 1 Sep, acknowledged 2 Sep, answered 17 Sep (due 16 Sep): late.
    /// - H1 (LCHO) received Mon 6 Oct, acknowledged 7 Oct, answered 21 Oct (due 21 Oct: 8-10,
    ///   13-17, 20, 21): on time. Escalated Mon 3 Nov, acknowledged Tue 11 Nov (due 10 Nov: 4-7,
    ///   10), answered 9 Dec (due 9 Dec: 20 working days from 11 Nov): by its own due date only.
    /// - U1 received Mon 12 Jan 2026 with no tenure, acknowledged, not yet answered.
    /// - X (LCHO) received 12 Jan 2026 with legal proceedings started: excluded, counted nowhere.
    ///
    /// Total: CH01(1) R1, R2, R3, H1, U1 = 5 per 400 = 12.50; CH01(2) R2, H1 = 2 → 5.00; CH02(1)
    /// 4 answered, 2 within the Code's timescales (50.0%), 3 by their own due dates (75.0%); CH02(2)
    /// 2 answered, 1 (50.0%) and 2 (100.0%). LCRA: CH01(1) 3 per 300 = 10.00, CH01(2) 1 → 3.33;
    /// CH02(1) 1 of 3 (33.3%), 2 of 3 (66.7%); CH02(2) 1 of 1 by both. LCHO: CH01(1) 1 per 100 =
    /// 10.00, CH01(2) 1 → 10.00; CH02(1) 1 of 1 by both; CH02(2) 0 of 1 (0.0%), 1 of 1 (100.0%).
    /// U1 counts in CH01(1)'s total only, and is named.
    @Test func tsmFiguresByTenureMatchTheHandCount() throws {
        let workspace = try JobsCommandTests.Workspace()
        let built = try Redress.run(["--db", workspace.db, "--as-of", "2026-03-31", "-e", """
            local r1 = cases.intake{ received = "2025-06-02", channel = "email", tenure = "lcra" }
            r1:acknowledge{ on = "2025-06-03" }
            r1:respond{ on = "2025-06-17", outcome = "upheld" }
            local r2 = cases.intake{ received = "2025-06-02", channel = "phone", tenure = "lcra" }
            r2:acknowledge{ on = "2025-06-10" }
            r2:respond{ on = "2025-06-24", outcome = "not_upheld" }
            r2:escalate{ on = "2025-07-07" }
            r2:acknowledge{ on = "2025-07-08" }
            r2:respond{ on = "2025-08-05", outcome = "not_upheld" }
            local r3 = cases.intake{ received = "2025-09-01", channel = "web", tenure = "lcra" }
            r3:acknowledge{ on = "2025-09-02" }
            r3:respond{ on = "2025-09-17", outcome = "upheld" }
            local h1 = cases.intake{ received = "2025-10-06", channel = "letter", tenure = "lcho" }
            h1:acknowledge{ on = "2025-10-07" }
            h1:respond{ on = "2025-10-21", outcome = "not_upheld" }
            h1:escalate{ on = "2025-11-03" }
            h1:acknowledge{ on = "2025-11-11" }
            h1:respond{ on = "2025-12-09", outcome = "partly_upheld" }
            local u1 = cases.intake{ received = "2026-01-12", channel = "email" }
            u1:acknowledge{ on = "2026-01-13" }
            cases.intake{ received = "2026-01-12", channel = "email", tenure = "lcho", legal_proceedings = true }
            """])
        #expect(built.status == 0, "\(built.stderr)")
        func cells(_ line: String) -> [String] {
            line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        // With the landlord's homes alone, each tenure's CH01 has no denominator: counted, not divided.
        #expect(try Redress.run(["settings", "set", "homes", "400", "--db", workspace.db]).status == 0)
        let undivided = try Redress.run(["report", "tsm", "--year", "2025", "--db", workspace.db]).stdout
        let rows = undivided.split(separator: "\n").map { cells(String($0)) }
        #expect(rows.contains(["homes", "not set (homes_lcra)", "not set (homes_lcho)", "400"]), "\(undivided)")
        #expect(rows.contains(["CH01(1) received per 1,000 homes", "n/a (3 received)", "n/a (1 received)", "12.50 (5)"]))
        #expect(undivided.contains("\nLCRA complaints but no homes_lcra setting: its CH01 needs its homes (`redress settings set homes_lcra N`).\n"))
        #expect(undivided.contains("\nLCHO complaints but no homes_lcho setting: its CH01 needs its homes (`redress settings set homes_lcho N`).\n"))
        #expect(try Redress.run(["settings", "unset", "homes", "--db", workspace.db]).status == 0)
        for (key, value) in [("homes_lcra", "300"), ("homes_lcho", "100")] {
            #expect(try Redress.run(["settings", "set", key, value, "--db", workspace.db]).status == 0)
        }
        let report = try Redress.run(["report", "tsm", "--year", "2025", "--db", workspace.db])
        #expect(report.status == 0, "\(report.stderr)")
        let lines = report.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[3] == "Homes: 400 (homes_lcra 300 + homes_lcho 100)")
        #expect(Array(lines[5...10]) == [
            "CH01(1) stage 1 complaints received per 1,000 homes: 12.50  (5 received)",
            "CH01(2) stage 2 complaints received per 1,000 homes: 5.00  (2 received)",
            "CH02(1) stage 1 complaints responded to within the Code's timescales: 50.0%  (2 of 4 responded to)",
            "        responded to by its own due date: 75.0%  (3 of 4)",
            "CH02(2) stage 2 complaints responded to within the Code's timescales: 50.0%  (1 of 2 responded to)",
            "        responded to by its own due date: 100.0%  (2 of 2)",
        ])
        // The table by tenure, read cell by cell (columns are two or more spaces apart).
        let start = try #require(lines.firstIndex { $0.hasPrefix("By tenure:") })
        let table = lines[(start + 1)...(start + 8)].map(cells)
        #expect(table == [
            ["LCRA", "LCHO", "total"],
            ["homes", "300", "100", "400"],
            ["CH01(1) received per 1,000 homes", "10.00 (3)", "10.00 (1)", "12.50 (5)"],
            ["CH01(2) received per 1,000 homes", "3.33 (1)", "10.00 (1)", "5.00 (2)"],
            ["CH02(1) within the Code's timescales", "33.3% (1 of 3)", "100.0% (1 of 1)", "50.0% (2 of 4)"],
            ["by its own due date", "66.7% (2 of 3)", "100.0% (1 of 1)", "75.0% (3 of 4)"],
            ["CH02(2) within the Code's timescales", "100.0% (1 of 1)", "0.0% (0 of 1)", "50.0% (1 of 2)"],
            ["by its own due date", "100.0% (1 of 1)", "100.0% (1 of 1)", "100.0% (2 of 2)"],
        ])
        // U1: in the total only, counted and named, with what to do.
        #expect(lines[start + 9] == "Tenure not recorded for 1 complaint counted here (C-2026-000001): in the totals only, not in "
                + "LCRA or LCHO, so the two do not add up to the total (CH01(1) 1, CH01(2) 0 received; CH02(1) 0, CH02(2) 0 answered). "
                + "Record each one's tenure with c:set_tenure{ tenure = \"lcra\" or \"lcho\", reason = \"...\" }.")

        // Once U1's tenure is recorded, the two tenures add up to the total.
        #expect(try Redress.run(["--db", workspace.db, "-e",
                                 "cases.get('C-2026-000001'):set_tenure{ tenure = 'lcra', reason = 'tenancy agreement' }"]).status == 0)
        let after = try Redress.run(["report", "tsm", "--year", "2025", "--db", workspace.db])
        let afterLines = after.stdout.split(separator: "\n").map(String.init)
        #expect(afterLines.map(cells).contains(["CH01(1) received per 1,000 homes", "13.33 (4)", "10.00 (1)", "12.50 (5)"]), "\(after.stdout)")
        #expect(!after.stdout.contains("Tenure not recorded"))

        // Settings that disagree about the total are refused, not reported.
        #expect(try Redress.run(["settings", "set", "homes", "450", "--db", workspace.db]).status == 0)
        let refused = try Redress.run(["report", "tsm", "--year", "2025", "--db", workspace.db])
        #expect(refused.status == 2)
        #expect(refused.stdout == "")
        #expect(refused.stderr == "redress: homes: 450, but homes_lcra (300) and homes_lcho (100) add up to 400: CH01's total is over "
                + "both tenures' homes; make them agree (`redress settings set homes 400`, or `redress settings unset homes`)\n")
    }

    @Test func theQuarterlyReturnHasOneRowPerQuarterBegun() throws {
        let workspace = try workspace()
        #expect(try Redress.run(["settings", "set", "homes", "400", "--db", workspace.db]).status == 0)
        let csv = try Redress.run(["report", "quarterly", "--year", "2025", "--as-of", "2026-04-15", "--db", workspace.db])
        #expect(csv.status == 0, "\(csv.stderr)")
        // Q1: B and C received (2 → 5.00); A, B, C answered, A and C within the Code's timescales
        // (66.7%), all three by their own due dates (B's acknowledgement was late); working days
        // from the stage's start to the answer: A 11 (31 Mar-14 Apr), B 15, C 20: mean 15.3. C's
        // extension; A's apology offered. Q2: C escalated (1 → 2.50), answered late after 22
        // working days; D not accepted. Q3: E and G received; G answered in 5 working days and at
        // stage 2 in 14, both on time; G's £50 remedy. Q4: F received; E withdrawn.
        #expect(csv.stdout == """
            period,from,to,homes,stage1_received,stage1_per_1000_homes,stage1_responded,\
            stage1_within_code_timescales,stage1_within_code_timescales_percent,stage1_by_own_due_date,stage1_by_own_due_date_percent,\
            stage1_mean_working_days,stage2_received,stage2_per_1000_homes,stage2_responded,\
            stage2_within_code_timescales,stage2_within_code_timescales_percent,stage2_by_own_due_date,stage2_by_own_due_date_percent,\
            stage2_mean_working_days,upheld,partly_upheld,not_upheld,confidential_outcomes,not_accepted,withdrawn,extensions,remedies_offered,remedy_pence\r
            2025/26 Q1,2025-04-01,2025-06-30,400,2,5.00,3,2,66.7,3,100.0,15.3,0,0.00,0,0,,0,,,1,1,1,0,0,0,1,1,0\r
            2025/26 Q2,2025-07-01,2025-09-30,400,0,0.00,0,0,,0,,,1,2.50,1,0,0.0,0,0.0,22.0,0,0,1,0,1,0,0,0,0\r
            2025/26 Q3,2025-10-01,2025-12-31,400,2,5.00,1,1,100.0,1,100.0,5.0,1,2.50,1,1,100.0,1,100.0,14.0,1,0,1,0,0,0,0,1,5000\r
            2025/26 Q4,2026-01-01,2026-03-31,400,1,2.50,0,0,,0,,,0,0.00,0,0,,0,,,0,0,0,0,0,1,0,0,0\r

            """)
        // What the timeliness columns count, beside the CSV.
        #expect(csv.stderr.contains("stageN_within_code_timescales: answered within the Code's timescales: acknowledged by the acknowledgement's due date"))
        #expect(csv.stderr.contains("stageN_by_own_due_date: answered by its own due date: answered by the response's due date after any extension"))
        // Mid-year, only the quarters begun.
        let midYear = try Redress.run(["report", "quarterly", "--year", "2025", "--as-of", "2025-08-01", "--db", workspace.db])
        #expect(midYear.stdout.split(separator: "\r\n").count == 3)
    }

    /// A script's count of on-time answers (Scripts/lib/report.lua's `report.on_time`) reads the
    /// same definitions from the store as the quarterly return above: Q1 stage 1 has A, B and C
    /// answered, A and C within the Code's timescales and all three by their own due dates; Q2
    /// stage 2 has C's late answer.
    @Test func aScriptCountsOnTimeAsTheReturnsDo() throws {
        let workspace = try workspace()
        let run = try Redress.run(["--db", workspace.db, "-e", """
            local report = require "lib.report"
            for _, q in ipairs{ { "1", "2025-04-01", "2025-06-30" }, { "2", "2025-07-01", "2025-09-30" }, { "2", "2026-01-01", "2026-03-31" } } do
              local t = report.on_time(q[1], q[2], q[3])
              local parts = {}
              for _, m in ipairs(t.measures) do parts[#parts + 1] = ("%s %d %s"):format(m.name, m.on_time, m.percent) end
              print(("stage %s from %s: %d answered; %s"):format(q[1], q[2], t.answered, table.concat(parts, "; ")))
            end
            print(report.on_time("1", "2025-04-01", "2025-06-30").measures[1].definition)
            """])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == """
            stage 1 from 2025-04-01: 3 answered; within_code_timescales 2 66.7%; by_own_due_date 3 100.0%
            stage 2 from 2025-07-01: 1 answered; within_code_timescales 0 0.0%; by_own_due_date 0 0.0%
            stage 2 from 2026-01-01: 0 answered; within_code_timescales 0 n/a; by_own_due_date 0 n/a
            acknowledged by the acknowledgement's due date (where the stage has an acknowledge clock) and answered by the \
            response's due date, each after any extension the pack allows

            """)
    }

    /// A complaint about a member of staff whose outcome only managers may see (the store's
    /// redaction, from the pack's `confidentiality`): others' reports count it apart, and the
    /// customer's letter never shows it.
    @Test func aConfidentialOutcomeIsCountedApartForThoseWhoMayNotSeeIt() throws {
        let pack = """
            return {
              name = "test-confidential",
              confidentiality = { outcome_roles = { "manager" } },
              facts = { staff_conduct = { type = "boolean", meaning = "the complaint is about the conduct of employees" } },
              stages = {
                { name = "1", clocks = { acknowledge = { working_days = 5, from = "received" },
                                         respond = { working_days = 10, from = "acknowledged" } } },
                { name = "2", clocks = { acknowledge = { working_days = 5, from = "escalated" },
                                         respond = { working_days = 20, from = "acknowledged" } } },
              },
              triage = function(intake) return { kind = "complaint", stage = "1", confidential_outcome = intake.staff_conduct } end,
            }
            """
        let workspace = try JobsCommandTests.Workspace(policy: pack)
        let built = try Redress.run(["--db", workspace.db, "--as-of", "2025-06-30", "-e", """
            for i, staff in ipairs{ true, false } do
              local c = cases.intake{ received = "2025-06-02", channel = "email", staff_conduct = staff, summary = "Rude officer",
                                      complainant = { name = "Ann Example" } }
              c:acknowledge{ on = "2025-06-03" }
              c:respond{ on = "2025-06-10", outcome = "upheld", findings = "The officer was rude", reasons = "Witnessed",
                         remedy = { { kind = "apology", reason = "rudeness" } } }
              c:actions{}
            end
            """])
        #expect(built.status == 0, "\(built.stderr)")
        _ = try Redress.run(["settings", "set", "homes", "400", "--db", workspace.db])
        let csv = try Redress.run(["report", "quarterly", "--year", "2025", "--as-of", "2025-07-01", "--db", workspace.db])
        // Q1: two answered in 6 working days (3, 4, 5, 6, 9, 10 June), both upheld; the staff
        // complaint's outcome is not shown without the role.
        #expect(csv.stdout.contains("\r\n2025/26 Q1,2025-04-01,2025-06-30,400,2,5.00,2,2,100.0,2,100.0,6.0,0,0.00,0,0,,0,,,1,0,0,1,"), "\(csv.stdout)")
        let me = ProcessInfo.processInfo.environment["USER"] ?? "root"
        #expect(try Redress.run(["users", "add", me, "--role", "manager", "--db", workspace.db]).status == 0)
        let manager = try Redress.run(["report", "quarterly", "--year", "2025", "--as-of", "2025-07-01", "--db", workspace.db, "--user", me])
        #expect(manager.stdout.contains("\r\n2025/26 Q1,2025-04-01,2025-06-30,400,2,5.00,2,2,100.0,2,100.0,6.0,0,0.00,0,0,,0,,,2,0,0,0,"), "\(manager.stdout)")
        // The customer's letter reads as an outsider, even when a manager writes it.
        let letter = try Redress.run(["letter", "decision", "C-2025-000001", "--preview", "--db", workspace.db, "--user", me])
        #expect(letter.stdout.contains("## What we found\n\n[confidential]\n"), "\(letter.stderr)")
        #expect(!letter.stdout.contains("The officer was rude"))
        #expect(letter.stdout.contains("- [confidential] (the outcome of this complaint is confidential)"))
        #expect(!letter.stdout.contains("rudeness"))
    }

    @Test func theAnnualReportIsOneSelfContainedPage() throws {
        let workspace = try workspace()
        let output = workspace.folder.appendingPathComponent("annual.html").path
        let run = try Redress.run(["report", "annual", "--year", "2025", "--as-of", "2026-04-15", "--db", workspace.db, "--output", output])
        #expect(run.stdout == "Wrote \(output)\n", "\(run.stderr)")
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        // Four charts, inline, and nothing fetched from the network.
        #expect(html.components(separatedBy: "<svg ").count - 1 == 4)
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("<script"))
        #expect(html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http") == false)
        // The figures worked by hand above.
        #expect(html.contains("<b>5</b>Stage 1 complaints received"))
        #expect(html.contains("<b>75.0%</b>Stage 1 answered within the Code&#39;s timescales (3 of 4); by its own due date: 100.0% (4)"))
        #expect(html.contains("<b>50.0%</b>Stage 2 answered within the Code&#39;s timescales (1 of 2); by its own due date: 50.0% (1)"))
        // The chart of shares by quarter: stage 1's Q1 differs by measure (B), so both stand side
        // by side; stage 2's never differs, so it has the Code's alone. The caption defines both.
        #expect(html.contains("<title>Q1, Stage 1 within the Code&#39;s timescales: 66.7%</title>"))
        #expect(html.contains("<title>Q1, Stage 1 by its own due date: 100.0%</title>"))
        #expect(!html.contains("Stage 2 by its own due date"))
        #expect(html.contains("the share answered within the Code&#39;s timescales: acknowledged by the acknowledgement&#39;s due date"))
        #expect(html.contains("<b>£50.00</b>remedies offered (2 offers)"))
        #expect(html.contains("<tr><th scope=\"row\">Stage 1</th><td>4</td><td>1 (25.0%)</td><td>1 (25.0%)</td><td>2 (50.0%)</td></tr>"))
        #expect(html.contains("<td>Code 2.2(b)</td><td>1</td>"))
        #expect(html.contains("<td>Specialist survey</td><td>1</td>"))
        #expect(html.contains("<td>C-2025-000006</td><td>Call back within a day on ASB reports</td><td>ASB</td>"))
        #expect(html.contains("1 complaint was withdrawn in the year."))
        // By month: June's bar is C's receipt; July's stage 2 bar is C's escalation.
        #expect(html.contains("<title>Jun, Stage 1 received: 1</title>"))
        #expect(html.contains("<title>Jul, Stage 2 received: 1</title>"))
        #expect(html.contains("Not shown: the store has no <code>homes</code> setting"))
        let attributes = try FileManager.default.attributesOfItem(atPath: output)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
    }
}
