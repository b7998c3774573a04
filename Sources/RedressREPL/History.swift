import RedressCore

#if canImport(Glibc)
import Glibc
#endif

/// The REPL's history file: one entry a line, a chunk of several lines kept as one entry (its
/// line breaks written `\n`, a backslash `\\`). Entries are appended as they are entered, so two
/// sessions both keep theirs; the file is cut to the last `capacity` entries when loaded. It holds
/// what analysts typed, which may name people: it is created readable by its owner only.
struct History {
    let path: String
    let capacity: Int

    static let defaultCapacity = 1000

    /// `$XDG_STATE_HOME/redress/history`, else `~/.local/state/redress/history`; nil without HOME.
    static func defaultPath(environment: (String) -> String? = { getenv($0).map { String(cString: $0) } }) -> String? {
        if let state = environment("XDG_STATE_HOME"), state.hasPrefix("/") { return state + "/redress/history" }
        guard let home = environment("HOME"), !home.isEmpty else { return nil }
        return home + "/.local/state/redress/history"
    }

    init(path: String, capacity: Int = History.defaultCapacity) {
        self.path = path
        self.capacity = capacity
    }

    /// The entries, oldest first (the last `capacity`); rewrites the file when it held more.
    func load() -> [String] {
        guard let file = fopen(path, "r") else { return [] }
        var entries: [String] = []
        var line: UnsafeMutablePointer<CChar>?
        var size = 0
        while getline(&line, &size, file) >= 0 {
            var text = String(cString: line!)
            if text.hasSuffix("\n") { text.removeLast() }
            if !text.isEmpty { entries.append(History.decode(text)) }
        }
        free(line)
        fclose(file)
        if entries.count > capacity {
            entries.removeFirst(entries.count - capacity)
            rewrite(entries)
        }
        return entries
    }

    /// Adds an entry at the end of the file (creating it and its folders when needed).
    func append(_ entry: String) {
        guard makeFolder() else { return }
        guard let descriptor = try? OutputFile.open(path, mode: .append) else { return }
        write(descriptor, History.encode(entry) + "\n")
        close(descriptor)
    }

    /// Replaces the file's contents with `entries` (through a file beside it, renamed over it).
    private func rewrite(_ entries: [String]) {
        let temporary = path + ".new"
        guard let descriptor = try? OutputFile.open(temporary, mode: .replace) else { return }
        write(descriptor, entries.map { History.encode($0) + "\n" }.joined())
        close(descriptor)
        rename(temporary, path)
    }

    private func write(_ descriptor: Int32, _ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { if errno == EINTR { continue } else { return } }
                offset += written
            }
        }
    }

    /// Creates the file's folder and those above it (owner-only), as `mkdir -p` does.
    private func makeFolder() -> Bool {
        var folders: [String] = []
        var folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        while !folder.isEmpty, access(folder, F_OK) != 0 {
            folders.append(folder)
            folder = String(folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)])
        }
        for created in folders.reversed() where mkdir(created, 0o700) != 0 && errno != EEXIST { return false }
        return true
    }

    /// One line for an entry: line breaks as `\n`, backslashes as `\\`.
    static func encode(_ entry: String) -> String {
        var out = ""
        for character in entry {
            switch character {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// The entry a line stands for.
    static func decode(_ line: String) -> String {
        var out = ""
        var escaped = false
        for character in line {
            if escaped {
                out.append(character == "n" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}
