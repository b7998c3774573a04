import RedressCore

#if canImport(Glibc)
import Glibc
#endif

/// A folder under /tmp for one test, removed when the value is released.
final class TemporaryFolder {
    let path: String

    init() throws {
        var template = Array("/tmp/redress-test-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw FileError(path: "/tmp", reason: "mkdtemp failed") }
        path = String(cString: made)
    }

    /// Writes a file (creating subfolders) and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let full = path + "/" + name
        var folder = full[..<full.lastIndex(of: "/")!]
        var missing: [Substring] = []
        while access(String(folder), F_OK) != 0 {
            missing.append(folder)
            folder = folder[..<folder.lastIndex(of: "/")!]
        }
        for created in missing.reversed() { mkdir(String(created), 0o755) }
        guard let file = fopen(full, "w") else { throw FileError(path: full, reason: "cannot create") }
        fputs(text, file)
        fclose(file)
        return full
    }

    deinit {
        // Test folders hold a few small files and folders; remove them depth first.
        func remove(_ folder: String) {
            guard let directory = opendir(folder) else { return }
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                let child = folder + "/" + name
                if entry.pointee.d_type == UInt8(DT_DIR) { remove(child) } else { unlink(child) }
            }
            closedir(directory)
            rmdir(folder)
        }
        remove(path)
    }
}
