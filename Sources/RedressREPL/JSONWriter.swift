import RedressCore
import RedressLua

/// Values as JSON on one line: arrays for array tables, objects for the rest (keys as text),
/// dates as ISO text; `null` for nil, for a table that contains itself, and for non-finite
/// numbers; functions and userdata as their `tostring` text.
enum JSONWriter {
    static func text(_ value: Shown) -> String {
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
                return "[" + table.array.map(text).joined(separator: ",") + "]"
            }
            var members = table.array.enumerated().map { (JSON.quote(String($0.offset + 1)), text($0.element)) }
            members += table.fields.map { (JSON.quote(keyText($0.key)), text($0.value)) }
            return "{" + members.map { "\($0.0):\($0.1)" }.joined(separator: ",") + "}"
        }
    }

    static func keyText(_ key: Shown) -> String {
        if case .string(let name) = key { return name }
        return LuaLiteral(style: .display, width: .max).compact(key)
    }
}
