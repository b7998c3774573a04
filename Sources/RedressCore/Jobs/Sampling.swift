import RedressCalendar

/// Reproducible samples: the same population, seed and earlier draws always give the same draw,
/// on every machine (SplitMix64, and the population put in a fixed order first).
public enum Sampling {
    /// Someone (or something) that may be drawn: a person, with the case that brought them into
    /// the population, or a case with no known person (an anonymous complaint).
    public struct Subject: Hashable, Sendable, Comparable {
        public let partyID: Int64?
        public let caseID: Int64?

        public init(partyID: Int64?, caseID: Int64?) {
            self.partyID = partyID
            self.caseID = caseID
        }

        /// Who may not be drawn twice: the person, or without one the case.
        public var person: String { partyID.map { "party \($0)" } ?? "case \(caseID ?? 0)" }

        public static func < (a: Subject, b: Subject) -> Bool {
            (a.partyID ?? .max, a.caseID ?? .max) < (b.partyID ?? .max, b.caseID ?? .max)
        }
    }

    /// How many of `size` make up at least `perMillion` parts in a million: rounded up, in whole
    /// numbers (so 10% of 30 is 3 and 10% of 31 is 4, with no floating-point surprises).
    public static func target(perMillion: Int, of size: Int) -> Int {
        (size * perMillion + 999_999) / 1_000_000
    }

    /// The seed for a purpose and period: the store's base seed mixed with both, so each
    /// quarter's draw for each purpose is its own and can be drawn again identically.
    public static func seed(base: UInt64, purpose: String, period: String) -> UInt64 {
        var hash = ContentHash()
        hash.mix(Int64(bitPattern: base))
        hash.mix(purpose.utf8)
        hash.mix([0])
        hash.mix(period.utf8)
        return UInt64(hash.hex, radix: 16)!
    }

    /// Draws `count` people from `population` (one subject per person, the first in order),
    /// leaving out the people in `excluded`. Fewer when there are not enough left.
    public static func draw(_ population: [Subject], count: Int, excluding excluded: Set<String>, seed: UInt64) -> [Subject] {
        var seen: Set<String> = []
        var candidates = population.sorted().filter { !excluded.contains($0.person) && seen.insert($0.person).inserted }
        var generator = SplitMix64(seed: seed)
        let wanted = min(max(count, 0), candidates.count)
        // A partial Fisher–Yates shuffle: the first `wanted` places are the draw.
        for index in 0..<wanted {
            let pick = index + generator.below(candidates.count - index)
            candidates.swapAt(index, pick)
        }
        return Array(candidates.prefix(wanted))
    }
}
