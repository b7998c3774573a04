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
        // No column goes below six characters, or its header.
        #expect(table.render(width: 10).split(separator: "\n")[2] == "C-202…  estate_…  Pays a…")
    }

    @Test func cellsOnOneLine() {
        #expect(TextTable.cell("two\nlines\tand a tab") == "two lines and a tab")
        #expect(TextTable.fit("abcdef", to: 4) == "abc…")
        #expect(TextTable.fit("abc", to: 4) == "abc")
    }
}
