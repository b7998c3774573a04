import Foundation
import Testing

/// `redress check`: every pack's scenarios pass, and a wrong expectation is reported as a failure.
@Suite struct CheckCommandTests {
    static let policies: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scripts/policies")

    static var packs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: policies.path)) ?? [])
            .filter { $0.hasSuffix(".lua") }.map { String($0.dropLast(4)) }.sorted()
    }

    @Test func theReferencePackIsChecked() {
        #expect(Self.packs.contains("hos-code"))
    }

    @Test(arguments: packs)
    func everyScenarioOfThePackPasses(pack: String) throws {
        let result = try Redress.run(["check", pack])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        for line in lines where line.hasPrefix("FAIL") { Issue.record("\(line)") }
        #expect(result.status == 0, "\(result.stderr)")
        let scenarios = lines.filter { $0.hasPrefix("ok    \(pack): ") }.count
        // The issue asks for at least 15 scenarios a pack.
        #expect(scenarios >= 15, "\(pack) has \(scenarios) scenarios")
        #expect(lines.last == "\(scenarios) passed, 0 failed")
    }

    @Test func withoutAPackEveryPackIsChecked() throws {
        let result = try Redress.run(["check"])
        #expect(result.status == 0, "\(result.stdout)")
        for pack in Self.packs {
            #expect(result.stdout.contains("ok    \(pack): "), "\(pack) was not checked")
        }
        #expect(result.stdout.hasSuffix(" passed, 0 failed\n"))
    }

    @Test func aWrongExpectationIsAFailure() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rc-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = folder.appendingPathComponent("wrong.lua")
        // 5 working days from Tuesday 22 December 2026 is Thursday 31 December (25 and 28
        // December are bank holidays); the first scenario expects the 30th.
        try """
            return { name = "wrong", stages = { { name = "1", clocks = { acknowledge = { working_days = 5, from = "received" } } } },
              scenarios = {
                { name = "off by one", clause = "6.2", intake = { received = "2026-12-22", channel = "email" },
                  expect = { due = { acknowledge = "2026-12-30" } } },
                { name = "right", intake = { received = "2026-12-22", channel = "email" },
                  expect = { due = { acknowledge = "2026-12-31" } } },
                { name = "a refusal that never comes", intake = { received = "2026-12-22", channel = "email" },
                  steps = { { "acknowledge", { on = "2026-12-23" }, refused = "already" } }, expect = {} },
              } }
            """.write(to: pack, atomically: true, encoding: .utf8)
        let result = try Redress.run(["check", pack.path])
        #expect(result.status == 1)
        #expect(result.stdout == """
            FAIL  wrong: off by one [6.2]: due.acknowledge: expected 2026-12-30, got 2026-12-31
            ok    wrong: right
            FAIL  wrong: a refusal that never comes: steps[1] acknowledge: expected a refusal containing 'already', but it was recorded
            1 passed, 2 failed

            """)
    }

    @Test func aCheckNeverTouchesTheUsersStore() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rc-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("r.sqlite").path
        #expect(try Redress.run(["init", "--db", db]).status == 0)
        #expect(try Redress.run(["check", "hos-code"], environment: ["REDRESS_DB": db]).status == 0)
        let count = try Redress.run(["--db", db, "-e", "io.write(sql('select count(*) as n from cases')[1].n)"])
        #expect(count.stdout == "0")
    }

    @Test func anUnknownPackIsAUsageError() throws {
        let result = try Redress.run(["check", "no-such-pack"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("redress: pack: no pack 'no-such-pack'"))
    }
}

/// `redress check --code`: the reference pack against itself, and a pack with real departures.
@Suite struct CheckCodeTests {
    @Test func theCodeHasNoDeparturesFromItself() throws {
        let result = try Redress.run(["check", "--code", "hos-code"])
        #expect(result == .init(status: 0, stdout: """
            hos-code against hos-code (Housing Ombudsman Complaint Handling Code 2024): no departures in its stages, clocks, extensions or acceptance window
            hos-code's triage against its acceptance window (12 months from the later of event_date and aware_date): they agree

            """, stderr: ""))
    }

    @Test func departuresAreListedWithTheCodeProvision() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rcc-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = folder.appendingPathComponent("tiers.lua")
        try """
            return { name = "tiers", acceptance = { months = 6 }, stages = {
              { name = "1", clocks = { acknowledge = { working_days = 2, from = "received" } } },
              { name = "2", clocks = { acknowledge = { working_days = 5, from = "escalated" },
                                       respond = { working_days = 20, from = "acknowledged" } } },
              { name = "board" } } }
            """.write(to: pack, atomically: true, encoding: .utf8)
        let result = try Redress.run(["check", "--code", pack.path])
        #expect(result.status == 1)
        #expect(result.stdout == """
            tiers against hos-code (Housing Ombudsman Complaint Handling Code 2024): 3 departures
              stages: 3 stages (1, 2, board), more than the Code's 2: board after the Code's last stage 2 [Code 5.2, 5.3, 6.10]
              acceptance: complaints accepted for 6 months after the issue, less than the Code's 12 months [Code 2.3]
              stage 1 respond: no respond clock; the Code: 10 working days from acknowledged [Code 6.3]
            tiers has no triage: the lifecycle applies its acceptance window (6 months from the later of event_date and aware_date) alone

            """)
        #expect(try Redress.run(["check", "--code"]).status == 2)
    }

    @Test func aTriageThatAcceptsWhatTheDeclaredWindowExcludesIsListed() throws {
        // The issue's case: a pack declaring 3 months whose triage lost its time bar. From 16
        // June 2025, 3 months on is 16 September, the last day; triage accepts 17 September.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rcc-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = folder.appendingPathComponent("three.lua")
        try """
            return { name = "three", acceptance = { months = 3, clause = "Time limits" },
              stages = { { name = "1", clocks = { acknowledge = { working_days = 5, from = "received" },
                                                  respond = { working_days = 10, from = "acknowledged" } } },
                         { name = "2", clocks = { acknowledge = { working_days = 5, from = "escalated" },
                                                  respond = { working_days = 20, from = "acknowledged" } } } },
              triage = function(intake) return { kind = "complaint", stage = "1" } end,
              scenarios = { { name = "a complaint", intake = { received = "2026-12-22", channel = "email" },
                              expect = { status = "open" } } } }
            """.write(to: pack, atomically: true, encoding: .utf8)
        let result = try Redress.run(["check", "--code", pack.path])
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").suffix(2).map(String.init) == [
            "three's triage against its acceptance window (3 months from the later of event_date and aware_date): 1 difference",
            "  acceptance (triage): triage accepts a complaint the declared window (3 months from the later of event_date and aware_date) "
            + "excludes: received 2025-09-17, event_date 2025-06-16 (the window's last day 2025-09-16), the intake of scenario "
            + "'a complaint'; the lifecycle excludes it [Time limits]",
        ])
    }

    @Test func haltonAndWinchesterDepartFromTheCode() throws {
        // Halton (2011): three stages, no acknowledgement at either stage (a review's meeting is
        // notified within 10 working days, a clock of its own, not an acknowledgement), no
        // review response time.
        let halton = try Redress.run(["check", "--code", "--as-of", "2026-06-01", "halton"])
        #expect(halton.status == 1)
        #expect(halton.stdout == """
            halton against hos-code (Housing Ombudsman Complaint Handling Code 2024): 4 departures
              stages: 3 stages (1, review, hearing), more than the Code's 2: hearing after the Code's last stage 2 [Code 5.2, 5.3, 6.10]
              stage 1 acknowledge: no acknowledge clock; the Code: 5 working days from received [Code 6.2]
              stage review (the Code's stage 2) acknowledge: no acknowledge clock; the Code: 5 working days from escalated [Code 6.11]
              stage review (the Code's stage 2) respond: no respond clock; the Code: 20 working days from acknowledged [Code 6.14]
            halton's triage against its acceptance window (12 months from the later of event_date and aware_date): they agree

            """)
        // Winchester: early resolution, investigation, review, senior management and the Board.
        let winchester = try Redress.run(["check", "--code", "--as-of", "2026-06-01", "winchester"])
        #expect(winchester.status == 1)
        #expect(winchester.stdout.split(separator: "\n").dropFirst().map(String.init) == [
            "  stages: 5 stages (1, 2, review, senior_management, board), more than the Code's 2: review, senior_management, board after the Code's last stage 2 [Code 5.2, 5.3, 6.10]",
            "  stage 1 respond: no respond clock; the Code: 10 working days from acknowledged [Code 6.3]",
            "  stage 2 acknowledge: no acknowledge clock; the Code: 5 working days from escalated [Code 6.11]",
        ])
    }
}

