/// FNV-1a, 64-bit: a stable content identity (not a security hash) for calendars, templates and
/// letters, the same across runs and platforms, unlike `Hasher`. A store binds its policy pack
/// by `SHA256` instead (stores bound before keep this hash of it until their next rebind).
///
/// It lives here because `WorkingDayCalendar.version` is made with it; its access is `package`,
/// so Redress's own modules share it and it is not part of the calendar library's API.
package struct ContentHash {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash of nothing yet.
    package init() {}

    /// Mixes in some bytes.

    package mutating func mix(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            state ^= UInt64(byte)
            state &*= 0x0000_0100_0000_01b3
        }
    }

    /// Mixes in a number's eight bytes, little-endian on every platform.
    package mutating func mix(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { mix($0) }
    }

    /// Sixteen lowercase hex digits.
    package var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The hash of some bytes (a file as read).
    package static func of(bytes: some Sequence<UInt8>) -> String {
        var hash = ContentHash()
        hash.mix(bytes)
        return hash.hex
    }

    /// The hash of a text's UTF-8 bytes.
    package static func of(_ text: String) -> String {
        var hash = ContentHash()
        hash.mix(text.utf8)
        return hash.hex
    }
}
