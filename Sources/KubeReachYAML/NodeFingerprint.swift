import Yams

/// A hash of a document's content that ignores formatting and key order, so that the same
/// object written twice (one Namespace in two files) is recognised as identical. Defined so
/// that it can also be computed while streaming (`JSONTreeBuilder` hashes JSON it never
/// builds into a tree): a map's pairs are hashed apart and summed, so their order does not
/// matter, and counts come after the elements.
enum NodeFingerprint {
    /// nil when the tree has more than `limit` nodes (aliases of aliases): such an object is
    /// then compared as different, never walked at exponential cost.
    /// - Complexity: O(nodes), at most `limit` nodes.
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
            var text = s.string
            // Quoted or not matters: `80` is a number, `"80"` a string (a port name).
            text.withUTF8 { scalar(UnsafeRawBufferPointer($0), quoted: s.style != .plain && s.style != .any, into: &h) }
        case .sequence(let seq):
            h.combine(1)
            for child in seq where !feed(child, into: &h, left: &left) { return false }
            h.combine(seq.count)
        case .mapping(let map):
            var sum = 0
            for i in map.indices {  // by index: Yams' iterator copies every pair first
                let (key, value) = map[i]
                var pair = Hasher()
                var name = key.string ?? ""
                name.withUTF8 { Self.key(UnsafeRawBufferPointer($0), into: &pair) }
                guard feed(value, into: &pair, left: &left) else { return false }
                sum &+= pair.finalize()
            }
            mapping(count: map.count, pairSum: sum, into: &h)
        case .alias:
            h.combine(3)
        }
        return true
    }

    static func scalar(_ utf8: UnsafeRawBufferPointer, quoted: Bool, into h: inout Hasher) {
        h.combine(quoted ? 4 : 0)
        h.combine(bytes: utf8)
        h.combine(utf8.count)
    }

    static func key(_ utf8: UnsafeRawBufferPointer, into h: inout Hasher) {
        h.combine(bytes: utf8)
        h.combine(utf8.count)
    }

    static func mapping(count: Int, pairSum: Int, into h: inout Hasher) {
        h.combine(2)
        h.combine(count)
        h.combine(pairSum)
    }
}
