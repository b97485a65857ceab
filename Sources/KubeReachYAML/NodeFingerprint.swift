import Yams

/// A hash of a document's content that ignores formatting and key order, so that the same
/// object written twice (one Namespace in two files) is recognised as identical.
enum NodeFingerprint {
    /// nil when the tree has more than `limit` nodes (aliases of aliases): such an object is
    /// then compared as different, never walked at exponential cost.
    /// - Complexity: O(nodes · log keys), at most `limit` nodes.
    static func of(_ node: Node, limit: Int) -> Int? {
        var hasher = Hasher()
        var left = limit
        guard feed(node, into: &hasher, left: &left) else { return nil }
        return hasher.finalize()
    }

    private static func feed(_ node: Node, into h: inout Hasher, left: inout Int) -> Bool {
        left -= 1
        guard left >= 0 else { return false }
        switch node {
        case .scalar(let s):
            // Quoted or not matters: `80` is a number, `"80"` a string (a port name).
            h.combine(s.style == .plain || s.style == .any ? 0 : 4)
            h.combine(s.string)
        case .sequence(let seq):
            h.combine(1)
            h.combine(seq.count)
            for child in seq where !feed(child, into: &h, left: &left) { return false }
        case .mapping(let map):
            h.combine(2)
            h.combine(map.count)
            let pairs = map.map { (key: $0.key.string ?? "", value: $0.value) }.sorted { $0.key < $1.key }
            for (key, value) in pairs {
                h.combine(key)
                guard feed(value, into: &h, left: &left) else { return false }
            }
        case .alias:
            h.combine(3)
        }
        return true
    }
}
