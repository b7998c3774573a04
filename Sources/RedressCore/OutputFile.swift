#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written from the start, created readable by its owner only (exports hold personal data).
public final class OutputFile {
    private let descriptor: Int32

    public init(path: String) throws(FileError) {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw FileError(path: path, reason: String(cString: strerror(errno))) }
    }

    public func write(_ text: String) {
        Console.write(descriptor, text)
    }

    public func close() {
        Glibc.close(descriptor)
    }
}
