import RedressCore

/// A Lua error that reached Swift: the message, where it happened, and the traceback.
public struct LuaError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The chunk did not compile.
        case syntax
        /// The script raised an error.
        case runtime
        /// The script ran past its instruction budget.
        case instructionLimit
        /// The run went on past its wall-clock limit (`--timeout`).
        case timeLimit
        /// The script ran past its memory cap.
        case memoryLimit
        /// The system ran out of memory (not the cap).
        case memory
        /// Ctrl-C.
        case interrupted
        /// An error inside the error handler, or something else.
        case other
    }

    public let kind: Kind
    /// The message as Lua gives it, with its `chunk:line:` prefix when it has one. A pack error's
    /// reads `pack error: FILE:LINE: MESSAGE in HOOK(), while ...`.
    public let message: String
    /// `stack traceback:` and its lines, or empty. A pack error's is taken where the pack's code
    /// failed, not where the error reached the host.
    public let traceback: String
    /// Set when the error is a pack's own code failing in one of its hooks (a pack error), with
    /// where it failed; nil for any other error.
    public let pack: PackFault?

    /// The chunk name and line where the error was raised, if known: a pack error's file and
    /// line in the pack, else those at the start of the message (`script.lua:12: ...`).
    public var location: (chunk: String, line: Int)? {
        if let pack {
            guard let line = pack.line else { return nil }
            return (pack.file, line)
        }
        // The chunk name may itself hold colons; the line is the first all-digit field after one.
        var search = message.startIndex
        while let colon = message[search...].firstIndex(of: ":") {
            let afterColon = message.index(after: colon)
            let digits = message[afterColon...].prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, message[digits.endIndex...].hasPrefix(":"), let line = Int(digits) {
                return (String(message[..<colon]), line)
            }
            search = afterColon
        }
        return nil
    }

    public init(kind: Kind, message: String, traceback: String = "", pack: PackFault? = nil) {
        self.kind = kind
        self.message = message
        self.traceback = traceback
        self.pack = pack
    }

    /// Splits what the traceback message handler produced into message and traceback.
    init(kind: Kind, handled text: String) {
        if let range = text.firstRange(of: "\nstack traceback:") {
            self.init(kind: kind, message: String(text[..<range.lowerBound]),
                      traceback: String(text[text.index(after: range.lowerBound)...]))
        } else {
            self.init(kind: kind, message: text)
        }
    }

    /// The message, then the traceback on the following lines.
    public var description: String {
        traceback.isEmpty ? message : message + "\n" + traceback
    }
}
