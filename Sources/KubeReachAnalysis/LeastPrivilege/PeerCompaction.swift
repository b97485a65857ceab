import KubeReachCore

/// `--keep-current` restates what the current policies allow, and on real clusters most
/// workloads reach, or are reached by, whole namespaces or everything. Writing one peer per
/// workload pair made the plan (and the YAML, and its check) grow with pairs; this folds a
/// holder's peers into the widest peer that allows exactly the same pods and addresses:
/// - every workload of a namespace with one connection set → that namespace (`namespaceSelector`
///   by name, or `podSelector: {}` for the holder's own);
/// - every namespace so folded with one set → every pod (`namespaceSelector: {}`);
/// - every pod and every external address of the simulated families with one set → a rule
///   without peers.
/// A holder with one pod has no pair with itself: its own entry is optional in the fold
/// (the pods of a namespace are the union of its workloads' pods, so the fold selects the
/// same pods as the peers it replaces). `LeastPrivilegeCheck` still re-simulates the result.
struct PeerCompaction {
    /// Per namespace, sorted by name: its workloads by number (in name order, so that the
    /// origins a folded peer lists come in one order on every run).
    let namespaces: [(name: String, members: [Int])]
    /// Per workload number: how many pods it has, and its namespace's place in `namespaces`.
    let podCount: [Int]
    let namespaceOf: [Int]
    /// The address families the simulation has external ranges in.
    let families: Set<IPFamily>

    init(selectors: StableSelectors, numbers: WorkloadNumbering, families: Set<IPFamily>) {
        let podCount = numbers.refs.map { selectors.pods[$0]?.count ?? 0 }
        self.podCount = podCount
        let grouped = Dictionary(grouping: numbers.refs.indices.filter { podCount[$0] > 0 }, by: { numbers.refs[$0].namespace })
        namespaces = grouped.sorted { $0.key < $1.key }.map { (name: $0.key, members: $0.value.sorted()) }
        var namespaceOf = [Int](repeating: -1, count: numbers.count)
        for (k, ns) in namespaces.enumerated() { for w in ns.members { namespaceOf[w] = k } }
        self.namespaceOf = namespaceOf
        self.families = families
    }

    /// A folded peer: what it stands for, with the connections and origins of the entries it replaces.
    enum Peer: Hashable, CustomStringConvertible {
        case everything
        case allPods
        case namespace(String)
        case endpoint(IntentEndpoint)

        var description: String {
            switch self {
            case .everything: "every pod and address"
            case .allPods: "every pod"
            case .namespace(let ns): "every pod of namespace \(ns)"
            case .endpoint(let e): e.description
            }
        }
    }

    struct Group {
        var peer: Peer
        var connections: ConnectionSet
        var origins: [String]
    }

    /// The holder's entries, folded where a wider peer allows exactly the same.
    ///
    /// - Complexity: O(entries + workloads), the peers looked up by number.
    func fold(_ entries: [AllowPolicyBuilder.Entry], holder: Int) -> [Group] {
        // The entry of each numbered peer workload (-1: none); ranges apart.
        var slot = [Int](repeating: -1, count: podCount.count), external: [AllowPolicyBuilder.Entry] = []
        for (k, e) in entries.enumerated() {
            if let n = e.number, n < slot.count { slot[n] = k } else if case .external = e.peer { external.append(e) }
        }
        var groups: [Group] = [], folded = [ConnectionSet?](repeating: nil, count: namespaces.count), vacuous = 0
        for (k, ns) in namespaces.enumerated() {
            switch uniform(ns.members, entries, slot, holder: holder) {
            case .mixed: continue
            case .vacuous: vacuous += 1
            case .same(let c): folded[k] = c
            }
        }
        let sets = folded.compactMap { $0 }
        let allPods = sets.count + vacuous == namespaces.count ? Set(sets).only : nil
        if let c = allPods, coversEverything(external, with: c) {
            return [Group(peer: .everything, connections: c, origins: origins(entries))]
        }
        if let c = allPods {
            groups.append(Group(peer: .allPods, connections: c, origins: origins(entries.filter { $0.peer.workload != nil })))
        } else {
            for (k, ns) in namespaces.enumerated() {
                guard let c = folded[k] else { continue }
                let members = ns.members.compactMap { slot[$0] < 0 ? nil : entries[slot[$0]] }
                groups.append(Group(peer: .namespace(ns.name), connections: c, origins: origins(members)))
            }
        }
        for e in entries {
            if let n = e.number, n < namespaceOf.count, namespaceOf[n] >= 0, folded[namespaceOf[n]] != nil { continue }
            groups.append(Group(peer: .endpoint(e.peer), connections: e.connections, origins: e.origins))
        }
        return groups
    }

    /// What the workloads of one namespace have with the holder.
    enum Uniformity {
        /// Not one connection set for all.
        case mixed
        /// Nothing to allow: the namespace holds only the holder, with a single pod.
        case vacuous
        case same(ConnectionSet)
    }

    /// The one connection set every workload of the namespace has with the holder, if any
    /// (the holder itself may be missing when it has a single pod).
    private func uniform(_ members: [Int], _ entries: [AllowPolicyBuilder.Entry], _ slot: [Int], holder: Int) -> Uniformity {
        var found: ConnectionSet?
        for w in members {
            guard slot[w] >= 0 else {
                if w == holder && podCount[w] < 2 { continue }
                return .mixed
            }
            let c = entries[slot[w]].connections
            if let f = found, f != c { return .mixed }
            found = c
        }
        return found.map { .same($0) } ?? .vacuous
    }

    /// Whether the external entries all carry `c` and together cover every address of the
    /// simulated families.
    private func coversEverything(_ external: [AllowPolicyBuilder.Entry], with c: ConnectionSet) -> Bool {
        guard external.allSatisfy({ $0.connections == c }) else { return false }
        let ranges = external.compactMap { e -> IPRange? in
            if case .external(let r) = e.peer { return r }
            return nil
        }
        let covered = IPRange.coalesced(ranges)
        return families.allSatisfy { covered.contains(IPRange.everything($0)) }
    }

    private func origins(_ entries: [AllowPolicyBuilder.Entry]) -> [String] {
        var seen = Set<String>(), out: [String] = []
        for e in entries { for o in e.origins where seen.insert(o).inserted { out.append(o) } }
        return out
    }
}

extension Set {
    /// The element of a one-element set.
    fileprivate var only: Element? { count == 1 ? first : nil }
}
