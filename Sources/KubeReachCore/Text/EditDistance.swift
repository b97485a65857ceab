/// Levenshtein distance, for "did you mean" hints (misspelt fields, unknown workloads).
public enum EditDistance {
    /// The candidate within `limit` edits of `text` (case-insensitive), the nearest one, ties
    /// broken by name so the hint is stable.
    public static func nearest(_ text: String, in candidates: some Sequence<String>, limit: Int = 2) -> String? {
        let t = Array(text.lowercased())
        return candidates.map { ($0, distance(t, Array($0.lowercased()))) }.filter { $0.1 <= limit }.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    /// Edits (insert, delete, replace) turning `a` into `b`.
    /// - Complexity: O(a.count × b.count).
    public static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
