/// "Did you mean": the known name closest to a misspelt one, for messages that suggest.
public enum NearestName {
    /// The known name within two edits of `name` (case-insensitive), if there is one; the
    /// first in sorted order among equally close ones.
    public static func of(_ name: String, in known: some Sequence<String>) -> String? {
        let k = Array(name.lowercased())
        return known.sorted().map { ($0, distance(k, Array($0.lowercased()))) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
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
