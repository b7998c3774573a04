#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file a job writes under the store's reports folder. The name a job gives is checked here,
/// in Swift (no `..`, no hidden parts), and no link below the folder is followed: the job's own
/// Lua cannot change the check, and the file lands inside the folder.
public enum ReportFile {
    /// Why `name` is not a plain relative file name (letters, digits, `.`, `_` and `-`, each part
    /// starting with a letter or digit, `/` between folders), or nil when it is.
    public static func problem(with name: String) -> String? {
        let plain = "'\(name)' is not a plain file name (letters, digits, '.', '_' and '-', with '/' between folders)"
        guard !name.isEmpty, name.utf8.count <= 1024 else { return plain }
        for part in name.split(separator: "/", omittingEmptySubsequences: false) {
            guard let first = part.utf8.first, isAlphanumeric(first), part.utf8.count <= 255,
                  part.utf8.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") })
            else { return plain }
        }
        return nil
    }

    /// Writes `text` as `name` under `folder` (owner-only, see `OutputFile`), creating the folders
    /// between (0700); returns the file's path. Refuses a bad name, and a folder or file on the
    /// way that is a link: nothing is created or written outside `folder`.
    public static func write(_ text: String, name: String, under folder: String) throws(FileError) -> String {
        let path = folder + "/" + name
        if let problem = problem(with: name) { throw FileError(path: path, reason: problem, action: "write") }
        try Folder.create(folder)
        var current = folder
        for part in name.split(separator: "/").dropLast() {
            current += "/" + part
            guard mkdir(current, 0o700) == 0 || errno == EEXIST else {
                throw FileError(path: current, reason: "cannot create the folder: \(String(cString: strerror(errno)))", action: "write")
            }
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                throw FileError(path: current, reason: "it is not a folder (Redress does not write through links)", action: "write")
            }
        }
        let file = try OutputFile(path: path)
        file.write(text)
        file.close()
        return path
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
