import BitCollections

/// Calico selectors over the label index: each distinct selector evaluates as bitset
/// operations over all members at once, not member by member.
extension LabelIndex {
    /// Members whose labels satisfy the Calico selector (`global()` holds for every label
    /// map, as `CalicoSelector.matches` reads it; comparisons are byte for byte).
    /// - Complexity: O(terms × members / 64), plus the values of a key for `contains`,
    ///   `starts with` and `ends with`.
    func members(matching selector: CalicoSelector) -> BitSet {
        switch selector {
        case .all, .global: return everyone
        case .has(let key): return byKey[key] ?? BitSet()
        case .equals(let key, let value): return holding(key, [value])
        case .inSet(let key, let values): return holding(key, values)
        case .contains(let key, _), .startsWith(let key, _), .endsWith(let key, _):
            return withValue(key) { selector.matches([key: $0]) }
        // An absent label satisfies them: everyone but those holding a listed value.
        case .notEquals(let key, let value): return everyone.subtracting(holding(key, [value]))
        case .notInSet(let key, let values): return everyone.subtracting(holding(key, values))
        case .not(let inner): return everyone.subtracting(members(matching: inner))
        case .and(let terms):
            guard let first = terms.first else { return everyone }
            var result = members(matching: first)
            for term in terms.dropFirst() {
                if result.isEmpty { break }
                result.formIntersection(members(matching: term))
            }
            return result
        case .or(let terms): return terms.reduce(into: BitSet()) { $0.formUnion(members(matching: $1)) }
        }
    }

    /// Members whose `key` label is one of `values`, byte for byte: one lookup per value
    /// (a stored value only canonically equal to a wanted one is no match).
    private func holding(_ key: String, _ values: [String]) -> BitSet {
        guard let stored = byKeyValue[key] else { return BitSet() }
        var bits = BitSet()
        for value in values {
            if let i = stored.index(forKey: value), stored[i].key.utf8.elementsEqual(value.utf8) { bits.formUnion(stored[i].value) }
        }
        return bits
    }

    private func withValue(_ key: String, _ keep: (String) -> Bool) -> BitSet {
        var bits = BitSet()
        for (value, members) in byKeyValue[key] ?? [:] where keep(value) { bits.formUnion(members) }
        return bits
    }
}
