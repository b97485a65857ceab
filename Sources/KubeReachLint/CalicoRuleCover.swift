import KubeReachCore

/// Whether one Calico rule (or policy) matches at least everything another does, read from
/// the rules alone: each condition of the wider one must be absent or weaker than the
/// narrower one's. "No" means "not shown", so the rules built on it only report certainties.
enum CalicoCover {
    /// Which namespaces a side's label conditions reach.
    enum Scope: Equatable {
        case everywhere
        case namespace(String)
        case selected(CalicoSelector)

        func covers(_ other: Scope) -> Bool { self == .everywhere || self == other }
    }

    /// `wide` (a rule of `widePolicy`) matches every packet `narrow` (of `narrowPolicy`) matches.
    static func rule(_ wide: CalicoRule, of widePolicy: CalicoPolicy, covers narrow: CalicoRule, of narrowPolicy: CalicoPolicy) -> Bool {
        guard wide.icmpConditions.isEmpty, wide.layer7Fields.isEmpty else { return false }
        guard wide.ipVersion == nil || wide.ipVersion == narrow.ipVersion else { return false }
        guard wide.proto == nil || wide.proto == narrow.proto else { return false }
        if let excluded = wide.notProto, excluded != narrow.notProto {
            guard let p = narrow.proto, p != excluded else { return false }
        }
        return side(wide.source, of: widePolicy, covers: narrow.source, of: narrowPolicy)
            && side(wide.destination, of: widePolicy, covers: narrow.destination, of: narrowPolicy)
    }

    /// `wide` applies to every endpoint `narrow` applies to.
    static func policy(_ wide: CalicoPolicy, covers narrow: CalicoPolicy, namespaceLabels: (String) -> [String: String]) -> Bool {
        guard wide.serviceAccountSelector == nil || wide.serviceAccountSelector == narrow.serviceAccountSelector else { return false }
        guard selector(wide.selector, covers: narrow.selector) else { return false }
        switch (wide.scope, narrow.scope) {
        case (.namespaced(let a), .namespaced(let b)): return a == b
        case (.namespaced, .global): return false
        case (.global, .namespaced(let ns)): return wide.namespaceSelector?.matches(namespaceLabels(ns)) ?? true
        case (.global, .global): return wide.namespaceSelector == nil || wide.namespaceSelector == narrow.namespaceSelector
        }
    }

    static func side(_ wide: CalicoEntityRule, of widePolicy: CalicoPolicy, covers narrow: CalicoEntityRule, of narrowPolicy: CalicoPolicy)
        -> Bool
    {
        guard scope(wide, widePolicy).covers(scope(narrow, narrowPolicy)) else { return false }
        // A selector (even `all()`) matches endpoints and network sets only, never every address.
        guard wide.selector.map({ w in narrow.selector.map { selector(w, covers: $0) } ?? false }) ?? true else { return false }
        guard wide.notSelector == nil || wide.notSelector == narrow.notSelector else { return false }
        guard wide.serviceAccountSelector == nil || wide.serviceAccountSelector == narrow.serviceAccountSelector else { return false }
        if let names = wide.serviceAccountNames {
            guard let theirs = narrow.serviceAccountNames, Set(theirs).isSubset(of: names) else { return false }
        }
        guard wide.service == nil || wide.service == narrow.service else { return false }
        if !wide.nets.isEmpty {
            guard !narrow.nets.isEmpty, narrow.nets.allSatisfy({ n in wide.nets.contains { $0.range.contains(n.range) } }) else {
                return false
            }
        }
        guard wide.notNets.allSatisfy({ w in narrow.notNets.contains { $0.range.contains(w.range) } }) else { return false }
        if !wide.ports.isEmpty {
            guard !narrow.ports.isEmpty, narrow.ports.allSatisfy({ port(in: wide.ports, covers: $0) }) else { return false }
        }
        return wide.notPorts.allSatisfy { port(in: narrow.notPorts, covers: $0) }
    }

    /// The namespaces a side's selectors reach; a side without label conditions is unscoped.
    static func scope(_ side: CalicoEntityRule, _ policy: CalicoPolicy) -> Scope {
        if let ns = side.namespaceSelector { return ns == .all ? .everywhere : .selected(ns) }
        let labelled =
            side.selector != nil || side.notSelector != nil || side.serviceAccountNames != nil || side.serviceAccountSelector != nil
        guard labelled, let ns = policy.namespace else { return .everywhere }
        return .namespace(ns)
    }

    /// `wide` holds every label map `narrow` holds: it is `all()`, the same selector, or a
    /// subset of the terms of `narrow`'s conjunction.
    static func selector(_ wide: CalicoSelector, covers narrow: CalicoSelector) -> Bool {
        if wide == .all || wide == narrow { return true }
        guard case .and(let terms) = narrow else { return false }
        if case .and(let wideTerms) = wide { return wideTerms.allSatisfy(terms.contains) }
        return terms.contains(wide)
    }

    static func port(in list: [CalicoPort], covers port: CalicoPort) -> Bool {
        list.contains { entry in
            switch (entry, port) {
            case (.range(let lo, let hi), .range(let a, let b)): return lo <= a && b <= hi
            case (.named(let x), .named(let y)): return x == y
            default: return false
            }
        }
    }
}
