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
    /// Workloads per namespace, and how many pods each has.
    let workloads: [String: [WorkloadRef]]
    let podCount: [WorkloadRef: Int]
    /// The address families the simulation has external ranges in.
    let families: Set<IPFamily>

    init(selectors: StableSelectors, families: Set<IPFamily>) {
        podCount = selectors.pods.mapValues(\.count)
        // Sorted, so that the origins a folded peer lists come in one order on every run.
        workloads = Dictionary(grouping: selectors.pods.keys, by: \.namespace).mapValues { $0.sorted() }
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
    func fold(_ entries: [AllowPolicyBuilder.Entry], holder: WorkloadRef) -> [Group] {
        var byWorkload: [WorkloadRef: AllowPolicyBuilder.Entry] = [:], external: [AllowPolicyBuilder.Entry] = []
        for e in entries {
            switch e.peer {
            case .workload(let w): byWorkload[w] = e
            case .external: external.append(e)
            }
        }
        var groups: [Group] = [], folded: [String: ConnectionSet] = [:], vacuous = 0
        for (ns, members) in workloads {
            switch uniform(members, byWorkload, holder: holder) {
            case .mixed: continue
            case .vacuous: vacuous += 1
            case .same(let c): folded[ns] = c
            }
        }
        let allPods = folded.count + vacuous == workloads.count ? Set(folded.values).only : nil
        if let c = allPods, coversEverything(external, with: c) {
            return [Group(peer: .everything, connections: c, origins: origins(entries))]
        }
        if let c = allPods {
            groups.append(Group(peer: .allPods, connections: c, origins: origins(entries.filter { $0.peer.workload != nil })))
        } else {
            for (ns, c) in folded.sorted(by: { $0.key < $1.key }) {
                let members = (workloads[ns] ?? []).compactMap { byWorkload[$0] }
                groups.append(Group(peer: .namespace(ns), connections: c, origins: origins(members)))
            }
        }
        for e in entries {
            if case .workload(let w) = e.peer, folded[w.namespace] != nil { continue }
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
    private func uniform(_ members: [WorkloadRef], _ byWorkload: [WorkloadRef: AllowPolicyBuilder.Entry], holder: WorkloadRef)
        -> Uniformity
    {
        var found: ConnectionSet?
        for w in members {
            guard let e = byWorkload[w] else {
                if w == holder && podCount[w, default: 0] < 2 { continue }
                return .mixed
            }
            if let f = found, f != e.connections { return .mixed }
            found = e.connections
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
