import RedressCalendar
import RedressCore

/// A line starting with `.`: a command to the workbench rather than Lua (as in the sqlite3
/// shell). Arguments are separated by spaces; quote one that holds spaces (`.read "my file.lua"`).
enum DotCommand: Equatable {
    case help
    case open(String)
    case policy(String?)
    case asOf(LocalDate?)
    case schema(String?)
    case tables
    case read(String)
    case mode(OutputMode?)
    case headers(Bool?)
    case once(String)
    case `import`(file: String, table: String)
    case timer(Bool?)
    case output(String?)
    case explain(ref: String, clock: String?)
    case quit

    /// One command's name, arguments and what it does, for `.help` and completion.
    struct Entry {
        let name: String
        let arguments: String
        let summary: String
    }

    static let entries: [Entry] = [
        Entry(name: "help", arguments: "", summary: "This list."),
        Entry(name: "open", arguments: "FILE", summary: "Work on another case store (one `redress init` made)."),
        Entry(name: "policy", arguments: "[NAME]", summary: "The store's policy pack: stages, clocks, calendar; or pack NAME's."),
        Entry(name: "asof", arguments: "[DATE]", summary: "Set \"today\" (date.today(), overdue, default dates); alone: show it."),
        Entry(name: "schema", arguments: "[TABLE]", summary: "The store's tables and views as SQL; or one of them."),
        Entry(name: "tables", arguments: "", summary: "The names of the store's tables and views (for sql())."),
        Entry(name: "read", arguments: "FILE.lua", summary: "Run a Lua file as one chunk (one transaction)."),
        Entry(name: "mode", arguments: "[MODE]", summary: "How results print: \(OutputMode.names); alone: show it."),
        Entry(name: "headers", arguments: "on|off", summary: "Column names above rows (column, list and csv modes); alone: show it."),
        Entry(name: "once", arguments: "FILE", summary: "Send the next result only to FILE (created owner-only), then the screen again."),
        Entry(name: "import", arguments: "FILE TABLE", summary: "Read a CSV (header row: column names) into temp.TABLE for sql() to join."),
        Entry(name: "timer", arguments: "on|off", summary: "Show how long each chunk took."),
        Entry(name: "output", arguments: "[FILE]", summary: "Send results to FILE (created owner-only); alone: back to the screen."),
        Entry(name: "explain", arguments: "REF [CLOCK]", summary: "How the case's due dates were reached (every clock of its stage, or CLOCK)."),
        Entry(name: "quit", arguments: "", summary: "Leave (so does Ctrl-D at an empty prompt; .exit too)."),
    ]

    /// True for a line that is a dot-command: a `.` then a letter, after any indentation (`.5`
    /// is Lua, a number).
    static func isCommand(_ line: String) -> Bool {
        let text = line.drop { $0 == " " || $0 == "\t" }
        guard text.first == ".", let next = text.dropFirst().first else { return text == "." }
        return next.isLetter
    }

    /// Parses a line that starts with `.`.
    static func parse(_ line: String) throws(DotCommandError) -> DotCommand {
        let words = try split(line.drop { $0 == " " || $0 == "\t" }.dropFirst())
        guard let name = words.first else { throw DotCommandError("expected a command after '.' (.help lists them)") }
        let arguments = Array(words.dropFirst())
        func none() throws(DotCommandError) {
            if !arguments.isEmpty { throw DotCommandError(".\(name): takes no argument, got '\(arguments.joined(separator: " "))'") }
        }
        func optional() throws(DotCommandError) -> String? {
            if arguments.count > 1 { throw DotCommandError(".\(name): expected one argument at most, got \(arguments.count)") }
            return arguments.first
        }
        func required(_ what: String) throws(DotCommandError) -> String {
            guard let argument = try optional() else { throw DotCommandError(".\(name): expected \(what)") }
            return argument
        }
        switch name {
        case "help": try none(); return .help
        case "open": return .open(try required("the store's file name: .open FILE"))
        case "policy": return .policy(try optional())
        case "asof":
            guard let text = try optional() else { return .asOf(nil) }
            let date: LocalDate
            do {
                date = try LocalDate(iso: text)
            } catch {
                throw DotCommandError(".asof: \(error): \(error.reason)")
            }
            if let refusal = WorkingDayCalendar.refusal(asOf: date) { throw DotCommandError(".asof: \(refusal)") }
            return .asOf(date)
        case "schema": return .schema(try optional())
        case "tables": try none(); return .tables
        case "read": return .read(try required("a Lua file: .read FILE.lua"))
        case "mode":
            guard let text = try optional() else { return .mode(nil) }
            guard let mode = OutputMode(rawValue: text) else {
                throw DotCommandError(".mode: unknown mode '\(text)' (expected \(OutputMode.names))")
            }
            return .mode(mode)
        case "timer":
            switch try optional() {
            case nil: return .timer(nil)
            case "on": return .timer(true)
            case "off": return .timer(false)
            case let other?: throw DotCommandError(".timer: expected on or off, got '\(other)'")
            }
        case "headers":
            switch try optional() {
            case nil: return .headers(nil)
            case "on": return .headers(true)
            case "off": return .headers(false)
            case let other?: throw DotCommandError(".headers: expected on or off, got '\(other)'")
            }
        case "once": return .once(try required("a file: .once FILE"))
        case "import":
            guard arguments.count == 2 else {
                throw DotCommandError(".import: expected a CSV file and a table name: .import FILE TABLE (got \(arguments.count) argument\(arguments.count == 1 ? "" : "s"))")
            }
            let table = arguments[1].hasPrefix("temp.") ? String(arguments[1].dropFirst(5)) : arguments[1]
            guard DotCommand.isName(table) else {
                throw DotCommandError(".import: bad table name '\(arguments[1])' (a letter or _ then letters, digits or _, at most 64)")
            }
            return .import(file: arguments[0], table: table)
        case "output": return .output(try optional())
        case "explain":
            guard let ref = arguments.first, arguments.count <= 2 else {
                throw DotCommandError(".explain: expected a case reference and at most a clock: .explain REF [CLOCK]")
            }
            return .explain(ref: ref, clock: arguments.dropFirst().first)
        case "quit", "exit": try none(); return .quit
        default: throw DotCommandError("unknown command '.\(name)' (.help lists them)")
        }
    }

    /// True for a plain SQL name: a letter or `_`, then letters, digits or `_` (ASCII), at most
    /// 64 characters, not starting `sqlite_` (SQLite's own).
    static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 64,
              !text.lowercased().hasPrefix("sqlite_") else { return false }
        func letter(_ c: Unicode.Scalar) -> Bool { c.isASCII && (c == "_" || c.properties.isAlphabetic) }
        return letter(first) && text.unicodeScalars.allSatisfy { letter($0) || ("0"..."9").contains($0) }
    }

    /// Splits arguments at spaces, keeping quoted ones ("..." or '...') whole.
    static func split(_ text: Substring) throws(DotCommandError) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == " " || character == "\t" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if let open = quote { throw DotCommandError("unfinished quote: \(open)\(current)") }
        if inWord { words.append(current) }
        return words
    }
}
