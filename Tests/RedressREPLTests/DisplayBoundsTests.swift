import RedressCalendar
import RedressCore
import RedressLua
import Testing
@testable import RedressREPL

/// What the REPL reads of a result for display is bounded in depth and in count, so a hostile
/// table prints quickly, cut short with `{...}`, instead of recursing or running for ever.
@Suite struct DisplayBoundsTests {
    func shown(_ code: String) throws -> [Shown] {
        guard case .values(let values) = Evaluator(state: try TestSupport.state(), store: nil).evaluate(code) else {
            throw LuaError(kind: .other, message: "`\(code)` failed")
        }
        return values
    }

    /// Tables in `value`, counted each time they appear.
    func tables(_ value: Shown) -> Int {
        guard let table = value.table else { return 0 }
        return 1 + table.array.map(tables).reduce(0, +) + table.fields.map { tables($0.key) + tables($0.value) }.reduce(0, +)
    }

    @Test func aTableNestedSixtyThousandDeepIsCutAtTheDisplayDepth() throws {
        let values = try shown("(function() local t = {} for _ = 1, 60000 do t = { t } end return t end)()")
        #expect(values.count == 1)
        #expect(tables(values[0]) == 24)
        let json = Renderer(mode: .json, today: try LocalDate(iso: "2026-12-23")).render(values)
        #expect(json.hasPrefix(String(repeating: "[", count: 24) + "\"{...}\""))
    }

    @Test func aTableSharedManyTimesIsCutAtTheDisplayCount() throws {
        let values = try shown("(function() local t = {} for _ = 1, 40 do t = { t, t } end return t end)()")
        #expect(values.count == 1)
        #expect(tables(values[0]) <= 100_001)
        let text = Renderer(mode: .json, today: try LocalDate(iso: "2026-12-23")).render(values)
        #expect(text.contains("\"{...}\""))
    }
}
