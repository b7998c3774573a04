import LuaShim
import RedressCalendar
import RedressCore

extension CasesModule {
    /// `check_facts(t)` → the facts of intake `t` that triage is given converted (a date fact
    /// given as ISO text, as a date value; a number fact given as text, as a number), or nil and
    /// the refusal of a field that is neither a standard intake field nor one of the store's
    /// pack's facts (with a did-you-mean and the pack's list), or of a fact of the wrong type.
    /// The intake calls it before triage runs; `intake` checks again, in Swift, what it records.
    static let checkFacts: lshim_fn = { L, call in
        answer(L, call) { lua in
            guard let policy = lua.state.policy else { throw StoreError(message: "the store's pack is not loaded") }
            guard let facts = try lua.objectArgument(1, "intake") else { return [.map([:])] }
            return [.map(try checked(facts, pack: policy.pack))]
        }
    }

    /// `intake_fields()` → the names of the standard intake fields, which every pack takes: the
    /// Lua half asks the host about an intake's other fields only (`check_facts`).
    static let intakeFields: lshim_fn = { L, call in
        answer(L, call) { _ in [.array(IntakeFields.standard.map { .string($0.name) })] }
    }

    /// Checks each field of `facts` that is not a standard intake field against `pack`'s facts;
    /// returns the converted values (see `checkFacts`). Of several bad fields, the first by name
    /// is refused, so the same intake always gets the same message.
    static func checked(_ facts: [LuaValue: LuaValue], pack: PolicyPack) throws(InputError) -> [LuaValue: LuaValue] {
        var converted: [LuaValue: LuaValue] = [:]
        var refusal: (name: String, error: InputError)?
        for (key, value) in facts {
            let name: String
            switch key {
            case .string(let text): name = text
            default:
                let error = InputError(field: "intake", message: "a field is named by text, got \(PolicyLoader.describe(key))")
                if refusal == nil { refusal = ("", error) }
                continue
            }
            guard !IntakeFields.standardNames.contains(name), refusal.map({ name < $0.name }) ?? true else { continue }
            do throws(InputError) {
                guard let fact = pack.fact(name) else { throw IntakeFields.unknown(name, pack: pack) }
                if let value = try self.value(value, of: fact) { converted[key] = value }
            } catch {
                refusal = (name, error)
            }
        }
        if let refusal { throw refusal.error }
        return converted
    }

    /// `value` checked against `fact`'s type: nil when triage takes it as it is, else the value
    /// it takes (a date for ISO text, a number for text that reads as one).
    static func value(_ value: LuaValue, of fact: FactDeclaration) throws(InputError) -> LuaValue? {
        func refused() -> InputError {
            InputError(field: fact.name, message: "expected \(fact.kind.expected), got \(PolicyLoader.describe(value))")
        }
        switch (fact.kind, value) {
        case (.boolean, .boolean), (.text, .string), (.date, .date), (.number, .integer), (.number, .number):
            return nil
        case (.date, .string(let text)):
            do {
                return .date(try LocalDate(iso: text))
            } catch {
                throw InputError(field: fact.name, message: "\(error): \(error.reason)")
            }
        case (.number, .string(let text)):
            let decimal = !text.isEmpty && text.utf8.allSatisfy { (48...57).contains($0) || [43, 45, 46, 69, 101].contains($0) }
            if decimal, let whole = Int64(text) { return .integer(whole) }
            if decimal, let number = Double(text), number.isFinite { return .number(number) }
            throw refused()
        case (.oneOf(let choices), .string(let text)) where choices.contains(text):
            return nil
        default:
            throw refused()
        }
    }
}
