import Foundation
import GRDB
import RedressCalendar
import RedressCore
import Testing
@testable import RedressLua

/// Redaction through the real host: a pack that names who sees withheld identities and
/// confidential outcomes, and what `sql()`, `parties.get` and case objects show each role.
@Suite struct ConfidentialityTests {
    static let pack = """
        return {
          name = "confidential-test",
          stages = { { name = "1", clocks = { acknowledge = { working_days = 5, from = "received" } } } },
          confidentiality = { identity_roles = { "resolution_team" }, outcome_roles = { "manager" },
                              reveal_roles = { "manager" }, reveal_reason = true },
          triage = function(intake)
            return { kind = "complaint", confidential_outcome = intake.category == "staff_conduct" }
          end,
        }
        """

    final class Fixture {
        let folder: TemporaryFolder
        let store: CaseStore

        init() throws {
            folder = try TemporaryFolder()
            let packPath = try folder.write("pack.lua", ConfidentialityTests.pack)
            store = try CaseStore(path: folder.path + "/store.sqlite")
            try store.bind(to: PolicyLoader.load(path: packPath, in: TestSupport.state()), source: packPath, actor: "boss")
            try store.addUser("boss", role: "manager", by: "boss")
            try store.addUser("taker", role: "complaints_officer", by: "boss")
            try store.addUser("res", role: "resolution_team", by: "boss")
            try store.addUser("ana", role: "analyst", by: "boss")
        }

        /// Runs `code` as `user`; returns its first result.
        @discardableResult
        func run(_ code: String, as user: String) throws -> LuaValue {
            try store.identify(user)
            let state = try TestSupport.state { $0.asOf = try! LocalDate(iso: "2026-12-23") }
            state.recorder = Recorder(actor: user, script: "ConfidentialityTests")
            return try state.withTransaction(on: store) { try state.run(code, name: "=test").first ?? .nil }
        }
    }

    @Test func eachRoleSeesWhatThePackAllowsThroughEveryPath() throws {
        let fixture = try Fixture()
        try fixture.run("""
            local c = cases.intake{ received = "2026-12-22", channel = "phone", category = "staff_conduct", anonymous = true,
                                    complainant = { name = "Ann Secret", email = "ann@example.org" } }
            c:acknowledge{ on = "2026-12-23" }
            c:respond{ on = "2027-01-06", outcome = "upheld", findings = "the officer was rude" }
            """, as: "taker")
        let read = """
            local p = sql("select name, email from parties")[1]
            local d = sql("select outcome, findings from decisions")[1]
            local party = parties.get(cases.get("C-2026-000001").complainant)
            return p.name .. "|" .. p.email .. "|" .. d.outcome .. "|" .. d.findings .. "|" .. party.name
            """
        #expect(try fixture.run(read, as: "taker") == .string("Ann Secret|ann@example.org|[confidential]|[confidential]|Ann Secret"))
        #expect(try fixture.run(read, as: "res") == .string("Ann Secret|ann@example.org|[confidential]|[confidential]|Ann Secret"))
        #expect(try fixture.run(read, as: "boss") == .string("[withheld]|[withheld]|upheld|the officer was rude|[withheld]"))
        #expect(try fixture.run(read, as: "ana") == .string("[withheld]|[withheld]|[confidential]|[confidential]|[withheld]"))
        // A returning complainant is matched by email only for someone who may see them: for
        // anyone else the address is new (a second party), so an intake confirms no guess.
        let returning = "return cases.intake{ received = '2026-12-23', channel = 'email', complainant_email = 'ann@example.org' }.complainant"
        #expect(try fixture.run(returning, as: "ana") == .integer(2))
        #expect(try fixture.run(returning, as: "res") == .integer(1))
        #expect(try fixture.store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM main.parties") } == 2)
    }

    /// Naming the tables past their redacting views (`main.`, a CTE, a subquery, a JSON
    /// function, raw pages) reads NULL or a placeholder where the viewer may not see, or is
    /// refused: SQLite's authorizer hides the columns, whatever the query's text.
    @Test(arguments: ["select name || '|' || email from main.parties", "select findings from \"main\".decisions",
                      "with p as (select * from main.parties) select group_concat(name) || group_concat(email) from p",
                      "select json_group_array(json_object('n', name, 'e', email, 'a', address)) from (select * from main.parties)",
                      "select (select outcome || findings from main.decisions) as x",
                      "select data from sqlite_dbpage"])
    func sqlCannotReadPastTheRedaction(query: String) throws {
        let fixture = try Fixture()
        try fixture.run("""
            local c = cases.intake{ received = "2026-12-22", channel = "phone", category = "staff_conduct", anonymous = true,
                                    complainant = { name = "Ann Secret", email = "ann@example.org", address = "1 Hidden Road" } }
            c:acknowledge{ on = "2026-12-23" }
            c:respond{ on = "2027-01-06", outcome = "upheld", findings = "the officer was rude" }
            """, as: "taker")
        do {
            let rows = try fixture.run("""
                local out = {}
                for _, row in ipairs(sql([[\(query)]])) do for _, v in pairs(row) do out[#out + 1] = tostring(v) end end
                return table.concat(out, ";")
                """, as: "ana")
            for secret in ["Ann Secret", "ann@example.org", "1 Hidden Road", "upheld", "the officer was rude"] {
                #expect(!"\(rows)".contains(secret), "\(query) read \(rows)")
            }
        } catch let error as LuaError {
            #expect(error.message.contains("sql"), "\(error.message)")
        }
    }

    /// Retention from a scheduled Lua job: the pack's period, through the real host.
    @Test func retentionRunsFromLua() throws {
        let folder = try TemporaryFolder()
        let packPath = try folder.write("pack.lua", "return { name = 'r', stages = { { name = '1' } }, retention = { years = 6 } }")
        let store = try CaseStore(path: folder.path + "/store.sqlite")
        let state = try TestSupport.state()
        try store.bind(to: PolicyLoader.load(path: packPath, in: state), source: packPath, actor: "jo")
        let report = try state.withTransaction(on: store) {
            try state.run("""
                local c = cases.intake{ received = "2019-05-07", channel = "email", summary = "Damp in the bedroom",
                                        complainant = { name = "Old Case", email = "old@example.org" } }
                c:close{ on = "2019-06-03", reason = "resolved" }
                local dry = cases.apply_retention{ as_of = "2026-12-01", dry_run = true }
                local done = cases.apply_retention{ as_of = "2026-12-01" }
                local again = cases.apply_retention{ as_of = "2026-12-01" }
                return table.concat({ tostring(dry.cutoff), dry.cases[1], tostring(dry.dry_run), done.cases[1], #again.cases,
                                      sql("select name from parties")[1].name, tostring(sql("select summary from cases")[1].summary) }, " ")
                """, name: "=t").first
        }
        #expect(report == .string("2020-12-01 C-2019-000001 true C-2019-000001 0 [anonymised] nil"))
        do {
            try state.withTransaction(on: store) { try state.run("cases.apply_retention{ dryrun = true }", name: "=t") }
            Issue.record("accepted a misspelled field")
        } catch let error as LuaError {
            #expect(error.message.contains("cases.apply_retention: unknown field 'dryrun' (expected: as_of, dry_run)"), "\(error.message)")
        }
    }

    /// The seeds' own words: southern-charity's anonymous complainant is known to "a member of the
    /// Resolution team"; WDH's staff-conduct outcome "must remain confidential".
    @Test func theSeedPacksDeclareTheirConfidentiality() throws {
        let charity = try PolicyLoader.load(path: TestSupport.scripts + "/policies/southern-charity.lua", in: TestSupport.state())
        #expect(charity.confidentiality.identityRoles == ["resolution_team"])
        let wdh = try PolicyLoader.load(path: TestSupport.scripts + "/policies/wdh.lua", in: TestSupport.state())
        #expect(wdh.confidentiality.outcomeRoles == ["investigating_officer", "manager"])
    }

    @Test func badConfidentialityDeclarationsNameTheField() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("bad.lua", """
            return { name = "x", stages = { { name = "1" } }, confidentiality = { identity_roles = { "receptionist" } } }
            """)
        #expect(throws: PolicyError(field: "confidentiality.identity_roles[1]",
                                    message: "unknown role 'receptionist' (expected one of: complaints_officer, investigating_officer, resolution_team, manager, head_of_customer_feedback, analyst, auditor)",
                                    source: path)) {
            try PolicyLoader.load(path: path, in: TestSupport.state())
        }
        for (retention, field, message) in [("{ years = 0 }", "retention.years", "expected a whole number above 0, got 0"),
                                            ("{ decades = 1 }", "retention.decades", "unknown key (expected one of: months, years)"),
                                            ("{ years = 6, months = 2 }", "retention", "give one of years =, months = (how long after closure personal data is kept)")] {
            let file = try folder.write("r.lua", "return { name = 'x', stages = { { name = '1' } }, retention = \(retention) }")
            #expect(throws: PolicyError(field: field, message: message, source: file)) { try PolicyLoader.load(path: file, in: TestSupport.state()) }
        }
        let good = try folder.write("g.lua", "return { name = 'x', stages = { { name = '1' } }, retention = { years = 6 } }")
        #expect(try PolicyLoader.load(path: good, in: TestSupport.state()).retentionMonths == 72)
    }
}
