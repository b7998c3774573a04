/// What reading a line gave.
enum LineEvent: Equatable {
    /// A line (at a terminal, perhaps a recalled entry of several lines).
    case line(Line)
    /// Ctrl-C at the prompt: the line, and any unfinished chunk, are dropped.
    case interrupted
    /// End of input (Ctrl-D at an empty prompt).
    case end
}

/// A line as typed or read: its bytes exactly, which is what Lua gets (Lua is 8-bit clean, and
/// a Latin-1 string literal must keep its bytes), and its text for dot-commands and history.
struct Line: Equatable, ExpressibleByStringLiteral {
    let bytes: [UInt8]

    init(bytes: [UInt8]) { self.bytes = bytes }
    init(_ text: String) { bytes = Array(text.utf8) }
    init(stringLiteral text: String) { self.init(text) }

    /// The line as text (invalid UTF-8 shown as U+FFFD).
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
