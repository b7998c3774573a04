import CReadline

#if canImport(Glibc)
import Glibc
#endif

/// Lines from standard input when it is not a terminal (`redress < session.lua`, a pipe): no
/// prompts, no history. readline is not used here: on a pipe it would echo prompts and input.
/// Lines are read as bytes (C's `stdin`, which Lua's `io.read` shares), without the `\n` or
/// `\r\n` that ends them.
final class StreamInput: LineInput {
    var isInteractive: Bool { false }

    func read(prompt: String) -> LineEvent {
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        let count = getline(&buffer, &capacity, creadline_stdin())
        guard count >= 0, let buffer else { return .end }
        var bytes = UnsafeRawBufferPointer(start: buffer, count: count).map { $0 }
        if bytes.last == UInt8(ascii: "\n") {
            bytes.removeLast()
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        }
        return .line(Line(bytes: bytes))
    }

    func remember(_ entry: String) {}
}
