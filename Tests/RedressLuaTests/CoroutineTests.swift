import Foundation
import Testing
import RedressCore
@testable import RedressLua

/// Host functions called from a coroutine read their arguments from, and push their results
/// onto, the coroutine's own stack (the lua_State they were called with), not the main thread's.
@Suite struct CoroutineTests {
    @Test func dateAndCalendarFunctionsWorkInsideCoroutines() throws {
        let value = try TestSupport.eval("""
            local results = {}
            local co = coroutine.wrap(function(a, b)
              results[#results + 1] = tostring(date(a))
              coroutine.yield()
              results[#results + 1] = tostring(calendar:add_working_days(b, 5))
              results[#results + 1] = tostring(date("2026-01-31"):add_months(1))
              results[#results + 1] = #calendar:holidays(2026)
              results[#results + 1] = calendar:working_days_between("2026-12-22", "2027-01-04")
              return tostring(date("2026-01-01"))
            end)
            co("2026-03-01", "2026-12-22")
            local last = co()
            results[#results + 1] = last
            return table.concat(results, " ")
            """)
        #expect(value == .string("2026-03-01 2026-12-31 2026-02-28 8 6 2026-01-01"))
        #expect(try TestSupport.eval("return coroutine.wrap(function() return tostring(date('2026-01-01')) end)()")
            == .string("2026-01-01"))
    }

    @Test func errorsRaisedInsideACoroutineNameTheArgument() throws {
        let value = try TestSupport.eval("""
            return select(2, coroutine.resume(coroutine.create(function() return calendar:add_working_days("2026-12-22", "x") end)))
            """)
        #expect(value == .string("test:1: bad argument #2 to 'add_working_days' (integer expected, got string)"))
    }

    @Test func sqlAndCasesWorkInsideCoroutines() throws {
        let fixture = try CasesModuleTests.Fixture()
        try fixture.run("cases.intake{ received = '2026-12-22', channel = 'email', category = 'repairs', complainant = { name = 'Ann' } }")
        let value = try fixture.run("""
            local co = coroutine.wrap(function()
              local rows = sql("select ref, received from cases where received = ?", date("2026-12-22"))
              coroutine.yield(#rows)
              local found = cases.find{}
              local case = cases.get(rows[1].ref)
              return rows[1].ref .. " " .. rows[1].received .. " " .. #found .. " " .. tostring(case.received)
            end)
            local n = co()
            return n .. " " .. co()
            """)
        #expect(value == .string("1 C-2026-000001 2026-12-22 1 2026-12-22"))
    }
}
