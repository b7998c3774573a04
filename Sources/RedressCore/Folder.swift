#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Listing and creating folders without Foundation.
public enum Folder {
    /// True when `path` names an existing folder.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The names of the regular files in `path` ending in `suffix`, sorted; empty when the
    /// folder does not exist.
    public static func files(in path: String, endingWith suffix: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name.hasSuffix(suffix), !name.hasPrefix("."), TextFile.exists(path + "/" + name) { names.append(name) }
        }
        return names.sorted()
    }

    /// Creates `path` and any missing parents, readable by the owner only (reports and letters
    /// hold personal data). An existing folder is left as it is.
    public static func create(_ path: String) throws(FileError) {
        guard !path.isEmpty, !exists(path) else { return }
        let parent = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
        if !parent.isEmpty { try create(parent) }
        guard mkdir(path, 0o700) == 0 || errno == EEXIST else {
            throw FileError(path: path, reason: "cannot create the folder: \(String(cString: strerror(errno)))")
        }
    }

    /// The folder part of a file path (`.` for a bare name).
    public static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
