import CLua
import GRDB
import LuaShim
import RedressCalendar
import RedressCore

/// The Swift half of the case methods for the work around a decision: who handles a case, the
/// actions a decision leaves outstanding, and learning actions. Like the rest of `CasesModule`,
/// each answers its result or `nil` and a message; each change is written in a savepoint (by the store).
extension CasesModule {
    /// `assign(ref, officer, on)` → the case.
    static let assign: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (_, db) = try session(lua)
            guard let ref = try lua.textArgument(1, "ref") else { throw InputError(field: "ref", message: "required") }
            guard let officer = try lua.textArgument(2, "officer") else {
                throw InputError(field: "officer", message: "required (the officer's name or initials)")
            }
            let on = try lua.dateArgument(3, "on") ?? lua.state.today
            try CaseStore.assign(ref, to: officer, on: on, by: lua.state.recorder, in: db)
            return try refreshed(ref, lua: lua, db: db)
        }
    }

    /// `actions(ref, list)` → true. `list`: an array of { description, owner, due }.
    static let actions: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (_, db) = try session(lua)
            guard let ref = try lua.textArgument(1, "ref") else { throw InputError(field: "ref", message: "required") }
            let entries: [LuaValue]
            switch try lua.value(2, field: "actions") {
            case .array(let items): entries = items
            case .map(let table) where table.isEmpty: entries = []
            case let other: throw InputError(field: "actions", message: "expected an array of { description =, owner =, due = }, got \(other)")
            }
            var list: [CaseStore.Action] = []
            for (index, entry) in entries.enumerated() {
                let field = "actions[\(index + 1)]"
                guard case .map(let fields) = entry else { throw InputError(field: field, message: "expected { description =, owner =, due = }") }
                guard case .string(let description)? = fields["description"] else {
                    throw InputError(field: field + ".description", message: "required: what will be done")
                }
                var owner: String?
                switch fields["owner"] {
                case nil: break
                case .string(let name)?: owner = name
                case let other?: throw InputError(field: field + ".owner", message: "expected text, got \(other)")
                }
                list.append(CaseStore.Action(description: description, owner: owner, due: try date(fields["due"], field + ".due")))
            }
            try CaseStore.recordActions(list, on: ref, by: lua.state.recorder, in: db)
            return [.boolean(true)]
        }
    }

    /// `learn(ref, action, area, owner, due, done, on)` → the learning action's id.
    static let learn: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (_, db) = try session(lua)
            guard let ref = try lua.textArgument(1, "ref") else { throw InputError(field: "ref", message: "required") }
            guard let action = try lua.textArgument(2, "action") else {
                throw InputError(field: "action", message: "required: what will change as a result of the complaint")
            }
            let learning = CaseStore.LearningAction(action: action, area: try lua.textArgument(3, "area"),
                                                    owner: try lua.textArgument(4, "owner"), due: try lua.dateArgument(5, "due"),
                                                    done: try lua.dateArgument(6, "done"))
            let on = try lua.dateArgument(7, "on") ?? lua.state.today
            let id = try CaseStore.recordLearning(learning, from: ref, on: on, by: lua.state.recorder, in: db)
            return [.integer(id)]
        }
    }

    /// `learning_done(id, on)` → true.
    static let learningDone: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (_, db) = try session(lua)
            guard let id = try lua.integerArgument(1, "id") else { throw InputError(field: "id", message: "required (a learning action's id)") }
            let on = try lua.dateArgument(2, "on") ?? lua.state.today
            try CaseStore.completeLearning(Int64(id), on: on, by: lua.state.recorder, in: db)
            return [.boolean(true)]
        }
    }

    /// An optional date field of a table argument.
    static func date(_ value: LuaValue?, _ field: String) throws(InputError) -> LocalDate? {
        switch value {
        case nil, .nil?: return nil
        case .date(let date)?: return date
        case .string(let text)?:
            do throws(DateError) { return try LocalDate(iso: text) } catch {
                throw InputError(field: field, message: "\(error): \(error.reason)")
            }
        case let other?: throw InputError(field: field, message: "expected a date (YYYY-MM-DD), got \(other)")
        }
    }
}
