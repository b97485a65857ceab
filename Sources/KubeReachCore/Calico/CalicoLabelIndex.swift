import BitCollections

/// Label maps indexed by key and value, so that a Calico selector evaluates as bitset
/// operations over all members at once (each distinct selector once, not per member).
struct CalicoLabelIndex: Sendable {
    let count: Int
    private var byKeyValue: [String: [String: BitSet]] = [:]
    private var byKey: [String: BitSet] = [:]

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

    /// Members whose labels satisfy the selector (`global()` holds for every label map,
    /// as `CalicoSelector.matches` reads it).
    /// - Complexity: O(terms × (members / 64 + values of the keys read)).
    func members(matching selector: CalicoSelector) -> BitSet {
        switch selector {
        case .all, .global: return everyone
        case .has(let key): return byKey[key] ?? BitSet()
        case .equals(let key, _), .inSet(let key, _), .contains(let key, _), .startsWith(let key, _), .endsWith(let key, _):
            return withValue(key) { selector.matches([key: $0]) }
        case .notEquals(let key, _), .notInSet(let key, _):
            // An absent label satisfies them: everyone but those whose value fails.
            return everyone.subtracting(withValue(key) { !selector.matches([key: $0]) })
        case .not(let inner): return everyone.subtracting(members(matching: inner))
        case .and(let terms):
            var result = everyone
            for term in terms {
                result.formIntersection(members(matching: term))
                if result.isEmpty { break }
            }
            return result
        case .or(let terms): return terms.reduce(into: BitSet()) { $0.formUnion(members(matching: $1)) }
        }
    }

    private func withValue(_ key: String, _ keep: (String) -> Bool) -> BitSet {
        var bits = BitSet()
        for (value, members) in byKeyValue[key] ?? [:] where keep(value) { bits.formUnion(members) }
        return bits
    }
}
