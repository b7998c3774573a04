import RedressCore

extension PackCheck {
    /// A failed result naming each field the pack's triage reads on its scenarios' intakes that
    /// is neither a standard intake field nor one of its declared facts (an intake could never
    /// give it, so the rule that reads it could never apply), with the first scenario that shows
    /// it; nil when there is none. Found by running triage on each scenario's intake through a
    /// table that notes what is read of it: a field read only on a path no scenario takes, or
    /// read another way than from the intake table, is not found.
    static func undeclaredReads(of pack: PolicyPack, path: String, scenarios: Int, in state: LuaState) throws -> Result? {
        guard scenarios > 0 else { return nil }
        var first: [String: String] = [:]
        var order: [String] = []
        for index in 1...scenarios {
            let values = try state.run("return require('lib.scenarios').reads(...)", name: "=[redress check]",
                                       arguments: [.string(path), .integer(Int64(index))])
            guard case .array(let names)? = values.first else { continue }
            for case .string(let name) in names
            where !IntakeFields.standardNames.contains(name) && pack.fact(name) == nil && first[name] == nil {
                first[name] = scenarioName(index, of: path, in: state)
                order.append(name)
            }
        }
        guard !order.isEmpty else { return nil }
        let differences = order.sorted().map { name in
            "triage reads '\(name)' (on the intake of scenario '\(first[name]!)'), which is neither a standard intake field nor one of "
                + "the pack's facts, so no intake can give it: declare it beside its clause, "
                + "facts = { \(name) = { type = \"boolean\"|\"date\"|\"text\"|\"number\"|{ ... }, meaning = \"...\", clause = \"...\" } }"
                + nearest(name, pack: pack)
        }
        return Result(name: "the facts triage reads", clause: nil, differences: differences)
    }

    /// `; or is it 'asb'?` when `name` is near a declared fact or a standard field.
    static func nearest(_ name: String, pack: PolicyPack) -> String {
        let near = Suggestion.closest(to: name, in: pack.facts.map(\.name) + IntakeFields.standard.map(\.name))
        return near.isEmpty ? "" : "; or is it \(near.map { "'\($0)'" }.joined(separator: " or "))?"
    }

    /// Scenario `index`'s name, for a message.
    static func scenarioName(_ index: Int, of path: String, in state: LuaState) -> String {
        let values = try? state.run("return require('lib.scenarios').label(...)", name: "=[redress check]",
                                    arguments: [.string(path), .integer(Int64(index))])
        if case .string(let name)? = values?.first { return name }
        return "scenarios[\(index)]"
    }

    /// `redress check`'s warnings on the names the pack at `path` uses (`PackVocabulary.warnings`).
    public static func warnings(pack path: String, options: LuaState.Options) throws -> [String] {
        var options = options
        options.scriptFolders.append(path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : ".")
        return PackVocabulary.warnings(for: try PolicyLoader.load(path: path, in: try LuaState(options: options)))
    }
}
