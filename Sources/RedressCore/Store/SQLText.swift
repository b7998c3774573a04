/// What an analyst's query names, read with SQLite's own token rules (comments, string
/// literals and the four identifier quotings), so that a name cannot hide in a comment or
/// behind quotes.
public enum SQLText {
    /// The first reason `sql` may not run as an analyst's query, or nil. Refused: a name
    /// qualified by a schema (`main.parties`, `"temp".x`), which would read past the redacting
    /// views that stand in front of the tables, and `sqlite_dbpage`, which reads raw pages.
    public static func refusal(_ sql: String) -> String? {
        let tokens = self.tokens(sql)
        for (index, token) in tokens.enumerated() {
            if token.lowercased() == "sqlite_dbpage" {
                return "sqlite_dbpage reads the file's raw pages, past the redaction"
            }
            if token == ".", index > 0, ["main", "temp", "temporary"].contains(tokens[index - 1].lowercased()) {
                return "'\(tokens[index - 1]).' names a schema: query the tables by their plain names, which show what your role may see"
            }
        }
        return nil
    }

    /// Identifiers (unquoted), keywords, punctuation; no comments, no string literals.
    static func tokens(_ sql: String) -> [String] {
        let chars = Array(sql.unicodeScalars)
        var tokens: [String] = []
        var i = 0
        func closing(_ quote: Unicode.Scalar, from start: Int) -> (String, Int) {
            var text = String.UnicodeScalarView()
            var j = start + 1
            while j < chars.count {
                if chars[j] == quote {
                    if quote != "]" && j + 1 < chars.count && chars[j + 1] == quote { text.append(quote); j += 2; continue }
                    return (String(text), j + 1)
                }
                text.append(chars[j])
                j += 1
            }
            return (String(text), j)
        }
        while i < chars.count {
            let c = chars[i]
            if c.properties.isWhitespace { i += 1; continue }
            if c == "-" && i + 1 < chars.count && chars[i + 1] == "-" {
                while i < chars.count && chars[i] != "\n" { i += 1 }
                continue
            }
            if c == "/" && i + 1 < chars.count && chars[i + 1] == "*" {
                i += 2
                while i < chars.count && !(chars[i] == "*" && i + 1 < chars.count && chars[i + 1] == "/") { i += 1 }
                i += 2
                continue
            }
            switch c {
            case "'":
                i = closing("'", from: i).1
            case "\"", "`":
                let (name, next) = closing(c, from: i)
                tokens.append(name)
                i = next
            case "[":
                let (name, next) = closing("]", from: i)
                tokens.append(name)
                i = next
            default:
                if c.properties.isAlphabetic || c == "_" || c.value >= 0x80 {
                    var word = String.UnicodeScalarView()
                    while i < chars.count, chars[i].properties.isAlphabetic || chars[i].properties.numericType != nil
                            || chars[i] == "_" || chars[i] == "$" || chars[i].value >= 0x80 {
                        word.append(chars[i])
                        i += 1
                    }
                    tokens.append(String(word))
                } else {
                    tokens.append(String(c))
                    i += 1
                }
            }
        }
        return tokens
    }
}
