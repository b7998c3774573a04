#if canImport(Glibc)
import Glibc
#endif

/// The command line as the bytes the process was given. Swift decodes argv as UTF-8 and
/// replaces invalid bytes with U+FFFD; Lua is 8-bit clean, so Lua code given with `-e` and a
/// script's arguments reach Lua byte for byte, found again in argv by what the parser decoded.
enum RawArguments {
    /// Every argument after the program's name, as bytes.
    static let all: [[UInt8]] = (1..<Int(CommandLine.argc)).map { index in
        guard let pointer = CommandLine.unsafeArgv[index] else { return [] }
        return UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)).map { $0 }
    }

    /// The bytes of each `-e` chunk the parser gave, in order: the argument after a `-e`, or
    /// glued to it (`-eCODE`, `-e=CODE`), whose decoding is that chunk. A chunk not found (it
    /// cannot happen with argv as the parser saw it) keeps its UTF-8.
    static func chunks(_ parsed: [String], in arguments: [[UInt8]] = all) -> [[UInt8]] {
        let option = Array("-e".utf8)
        var next = 0
        return parsed.map { chunk in
            var index = next
            while index < arguments.count {
                let argument = arguments[index]
                var candidates: [ArraySlice<UInt8>] = []
                if index > 0 && arguments[index - 1] == option { candidates.append(argument[...]) }
                if argument.starts(with: option) {
                    candidates.append(argument.dropFirst(2))
                    if argument.dropFirst(2).first == UInt8(ascii: "=") { candidates.append(argument.dropFirst(3)) }
                }
                if let found = candidates.first(where: { String(decoding: $0, as: UTF8.self) == chunk }) {
                    next = index + 1
                    return Array(found)
                }
                index += 1
            }
            return Array(chunk.utf8)
        }
    }

    /// The bytes of the last `parsed.count` arguments (a script's own, which the parser takes
    /// as they come after its name) when they decode to `parsed`; else `parsed` as UTF-8.
    static func trailing(_ parsed: [String], in arguments: [[UInt8]] = all) -> [[UInt8]] {
        let tail = Array(arguments.suffix(parsed.count))
        if tail.count == parsed.count && zip(tail, parsed).allSatisfy({ String(decoding: $0, as: UTF8.self) == $1 }) {
            return tail
        }
        return parsed.map { Array($0.utf8) }
    }
}
