import RedressCalendar
import RedressCore
import RedressLua
import Testing
@testable import RedressREPL

/// How results print, read from real Lua values.
@Suite struct RendererTests {
    let today = try! LocalDate(iso: "2026-12-23")

    /// The results of `code` as the REPL reads them.
    func shown(_ code: String, in state: LuaState? = nil) throws -> [Shown] {
        let state = try state ?? TestSupport.state()
        guard case .values(let values) = Evaluator(state: state, store: nil).evaluate(code) else {
            throw LuaError(kind: .other, message: "`\(code)` failed")
        }
        return values
    }

    func render(_ code: String, mode: OutputMode = .column, width: Int? = nil) throws -> String {
        Renderer(mode: mode, width: width, today: today).render(try shown(code))
    }

    @Test func simpleValuesPrintAsLuaPrintsThem() throws {
        #expect(try render("1 + 1") == "2\n")
        #expect(try render("'text', nil, 1.5, true, 10 / 2") == "text\tnil\t1.5\ttrue\t5.0\n")
        #expect(try render("date('2026-12-22')") == "2026-12-22\n")
        #expect(try render("x = 1") == "")
        #expect(try render("print").hasPrefix("function: "))
        #expect(try render("calendar") == "calendar: england-and-wales\n")
    }

    @Test func nestedTablesAreReadableAndCyclesMarked() throws {
        #expect(try render("{ 1, 2, name = 'x', when = date('2026-12-22'), inner = { ok = true }, [10] = 'ten' }")
            == "{ 1, 2, inner = { ok = true }, name = \"x\", when = 2026-12-22, [10] = \"ten\" }\n")
        #expect(try render("local t = { name = 'loop' } t.self = t return t") == "{ name = \"loop\", self = <cycle> }\n")
        let wide = try render("{ first = string.rep('a', 30), second = string.rep('b', 30), list = { 1, 2, 3 } }", width: 40)
        #expect(wide == """
            {
              first = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
              list = { 1, 2, 3 },
              second = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
            }

            """)
    }

    @Test func rowsPrintAsAnAlignedTableWithACount() throws {
        let text = try render("{ { ref = 'C-1', days = 3 }, { ref = 'C-22', days = 12, note = 'late' } }")
        #expect(text == """
            days  note  ref
            ----  ----  ----
               3        C-1
              12  late  C-22
            (2 rows)

            """)
    }

    @Test func sqlRowsKeepTheQuerysColumnOrder() throws {
        let fixture = try Fixture()
        try fixture.intake(summary: "Damp in the bedroom, reported three times since the summer and never fixed")
        let values = try fixture.state.withTransaction(on: fixture.store) {
            try shown("sql('select ref, status, summary from cases')", in: fixture.state)
        }
        let text = Renderer(width: 40, today: today).render(values)
        #expect(text == """
            ref            status  summary
            -------------  ------  -----------------
            C-2026-000001  open    Damp in the bedr…
            (1 row)

            """)
        let none = try fixture.state.withTransaction(on: fixture.store) {
            try shown("sql('select ref, status from cases where ref = ?', 'none')", in: fixture.state)
        }
        #expect(Renderer(today: today).render(none) == "ref  status\n---  ------\n(0 rows)\n")
        #expect(Renderer(mode: .json, today: today).render(none) == "[]\n")
    }

    @Test func aCasePrintsAsACardAndCasesAsATable() throws {
        let fixture = try Fixture()
        let ref = try fixture.intake(received: "2026-12-01", summary: "Boiler broken", name: "Ann Example")
        let (one, many) = try fixture.state.withTransaction(on: fixture.store) {
            (try shown("cases.get('\(ref)')", in: fixture.state), try shown("cases.find{}", in: fixture.state))
        }
        // Received Tuesday 1 December: acknowledge within 5 working days, by Tuesday 8 December;
        // on Wednesday 23 December that is 11 working days late (9-11, 14-18, 21-23 December).
        // The response runs from the acknowledgement (Code 6.3): it waits, and the acknowledge
        // clock says when that is owed.
        #expect(Renderer(today: today).render(one) == """
            \(ref)  complaint · stage 1 · open · overdue
              complainant  Ann Example (party 1)
              received     2026-12-01 · email · repairs
              summary      Boiler broken
              next due     acknowledge 2026-12-08 · overdue by 11 working days
              waiting      respond waits for acknowledged (owed by the acknowledge clock)

            """)
        #expect(Renderer(today: today).render(many) == """
            ref            kind       stage  status  next due    clock        overdue          complainant  summary
            -------------  ---------  -----  ------  ----------  -----------  ---------------  -----------  -------------
            \(ref)  complaint  1      open    2026-12-08  acknowledge  11 working days  Ann Example  Boiler broken
            (1 row)

            """)
        #expect(Renderer(mode: .csv, today: today).render(many) == """
            ref,kind,stage,status,received,channel,category,next_clock,next_due,overdue,complainant,summary\r
            \(ref),complaint,1,open,2026-12-01,email,repairs,acknowledge,2026-12-08,yes,Ann Example,Boiler broken\r

            """)
    }

    /// At 80 and 60 columns the reference, status and due date stay whole; kind, clock, stage
    /// and complainant are left out in that order (and named); the summary is what gets cut.
    @Test func aCaseTableFitsAt80And60Columns() throws {
        let fixture = try Fixture()
        let ref = try fixture.intake(received: "2026-12-01",
                                     summary: "Damp in the bedroom, reported three times since the summer and never fixed")
        let many = try fixture.state.withTransaction(on: fixture.store) { try shown("cases.find{}", in: fixture.state) }
        // 13 + 5 + 6 + 10 + 15 + 11 and six gaps of 2 is 72: the summary gets 8 of 80.
        #expect(Renderer(width: 80, today: today).render(many) == """
            ref            stage  status  next due    overdue          complainant  summary
            -------------  -----  ------  ----------  ---------------  -----------  --------
            \(ref)  1      open    2026-12-08  11 working days  Ann Example  Damp in…
            (1 row; not shown at this width: kind, clock)

            """)
        // 13 + 6 + 10 + 15 and four gaps is 52: the summary gets 8 of 60.
        #expect(Renderer(width: 60, today: today).render(many) == """
            ref            status  next due    overdue          summary
            -------------  ------  ----------  ---------------  --------
            \(ref)  open    2026-12-08  11 working days  Damp in…
            (1 row; not shown at this width: kind, stage, clock, complainant)

            """)
        // In boxes at 60 (three characters a column and one) only the summary is left out.
        let box = Renderer(mode: .box, width: 60, today: today).render(many).split(separator: "\n")
        #expect(box[3] == "│ \(ref) │ open   │ 2026-12-08 │ 11 working days │")
        #expect(box.last == "(not shown at this width: kind, stage, clock, complainant, summary)")
    }

    /// `.mode json` writes `sql()` rows as the sqlite3 shell does: the query's column order, and
    /// null for a NULL (which a Lua table cannot hold).
    @Test func jsonKeepsTheQuerysColumnOrder() throws {
        let fixture = try Fixture()
        let ref = try fixture.intake()
        let values = try fixture.state.withTransaction(on: fixture.store) {
            try shown("sql('select status, ref, null as gone, 2 as n from cases')", in: fixture.state)
        }
        #expect(Renderer(mode: .json, today: today).render(values) == "[{\"status\":\"open\",\"ref\":\"\(ref)\",\"gone\":null,\"n\":2}]\n")
        #expect(Renderer(mode: .list, today: today).render(values) == "status|ref|gone|n\nopen|\(ref)||2\n")
        #expect(Renderer(mode: .list, today: today, headers: false).render(values) == "open|\(ref)||2\n")
        #expect(Renderer(mode: .csv, today: today, headers: false).render(values) == "open,\(ref),,2\r\n")
        // As the sqlite3 shell: names right-aligned to at least five, a blank line between rows.
        #expect(Renderer(mode: .line, today: today).render(values) == "status = open\n   ref = \(ref)\n  gone = \n     n = 2\n")
        #expect(try render("{ { a = 1 }, { a = 22 } }", mode: .line) == "    a = 1\n\n    a = 22\n")
        // A row taken out of the result keeps the order too (its NULL is no field in Lua).
        let row = try fixture.state.withTransaction(on: fixture.store) {
            try shown("local rows = sql('select status, ref, null as gone, 2 as n from cases') return rows[1]", in: fixture.state)
        }
        #expect(Renderer(mode: .json, today: today).render(row) == "{\"status\":\"open\",\"ref\":\"\(ref)\",\"n\":2}\n")
        #expect(Renderer(today: today).render(row) == "{ status = \"open\", ref = \"\(ref)\", n = 2 }\n")
        #expect(Renderer(mode: .csv, today: today).render(row) == "status,ref,n\r\nopen,\(ref),2\r\n")
        // A copy made in Lua is a table of its own: its keys print in the usual order.
        let copy = try fixture.state.withTransaction(on: fixture.store) {
            try shown("local r = sql('select status, ref from cases')[1] return { status = r.status, ref = r.ref }", in: fixture.state)
        }
        #expect(Renderer(mode: .json, today: today).render(copy) == "{\"ref\":\"\(ref)\",\"status\":\"open\"}\n")
    }

    @Test func aCardShowsTheFactsOfItsIntakeAndTheAcceptanceWindow() throws {
        let fixture = try Fixture()
        let shownCase = try fixture.state.withTransaction(on: fixture.store) {
            try fixture.state.run("""
                cases.intake{ received = "2026-12-01", channel = "letter", category = "repairs", summary = "Old leak",
                              event_date = "2024-05-01", aware_date = "2025-11-30", asked_for_complaint = true }
                """, name: "=t")
            return try shown("cases.get('C-2026-000001')", in: fixture.state)
        }
        // The Code 2.3, from the later date: 30 November 2025 + 12 months is 30 November 2026,
        // the last day; 1 December is a day late.
        #expect(Renderer(today: today).render(shownCase) == """
            C-2026-000001  complaint · stage 1 · excluded
              received     2026-12-01 · letter · repairs
              summary      Old leak
              facts        asked_for_complaint · aware_date 2025-11-30 · event_date 2024-05-01
              window       outside: 12 months from aware_date 2025-11-30, last day 2026-11-30; received 2026-12-01 [Code 2.3]
              excluded     the issue arose more than 12 months before the complaint (2025-11-30); we will consider accepting it if there are good reasons it was not raised sooner. \(Self.signpost) (Code 2.2(a), 2.3)

            """)
    }

    /// The Ombudsman's details every hos-code exclusion gives (Scripts/lib/ombudsman.lua).
    static let signpost = "You can ask the Housing Ombudsman Service to look at this decision: info@housing-ombudsman.org.uk, 0300 111 3000, PO Box 152, Liverpool L33 7WQ."

    @Test func aCardShowsTheRemedyOfferAndHowTheCaseEnded() throws {
        let fixture = try Fixture()
        let ref = try fixture.intake(received: "2026-12-01", summary: "Boiler broken", name: "Ann Example")
        let (offered, ended) = try fixture.state.withTransaction(on: fixture.store) {
            try fixture.state.run("""
                local c = cases.get('\(ref)')
                c:acknowledge{ on = "2026-12-02" }
                c:respond{ on = "2026-12-09", outcome = "upheld", findings = "Boiler repair late",
                           remedy = { items = { { kind = "apology", reason = "late" },
                                                { kind = "loss_of_amenity", pence = 9000, reason = "six days without heating" } },
                                      accept_by = "2027-02-03" } }
                """, name: "=t")
            let offered = try shown("cases.get('\(ref)')", in: fixture.state)
            try fixture.state.run("""
                local c = cases.get('\(ref)')
                c:accept_remedy{ on = "2026-12-15" }
                c:close{ on = "2026-12-16", reason = "remedy paid" }
                """, name: "=t")
            return (offered, try shown("cases.get('\(ref)')", in: fixture.state))
        }
        #expect(Renderer(today: today).render(offered).split(separator: "\n").last == "  remedy       £90.00 offered 2026-12-09 · open, to accept by 2027-02-03")
        #expect(Renderer(today: today).render(ended).split(separator: "\n").suffix(2) == [
            "  ended        closed 2026-12-16 · remedy paid",
            "  remedy       £90.00 offered 2026-12-09 · accepted 2026-12-15",
        ])
    }

    @Test func theOtherModes() throws {
        let code = "{ name = 'a \"b\"', list = { 1, 2.5 }, when = date('2026-12-22') }"
        #expect(try render(code, mode: .json) == "{\"list\":[1,2.5],\"name\":\"a \\\"b\\\"\",\"when\":\"2026-12-22\"}\n")
        #expect(try render(code, mode: .lua) == "{ list = { 1, 2.5 }, name = \"a \\\"b\\\"\", when = date(\"2026-12-22\") }\n")
        #expect(try render("'x', 1", mode: .lua) == "\"x\", 1\n")
        #expect(try render("{ { a = 1, b = 'x, y' } }", mode: .csv) == "a,b\r\n1,\"x, y\"\r\n")
        #expect(try render("'plain'", mode: .csv) == "plain\r\n")
    }
}
