#if canImport(Glibc)
import Glibc
#endif

/// What Tab offers for the text before the cursor: dot-command names; their arguments (file
/// names after `.read`, `.open`, `.output`, `.once` and `.import`, modes, tables, pack names); case references inside
/// `cases.get("`; and in Lua, globals and keywords, or the fields and methods of `a.b.` / `obj:`.
///
/// The word being completed ends at the cursor and starts after the last of the context's break
/// characters; readline is told the same characters (`breakCharacters`), so both agree on it.
struct Completer {
    /// Where the cursor is.
    enum Context: Equatable {
        /// In the name of a dot-command.
        case command
        /// In an argument of a dot-command (named without its dot).
        case argument(String)
        /// In the text of `cases.get("...`.
        case caseReference
        /// In Lua code.
        case lua
    }

    /// What to complete with.
    struct Completion: Equatable {
        /// Replacements for the word, sorted.
        var matches: [String]
        /// True when the matches are file names (readline then lists their last parts).
        var files = false
    }

    /// Globals and members from the Lua state.
    var members: LuaMembers
    /// The store's case references starting with a prefix.
    var caseReferences: (String) -> [String] = { _ in [] }
    /// The store's tables and views.
    var tables: () -> [String] = { [] }
    /// The packs in Scripts/policies.
    var packs: () -> [String] = { [] }

    static let luaBreaks = " \t\n\"'`@$><=;|&{(,[)]+-*/%^~#}"
    static let wordBreaks = " \t\n"
    static let referenceBreaks = " \t\n\"'("

    /// The context of the text before the cursor.
    static func context(of before: String) -> Context {
        let line = before.drop { $0 == " " || $0 == "\t" }
        if line == "." || DotCommand.isCommand(before) {
            guard let space = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return .command }
            return .argument(String(line[line.index(after: line.startIndex)..<space]))
        }
        if before.firstMatch(of: #/cases\.get\s*\(?\s*["'][A-Za-z0-9_-]*$/#) != nil { return .caseReference }
        return .lua
    }

    /// The characters that end the word before the cursor in `context`.
    static func breakCharacters(_ context: Context) -> String {
        switch context {
        case .command, .argument: wordBreaks
        case .caseReference: referenceBreaks
        case .lua: luaBreaks
        }
    }

    /// The word being completed: what follows the last break character.
    static func word(in before: String, context: Context) -> String {
        let breaks = breakCharacters(context)
        return String(before.reversed().prefix { !breaks.contains($0) }.reversed())
    }

    /// The completions for the text before the cursor.
    func complete(_ before: String) -> Completion {
        let context = Completer.context(of: before)
        let word = Completer.word(in: before, context: context)
        switch context {
        case .command:
            return Completion(matches: DotCommand.entries.map { "." + $0.name }.filter { $0.hasPrefix(word) })
        case .argument(let command):
            let line = before.drop { $0 == " " || $0 == "\t" }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count == 1 || (words.count == 2 && !word.isEmpty) else { return Completion(matches: []) }
            return argument(of: command, word)
        case .caseReference:
            return Completion(matches: caseReferences(word).filter { $0.hasPrefix(word) }.sorted())
        case .lua:
            return Completion(matches: lua(word))
        }
    }

    func argument(of command: String, _ word: String) -> Completion {
        let choices: [String]
        switch command {
        case "read": return Completion(matches: Completer.files(matching: word, extension: "lua"), files: true)
        case "open", "output", "once", "import": return Completion(matches: Completer.files(matching: word, extension: nil), files: true)
        case "mode": choices = OutputMode.allCases.map(\.rawValue)
        case "timer", "headers": choices = ["on", "off"]
        case "schema": choices = tables()
        case "policy": choices = packs()
        default: choices = []
        }
        return Completion(matches: choices.filter { $0.hasPrefix(word) }.sorted())
    }

    /// Lua names: `pre` → globals and keywords; `a.b.pre` → fields of a.b; `a:pre` → methods of a.
    func lua(_ word: String) -> [String] {
        guard let separator = word.lastIndex(where: { $0 == "." || $0 == ":" }) else {
            let names = members.globals().map(\.name) + LuaLiteral.keywords
            return Set(names.filter { $0.hasPrefix(word) && (LuaLiteral.isIdentifier($0) || LuaLiteral.keywords.contains($0)) }).sorted()
        }
        let path = word[..<separator].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard path.allSatisfy(LuaLiteral.isIdentifier) else { return [] }
        let methodsOnly = word[separator] == ":"
        let partial = word[word.index(after: separator)...]
        let head = String(word[...separator])
        return members.members(of: path)
            .filter { $0.name.hasPrefix(partial) && LuaLiteral.isIdentifier($0.name) && (!methodsOnly || $0.isFunction) }
            .map { head + $0.name }
    }

    /// Files and folders whose path starts with `word` (folders end in `/`; hidden ones only
    /// when the word's last part starts with a dot); with `extension`, only such files.
    static func files(matching word: String, extension suffix: String?) -> [String] {
        let slash = word.lastIndex(of: "/")
        let folderPart = slash.map { String(word[...$0]) } ?? ""
        let prefix = slash.map { String(word[word.index(after: $0)...]) } ?? word
        var folder = folderPart.isEmpty ? "." : folderPart
        if folder.hasPrefix("~/"), let home = getenv("HOME") { folder = String(cString: home) + folder.dropFirst() }
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var found: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard name != ".", name != "..", name.hasPrefix(prefix), !name.hasPrefix(".") || prefix.hasPrefix(".") else { continue }
            var status = stat()
            let isFolder = stat(folder + "/" + name, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
            if isFolder {
                found.append(folderPart + name + "/")
            } else if suffix.map({ name.hasSuffix("." + $0) }) ?? true {
                found.append(folderPart + name)
            }
        }
        return found.sorted()
    }
}
