#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to the standard streams by file descriptor (Swift 6 refuses the C `stderr` global).
public enum Console {
    /// Writes `text` and a newline to standard error.
    public static func error(_ text: String) {
        write(2, text + "\n")
    }

    /// Writes `text` unchanged to a file descriptor, retrying short writes.
    public static func write(_ descriptor: Int32, _ text: String) {
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
}
