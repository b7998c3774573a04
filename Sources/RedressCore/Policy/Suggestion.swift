/// "Did you mean ...?" for a misspelled name: the known names nearest to it.
public enum Suggestion {
    /// The names in `candidates` `name` is most likely a slip for, best first (at most three,
    /// all equally near; none when nothing is near). A name is near when it is a few edits away
    /// (insertions, deletions, substitutions and swaps of neighbours: one for a short name, up to a
    /// third of the shorter name's length), when the words of one (split at `_`) are all words
    /// of the other (`asb_report` for `asb`, `email` for `complainant_email`), or when one begins
    /// with the other (`acknowledgement` for `acknowledge`).
    public static func closest(to name: String, in candidates: [String]) -> [String] {
        let word = Array(name.unicodeScalars)
        let words = Set(name.split(separator: "_").map(String.init))
        var best = Int.max
        var found: [String] = []
        for candidate in Set(candidates) where candidate != name {
            let other = Array(candidate.unicodeScalars)
            let distance = self.distance(word, other)
            let allowed = max(1, min(word.count, other.count) / 3)
            let otherWords = Set(candidate.split(separator: "_").map(String.init))
            let score: Int
            if distance <= allowed {
                score = distance
            } else if !words.isEmpty, !otherWords.isEmpty, words.isSubset(of: otherWords) || otherWords.isSubset(of: words) {
                score = 100 + distance
            } else if min(word.count, other.count) >= 3, name.hasPrefix(candidate) || candidate.hasPrefix(name) {
                score = 200 + distance
            } else {
                continue
            }
            if score < best {
                best = score
                found = [candidate]
            } else if score == best {
                found.append(candidate)
            }
        }
        return Array(found.sorted().prefix(3))
    }

    /// The edit distance between `a` and `b` counting a swap of neighbours as one edit (the
    /// optimal string alignment distance).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var oneBack = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(oneBack[j] + 1, row[j - 1] + 1, oneBack[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, twoBack[j - 2] + 1)
                }
                row[j] = value
            }
            (twoBack, oneBack, row) = (oneBack, row, twoBack)
        }
        return oneBack[b.count]
    }
}
