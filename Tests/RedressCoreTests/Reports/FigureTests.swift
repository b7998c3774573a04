import Testing
@testable import RedressCore

/// The arithmetic of the reports' figures, and the reporting year, by hand.
@Suite struct FigureTests {
    @Test func figuresRoundHalfUpInWholeNumbers() {
        #expect(Figure.per1000(150, of: 12_000) == "12.50")
        #expect(Figure.per1000(1, of: 3) == "333.33")
        #expect(Figure.per1000(2, of: 3) == "666.67")
        #expect(Figure.per1000(0, of: 400) == "0.00")
        #expect(Figure.per1000(5, of: 0) == "n/a")
        #expect(Figure.percent(2, of: 3) == "66.7%")
        #expect(Figure.percent(1, of: 8) == "12.5%")
        #expect(Figure.percent(1, of: 16) == "6.3%")     // 6.25 rounds up
        #expect(Figure.percent(0, of: 0) == "n/a")
        #expect(Figure.pounds(123_405) == "£1,234.05")
        #expect(Figure.grouped(1_000_000) == "1,000,000")
        #expect(Figure.mean([11, 15, 20]) == "15.3")
        #expect(Figure.mean([]) == "n/a")
    }

    @Test func aReportingYearRunsFromAprilToMarch() {
        let year = ReportingYear(startYear: 2025)
        #expect(year.description == "2025/26")
        #expect(year.first.description == "2025-04-01" && year.last.description == "2026-03-31")
        #expect(ReportingYear(containing: TestData.date("2026-03-31")) == year)
        #expect(ReportingYear(containing: TestData.date("2026-04-01")) == ReportingYear(startYear: 2026))
        #expect(year.quarters.map { "\($0.name) \($0.first)..\($0.last)" } == [
            "2025/26 Q1 2025-04-01..2025-06-30", "2025/26 Q2 2025-07-01..2025-09-30",
            "2025/26 Q3 2025-10-01..2025-12-31", "2025/26 Q4 2026-01-01..2026-03-31"])
        #expect(year.months.first! == (2025, 4) && year.months.last! == (2026, 3))
        #expect(ReportingYear(startYear: 2099).description == "2099/00")
    }
}
