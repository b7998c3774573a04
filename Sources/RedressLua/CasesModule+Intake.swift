import GRDB
import LuaShim
import RedressCalendar
import RedressCore

extension CasesModule {
    /// `intake_record(ref)` → `{ facts =, triage =, window = }`, what the store kept of the case's
    /// intake (each absent when not kept), or nil when there is no such case.
    static let intakeRecord: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (_, db) = try session(lua)
            guard let ref = try lua.textArgument(1, "ref") else { throw InputError(field: "ref", message: "required") }
            guard let record = try CaseStore.intakeRecord(of: ref, in: db) else { return [.nil] }
            return [try intakeValue(record, in: db)]
        }
    }

    /// `decide(...)` with `intake`'s arguments → what intake would record, writing nothing:
    /// `{ kind =, stage =, status =, exclusion = { reason =, clause = }, window = }`.
    static let decide: lshim_fn = { L, call in
        answer(L, call) { lua in
            let (_, db) = try session(lua)
            guard let policy = lua.state.policy else { throw StoreError(message: "the store's pack is not loaded") }
            let new = try newCase(lua, policy: policy, in: db)
            let decision = try CaseStore.decide(new, pack: policy.pack, calendar: policy.calendar)
            var fields: [String: LuaValue] = [
                "kind": .string(new.kind.rawValue), "status": .string(decision.state.status.rawValue),
                "stage": decision.state.stage.map { .string($0) } ?? .nil,
            ]
            if let exclusion = decision.exclusion {
                fields["exclusion"] = .map(["reason": .string(exclusion.reason),
                                            "clause": exclusion.clause.map { .string($0) } ?? .nil].keyedByString)
            }
            if let finding = decision.acceptance { fields["window"] = findingValue(finding) }
            return [.map(fields.keyedByString)]
        }
    }

    /// A case's kept intake as Lua reads it: `facts` (dates as date values), `triage`, and
    /// `window`, the acceptance window's finding (its dates as date values, and `text`).
    static func intakeValue(_ record: IntakeRecord, in db: Database) throws -> LuaValue {
        var fields: [String: LuaValue] = ["removed": record.removed.flatMap { try? LocalDate(iso: $0) }.map { .date($0) } ?? .nil]
        if let facts = record.facts { fields["facts"] = try value(ofJSON: facts, dates: ["received", "event_date", "aware_date"], in: db) }
        if let triage = record.triage { fields["triage"] = try value(ofJSON: triage, dates: [], in: db) }
        if let window = record.acceptance {
            fields["window"] = try value(ofJSON: window, dates: ["received", "start", "last_day"], in: db)
        }
        return .map(fields.keyedByString)
    }

    /// An acceptance finding as the `window` of an intake.
    static func findingValue(_ finding: AcceptanceFinding) -> LuaValue {
        var fields: [String: LuaValue] = [
            "result": .string(finding.result.rawValue), "window": .string(finding.rule.window.description),
            "received": .date(finding.received), "text": .string(finding.text),
        ]
        if let fact = finding.fact { fields["from"] = .string(fact) }
        if let start = finding.start { fields["start"] = .date(start) }
        if let last = finding.lastDay { fields["last_day"] = .date(last) }
        if let exception = finding.exception {
            fields["exception"] = .string(exception.fact)
            if let clause = exception.clause { fields["exception_clause"] = .string(clause) }
        }
        if let clause = finding.rule.clause { fields["clause"] = .string(clause) }
        return .map(fields.keyedByString)
    }

    /// A JSON text the store wrote, as a Lua value, read with SQLite's own parser (`json_tree`);
    /// the top-level fields named in `dates` that hold ISO dates read as date values.
    static func value(ofJSON json: String, dates: Set<String>, in db: Database) throws -> LuaValue {
        struct Node {
            var type: String
            var key: LuaValue
            var atom: DatabaseValue
            var children: [Int64] = []
        }
        var nodes: [Int64: Node] = [:]
        var root: Int64?
        let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT id, parent, key, atom, type FROM json_tree(?)"), arguments: [json])
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let key: DatabaseValue = row[2]
            let name: LuaValue = switch key.storage {
            case .string(let text): .string(text)
            case .int64(let index): .integer(index)
            default: .nil
            }
            nodes[id] = Node(type: row[4], key: name, atom: row[3])
            if let parent: Int64 = row[1] { nodes[parent]?.children.append(id) } else { root = id }
        }
        func build(_ id: Int64, top: Bool) -> LuaValue {
            guard let node = nodes[id] else { return .nil }
            switch node.type {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            case "integer":
                if case .int64(let number) = node.atom.storage { return .integer(number) }
                return .nil
            case "real":
                if case .double(let number) = node.atom.storage { return .number(number) }
                return .nil
            case "text":
                guard case .string(let text) = node.atom.storage else { return .nil }
                if top, case .string(let name) = node.key, dates.contains(name), let date = try? LocalDate(iso: text) { return .date(date) }
                return .string(text)
            case "array":
                return .array(node.children.map { build($0, top: false) })
            case "object":
                var fields: [LuaValue: LuaValue] = [:]
                for child in node.children {
                    guard let key = nodes[child]?.key, key != .nil else { continue }
                    let value = build(child, top: id == root)
                    if value != .nil { fields[key] = value }
                }
                return .map(fields)
            default:
                return .nil
            }
        }
        return root.map { build($0, top: false) } ?? .nil
    }
}
