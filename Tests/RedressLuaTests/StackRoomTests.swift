import RedressCalendar
import RedressCore
import Testing
@testable import RedressLua

/// Reading many results: after a call that returns them all (LUA_MULTRET) the stack has no free
/// slot, and recognising a date or a calendar pushes two values. Each reader makes room first
/// (an unchecked push aborts under LUA_USE_APICHECK, and writes past the stack without it).
@Suite struct StackRoomTests {
    @Test func manyUserdataResultsAreReadWithRoomMade() throws {
        let state = try TestSupport.state()
        let results = try state.run("""
            local t = {}
            for i = 1, 300 do t[i] = i % 2 == 0 and date('2026-01-01') + i or calendar end
            return table.unpack(t)
            """, name: "=t")
        #expect(results.count == 300)
        #expect(results[1] == .date(try LocalDate(iso: "2026-01-03")))
        #expect(results[0] == .opaque("calendar"))
        #expect(results[299] == .date(try LocalDate(iso: "2026-10-28")))
    }
}
