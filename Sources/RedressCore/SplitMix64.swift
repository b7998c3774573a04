/// SplitMix64 (Steele, Lea and Flood 2014): a small, fast, well-mixed 64-bit generator whose
/// output is the same on every machine, for reproducible samples, benchmarks and property tests.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n (n > 0), by Lemire's multiply-high (bias below 2^-40 for n up to 10^7).
    public mutating func below(_ n: Int) -> Int {
        Int(truncatingIfNeeded: UInt64(n).multipliedFullWidth(by: next()).high)
    }

    /// True with probability `perMillion` / 1,000,000.
    public mutating func chance(_ perMillion: Int) -> Bool {
        below(1_000_000) < perMillion
    }

    /// An index into `weights`, chosen in proportion to them (`total` is their sum).
    public mutating func pick(_ weights: [Int], total: Int) -> Int {
        var roll = below(total)
        for index in weights.indices {
            if roll < weights[index] { return index }
            roll -= weights[index]
        }
        return weights.count - 1
    }
}
