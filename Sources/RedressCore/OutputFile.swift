#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file Redress writes (exports, reports, letters, `.output`, the REPL's history, samples):
/// readable by its owner only, since what Redress writes is personal data. `OutputFile.open` is
/// the one way every writer opens its file:
///
/// - a new file is created 0600;
/// - a symbolic link at the target is refused (`O_NOFOLLOW`), never written through;
/// - an existing target must be a regular file of the user's own with one link (a hard link
///   would let the text appear under another name); if others may read it, it is made
///   owner-only before a byte is written, and only then truncated.
public final class OutputFile {
    /// How an existing file is treated.
    public enum Mode: Sendable {
        /// Replace what it holds (created when missing).
        case replace
        /// Create it; an existing file is refused (`EEXIST`) without a race.
        case create
        /// Add at its end (created when missing).
        case append
    }

    private let descriptor: Int32

    public init(path: String, mode: Mode = .replace) throws(FileError) {
        descriptor = try OutputFile.open(path, mode: mode)
    }

    /// The file's descriptor, for writers that send bytes themselves.
    public var fileDescriptor: Int32 { descriptor }

    public func write(_ text: String) {
        Console.write(descriptor, text)
    }

    public func close() {
        Glibc.close(descriptor)
    }

    /// Opens `path` for writing under the rules above: the descriptor, or why not (`errno` is
    /// left as the system set it, so a caller can tell `EEXIST` apart).
    public static func open(_ path: String, mode: Mode) throws(FileError) -> Int32 {
        // O_NONBLOCK: a FIFO planted at the target fails at once instead of hanging the run.
        var flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK
        switch mode {
        case .replace: break
        case .create: flags |= O_EXCL
        case .append: flags |= O_APPEND
        }
        let descriptor = Glibc.open(path, flags, 0o600)
        guard descriptor >= 0 else {
            let code = errno
            let reason = code == ELOOP ? "it is a symbolic link (Redress does not write through links)" : String(cString: strerror(code))
            errno = code
            throw FileError(path: path, reason: reason, action: "write")
        }
        func refuse(_ reason: String) -> FileError {
            Glibc.close(descriptor)
            return FileError(path: path, reason: reason, action: "write")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw refuse(String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw refuse("it is not a regular file") }
        guard info.st_uid == geteuid() else { throw refuse("it belongs to another user") }
        guard info.st_nlink == 1 else { throw refuse("it has other names (hard links)") }
        if info.st_mode & 0o077 != 0, fchmod(descriptor, 0o600) != 0 {
            throw refuse("cannot make it readable by its owner only: \(String(cString: strerror(errno)))")
        }
        if mode == .replace, ftruncate(descriptor, 0) != 0 { throw refuse(String(cString: strerror(errno))) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return descriptor
    }
}
