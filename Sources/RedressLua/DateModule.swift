import CLua
import LuaShim
import RedressCalendar
import RedressCore

#if canImport(Glibc)
import Glibc
#endif

/// The `date` module: dates as userdata holding a day number. `date("2026-12-22")`,
/// `date(2026, 12, 22)`, `date.today()`; dates print as ISO, compare with `<`, `<=`, `==`,
/// `d + n` adds days, `a - b` counts days; fields `year`, `month`, `day`; methods below.
enum DateModule {
    /// Registry key of the methods table (read by `__index`).
    nonisolated(unsafe) static let methodsKey = UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1)

    static let functions: [(String, lshim_fn)] = [
        ("new", new), ("parse", parse), ("today", today), ("index", index), ("tostring", tostring),
        ("eq", eq), ("lt", lt), ("le", le), ("add", add), ("sub", sub), ("concat", concat),
        ("weekday", weekday), ("weekday_number", weekdayNumber), ("is_weekend", isWeekend),
        ("add_days", addDays), ("add_weeks", addWeeks), ("add_months", addMonths), ("add_years", addYears),
    ]

    /// `date(text)`, `date(d)`, `date(year, month, day)`, reached through `__call`.
    static let new: lshim_fn = { L, call in
        LuaCall.perform(L, call, argumentShift: 1) { lua throws(LuaFault) in
            if lua_type(lua.L, 2) == LUA_TNUMBER {
                let year = try lua.integer(2), month = try lua.integer(3), day = try lua.integer(4)
                do throws(DateError) {
                    lua.return(date: try LocalDate(year: year, month: month, day: day))
                } catch {
                    throw .message("invalid date: \(error.reason)")
                }
            } else {
                lua.return(date: try lua.date(2))
            }
        }
    }

    /// `date.parse(value)`: a date from a date or ISO text, else `nil` and the reason (never
    /// raises: for checking input, e.g. a CSV column).
    static let parse: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            var day: lua_Integer = 0
            if lshim_todate(lua.L, 1, &day) != 0 {
                lua.return(date: LocalDate(dayNumber: Int(day)))
                return
            }
            guard lua_type(lua.L, 1) == LUA_TSTRING else {
                try lua.return(.nil)
                try lua.return(.string("expected a date (YYYY-MM-DD), got \(lua.typeName(1))"))
                return
            }
            do throws(DateError) {
                lua.return(date: try LocalDate(iso: lua.text(at: 1)))
            } catch {
                try lua.return(.nil)
                try lua.return(.string("\(error): \(error.reason)"))
            }
        }
    }

    /// `date.today()`: the `--as-of` date, or the system's local date.
    static let today: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            lua.return(date: lua.state.today)
        }
    }

    /// `__index`: the fields year, month, day, else a method.
    static let index: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            let date = try lua.date(1)
            if lua_type(lua.L, 2) == LUA_TSTRING {
                switch lua.text(at: 2) {
                case "year": lua.return(integer: date.year); return
                case "month": lua.return(integer: date.month); return
                case "day": lua.return(integer: date.day); return
                default: break
                }
            }
            lua_rawgetp(lua.L, lshim_registryindex(), methodsKey)
            lua_pushvalue(lua.L, 2)
            lua_rawget(lua.L, -2)
            lua.returnTop()
        }
    }

    static let tostring: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            try lua.return(.string(try lua.date(1).description))
        }
    }

    /// Comparisons accept ISO text on either side (`d < "2027-01-01"`); `==` only ever sees two
    /// dates, as Lua calls `__eq` for two userdata alone.
    static let eq: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            lua.return(boolean: try lua.date(1) == lua.date(2))
        }
    }

    static let lt: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            lua.return(boolean: try lua.date(1) < lua.date(2))
        }
    }

    static let le: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            lua.return(boolean: try lua.date(1) <= lua.date(2))
        }
    }

    /// `d + n` and `n + d`: n calendar days later.
    static let add: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            var day: lua_Integer = 0
            let (date, days) = lshim_todate(lua.L, 1, &day) != 0
                ? (LocalDate(dayNumber: Int(day)), try lua.integer(2))
                : (try lua.date(2), try lua.integer(1))
            lua.return(date: try checked { () throws(DateRangeError) in try date.adding(days: days) })
        }
    }

    /// `a - b`: days from b to a when b is a date; `d - n`: n days earlier.
    static let sub: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            let left = try lua.date(1)
            if lua_type(lua.L, 2) == LUA_TNUMBER {
                let days = try lua.integer(2)
                let (back, overflow) = 0.subtractingReportingOverflow(days)
                guard !overflow, let date = try? left.adding(days: back) else {
                    throw .message("date arithmetic: \(left) - \(days) days is outside \(LocalDate.earliest) to \(LocalDate.latest)")
                }
                lua.return(date: date)
            } else {
                lua.return(integer: try lua.date(2).days(to: left))
            }
        }
    }

    /// `"due " .. d` and `d .. "!"`: concatenates the ISO text.
    static let concat: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            func text(_ index: Int32) throws(LuaFault) -> String {
                var day: lua_Integer = 0
                if lshim_todate(lua.L, index, &day) != 0 { return LocalDate(dayNumber: Int(day)).description }
                // A table never concatenates: not copied at all.
                switch lua_type(lua.L, index) == LUA_TTABLE ? .nil : try lua.value(index) {
                case .string(let string): return string
                case .integer(let number): return String(number)
                case .number(let number): return LuaValue.format(number)
                default: throw .message("attempt to concatenate a \(lua.typeName(index)) value")
                }
            }
            try lua.return(.string(try text(1) + text(2)))
        }
    }

    /// `d:weekday()`: the English name, `Monday` ... `Sunday`.
    static let weekday: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            try lua.return(.string(try lua.date(1).weekday.description))
        }
    }

    /// `d:weekday_number()`: ISO, 1 (Monday) to 7 (Sunday).
    static let weekdayNumber: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            lua.return(integer: try lua.date(1).weekday.rawValue)
        }
    }

    static let isWeekend: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            lua.return(boolean: try lua.date(1).isWeekend)
        }
    }

    static let addDays: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            let date = try lua.date(1), days = try lua.integer(2)
            lua.return(date: try checked(argument: 2) { () throws(DateRangeError) in try date.adding(days: days) })
        }
    }

    static let addWeeks: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            let date = try lua.date(1), weeks = try lua.integer(2)
            lua.return(date: try checked(argument: 2) { () throws(DateRangeError) in try date.adding(weeks: weeks) })
        }
    }

    /// `d:add_months(n)`: clamps to the month's end (31 March + 1 month = 30 April).
    static let addMonths: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            let date = try lua.date(1), months = try lua.integer(2)
            lua.return(date: try checked(argument: 2) { () throws(DateRangeError) in try date.adding(months: months) })
        }
    }

    static let addYears: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            let date = try lua.date(1), years = try lua.integer(2)
            lua.return(date: try checked(argument: 2) { () throws(DateRangeError) in try date.adding(years: years) })
        }
    }

    /// The date `body` computes, or the fault naming the amount that took it outside
    /// 0001–9999: the argument at fault for a method, a plain error for an operator.
    static func checked(argument: Int32? = nil, _ body: () throws(DateRangeError) -> LocalDate) throws(LuaFault) -> LocalDate {
        do {
            return try body()
        } catch {
            guard let argument else { throw .message("date arithmetic: \(error)") }
            throw .argument(argument, error.description)
        }
    }
}

extension LuaState {
    /// "Today": `--as-of` (or `setAsOf`), else the system's local date.
    public var today: LocalDate {
        options.asOf ?? LocalDate.today()
    }
}
