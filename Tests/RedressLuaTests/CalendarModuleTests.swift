import Testing
import RedressCore
@testable import RedressLua

@Suite struct CalendarModuleTests {
    @Test(arguments: [
        ("return tostring(calendar:add_working_days('2026-12-22', 5))", "2026-12-31"),
        ("return tostring(calendar:add_working_days(date('2026-12-22'), 5))", "2026-12-31"),
        ("return tostring(calendar:add_working_days('2026-12-29', -1))", "2026-12-24"),
        ("return tostring(calendar.region('scotland'):add_working_days('2026-06-12', 1))", "2026-06-16"),
        ("return tostring(calendar:region('scotland'):add_working_days('2026-06-12', 1))", "2026-06-16"),
        ("return tostring(calendar:working_days_between('2026-12-01', '2026-12-31'))", "20"),
        ("return tostring(calendar:is_working_day('2026-12-28'))", "false"),
        ("return tostring(calendar:next_working_day('2026-12-24'))", "2026-12-29"),
        ("return tostring(calendar:previous_working_day('2026-12-29'))", "2026-12-24"),
        ("return calendar:holiday('2026-12-28')", "Boxing Day (substitute day)"),
        ("return tostring(calendar:holiday('2026-12-29'))", "nil"),
        ("return calendar:name()", "england-and-wales"),
        ("return tostring(calendar)", "calendar: england-and-wales"),
        ("return tostring(require('redress.calendar') == calendar)", "true"),
        ("return tostring(#calendar.region('scotland'):holidays(2026))", "10"),
        ("local h = calendar:holidays(2026)[8] return h.date .. ' ' .. h.name .. ' ' .. h.kind", "2026-12-28 Boxing Day (substitute day) bank holiday"),
        ("return tostring(calendar.region('scotland') == calendar.region('scotland'))", "false"),
    ])
    func calendarBehavesAsDocumented(code: String, expected: String) throws {
        #expect(try TestSupport.eval(code).description == expected)
    }

    @Test func theActiveRegionComesFromOptions() throws {
        let state = try TestSupport.state { $0.region = .scotland }
        #expect(try TestSupport.eval("return calendar:name(), tostring(calendar:add_working_days('2026-06-12', 1))", in: state)
            == .string("scotland"))
        #expect(try state.run("return tostring(calendar:add_working_days('2026-06-12', 1))", name: "=t") == [.string("2026-06-16")])
    }

    @Test(arguments: [
        ("calendar:add_working_days('2026-12-22', 'x')", "test:1: bad argument #2 to 'add_working_days' (integer expected, got string)"),
        ("calendar:add_working_days('2026-12-22')", "test:1: bad argument #2 to 'add_working_days' (integer expected, got no value)"),
        ("calendar:add_working_days('2026-02-30', 1)", "test:1: bad argument #1 to 'add_working_days' (invalid date '2026-02-30')"),
        ("calendar:add_working_days(20261222, 1)", "test:1: bad argument #1 to 'add_working_days' (date expected, got number)"),
        ("calendar:add_working_days('1990-01-01', 1)", "test:1: bad argument #1 to 'add_working_days' (date 1990-01-01 is outside the calendar's range 1995-01-01 to 2100-12-31)"),
        ("calendar:add_working_days('2100-12-22', 50)", "test:1: 50 working days from 2100-12-22 falls outside the calendar's range 1995-01-01 to 2100-12-31"),
        ("calendar:working_days_between('2026-01-01', '2101-01-01')", "test:1: bad argument #2 to 'working_days_between' (date 2101-01-01 is outside the calendar's range 1995-01-01 to 2100-12-31)"),
        ("calendar:holidays(2101)", "test:1: bad argument #1 to 'holidays' (year 2101 is outside the calendar's range 1995–2100)"),
        ("calendar.region('wales')", "test:1: bad argument #1 to 'region' (unknown region 'wales' (expected one of: england-and-wales, scotland, northern-ireland))"),
        ("calendar.add_working_days(date('2026-12-22'), '2026-12-22', 1)", "test:1: bad argument #1 to 'add_working_days' (calendar expected, got date)"),
    ])
    func badArgumentsReadLikeLuasOwn(code: String, message: String) throws {
        #expect(try TestSupport.failure(code).message == message)
    }
}
