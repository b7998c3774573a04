import RedressCore

extension PolicyLoader {
    /// `facts = { asb = { type = "boolean", meaning = "...", clause = "..." }, via = { type = { "mp",
    /// "councillor" }, meaning = }, ... }`: the intake facts the pack's triage reads, sorted by
    /// name. `type` is one of `FactDeclaration.Kind.names` or a list of the texts the fact may be;
    /// `meaning` is required, `clause` optional.
    static func facts(_ value: LuaValue) throws(PolicyError) -> [FactDeclaration] {
        let table = try map(value, "facts", expected: "a table { name = { type =, meaning =, clause = } }")
        let types = FactDeclaration.Kind.names.joined(separator: ", ")
        var facts: [FactDeclaration] = []
        for (key, entry) in table.sorted(by: { $0.key.description < $1.key.description }) {
            guard case .string(let name) = key else {
                throw PolicyError(field: "facts", message: "a fact is named by text (its intake field), got \(describe(key))")
            }
            let path = "facts.\(name)"
            if let problem = FactDeclaration.problem(withName: name) { throw PolicyError(field: path, message: problem) }
            let fields = try map(entry, path, expected: "a table { type =, meaning =, clause = }")
            try refuseUnknownKeys(fields, allowed: ["type", "meaning", "clause"], at: path + ".")
            let kind: FactDeclaration.Kind
            switch fields["type"] {
            case .string(let text)?:
                switch text {
                case "boolean": kind = .boolean
                case "date": kind = .date
                case "text": kind = .text
                case "number": kind = .number
                default: throw PolicyError(field: path + ".type", message: "unknown type '\(text)' (expected one of: \(types)); or give the list of the texts it may be")
                }
            case .array(let items)? where !items.isEmpty:
                var choices: [String] = []
                for (index, item) in items.enumerated() {
                    let choice = try string(item, "\(path).type[\(index + 1)]")
                    guard !choices.contains(choice) else {
                        throw PolicyError(field: "\(path).type[\(index + 1)]", message: "'\(choice)' is listed twice")
                    }
                    choices.append(choice)
                }
                kind = .oneOf(choices)
            case let other:
                throw PolicyError(field: path + ".type", message: "expected one of: \(types), or a list of the texts it may be, got \(describe(other))")
            }
            guard case .string(let meaning)? = fields["meaning"], !meaning.isEmpty else {
                throw PolicyError(field: path + ".meaning", message: "required: what the fact means, in the policy's words (got \(describe(fields["meaning"])))")
            }
            facts.append(FactDeclaration(name: name, kind: kind, meaning: meaning, clause: try optionalString(fields["clause"], path + ".clause")))
        }
        return facts
    }

    /// Each exception to the acceptance window is an intake fact, so the pack declares it: an
    /// undeclared one could never be given, and the exception would never apply.
    static func checkExceptionsAreFacts(of pack: PolicyPack) throws(PolicyError) {
        for exception in pack.acceptance?.exceptions ?? [] where pack.fact(exception.fact) == nil {
            throw PolicyError(field: "acceptance.exceptions.\(exception.fact)",
                              message: "'\(exception.fact)' is not one of the pack's facts: declare it, facts = { \(exception.fact) = { type = \"boolean\", meaning = \"...\", clause = \"...\" } }")
        }
    }
}
