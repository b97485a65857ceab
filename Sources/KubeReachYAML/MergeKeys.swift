import Yams

/// YAML merge keys (`<<: *defaults`), which kubectl applies: a key not written in a map is
/// looked up in the map(s) merged into it. Yams' composer leaves `<<` as an ordinary key.
/// Every pair looked at is paid for from the document's read budget.
enum MergeKeys {
    static let maxDepth = 16

    /// The value of `key` in `node` (a mapping), explicit keys first, then merged maps in order.
    static func lookup(_ key: String, in node: Node, budget: ReadBudget, depth: Int = 0) -> Node? {
        guard case .mapping(let m) = node, depth < maxDepth, budget.spend(1 + m.count) else { return nil }
        var merged: Node? = nil
        // By index: iterating a `Node.Mapping` copies every pair into a new array first
        // (Yams' `makeIterator`), which made field lookups most of the JSON load.
        var i = m.startIndex
        while i < m.endIndex {
            defer { i += 1 }
            guard case .scalar(let ks) = m[i].key else { continue }
            if ks.string == key && !isMergeKey(ks) { return m[i].value }
            if isMergeKey(ks) { merged = m[i].value }
        }
        guard let merged else { return nil }
        for source in sources(merged) {
            if let v = lookup(key, in: source, budget: budget, depth: depth + 1) { return v }
        }
        return nil
    }

    /// Every pair of `node` (a mapping) with merged pairs added where not overridden.
    static func pairs(of node: Node, budget: ReadBudget, depth: Int = 0) -> [(Node, Node)] {
        guard case .mapping(let m) = node, depth < maxDepth, budget.spend(1 + m.count) else { return [] }
        var out: [(Node, Node)] = []
        var mergedSources: [Node] = []
        for i in m.indices {
            let (k, v) = m[i]
            if case .scalar(let ks) = k, isMergeKey(ks) {
                mergedSources += sources(v)
            } else {
                out.append((k, v))
            }
        }
        guard !mergedSources.isEmpty else { return out }
        var written = Set(out.compactMap { pair -> String? in if case .scalar(let s) = pair.0 { s.string } else { nil } })
        for source in mergedSources {
            for (k, v) in pairs(of: source, budget: budget, depth: depth + 1) {
                guard case .scalar(let ks) = k, written.insert(ks.string).inserted else { continue }
                out.append((k, v))
            }
        }
        return out
    }

    private static func isMergeKey(_ s: Node.Scalar) -> Bool { s.style == .plain && s.string == "<<" }

    /// A merge value is one map or a list of maps.
    private static func sources(_ value: Node) -> [Node] {
        switch value {
        case .mapping: [value]
        case .sequence(let s): s.filter { if case .mapping = $0 { true } else { false } }
        default: []
        }
    }
}
