/// Fields a decoder does not know. The API server (kubectl's default strict validation)
/// refuses them, and a misspelt key changes the meaning silently — `fromm:` leaves a rule
/// without peers, which allows every source — so each one is a warning with a suggestion.
extension Field {
    func warnUnknownKeys(_ known: Set<String>) {
        guard isMapping, let entries = entries() else { return }
        for (key, value) in entries where !known.contains(key) {
            let hint = Self.nearest(key, in: known).map { "; did you mean '\($0)'?" } ?? ""
            sink.warning("unknown field '\(key)' is ignored (the API server refuses it)\(hint)", at: value)
        }
    }

    /// The known key within two edits of `key` (case-insensitive), if there is one.
    static func nearest(_ key: String, in known: Set<String>) -> String? {
        let k = Array(key.lowercased())
        return known.sorted().map { ($0, distance(k, Array($0.lowercased()))) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }

    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
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
