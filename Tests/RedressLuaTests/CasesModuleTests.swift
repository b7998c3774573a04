import Foundation
import GRDB
import RedressCalendar
import RedressCore
import Testing
@testable import RedressLua

/// The `cases` and `parties` API through the real host, on a store bound to the reference pack.
/// Expected dates come from the Code's timescales and GOV.UK's bank holidays (2026: Christmas
/// Friday 25 December, Boxing Day substitute Monday 28 December; 2027: New Year's Day Friday 1
/// January), not from the implementation.
@Suite struct CasesModuleTests {
    /// A store bound to `pack` (a name in Scripts/policies or a path), and a state on it.
    final class Fixture {
        let path: String
        let store: CaseStore
        let state: LuaState

        init(pack: String = "hos-code", asOf: String = "2026-12-23") throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("redress-cases-\(UUID()).sqlite").path
            store = try CaseStore(path: path)
            state = try TestSupport.state { $0.asOf = try! LocalDate(iso: asOf) }
            state.recorder = Recorder(actor: "tester", script: "CasesModuleTests")
            let file = PolicyLoader.resolve(pack, scripts: TestSupport.scripts)
            try store.bind(to: PolicyLoader.load(path: file, in: state), source: pack, actor: "tester")
        }

        deinit {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }

        /// Runs `code` in one transaction of the store; returns its first result.
        @discardableResult
        func run(_ code: String) throws -> LuaValue {
            try state.withTransaction(on: store) { try state.run(code, name: "=test").first ?? .nil }
        }

        /// Runs `code`, expecting it to fail; returns the message.
        func failure(_ code: String) throws -> String {
            do {
                try run(code)
            } catch let error as LuaError {
                return error.message
            }
            Issue.record("expected `\(code)` to fail")
            return ""
        }

        func count(_ table: String) throws -> Int {
            try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") ?? -1 }
        }

        /// Every row of every table: to show that a refused call changed nothing.
        func snapshot() throws -> [String: [Row]] {
            try store.read { db in
                var all: [String: [Row]] = [:]
                for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
                    all[table] = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"")
                }
                return all
            }
        }
    }

    @Test func intakeRecordsAComplaintWithItsCodeDeadlines() throws {
        let fixture = try Fixture()
        let result = try fixture.run("""
            local c = cases.intake{ received = "2026-12-22", channel = "email", category = "repairs",
                                    summary = "Boiler broken", event_date = "2026-12-01",
                                    complainant = { name = "Ann Example", email = "ann@example.org" } }
            return { c.ref, c.kind, c.status, c.stage, c.received, c.due.acknowledge, c.due.respond == nil,
                     c.complainant, c.category, tostring(c) }
            """)
        // 5 working days from Tuesday 22 December 2026: 23, 24, 29, 30, 31 (25 and 28 are bank holidays).
        #expect(result == .array([.string("C-2026-000001"), .string("complaint"), .string("open"), .string("1"),
                                  .date(try LocalDate(iso: "2026-12-22")), .date(try LocalDate(iso: "2026-12-31")),
                                  .boolean(true), .integer(1), .string("repairs"),
                                  .string("C-2026-000001 complaint open (stage 1), received 2026-12-22; due: acknowledge 2026-12-31")]))
        let events = try fixture.store.read { try Row.fetchAll($0, sql: "SELECT type, actor, script FROM events ORDER BY id") }
        #expect(events.map { $0["type"] as String } == ["policy_bound", "party_added", "received"])
        #expect(events.last?["actor"] == "tester")
        #expect(events.last?["script"] == "CasesModuleTests")
    }

    /// The tenure TSM returns split by: given at intake, or set later with a reason; any other
    /// value is refused, naming the field and the values it takes, and nothing is recorded.
    @Test func aCaseHasTheTenureItWasGiven() throws {
        let fixture = try Fixture()
        let result = try fixture.run("""
            local rental = cases.intake{ received = "2026-12-22", channel = "email", tenure = "lcra" }
            local unknown = cases.intake{ received = "2026-12-22", channel = "email" }
            local before = unknown.tenure
            unknown:set_tenure{ tenure = "lcho", reason = "shared ownership lease on the housing file" }
            return { rental.tenure, before == nil, unknown.tenure, cases.get(unknown.ref).tenure }
            """)
        #expect(result == .array([.string("lcra"), .boolean(true), .string("lcho"), .string("lcho")]))
        #expect(try fixture.failure("cases.intake{ received = '2026-12-22', channel = 'email', tenure = 'LCRA' }")
            == "test:1: cases.intake: tenure: unknown value 'LCRA' (expected one of: lcho, lcra)")
        #expect(try fixture.failure("cases.get('C-2026-000002'):set_tenure{ tenure = 'lcho', reason = 'again' }")
            == "test:1: case:set_tenure: C-2026-000002: tenure: C-2026-000002 is already 'lcho'")
        #expect(try fixture.failure("cases.get('C-2026-000001'):set_tenure{ tenure = 'lcho' }")
            == "test:1: case:set_tenure: C-2026-000001: reason: required: why the tenure is recorded now (where it was found)")
        #expect(try fixture.failure("cases.get('C-2026-000001'):set_tenure{ tenure = 'lcho', reason = 'x', when = 'now' }")
            .contains("when"))
        #expect(try fixture.count("cases") == 2)
        #expect(try fixture.store.read { try String.fetchAll($0, sql: "SELECT tenure FROM cases ORDER BY id") } == ["lcra", "lcho"])
    }

    @Test func triageExcludesOutOfTimeComplaintsAndStagesOnlyComplaints() throws {
        let fixture = try Fixture()
        let result = try fixture.run("""
            local late = cases.intake{ received = "2026-12-22", channel = "letter", event_date = "2025-12-21" }
            local in_time = cases.intake{ received = "2026-12-22", channel = "letter", event_date = "2025-12-22" }
            local repair = cases.intake{ received = "2026-12-22", channel = "phone", service_request = true }
            local thanks = cases.intake{ received = "2026-12-22", channel = "web", compliment = true }
            return { late.status, late.exclusion.clause, next(late.due) == nil, late.overdue,
                     in_time.status, repair.kind, repair.stage == nil, next(repair.due) == nil, thanks.kind }
            """)
        // Code 2.3: twelve months; 21 December 2025 is more than 12 months before 22 December 2026.
        #expect(result == .array([.string("excluded"), .string("Code 2.2(a), 2.3"), .boolean(true), .boolean(false),
                                  .string("open"), .string("service_request"), .boolean(true), .boolean(true),
                                  .string("compliment")]))
        #expect(try fixture.count("clocks") == 2)  // the in-time complaint's and the excluded one's acknowledge clocks
    }

    @Test func theLifecycleFollowsTheCode() throws {
        let fixture = try Fixture(asOf: "2027-03-01")
        let result = try fixture.run("""
            local c = cases.intake{ received = "2026-12-22", channel = "email", category = "damp_and_mould" }
            c:acknowledge{ on = "2026-12-29" }
            local respond_due = c.due.respond
            c:log{ channel = "phone", direction = "out", summary = "Agreed an inspection", at = "2027-01-04T10:30", staff = "JB" }
            c:extend{ clock = "respond", working_days = 10, reason = "Specialist damp survey" }
            local extended = c.due.respond
            c:respond{ on = "2027-01-20", outcome = "partly_upheld", findings = "Inspection was late",
                       remedy = { items = { { kind = "apology", reason = "late inspection" },
                                            { kind = "time_and_trouble", pence = 7500, reason = "three chasers" } },
                                  accept_by = "2027-02-17", payment_route = "rent account" } }
            c:escalate{ on = "2027-01-25", reason = "wants more compensation" }
            local stage2_ack = c.due.acknowledge
            c:acknowledge{ on = "2027-01-27" }
            local stage2_respond = c.due.respond
            local types = {}
            for _, e in ipairs(c:history()) do types[#types + 1] = e.type end
            return { respond_due, extended, c.stage, stage2_ack, stage2_respond, table.concat(types, " ") }
            """)
        // Respond: 10 working days from acknowledgement on 29 December 2026 → 13 January 2027 (1
        // January a bank holiday); extended by 10 → 27 January. Stage 2: acknowledge within 5 of
        // the escalation request (25 January → 1 February); respond 20 from acknowledgement
        // (27 January → 24 February).
        #expect(result == .array([.date(try LocalDate(iso: "2027-01-13")), .date(try LocalDate(iso: "2027-01-27")), .string("2"),
                                  .date(try LocalDate(iso: "2027-02-01")), .date(try LocalDate(iso: "2027-02-24")),
                                  .string("received acknowledged contact extended responded escalated acknowledged")]))
        let remedy = try fixture.store.read { db in
            try Row.fetchOne(db, sql: """
                SELECT r.accept_by, r.payment_route, sum(i.amount_pence) AS pence, count(*) AS items, d.outcome, d.stage
                FROM remedies r JOIN remedy_items i ON i.remedy_id = r.id JOIN decisions d ON d.id = r.decision_id
                """)
        }
        #expect(remedy?["pence"] == 7500)
        #expect(remedy?["items"] == 2)
        #expect(remedy?["outcome"] == "partly_upheld")
        #expect(remedy?["stage"] == "1")
        #expect(remedy?["accept_by"] == "2027-02-17")
        #expect(try fixture.store.read { try Row.fetchOne($0, sql: "SELECT amount, unit, reason, agreed, new_due FROM extensions") }
            == ["amount": 10, "unit": "working_days", "reason": "Specialist damp survey", "agreed": 0, "new_due": "2027-01-27"])
        #expect(try fixture.store.read { try Row.fetchOne($0, sql: "SELECT at, channel, direction, staff FROM contacts") }
            == ["at": "2027-01-04T10:30", "channel": "phone", "direction": "out", "staff": "JB"])
        #expect(try fixture.store.read { try String.fetchAll($0, sql: "SELECT stage || ':' || entered || ':' || coalesce(left, '') FROM stage_history ORDER BY id") }
            == ["1:2026-12-22:2027-01-25", "2:2027-01-25:"])
    }

    @Test(arguments: [
        ("cases.intake{ received = '2026-02-30', channel = 'email' }",
         "test:1: cases.intake: received: invalid date '2026-02-30': February 2026 has 28 days"),
        ("cases.intake{ channel = 'email' }", "test:1: cases.intake: received: required"),
        ("cases.intake{ received = '2026-12-22', channel = 'fax' }",
         "test:1: cases.intake: channel: unknown value 'fax' (expected one of: email, in_person, letter"),
        ("cases.intake{ received = '2026-12-22' }", "test:1: cases.intake: channel: required"),
        ("cases.intake{ received = '2026-12-22', channel = 'email', complainant = 99 }",
         "test:1: cases.intake: complainant: no party with id 99"),
        ("cases.intake{ received = '2026-12-22', channel = 'email', complainant = { name = 'X', role = 'landlord' } }",
         "test:1: cases.intake: complainant.role: unknown value 'landlord'"),
        ("cases.intake{ received = '2026-12-22', channel = 'email', complainant = { nmae = 'X' } }",
         "test:1: cases.intake: complainant: unknown field 'nmae'"),
        ("cases.intake{ received = '2026-12-22', channel = 'email', event_date = '2026-12-23' }",
         "test:1: cases.intake: event_date: 2026-12-23 is after the date received (2026-12-22)"),
        ("cases.intake('2026-12-22')", "test:1: cases.intake: expected a table"),
        ("cases.find{ stauts = 'open' }", "test:1: cases.find: unknown field 'stauts'"),
        ("cases.find{ status = 'shut' }", "test:1: cases.find: status: unknown value 'shut'"),
        ("cases.find{ limit = -1 }", "test:1: cases.find: limit: expected 0 or more, got -1"),
        ("parties.add{ name = 'A', email = 'not-an-address' }", "test:1: parties.add.email: not an email address: 'not-an-address'"),
    ])
    func badInputNamesTheFieldAndChangesNothing(code: String, message: String) throws {
        let fixture = try Fixture()
        try fixture.run("cases.intake{ received = '2026-12-21', channel = 'email' }")
        let before = try fixture.snapshot()
        let error = try fixture.failure(code)
        #expect(error.hasPrefix(message), "\(error)")
        #expect(try fixture.snapshot() == before)
    }

    @Test(arguments: [
        ("c:respond{ on = '2026-12-23', outcome = 'upheld' }",
         "test:2: case:respond: C-2026-000001: cannot record responded on 2026-12-23: stage 1 must be acknowledged before it is answered"),
        ("c:acknowledge{ on = '2026-12-23' } c:acknowledge{ on = '2026-12-24' }",
         "test:2: case:acknowledge: C-2026-000001: cannot record acknowledged on 2026-12-24: stage 1 was already acknowledged"),
        ("c:acknowledge{} c:extend{ clock = 'respond', working_days = 11, reason = 'survey' }",
         "past 10 working days (0 used) needs the customer's agreement"),
        ("c:acknowledge{} c:extend{ clock = 'respond', working_days = 5 }", "an extension needs a reason"),
        ("c:acknowledge{} c:extend{ clock = 'respond', weeks = 1, days = 2, reason = 'x' }",
         "case:extend: give one of working_days, days, weeks, months (got days and weeks)"),
        ("c:close{} c:escalate{}", "cannot record escalated on 2026-12-23: the case is closed"),
        ("c:acknowledge{} c:respond{ outcome = 'upheld', remedy = { { kind = 'cash', pence = 100, reason = 'x' } } }",
         "remedy.items[1].kind: unknown value 'cash'"),
        ("c:acknowledge{} c:respond{ outcome = 'upheld', remedy = { { kind = 'goodwill_gesture', pence = -5, reason = 'x' } } }",
         "remedy.items[1].pence: expected 0 or more pence, got -5"),
        ("c:acknowledge{} c:respond{ outcome = 'great' }", "outcome: unknown value 'great'"),
        ("c:log{ channel = 'pigeon', direction = 'in', summary = 'x' }", "channel: unknown value 'pigeon'"),
        ("c:log{ channel = 'phone', direction = 'in', summary = 'x', at = 'yesterday' }",
         "at: expected a date or a date-time (2026-12-22T14:30), got 'yesterday'"),
        ("c:acknowledge{ when = '2026-12-23' }", "case:acknowledge: unknown field 'when' (expected: on)"),
        ("c.acknowledge{}", "case:acknowledge: call it on a case, with a colon"),
    ])
    func refusedLifecycleCallsChangeNothing(code: String, message: String) throws {
        let fixture = try Fixture()
        try fixture.run("cases.intake{ received = '2026-12-22', channel = 'email' }")
        let before = try fixture.snapshot()
        let error = try fixture.failure("local c = cases.get('C-2026-000001')\n" + code)
        #expect(error.contains(message), "\(error)")
        #expect(try fixture.snapshot() == before)
    }

    @Test func aCaughtRefusalKeepsTheRestOfTheRun() throws {
        let fixture = try Fixture()
        let result = try fixture.run("""
            local c = cases.intake{ received = '2026-12-22', channel = 'email' }
            local ok, message = pcall(c.respond, c, { outcome = 'upheld' })
            c:acknowledge{ on = '2026-12-23' }
            return { ok, c.clocks[1].met }
            """)
        #expect(result == .array([.boolean(false), .date(try LocalDate(iso: "2026-12-23"))]))
        #expect(try fixture.store.read { try String.fetchAll($0, sql: "SELECT type FROM events WHERE case_id = 1 ORDER BY id") }
            == ["received", "acknowledged"])
    }

    @Test func anUncaughtErrorRollsBackTheWholeRun() throws {
        let fixture = try Fixture()
        let before = try fixture.snapshot()
        let message = try fixture.failure("""
            local c = cases.intake{ received = '2026-12-22', channel = 'email' }
            c:acknowledge{ on = '2026-12-23' }
            error('the script failed after writing')
            """)
        #expect(message == "test:3: the script failed after writing")
        #expect(try fixture.snapshot() == before)
    }

    @Test func findFiltersByStatusKindDatesAndOverdue() throws {
        let fixture = try Fixture()
        try fixture.run("""
            cases.intake{ received = '2026-12-01', channel = 'email', category = 'repairs' }
            cases.intake{ received = '2026-12-10', channel = 'phone', category = 'rent_and_charges' }
            local c = cases.intake{ received = '2026-12-15', channel = 'web', category = 'repairs' }
            c:acknowledge{ on = '2026-12-16' }
            cases.intake{ received = '2026-12-18', channel = 'web', service_request = true }
            """)
        func refs(_ filter: String) throws -> [String] {
            guard case .array(let items) = try fixture.run("local r = {} for _, c in ipairs(cases.find\(filter)) do r[#r + 1] = c.ref end return r") else {
                return []
            }
            return items.map { $0.description.replacingOccurrences(of: "C-2026-00000", with: "") }
        }
        #expect(try refs("{}") == ["1", "2", "3", "4"])
        #expect(try refs("{ kind = 'complaint', category = 'repairs' }") == ["1", "3"])
        #expect(try refs("{ received_from = '2026-12-10', received_to = '2026-12-15' }") == ["2", "3"])
        // As of 23 December: case 1's acknowledgement was due 8 December, case 2's 17 December;
        // case 3 was acknowledged, its response is due 6 January 2027.
        #expect(try refs("{ overdue = true }") == ["1", "2"])
        #expect(try refs("{ overdue = true, as_of = '2026-12-17' }") == ["1"])
        #expect(try refs("{ overdue = false, kind = 'complaint' }") == ["3"])
        #expect(try refs("{ stage = 1, limit = 2 }") == ["1", "2"])
        #expect(try fixture.run("return cases.get('C-2026-000009') == nil") == .boolean(true))
    }

    @Test func partiesAreAddedFoundByEmailAndRead() throws {
        let fixture = try Fixture()
        let result = try fixture.run("""
            local id = parties.add{ name = 'Ann Example', email = 'Ann@Example.org', role = 'leaseholder', language = 'cy' }
            local a = cases.intake{ received = '2026-12-22', channel = 'email', complainant = { name = 'Ann', email = 'ann@example.org' } }
            local b = cases.intake{ received = '2026-12-22', channel = 'email', complainant = 'Bob Example' }
            local p = parties.get(id)
            return { id, a.complainant, b.complainant, p.name, p.role, p.language, parties.get(99) == nil }
            """)
        #expect(result == .array([.integer(1), .integer(1), .integer(2), .string("Ann Example"), .string("leaseholder"),
                                  .string("cy"), .boolean(true)]))
    }

    @Test func aPacksRemedyHookDecidesTheOfferWhenNoneIsGiven() throws {
        let folder = try TemporaryFolder()
        let pack = try folder.write("remedy-pack.lua", """
            return {
              name = "remedy-test",
              stages = { { name = "1", clocks = { acknowledge = { working_days = 5, from = "received" },
                                                  respond = { working_days = 10, from = "acknowledged" } } } },
              remedy = function(case, findings)
                -- £25 a week without heating, and an apology
                return { items = { { kind = "apology", reason = "for " .. case.ref },
                                   { kind = "loss_of_amenity", pence = 2500 * findings.weeks_without_heating,
                                     reason = findings.weeks_without_heating .. " weeks without heating" } } }
              end,
            }
            """)
        let fixture = try Fixture(pack: pack)
        try fixture.run("""
            local c = cases.intake{ received = '2026-12-22', channel = 'email' }
            c:acknowledge{}
            c:respond{ outcome = 'upheld', findings = { weeks_without_heating = 3 } }
            """)
        let items = try fixture.store.read { try Row.fetchAll($0, sql: "SELECT kind, amount_pence, reason FROM remedy_items ORDER BY id") }
        #expect(items == [["kind": "apology", "amount_pence": 0, "reason": "for C-2026-000001"],
                          ["kind": "loss_of_amenity", "amount_pence": 7500, "reason": "3 weeks without heating"]])
        #expect(try fixture.store.read { try String.fetchOne($0, sql: "SELECT findings FROM decisions") } == #"{"weeks_without_heating":3}"#)
    }

    @Test func aContactMeetsThePacksContactClock() throws {
        let folder = try TemporaryFolder()
        let pack = try folder.write("contact-pack.lua", """
            return { name = "contact-test", stages = { { name = "1", clocks = {
                       contact = { working_days = 2, from = "received" },
                       acknowledge = { working_days = 5, from = "received" } } } } }
            """)
        let fixture = try Fixture(pack: pack, asOf: "2026-12-30")
        let result = try fixture.run("""
            local c = cases.intake{ received = '2026-12-22', channel = 'email' }
            local due = c.due.contact
            c:log{ channel = 'phone', direction = 'in', summary = 'Resident rang to chase' }
            local still_running = c.clocks[2].met == nil and c.clocks[2].name == 'contact'
            c:log{ channel = 'phone', direction = 'out', summary = 'Agreed the complaint', at = '2026-12-29', meets = 'contact' }
            local ok, message = pcall(c.log, c, { channel = 'phone', direction = 'out', summary = 'x', meets = 'visit' })
            return { due, still_running, c.clocks[2].met, c.clocks[2].met_late, c.clocks[2].late_by, c.overdue, message }
            """)
        // 2 working days from 22 December 2026: 23, 24 → 24 December; met on the 29th, late by one
        // working day (Christmas Day, the weekend and Boxing Day's substitute Monday 28th are not
        // working days). The acknowledgement (due 31 December) is not yet overdue on the 30th.
        #expect(result == .array([.date(try LocalDate(iso: "2026-12-24")), .boolean(true), .date(try LocalDate(iso: "2026-12-29")),
                                  .boolean(true), .integer(1), .boolean(false),
                                  .string("case:log: C-2026-000001: cannot record contact on 2026-12-30: stage 1 has no running clock 'visit'")]))
    }

    @Test func aTriageHookReturningNonsenseIsNamed() throws {
        let folder = try TemporaryFolder()
        let pack = try folder.write("bad-triage.lua", """
            return { name = "bad-triage", stages = { { name = "1" } },
                     triage = function(intake) return "complaint" end }
            """)
        let fixture = try Fixture(pack: pack)
        let message = try fixture.failure("cases.intake{ received = '2026-12-22', channel = 'email' }")
        #expect(message.contains("policy bad-triage: triage returned 'complaint'; expected { kind = ..., stage = ... }"), "\(message)")
        let kind = try folder.write("bad-kind.lua", """
            return { name = "bad-kind", stages = { { name = "1" } },
                     triage = function(intake) return { kind = "grumble" } end }
            """)
        let second = try Fixture(pack: kind)
        #expect(try second.failure("cases.intake{ received = '2026-12-22', channel = 'email' }")
            .contains("cases.intake: triage.kind: unknown kind 'grumble'"))
    }

    @Test func withoutAStoreTheAPISaysSo() throws {
        let error = try TestSupport.failure("cases.intake{ received = '2026-12-22', channel = 'email' }")
        #expect(error.message.hasPrefix("test:1: no case store is open"))
        let get = try TestSupport.failure("cases.get('C-2026-000001')")
        #expect(get.message.hasPrefix("test:1: cases.get: no case store is open"))
    }

    @Test func theModulesCompileOnFirstUse() throws {
        let result = try TestSupport.eval("""
            local before = rawget(cases, "intake") == nil and rawget(parties, "add") == nil
            local intake = cases.intake
            local names = {}
            for name in pairs(cases) do names[#names + 1] = name end
            table.sort(names)
            return { before, type(intake), getmetatable(cases) == nil, rawget(parties, "add") == nil,
                     type(parties.add), table.concat(names, " ") }
            """)
        #expect(result == .array([.boolean(true), .string("function"), .boolean(true), .boolean(true),
                                  .string("function"), .string("apply_retention find get intake learning_done")]))
    }

    @Test func modulesAreAlsoRequirable() throws {
        #expect(try TestSupport.eval("return require('redress.cases') == cases and require('redress.parties') == parties") == .boolean(true))
    }

    @Test func tracksGiveOtherKindsClocksAndMeetRecordsTheirDuties() throws {
        let folder = try TemporaryFolder()
        let pack = try folder.write("track-pack.lua", """
            return { name = "track-test", stages = { { name = "1" }, { name = "2" } },
                     kinds = { compliment = { clocks = { relay = { working_days = 3, from = "received" },
                                                         file = { working_days = 5, from = "received" } } } },
                     triage = function(intake)
                       if intake.compliment then return { kind = "compliment" } end
                       if intake.wrong_stage then return { kind = "enquiry", stage = "1" } end
                       if intake.enquiry then return { kind = "enquiry" } end
                       return { kind = "complaint" }
                     end }
            """)
        let fixture = try Fixture(pack: pack, asOf: "2027-01-04")
        let result = try fixture.run("""
            local c = cases.intake{ received = "2026-12-22", channel = "web", compliment = true }
            local relay, file = c.due.relay, c.due.file
            c:log{ channel = "email", direction = "out", summary = "Passed the thanks to the repairs team", at = "2026-12-23", meets = "relay" }
            c:meet{ clock = "file", on = "2027-01-04", reason = "on the officer's personal file" }
            local e = cases.intake{ received = "2026-12-22", channel = "web", enquiry = true }
            local ok, message = pcall(c.escalate, c, { on = "2027-01-04" })
            return { c.kind, c.stage, relay, file, c.clocks[1].met_late, c.clocks[2].met_late, e.stage == nil, message }
            """)
        // 3 and 5 working days from Tuesday 22 December 2026 (25 and 28 December are bank
        // holidays): relay by 29 December, file by 31 December (filed 4 January, late; the clocks
        // come in name order, file first).
        #expect(result == .array([.string("compliment"), .string("compliment"), .date(try LocalDate(iso: "2026-12-29")),
                                  .date(try LocalDate(iso: "2026-12-31")), .boolean(true), .boolean(false), .boolean(true),
                                  .string("case:escalate: C-2026-000001: cannot record escalated on 2027-01-04: the case is not a complaint: it has no stage to escalate from")]))
        #expect(try fixture.failure("cases.intake{ received = '2026-12-22', channel = 'web', wrong_stage = true }")
            .contains("cases.intake: triage.stage: a enquiry has no stage '1' (only complaints have stages)"))
    }

    @Test func triageAnswersAreCheckedAndTheSignpostJoinsTheReason() throws {
        let folder = try TemporaryFolder()
        let pack = try folder.write("verdict-pack.lua", """
            return { name = "verdict-test", stages = { { name = "1" } },
                     triage = function(intake)
                       if intake.typo then return { kind = "complaint", stgae = "1" } end
                       return { exclude = "legal proceedings have started", clause = "2.2(b)",
                                signpost = "You can ask the Housing Ombudsman to look at this decision." }
                     end }
            """)
        let fixture = try Fixture(pack: pack)
        let reason = try fixture.run("return cases.intake{ received = '2026-12-22', channel = 'email' }.exclusion.reason")
        #expect(reason == .string("legal proceedings have started. You can ask the Housing Ombudsman to look at this decision."))
        #expect(try fixture.failure("cases.intake{ received = '2026-12-22', channel = 'email', typo = true }")
            .contains("policy verdict-test: triage returned: unknown field 'stgae' (expected: clause, confidential, confidential_outcome, exclude, kind, signpost, stage)"))
    }

    /// The escalation window is the customer's: once it ends the case is not overdue for it, and
    /// no overdue list shows it. (Stage 1 answered Mon 4 Jan 2027 under a pack whose window is
    /// 10 working days: it ends Mon 18 Jan.)
    @Test func anEndedEscalationWindowIsNotOverdue() throws {
        let folder = try TemporaryFolder()
        let pack = try folder.write("window.lua", """
            return { name = "window", stages = {
              { name = "1", clocks = { respond = { working_days = 10, from = "received" },
                                       escalation_window = { working_days = 10, from = "decision_sent" } } },
              { name = "2", clocks = { respond = { working_days = 20, from = "escalated" } } } } }
            """)
        let fixture = try Fixture(pack: pack, asOf: "2027-02-01")
        let result = try fixture.run("""
            local c = cases.intake{ received = "2026-12-21", channel = "email" }
            c:respond{ on = "2027-01-04", outcome = "not_upheld", findings = "no fault" }
            c:refresh()
            return tostring(c.clocks[2].name) .. " " .. tostring(c.clocks[2].due) .. " " .. tostring(c.clocks[2].overdue)
              .. " " .. tostring(c.overdue) .. " " .. #cases.find{ overdue = true } .. " " .. #cases.find{ overdue = false }
            """)
        #expect(result == .string("escalation_window 2027-01-18 false false 0 1"))
        #expect(try fixture.failure("cases.get('C-2026-000001'):respond{ on = '2027-01-05' }")
            .contains("outcome: required (one of: not_upheld, partly_upheld, upheld)"))
    }
}
