import BitCollections

/// Calico selectors over the label index: each distinct selector evaluates as bitset
/// operations over all members at once, not member by member.
extension LabelIndex {
    /// Members whose labels satisfy the Calico selector (`global()` holds for every label
    /// map, as `CalicoSelector.matches` reads it; comparisons are byte for byte).
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
