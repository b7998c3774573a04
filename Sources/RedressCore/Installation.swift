#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where Redress's own data lives: the `Scripts/` folder (policy packs, jobs, shared Lua, and the
/// file of local bank-holiday changes). Found, in order, from `REDRESS_HOME` (a folder that holds
/// `Scripts/`), then by walking up from the running executable (a build inside the source tree),
/// then `<prefix>/share/redress` beside an installed `<prefix>/bin/redress`.
public struct Installation: Sendable {
    /// The `Scripts/` folder.
    public let scripts: String

    /// The installation's file of local bank-holiday changes, read before the user's own; it
    /// ships empty, the one-off changes being built into RedressCalendar.
    public var bankHolidayChanges: String { scripts + "/calendar/uk-bank-holiday-changes.txt" }

    public init(scripts: String) {
        self.scripts = scripts
    }

    /// Finds the installation, or fails saying where it looked.
    public static func locate(environment home: String? = Installation.environment("REDRESS_HOME"),
                              executable: String? = Installation.executablePath()) throws(FileError) -> Installation {
        var tried: [String] = []
        func probe(_ folder: String) -> Installation? {
            let candidate = Installation(scripts: folder + "/Scripts")
            tried.append(candidate.scripts)
            return TextFile.exists(candidate.bankHolidayChanges) ? candidate : nil
        }
        if let home, !home.isEmpty {
            if let found = probe(home) { return found }
            throw FileError(path: home + "/Scripts",
                            reason: "REDRESS_HOME is set but holds no Scripts/calendar/uk-bank-holiday-changes.txt")
        }
        if let executable {
            var folder = parent(of: executable)
            for _ in 0..<6 where folder != "/" && !folder.isEmpty {
                if let found = probe(folder) { return found }
                if let found = probe(folder + "/share/redress") { return found }
                folder = parent(of: folder)
            }
        }
        throw FileError(path: "Scripts/",
                        reason: "Redress's Scripts folder was not found (looked in \(tried.joined(separator: ", "))); set REDRESS_HOME to the folder that holds it")
    }

    /// The value of an environment variable, if set.
    public static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Who is running Redress, for the audit trail: REDRESS_USER, else USER.
    public static var currentUser: String? {
        if let name = environment("REDRESS_USER") ?? environment("USER"), !name.isEmpty { return name }
        return getpwuid(getuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } }
    }

    /// The canonical absolute path of an existing file, or nil.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The running executable's real path (Linux: /proc/self/exe).
    public static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return CommandLine.arguments.first }
        return buffer.withUnsafeBufferPointer { pointer in
            String(decoding: UnsafeRawBufferPointer(start: pointer.baseAddress, count: length), as: UTF8.self)
        }
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
