import BitCollections

/// An inverted index from labels to the members (identities or namespaces) that carry
/// them, so that a selector evaluates as a few bitset operations instead of a scan.
struct LabelIndex: Sendable {
    let count: Int
    private(set) var byKeyValue: [String: [String: BitSet]] = [:]
    private(set) var byKey: [String: BitSet] = [:]

    init(_ labelSets: [[String: String]]) {
        count = labelSets.count
        for (member, labels) in labelSets.enumerated() {
            for (k, v) in labels {
                byKey[k, default: BitSet()].insert(member)
                byKeyValue[k, default: [:]][v, default: BitSet()].insert(member)
            }
        }
    }

    var everyone: BitSet { BitSet(0..<count) }

    /// Members whose labels satisfy the selector.
    func members(matching selector: LabelSelector) -> BitSet {
        var result = everyone
        for pair in selector.matchLabels {
            result.formIntersection(byKeyValue[pair.key]?[pair.value] ?? BitSet())
            if result.isEmpty { return result }
        }
        for req in selector.matchExpressions {
            switch req.op {
            case .in: result.formIntersection(withAnyValue(req))
            case .notIn: result.subtract(withAnyValue(req))
            case .exists: result.formIntersection(byKey[req.key] ?? BitSet())
            case .doesNotExist: result.subtract(byKey[req.key] ?? BitSet())
            }
            if result.isEmpty { return result }
        }
        return result
    }

    private func withAnyValue(_ req: LabelRequirement) -> BitSet {
        var bits = BitSet()
        if let values = byKeyValue[req.key] {
            for v in req.values { if let b = values[v] { bits.formUnion(b) } }
        }
        return bits
    }
}
