import CLua
import GRDB
import LuaShim
import RedressCore

#if canImport(Glibc)
import Glibc
#endif

/// The only way a sandboxed script reads a file: `io.open`, `io.lines`, `loadfile`, `dofile` and
/// `require` all come here. The check is Swift's, on the path after every link and `..` is
/// resolved, so nothing a script does to its own Lua (the string metatable, `package`) can
/// widen it.
///
/// A script may read files inside the script folders (Redress's Scripts/, the running script's
/// folder, the store's letter templates) and the files the user named on the command line, and
/// never, even there:
/// - a SQLite database or its write-ahead log (by their headers), nor any `-wal`, `-shm` or
///   `-journal` file;
/// - the store's reports folder, nor any file a letter was issued to (`letters.files`);
/// - a hidden file or folder below a root (`.env`, `.git/`), nor anything under /proc, /sys,
///   /dev, /etc or /run.
enum SandboxFiles {
    static let functions: [(String, lshim_fn)] = [("open", open), ("load", loadChunk), ("search", search)]

    /// Files larger than this are not loaded as chunks (a script's own code is far smaller).
    static let largestChunk = 64 << 20

    /// A refusal: the message the Lua half raises at the caller's line.
    struct Refusal: Error {
        let message: String
    }

    /// `open(what, path, mode)` → a read-only file handle; or `nil, message, errno` when the
    /// file cannot be opened (as io.open answers); or `false, message` when the sandbox refuses.
    static let open: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            let what = try lua.string(1)
            guard lua_type(L, 2) == LUA_TSTRING else {
                try refuse(&lua, "bad argument #1 to '\(what)' (string expected, got \(lua.typeName(2)))")
                return
            }
            let path = lua.state.string(at: 2)
            if lua_type(L, 3) != LUA_TNONE && lua_type(L, 3) != LUA_TNIL {
                let mode = try lua.string(3)
                guard mode == "r" || mode == "rb" else {
                    try refuse(&lua, "\(what) for writing (mode '\(mode)') is not available in the sandbox (run with --unsafe to allow it)")
                    return
                }
            }
            let opened: (descriptor: Int32, real: String)?
            do throws(Refusal) {
                opened = try openChecked(path, what: what, state: lua.state)
            } catch {
                try refuse(&lua, error.message)
                return
            }
            guard let opened else {
                try lua.return(.nil)
                try lua.return(.string("\(path): No such file or directory"))
                try lua.return(.integer(Int64(ENOENT)))
                return
            }
            let status = lshim_pushfile_p(L, opened.descriptor)
            if status == -1 { throw .message("\(what): cannot open '\(path)': \(String(cString: strerror(errno)))") }
            guard status == LUA_OK else { throw .propagate }
            lua.returnTop()
        }
    }

    /// `load(what, path)` → the file compiled as a text chunk named `@path`; or `nil, message`
    /// (a syntax error, a missing file); or `false, message` when the sandbox refuses.
    static let loadChunk: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            let what = try lua.string(1)
            guard lua_type(L, 2) == LUA_TSTRING else {
                try refuse(&lua, "\(what) needs a file name in the sandbox (standard input is not a script folder)")
                return
            }
            let path = lua.state.string(at: 2)
            let code: String?
            do throws(Refusal) {
                code = try read(path, what: what, state: lua.state)
            } catch {
                try refuse(&lua, error.message)
                return
            }
            guard let code else {
                try lua.return(.nil)
                try lua.return(.string("cannot open \(path)"))
                return
            }
            try compile(&lua, code, path: path)
        }
    }

    /// `search(name)`: `require`'s searcher. Looks for `<folder>/<name>.lua` and
    /// `<folder>/<name>/init.lua` (dots in `name` becoming `/`) in the script folders, and
    /// answers the compiled chunk and its path, or the places it tried.
    static let search: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            let name = try lua.string(1)
            let relative = String(name.map { $0 == "." ? "/" : $0 })
            var tried = ""
            for folder in lua.state.scriptFolders {
                for path in ["\(folder)/\(relative).lua", "\(folder)/\(relative)/init.lua"] {
                    guard TextFile.exists(path) else {
                        tried += "\n\tno file '\(path)'"
                        continue
                    }
                    let code: String?
                    do throws(Refusal) {
                        code = try read(path, what: "require", state: lua.state)
                    } catch {
                        throw .message("module '\(name)': \(error.message)")
                    }
                    guard let code else { throw .message("module '\(name)': cannot read '\(path)'") }
                    try compile(&lua, code, path: path)
                    guard lua_type(L, -1) == LUA_TFUNCTION else {
                        throw .message("error loading module '\(name)' from file '\(path)':\n\t\(lua.state.string(at: -1))")
                    }
                    try lua.return(.string(path))
                    return
                }
            }
            try lua.return(.string(tried))
        }
    }

    // MARK: Checking and reading

    /// Answers `false, message`: the Lua half raises it at the caller's line.
    private static func refuse(_ lua: inout LuaCall, _ message: String) throws(LuaFault) {
        try lua.return(.boolean(false))
        try lua.return(.string(message))
    }

    /// Compiles `code` as the chunk `@path`: returns the function, or `nil, message`.
    private static func compile(_ lua: inout LuaCall, _ code: String, path: String) throws(LuaFault) {
        // A first line starting with '#' (a shebang) is skipped, as loadfile does.
        let body = code.hasPrefix("#") ? "--" + code : code
        let status = LuaState.load(body, name: "@" + path, on: lua.L)
        if status == LUA_OK {
            lua.returnTop()
            return
        }
        guard status == LUA_ERRSYNTAX else { throw .propagate }
        let message = lua.state.string(at: -1)
        lua_settop(lua.L, -2)
        try lua.return(.nil)
        try lua.return(.string(message))
    }

    /// The whole of a file a script may read, as text; nil when it does not exist.
    static func read(_ path: String, what: String, state: LuaState) throws(Refusal) -> String? {
        guard let (descriptor, _) = try openChecked(path, what: what, state: state) else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw Refusal(message: "\(what): cannot read '\(path)': \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
            guard bytes.count <= largestChunk else { throw Refusal(message: "\(what): '\(path)' is too large to load") }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Opens `path` read-only when a sandboxed script may read it: its descriptor and real path;
    /// nil when no such file exists in a folder the script may read.
    static func openChecked(_ path: String, what: String, state: LuaState) throws(Refusal) -> (Int32, String)? {
        let refusal = Refusal(message: "\(what): '\(path)' is outside what a script may read in the sandbox "
            + "(its folders, Redress's Scripts, and files named on the command line; run with --unsafe to allow it)")
        guard !path.isEmpty, !path.utf8.contains(0) else { throw refusal }
        guard let (real, exists) = resolve(path), try allowed(real, state: state) else { throw refusal }
        // Missing: said only where the script may look, so that probing elsewhere learns nothing.
        guard exists else { return nil }
        let descriptor = Glibc.open(real, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw Refusal(message: "\(what): cannot open '\(path)': \(String(cString: strerror(errno)))")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              // What was opened is what was checked (a link swapped in between would differ).
              Installation.realPath("/proc/self/fd/\(descriptor)") ?? real == real,
              !isDatabase(descriptor) else {
            close(descriptor)
            throw refusal
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return (descriptor, real)
    }

    /// `path` resolved as far as it exists: its real path; or, for a missing file, the real path
    /// of its nearest existing folder followed by the parts that do not exist (nil when those
    /// hold `.` or `..`, or when resolving fails for another reason than a missing part).
    static func resolve(_ path: String) -> (real: String, exists: Bool)? {
        if let real = Installation.realPath(path) { return (real, true) }
        guard errno == ENOENT else { return nil }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let absolute = path.hasPrefix("/")
        for kept in stride(from: parts.count - 1, through: 0, by: -1) {
            let ancestor = (absolute ? "/" : "") + parts[..<kept].joined(separator: "/")
            guard let real = Installation.realPath(ancestor.isEmpty ? "." : ancestor) else {
                if errno == ENOENT { continue } else { return nil }
            }
            let missing = parts[kept...]
            guard !missing.contains(where: { $0 == "." || $0 == ".." }) else { return nil }
            return ((real == "/" ? "" : real) + "/" + missing.joined(separator: "/"), false)
        }
        return nil
    }

    /// Whether a script may read the file at `real` (resolved by `resolve`).
    static func allowed(_ real: String, state: LuaState) throws(Refusal) -> Bool {
        for system in ["/proc", "/sys", "/dev", "/etc", "/run"] where real == system || real.hasPrefix(system + "/") {
            return false
        }
        let name = real.split(separator: "/").last.map(String.init) ?? ""
        if name.hasSuffix("-wal") || name.hasSuffix("-shm") || name.hasSuffix("-journal") { return false }
        var roots = state.scriptFolders
        let protected = try storeFiles(state)
        if let letters = protected.templates { roots.append(letters) }
        let inRoot = roots.contains { root in
            guard real.hasPrefix(root + "/") else { return false }
            // Hidden files and folders below a root (.env, .git/) hold secrets, not scripts.
            return !real.dropFirst(root.count).split(separator: "/").contains { $0.hasPrefix(".") }
        }
        guard inRoot || state.inputFiles.contains(real) else { return false }
        if let store = protected.store, real == store { return false }
        if let reports = protected.reports, real == reports || real.hasPrefix(reports + "/") { return false }
        return try !isIssuedLetter(real, state: state)
    }

    /// The real paths of the attached store, its reports folder and its letter templates folder.
    private static func storeFiles(_ state: LuaState) throws(Refusal) -> (store: String?, reports: String?, templates: String?) {
        guard let store = state.store, let db = state.database else { return (nil, nil, nil) }
        do {
            // Read in the run's own transaction: the store's queue is not reentrant.
            let settings = try CaseStore.settings(in: db)
            func folder(_ setting: String, _ kind: String) -> String? {
                resolve(CaseStore.folder(named: settings[setting], kind: kind, store: store.path))?.real
            }
            return (resolve(store.path)?.real, folder("reports_folder", "reports"), folder("letters_folder", "letters"))
        } catch {
            throw Refusal(message: "cannot tell which files the store protects: \(error)")
        }
    }

    /// Whether `real` is a file a letter was issued to, as the store records them.
    private static func isIssuedLetter(_ real: String, state: LuaState) throws(Refusal) -> Bool {
        guard let db = state.database else { return false }
        let name = real.split(separator: "/").last.map(String.init) ?? real
        let escaped = name.replacing("\\", with: "\\\\").replacing("%", with: "\\%").replacing("_", with: "\\_")
        do {
            let recorded = try String.fetchAll(db, sql: """
                SELECT file.value FROM main.letters, json_each(main.letters.files) AS file
                WHERE main.letters.files IS NOT NULL AND (file.value = ? OR file.value LIKE ? ESCAPE '\\')
                """, arguments: [name, "%/" + escaped])
            return recorded.contains { Installation.realPath($0) == real }
        } catch {
            throw Refusal(message: "cannot tell which files hold letters: \(error)")
        }
    }

    /// Whether the open file starts as a SQLite database or its write-ahead log does.
    private static func isDatabase(_ descriptor: Int32) -> Bool {
        var header = [UInt8](repeating: 0, count: 16)
        let count = header.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 16, 0) }
        if count == 16 && header == Array("SQLite format 3\0".utf8) { return true }
        // The WAL's magic number, big-endian: 0x377f0682 or 0x377f0683.
        return count >= 4 && header[0] == 0x37 && header[1] == 0x7f && header[2] == 0x06 && (header[3] & 0xfe) == 0x82
    }
}
