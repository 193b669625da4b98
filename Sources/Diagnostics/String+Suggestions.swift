extension String {
    /// The edit distance between two strings, counted in characters: insertions, deletions,
    /// substitutions and transpositions of two neighbours each cost 1 (the optimal string
    /// alignment distance; Damerau 1964), so `sacle` is one edit from `scale`.
    public func editDistance(to other: String) -> Int {
        let a = Array(self), b = Array(other)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = Array(repeating: 0, count: b.count + 1)  // row i − 2
        var previous = Array(0...b.count)                       // row i − 1
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1,
                                       previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = Swift.min(current[j], before[j - 2] + 1)
                }
            }
            before = previous
            previous = current
        }
        return previous[b.count]
    }

    /// The candidate closest to this string, when it is close enough to be a likely typo: at
    /// most one edit per three characters (at least one). Ties go to the candidate of the same
    /// length (`pagez` suggests `pages`, not `page`), then to the first in order.
    public func closest(among candidates: [String]) -> String? {
        let limit = Swift.max(1, count / 3)
        var best: (name: String, rank: (Int, Int))?
        for candidate in candidates {
            let distance = editDistance(to: candidate)
            guard distance <= limit else { continue }
            let rank = (distance, abs(candidate.count - count))
            if best == nil || rank < best!.rank { best = (candidate, rank) }
        }
        return best?.name
    }
}
