import Testing
@testable import RedressREPL

@Suite struct TextTableTests {
    @Test func theWidestColumnGivesWayAndCutTextEndsInAnEllipsis() {
        let table = TextTable(headers: ["ref", "summary"], rows: [["C-1", "A long summary of the complaint"], ["C-2", "Short"]])
        #expect(table.render(width: nil) == """
            ref  summary
            ---  -------------------------------
            C-1  A long summary of the complaint
            C-2  Short
            (2 rows)

            """)
        #expect(table.render(width: 20) == """
            ref  summary
            ---  ---------------
            C-1  A long summary…
            C-2  Short
            (2 rows)

            """)
    }

    @Test func longTextGivesWayBeforeShortColumns() {
        let table = TextTable(headers: ["ref", "category", "summary"],
                              rows: [["C-2026-000209", "estate_services", "Pays a service charge for the communal lights but it is never done."]])
        // The summary gives way first, down to 16 characters...
        #expect(table.render(width: 50).split(separator: "\n")[2] == "C-2026-000209  estate_services  Pays a service ch…")
        // ...and only then the widest of the rest.
        #expect(table.render(width: 46).split(separator: "\n")[2] == "C-2026-000209  estate_servic…  Pays a service…")
        // No column goes below six characters, or its header (6 + 8 + 7 and two gaps of 2 is 25)...
        #expect(table.render(width: 25).split(separator: "\n")[2] == "C-202…  estate_…  Pays a…")
        // ...and when even that is too wide, the right-most columns are left out, and named; the
        // rest fit again from their full widths (13 + 15 + 2 = 30 into 24: widest first, 11 each).
        #expect(table.render(width: 24) == """
            ref          category
            -----------  -----------
            C-2026-000…  estate_ser…
            (1 row; not shown at this width: summary)

            """)
    }

    /// A reference, a date and a status are never cut, at any width: the free text gives way,
    /// and then is left out, rather than one of them.
    @Test func keptColumnsAreNeverCut() {
        let table = TextTable(headers: ["ref", "status", "received", "note", "summary"],
                              rows: [["C-2026-000209", "open", "2026-11-02", "chased twice by phone", "Pays a service charge for the communal lights"]],
                              kept: [0, 1, 2])
        // 13 + 6 (the header) + 10, four gaps of 2, and note and summary at six or their header (7):
        // 29 + 8 + 6 + 7 = 50.
        #expect(table.render(width: 50).split(separator: "\n")[2] == "C-2026-000209  open    2026-11-02  chase…  Pays a…")
        // At 49 the summary is left out, and the note fits again: 49 - 29 - 6 = 14.
        #expect(table.render(width: 49) == """
            ref            status  received    note
            -------------  ------  ----------  --------------
            C-2026-000209  open    2026-11-02  chased twice …
            (1 row; not shown at this width: summary)

            """)
        // Narrower than the kept columns themselves: they overflow rather than be cut.
        #expect(table.render(width: 20).split(separator: "\n")[2] == "C-2026-000209  open    2026-11-02")
        // Boxes take 3 characters a column and 1: five columns need 29 + 6 + 7 + 16 = 58; in 52
        // the summary is left out and the note gets 52 - 29 - 13 = 10.
        #expect(table.render(width: 52, style: .box).split(separator: "\n")[3] == "│ C-2026-000209 │ open   │ 2026-11-02 │ chased tw… │")
    }

    /// The sqlite3 shell's (3.40.1) output for `create table t(a,b); insert into t values(1,'x y'),(22,'hello');
    /// select * from t` with `.headers on` in each mode.
    @Test func stylesAreTheSqlite3ShellsModes() {
        let table = TextTable(headers: ["a", "b"], rows: [["1", "x y"], ["22", "hello"]])
        #expect(table.render(width: nil, style: .box) == """
            ┌────┬───────┐
            │ a  │   b   │
            ├────┼───────┤
            │ 1  │ x y   │
            │ 22 │ hello │
            └────┴───────┘

            """)
        #expect(table.render(width: nil, style: .table) == """
            +----+-------+
            | a  |   b   |
            +----+-------+
            | 1  | x y   |
            | 22 | hello |
            +----+-------+

            """)
        #expect(table.render(width: nil, style: .markdown) == """
            | a  |   b   |
            |----|-------|
            | 1  | x y   |
            | 22 | hello |

            """)
        // Column mode, with the row count the REPL adds; `.headers off` leaves out the names.
        #expect(table.render(width: nil, style: .column) == "a   b\n--  -----\n1   x y\n22  hello\n(2 rows)\n")
        #expect(table.render(width: nil, style: .column, showHeaders: false) == "1   x y\n22  hello\n(2 rows)\n")
    }

    @Test func cellsOnOneLine() {
        #expect(TextTable.cell("two\nlines\tand a tab") == "two lines and a tab")
        #expect(TextTable.fit("abcdef", to: 4) == "abc…")
        #expect(TextTable.fit("abc", to: 4) == "abc")
    }
}
