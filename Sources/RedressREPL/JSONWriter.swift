import RedressCore
import RedressLua

/// Values as JSON on one line: arrays for array tables, objects for the rest (keys as text),
/// dates as ISO text; `null` for nil, for a table that contains itself, and for non-finite
/// numbers; functions and userdata as their `tostring` text. The rows of `sql()` are objects with
/// the query's columns in its order, `null` for a NULL, as the sqlite3 shell's `.mode json`
/// writes them; other objects have their keys in display order.
enum JSONWriter {
    static func text(_ value: Shown) -> String {
        text(value, columns: nil)
    }

    /// `value`, written as an object with `columns` first and in that order when it is a record.
    static func text(_ value: Shown, columns: [String]?) -> String {
        switch value {
        case .nil, .cycle: return "null"
        case .boolean(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .number(let number): return number.isFinite ? LuaValue.number(number).description : "null"
        case .string(let text): return JSON.quote(text)
        case .date(let date): return JSON.quote(date.description)
        case .other(let text): return JSON.quote(text)
        case .table(let table), .caseRecord(_, let table):
            if table.fields.isEmpty && (!table.array.isEmpty || table.columns != nil) {
                return "[" + table.array.map { text($0, columns: table.columns) }.joined(separator: ",") + "]"
            }
            var members = table.array.enumerated().map { (JSON.quote(String($0.offset + 1)), text($0.element)) }
            if let columns = columns ?? table.columns, table.array.isEmpty {
                let named = Set(columns)
                members += columns.map { (JSON.quote($0), text(table[$0] ?? .nil)) }
                members += table.fields.filter { if case .string(let name) = $0.key { !named.contains(name) } else { true } }
                    .map { (JSON.quote(keyText($0.key)), text($0.value)) }
            } else {
                members += table.fields.map { (JSON.quote(keyText($0.key)), text($0.value)) }
            }
            return "{" + members.map { "\($0.0):\($0.1)" }.joined(separator: ",") + "}"
        }
    }

    static func keyText(_ key: Shown) -> String {
        if case .string(let name) = key { return name }
        return LuaLiteral(style: .display, width: .max).compact(key)
    }
}
