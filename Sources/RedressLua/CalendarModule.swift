import CLua
import LuaShim
import RedressCalendar
import RedressCore

/// A calendar handed to Lua: a region and closure days, its working-day index built on first
/// use (so start-up does not pay for calendars a script never asks about).
final class CalendarHandle {
    let region: Region
    let closures: [Holiday]
    private var built: WorkingDayCalendar?
    /// The state's `calendarGeneration` when `built` was made.
    private var builtGeneration = 0

    init(region: Region, closures: [Holiday] = []) {
        self.region = region
        self.closures = closures
    }

    func calendar(in state: LuaState) throws(LuaFault) -> WorkingDayCalendar {
        if let built, builtGeneration == state.calendarGeneration { return built }
        do {
            // On a store, its own changes and closure days count too (the user's files were
            // checked to change nothing of the store's region when the run began).
            let calendar = try state.storeCalendar?.calendar(region, holidays: state.loadedHolidayData(), packClosures: closures)
                ?? state.loadedHolidayData().calendar(region, closures: closures)
            built = calendar
            builtGeneration = state.calendarGeneration
            return calendar
        } catch let error as LuaError {
            throw .message(error.message)
        } catch {
            throw .message("\(error)")
        }
    }
}

/// The `calendar` module: the active region's working-day calendar as userdata, with methods
/// `add_working_days`, `working_days_between`, `is_working_day`, `next_working_day`,
/// `previous_working_day`, `holidays`, `holiday`, `name`, `version`, and `calendar.region(name)`.
/// Every date argument is a date value or ISO text.
enum CalendarModule {
    nonisolated(unsafe) static let classKey = UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1)

    static let functions: [(String, lshim_fn)] = [
        ("add_working_days", addWorkingDays), ("working_days_between", workingDaysBetween),
        ("is_working_day", isWorkingDay), ("next_working_day", nextWorkingDay),
        ("previous_working_day", previousWorkingDay), ("holidays", holidays), ("holiday", holiday),
        ("name", name), ("version", version), ("region", region), ("tostring", tostring),
    ]

    /// The calendar in argument `index`.
    static func calendar(_ lua: LuaCall, _ index: Int32 = 1) throws(LuaFault) -> WorkingDayCalendar {
        try handle(lua, index).calendar(in: lua.state)
    }

    static func handle(_ lua: LuaCall, _ index: Int32 = 1) throws(LuaFault) -> CalendarHandle {
        guard let pointer = lshim_topointer(lua.L, index, classKey) else {
            throw lua.typeError(index, expected: "calendar")
        }
        return Unmanaged<CalendarHandle>.fromOpaque(pointer).takeUnretainedValue()
    }

    static let addWorkingDays: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            let calendar = try calendar(lua)
            let start = try lua.date(2), count = try lua.integer(3)
            do throws(CalendarError) {
                lua.return(date: try calendar.addWorkingDays(start, count))
            } catch {
                throw error.fault(argument: 2)
            }
        }
    }

    static let workingDaysBetween: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            let calendar = try calendar(lua)
            let from = try lua.date(2), to = try lua.date(3)
            do throws(CalendarError) {
                lua.return(integer: try calendar.workingDaysBetween(from, to))
            } catch {
                throw error.fault(argument: calendar.isInRange(from) ? 3 : 2)
            }
        }
    }

    /// `body` on the calendar (argument 1) and a date (argument 2); a calendar error blames the date.
    static func query<T>(_ lua: LuaCall, _ body: (WorkingDayCalendar, LocalDate) throws(CalendarError) -> T) throws(LuaFault) -> T {
        let calendar = try calendar(lua)
        let day = try lua.date(2)
        do throws(CalendarError) {
            return try body(calendar, day)
        } catch {
            throw error.fault(argument: 2)
        }
    }

    static let isWorkingDay: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            lua.return(boolean: try query(lua) { calendar, day throws(CalendarError) in try calendar.isWorkingDay(day) })
        }
    }

    static let nextWorkingDay: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            lua.return(date: try query(lua) { calendar, day throws(CalendarError) in try calendar.nextWorkingDay(after: day) })
        }
    }

    static let previousWorkingDay: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            lua.return(date: try query(lua) { calendar, day throws(CalendarError) in try calendar.previousWorkingDay(before: day) })
        }
    }

    /// `calendar:holidays(year)`: an array of `{date = d, name = "...", kind = "bank holiday"|"closure"}`.
    static let holidays: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            let calendar = try calendar(lua)
            let year = try lua.integer(2)
            let list: [Holiday]
            do throws(CalendarError) {
                list = try calendar.holidays(year: year)
            } catch {
                throw error.fault(argument: 2)
            }
            try lua.return(.array(list.map {
                .map([.string("date"): .date($0.date), .string("name"): .string($0.name),
                      .string("kind"): .string($0.kind.rawValue)])
            }))
        }
    }

    /// `calendar:holiday(d)`: the name of the holiday or closure on d, or nil.
    static let holiday: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            if let found = try query(lua, { calendar, day throws(CalendarError) in try calendar.holiday(on: day) }) {
                try lua.return(.string(found.name))
            } else {
                lua.returnNil()
            }
        }
    }

    static let name: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            try lua.return(.string(try handle(lua).region.rawValue))
        }
    }

    static let version: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            try lua.return(.string(try calendar(lua).version))
        }
    }

    static let tostring: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            try lua.return(.string("calendar: \(try handle(lua).region.rawValue)"))
        }
    }

    /// `calendar.region(name)` (or `calendar:region(name)`): that region's calendar.
    static let region: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            let index: Int32 = lshim_topointer(lua.L, 1, classKey) != nil ? 2 : 1
            let name = try lua.string(index)
            guard let region = Region(rawValue: name) else {
                throw .argument(index, "unknown region '\(name)' (expected one of: \(Region.validNames))")
            }
            let handle = lua.state.calendarHandle(region: region)
            guard lshim_pushpointer_p(lua.L, Unmanaged.passUnretained(handle).toOpaque(), classKey) == LUA_OK else {
                throw .propagate
            }
            lua.returnTop()
        }
    }
}

extension WorkingDayCalendar {
    func isInRange(_ date: LocalDate) -> Bool {
        date >= first && date <= last
    }
}

extension LuaState {
    /// The calendar of `region` without closures, made once per state.
    func calendarHandle(region: Region, closures: [Holiday] = []) -> CalendarHandle {
        if closures.isEmpty, let existing = calendars.first(where: { $0.region == region && $0.closures.isEmpty }) {
            return existing
        }
        let handle = CalendarHandle(region: region, closures: closures)
        calendars.append(handle)
        return handle
    }
}
