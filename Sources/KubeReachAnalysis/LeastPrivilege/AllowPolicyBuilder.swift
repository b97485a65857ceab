import KubeReachCore

/// Builds the `allow-ingress-*` and `allow-egress-*` policies of a least-privilege plan:
/// selectors on stable labels, peers per namespace, ports named where the destination
/// pods name them, and a reason listing the intents each policy serves.
struct AllowPolicyBuilder {
    let cluster: Cluster
    let selectors: StableSelectors
    let base: DefaultDenyPlan
    let evaluation: EvaluationOptions
    /// Filled while building: holders whose selector selects other workloads too.
    var supersets: [WorkloadRef: [WorkloadRef]] = [:]

    init(cluster: Cluster, selectors: StableSelectors, base: DefaultDenyPlan, evaluation: EvaluationOptions) {
        self.cluster = cluster
        self.selectors = selectors
        self.base = base
        self.evaluation = evaluation
    }

    /// One allowed peer of a holder: the other end, what to allow, and why.
    struct Entry {
        var peer: IntentEndpoint
        var connections: ConnectionSet
        var origins: [String]
    }

    mutating func policies(for intents: [Intent], holds: (IntentEndpoint) -> Bool) -> [GeneratedPolicy] {
        var ingress: [WorkloadRef: [Entry]] = [:], egress: [WorkloadRef: [Entry]] = [:]
        for i in intents {
            if holds(i.destination), let d = i.destination.workload {
                ingress[d, default: []].append(Entry(peer: i.source, connections: i.connections, origins: i.origins))
            }
            if holds(i.source), let s = i.source.workload {
                var c = i.connections
                if base.options.allowDNS, let d = i.destination.workload, isDNS(d) { c = Self.withoutDNS(c) }
                if !c.isEmpty { egress[s, default: []].append(Entry(peer: i.destination, connections: c, origins: i.origins)) }
            }
        }
        let names = PolicyNames(holders: Set(ingress.keys).union(egress.keys))
        var out: [GeneratedPolicy] = []
        for (w, entries) in ingress.sorted(by: { $0.key < $1.key }) {
            out.append(policy(.ingress, of: w, entries, name: names.name(.ingress, w)))
        }
        for (w, entries) in egress.sorted(by: { $0.key < $1.key }) {
            out.append(policy(.egress, of: w, entries, name: names.name(.egress, w)))
        }
        return out
    }

    /// The DNS policy already allows TCP and UDP 53 to the DNS pods: a port 53 of its own
    /// is not repeated per workload, but a range holding it stays whole (`All Connections`
    /// stays one rule without `ports`, never `TCP 1-52, TCP 54-65535, ...`).
    static func withoutDNS(_ c: ConnectionSet) -> ConnectionSet {
        var alone = ConnectionSet.none
        for p in [NetworkProtocol.tcp, .udp] where c[p].ranges.contains(53...53) {
            alone = alone.union(ConnectionSet(p, PortSet(port: 53)))
        }
        return c.subtracting(alone)
    }

    private lazy var dnsPods: Set<Int> = Set(base.dnsPods(in: cluster))

    private mutating func isDNS(_ w: WorkloadRef) -> Bool {
        let members = selectors.selected[w] ?? []
        return !members.isEmpty && members.allSatisfy { dnsPods.contains($0) }
    }

    private mutating func policy(_ d: PolicyDirection, of w: WorkloadRef, _ entries: [Entry], name: String) -> GeneratedPolicy {
        let selector = selectors.selector[w] ?? .everything
        let also = selectors.alsoSelected(by: w, in: cluster)
        if !also.isEmpty { supersets[w] = also }
        // Group peers that share one port list into one rule; address ranges with the
        // same ports become one set of ipBlocks.
        var rules: [[PolicyPort]: [PolicyPeer]] = [:], order: [[PolicyPort]] = []
        var ranges: [[PolicyPort]: [IPRange]] = [:]
        for e in entries.sorted(by: { $0.peer < $1.peer }) {
            let destination = d == .ingress ? .workload(w) : e.peer
            let ports = PortRendering.ports(e.connections, destinationPods: destinationPods(destination))
            if rules[ports] == nil {
                order.append(ports)
                rules[ports] = []
            }
            switch e.peer {
            case .workload(let peer): rules[ports, default: []].append(self.peer(peer, from: w.namespace))
            case .external(let r): ranges[ports, default: []].append(r)
            }
        }
        let podIPs = evaluation.ipBlockMatchesPods ? cluster.pods.flatMap(\.ips) : []
        for (ports, list) in ranges { rules[ports, default: []] += ExternalPeers.blocks(list, podIPs: podIPs).map { .ipBlock($0) } }
        order.removeAll { rules[$0]?.isEmpty ?? true }
        let built = order.map { PolicyRule(peers: rules[$0] ?? [], ports: $0) }
        let policy = NetworkPolicy(
            namespace: w.namespace, name: name, podSelector: selector,
            ingress: d == .ingress ? built : [], egress: d == .egress ? built : [], policyTypes: [d])
        return GeneratedPolicy(policy: policy, reason: reason(d, w, selector, also, entries))
    }

    /// The pods a named port would resolve against: every pod the peer's selector takes
    /// (superset included), or nil for an address range (names never match one).
    private func destinationPods(_ e: IntentEndpoint) -> [Pod]? {
        guard let w = e.workload else { return nil }
        return (selectors.selected[w] ?? []).map { cluster.pods[$0] }
    }

    private func peer(_ w: WorkloadRef, from namespace: String) -> PolicyPeer {
        let pods = selectors.selector[w] ?? .everything
        let ns = w.namespace == namespace ? nil : LabelSelector(matchLabels: [Namespace.nameLabel: w.namespace])
        return .selector(pods: pods, namespaces: ns)
    }

    private func reason(_ d: PolicyDirection, _ w: WorkloadRef, _ s: LabelSelector, _ also: [WorkloadRef], _ entries: [Entry]) -> String {
        let head =
            d == .ingress ? "Ingress of \(w) (pods \(s.description)): allow only" : "Egress of \(w) (pods \(s.description)): allow only"
        var lines = [head]
        for e in entries.sorted(by: { $0.peer < $1.peer }) {
            let origins =
                e.origins.count > 3
                ? e.origins.prefix(3).joined(separator: ", ") + " and \(e.origins.count - 3) more" : e.origins.joined(separator: ", ")
            let arrow = d == .ingress ? "from" : "to"
            lines.append("- \(arrow) \(e.peer): \(e.connections.description)" + (origins.isEmpty ? "" : " (\(origins))"))
        }
        if !also.isEmpty {
            lines.append(
                "Superset: the selector also takes \(also.map(\.description).joined(separator: ", ")); no stable label tells them apart.")
        }
        return lines.joined(separator: "\n")
    }
}

/// `allow-ingress-<name>` / `allow-egress-<name>`, with the kind appended where two
/// holders of one namespace share a name.
struct PolicyNames {
    let clashing: Set<WorkloadRef>

    init(holders: Set<WorkloadRef>) {
        var count: [String: Int] = [:]
        for w in holders { count["\(w.namespace)/\(w.name)", default: 0] += 1 }
        clashing = holders.filter { count["\($0.namespace)/\($0.name)"]! > 1 }
    }

    func name(_ d: PolicyDirection, _ w: WorkloadRef) -> String {
        let stem = (d == .ingress ? "allow-ingress-" : "allow-egress-") + w.name
        return String((clashing.contains(w) ? stem + "-" + w.kind.lowercased() : stem).prefix(253))
    }
}
