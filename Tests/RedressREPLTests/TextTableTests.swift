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

    @Test func columnsStopShrinkingAtTheirFloor() {
        let table = TextTable(headers: ["category", "summary"], rows: [["estate_services", "Lights never done"]])
        let text = table.render(width: 10)
        // Neither column goes below eight characters (its header) or six.
        #expect(text.split(separator: "\n")[2] == "estate_…  Lights…")
    }

    @Test func cellsOnOneLine() {
        #expect(TextTable.cell("two\nlines\tand a tab") == "two lines and a tab")
        #expect(TextTable.fit("abcdef", to: 4) == "abc…")
        #expect(TextTable.fit("abc", to: 4) == "abc")
    }
}
