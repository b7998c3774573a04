import RedressCalendar
import RedressCore
import Testing
@testable import RedressLua

@Suite struct DateModuleTests {
    @Test(arguments: [
        ("return tostring(date('2026-12-22'))", "2026-12-22"),
        ("return tostring(date(2026, 2, 28))", "2026-02-28"),
        ("return tostring(date(date('2026-12-22')))", "2026-12-22"),
        ("return tostring(date('2026-03-31'):add_months(1))", "2026-04-30"),
        ("return tostring(date('2024-01-31'):add_months(1))", "2024-02-29"),
        ("return tostring(date('2026-12-22') + 10)", "2027-01-01"),
        ("return tostring(10 + date('2026-12-22'))", "2027-01-01"),
        ("return tostring(date('2026-12-22') - 22)", "2026-11-30"),
        ("return tostring(date('2027-01-01') - date('2026-12-22'))", "10"),
        ("return tostring(date('2026-12-22') < date('2026-12-23'))", "true"),
        ("return tostring(date('2026-12-22') <= '2026-12-22')", "true"),
        ("return tostring(date('2026-12-22') == date('2026-12-22'))", "true"),
        ("return tostring(date('2026-12-22') == date('2026-12-23'))", "false"),
        ("return 'due ' .. date('2026-12-22') .. '!'", "due 2026-12-22!"),
        ("return date('2026-12-22'):weekday()", "Tuesday"),
        ("return tostring(date('2026-12-27'):weekday_number())", "7"),
        ("return tostring(date('2026-12-26'):is_weekend())", "true"),
        ("local d = date('2026-12-22') return d.year .. '/' .. d.month .. '/' .. d.day", "2026/12/22"),
        ("return tostring(date('2026-12-22'):add_weeks(2))", "2027-01-05"),
        ("return tostring(date('2024-02-29'):add_years(1))", "2025-02-28"),
        ("return tostring(date('2026-12-22'):add_days(-1))", "2026-12-21"),
        ("return date('2026-12-22'):iso()", "2026-12-22"),
        ("return getmetatable(date('2026-12-22'))", "date"),
        ("local t = {} t[date('2026-12-22')] = 1 return tostring(t[date('2026-12-22')])", "nil"),
    ])
    func datesBehaveAsDocumented(code: String, expected: String) throws {
        #expect(try TestSupport.eval(code).description == expected)
    }

    @Test(arguments: [
        ("date('2026-02-30')", "test:1: bad argument #1 to 'date' (invalid date '2026-02-30')"),
        ("date('tomorrow')", "test:1: bad argument #1 to 'date' (invalid date 'tomorrow')"),
        ("date('')", "test:1: bad argument #1 to 'date' (invalid date '')"),
        ("date({})", "test:1: bad argument #1 to 'date' (date expected, got table)"),
        ("date(2026, 13, 1)", "test:1: invalid date: month 13 is not between 1 and 12"),
        ("date('2026-12-22'):add_months('x')", "test:1: bad argument #1 to 'add_months' (integer expected, got string)"),
        ("date('2026-12-22'):add_days(1.5)", "test:1: bad argument #1 to 'add_days' (number has no integer representation)"),
        ("return date('2026-12-22') + 'x'", "test:1: bad argument #2 to 'add' (integer expected, got string)"),
        ("return date('2026-12-22') < 5", "test:1: bad argument #2 to 'lt' (date expected, got number)"),
        ("return date('2026-12-22') .. {}", "test:1: attempt to concatenate a table value"),
    ])
    func badArgumentsReadLikeLuasOwn(code: String, message: String) throws {
        #expect(try TestSupport.failure(code).message == message)
    }

    @Test func todayHonoursAsOf() throws {
        let state = try TestSupport.state { $0.asOf = try! LocalDate(iso: "2026-12-22") }
        #expect(try TestSupport.eval("return tostring(date.today())", in: state) == .string("2026-12-22"))
        #expect(try TestSupport.eval("return tostring(require('redress.date').today())", in: state) == .string("2026-12-22"))
        // Without --as-of: a real date, this year or later.
        #expect(try TestSupport.eval("return date.today().year >= 2026") == .boolean(true))
    }
}
