import CLua
import LuaShim
import RedressCore

extension CasesModule {
    /// `explain(ref, clock, stage)` → how the clock's due date was reached, as a table (see
    /// `Case:explain` in the Lua half), or nil and a message.
    static let explain: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (db, policy, ref) = try lifecycle(lua)
            guard let clock = try lua.textArgument(2, "clock") else { throw InputError(field: "clock", message: "required") }
            let stage = try lua.textArgument(3, "stage")
            let e = try CaseStore.explain(ref, clock: clock, stage: stage, pack: policy.pack, calendar: policy.calendar, in: db)
            return [explanationValue(e)]
        }
    }

    static func explanationValue(_ e: ClockExplanation) -> LuaValue {
        func days(_ list: [ClockExplanation.Skipped]) -> LuaValue {
            .array(list.map { .map([.string("date"): .date($0.date), .string("reason"): .string($0.reason), .string("kind"): .string($0.kind)]) })
        }
        var fields: [LuaValue: LuaValue] = [
            .string("clock"): .string(e.clock), .string("stage"): .string(e.stage), .string("round"): .integer(Int64(e.round)),
            .string("rule"): .string(e.duration.description), .string("amount"): .integer(Int64(e.duration.amount)),
            .string("unit"): .string(e.duration.unit.rawValue), .string("anchor"): .string(e.anchor.rawValue),
            .string("anchor_date"): .date(e.anchorDate), .string("start"): .date(e.start), .string("rolled_over"): days(e.rolledOver),
            .string("due"): .date(e.due), .string("skipped"): days(e.skipped), .string("due_now"): .date(e.dueNow),
            .string("calendar"): .string(e.calendarName), .string("calendar_version"): .string(e.calendarVersion),
            .string("text"): .string(e.text),
            .string("extensions"): .array(e.extensions.map { x in
                var f: [LuaValue: LuaValue] = [.string("on"): .date(x.on), .string("by"): .string(x.by.description),
                                               .string("agreed"): .boolean(x.agreed), .string("from"): .date(x.from),
                                               .string("to"): .date(x.to), .string("skipped"): days(x.skipped)]
                if let reason = x.reason { f[.string("reason")] = .string(reason) }
                return .map(f)
            }),
        ]
        if let clause = e.clause { fields[.string("clause")] = .string(clause) }
        if let met = e.met {
            fields[.string("met")] = .date(met)
            fields[.string("met_late")] = .boolean(met > e.dueNow)
            if let lateBy = e.lateBy { fields[.string("late_by")] = .integer(Int64(lateBy)) }
        }
        return .map(fields)
    }
}
