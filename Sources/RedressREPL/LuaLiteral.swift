import RedressLua

/// Values written in Lua's own syntax, tables indented once they no longer fit on a line.
/// `display` is for reading (dates bare, `<cycle>` where a table contains itself); `source`
/// reads back as Lua (`date("2026-12-22")`, and `nil --[[...]]` for what cannot).
struct LuaLiteral {
    enum Style { case display, source }

    var style: Style
    /// The line width to fit nested tables in.
    var width: Int

    static let keywords: Set<String> = [
        "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
        "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
    ]

    /// The value's text, indented from column `indent` when it spans several lines.
    func text(_ value: Shown, indent: Int = 0) -> String {
        guard let table = value.table, !table.isEmpty else { return compact(value) }
        let oneLine = compact(value)
        if indent + oneLine.count <= width { return oneLine }
        let inner = String(repeating: " ", count: indent + 2)
        var lines = ["{"]
        for element in table.array {
            lines.append(inner + text(element, indent: indent + 2) + ",")
        }
        for field in table.fields {
            let key = self.key(field.key)
            lines.append(inner + key + text(field.value, indent: indent + 2 + key.count) + ",")
        }
        lines.append(String(repeating: " ", count: indent) + "}")
        return lines.joined(separator: "\n")
    }

    /// The value on one line.
    func compact(_ value: Shown) -> String {
        switch value {
        case .nil: return "nil"
        case .boolean(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .number(let number): return LuaLiteral.number(number, style: style)
        case .string(let text): return LuaLiteral.quote(text)
        case .date(let date): return style == .source ? "date(\"\(date)\")" : date.description
        case .cycle: return style == .source ? "nil --[[cycle]]" : "<cycle>"
        case .other(let text): return style == .source ? "nil --[[\(text)]]" : text
        case .table(let table), .caseRecord(_, let table):
            guard !table.isEmpty else { return "{}" }
            let parts = table.array.map(compact) + table.fields.map { key($0.key) + compact($0.value) }
            return "{ " + parts.joined(separator: ", ") + " }"
        }
    }

    /// `name = ` for an identifier key, `[key] = ` for any other.
    func key(_ key: Shown) -> String {
        if case .string(let name) = key, LuaLiteral.isIdentifier(name) { return name + " = " }
        return "[" + compact(key) + "] = "
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
            && !keywords.contains(text)
    }

    /// A float as Lua prints it (`%.14g`, with `.0` when it looks whole).
    static func number(_ number: Double, style: Style) -> String {
        if style == .source && !number.isFinite {
            return number.isNaN ? "(0/0)" : (number > 0 ? "math.huge" : "-math.huge")
        }
        return LuaValue.number(number).description
    }

    /// A string literal that reads back as the same bytes.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let digits = String(scalar.value)
                out += "\\" + String(repeating: "0", count: 3 - digits.count) + digits
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
