import CLua
import LuaShim
import RedressCore

extension CasesModule {
    /// `set_tenure(ref, tenure, reason, on)` → the case: records the tenure of a case whose
    /// intake did not record it (or recorded it wrongly), for TSM returns by tenure.
    static let setTenure: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (_, db) = try session(lua)
            guard let ref = try lua.textArgument(1, "ref") else { throw InputError(field: "ref", message: "required") }
            guard let tenure = try lua.textArgument(2, "tenure") else {
                throw InputError(field: "tenure", message: "required (one of: \(Vocabulary.tenures.sorted().joined(separator: ", ")))")
            }
            try CaseStore.setTenure(of: ref, to: tenure, reason: try lua.textArgument(3, "reason") ?? "",
                                    on: try lua.dateArgument(4, "on") ?? lua.state.today, by: lua.state.recorder, in: db)
            return try refreshed(ref, lua: lua, db: db)
        }
    }
}
