#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and probing small text files without Foundation (which would add to start-up time).
public enum TextFile {
    /// The whole file as UTF-8 text (invalid bytes become U+FFFD).
    public static func read(_ path: String) throws(FileError) -> String {
        String(decoding: try bytes(path), as: UTF8.self)
    }

    /// The whole file, byte for byte (Lua source: Lua is 8-bit clean, and a script's Latin-1
    /// string literals must reach it unchanged).
    public static func bytes(_ path: String) throws(FileError) -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw FileError(path: path, reason: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count > 0 { bytes.append(contentsOf: buffer[0..<count]) }
            if count < buffer.count {
                if ferror(file) != 0 { throw FileError(path: path, reason: String(cString: strerror(errno))) }
                break
            }
        }
        return bytes
    }

    /// True when `path` names an existing regular file.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}

/// A file that could not be read (or written), with the system's reason.
public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String
    /// What failed: "read" or "write".
    public let action: String

    public init(path: String, reason: String, action: String = "read") {
        self.path = path
        self.reason = reason
        self.action = action
    }

    public var description: String { "cannot \(action) '\(path)': \(reason)" }
}
