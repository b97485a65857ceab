import KubeReachCore

/// Builds the `allow-ingress-*` and `allow-egress-*` policies of a least-privilege plan:
/// selectors on stable labels, peers per namespace, ports named where the destination
/// pods name them, and a reason listing the intents each policy serves.
struct AllowPolicyBuilder {
    let cluster: Cluster
    let selectors: StableSelectors
    let base: DefaultDenyPlan
    let evaluation: EvaluationOptions
    /// Folds peers into namespaces or everything (`--keep-current`); nil writes one peer per intent.
    let compaction: PeerCompaction?
    /// The workloads by number: holders and peers are keyed by it while the entries are made.
    private var numbers: WorkloadNumbering
    /// Filled while building: holders whose selector selects other workloads too.
    var supersets: [WorkloadRef: [WorkloadRef]] = [:]

    init(
        cluster: Cluster, selectors: StableSelectors, base: DefaultDenyPlan, evaluation: EvaluationOptions,
        families: Set<IPFamily>? = nil
    ) {
        self.cluster = cluster
        self.selectors = selectors
        self.base = base
        self.evaluation = evaluation
        let numbers = WorkloadNumbering(selectors.pods.keys)
        self.numbers = numbers
        compaction = families.map { PeerCompaction(selectors: selectors, numbers: numbers, families: $0) }
    }

    /// One allowed peer of a holder: the other end, what to allow, and why.
    struct Entry {
        var peer: IntentEndpoint
        /// The peer workload's number (nil for an address range).
        var number: Int?
        var connections: ConnectionSet
        var origins: [String]
    }

    /// The intents each holder has an entry for, by holder number, and each intent's ends
    /// by number: entries are made one holder at a time from these (the intents are not
    /// copied into per-holder lists held for every pair at once).
    struct Holdings {
        /// Per holder number, the indices of the intents it admits (`ingress`) or sends (`egress`).
        var ingress: [[Int32]]
        var egress: [[Int32]]
        /// Per intent, the numbers of its source and destination (-1: an address range).
        var ends: [(source: Int32, destination: Int32)] = []

        init(count: Int, intents: Int) {
            ingress = Array(repeating: [], count: count)
            egress = ingress
            ends.reserveCapacity(intents)
        }

        mutating func grow(to count: Int) {
            if count > ingress.count {
                ingress += Array(repeating: [], count: count - ingress.count)
                egress += Array(repeating: [], count: count - egress.count)
            }
        }
    }

    /// The allow policies; with `halves`, per holder and direction the smaller restatement.
    ///
    /// A holder's entries come from the intents alone, and (with current halves) with each
    /// pair whose ends both hold policies taken from this side's half. Either restates the
    /// pairs exactly: a half always holds the pair's connections, and the two halves
    /// intersect to them. The plan writes the one that folds smaller.
    ///
    /// - Complexity: O(intents) to index them, each end's number looked up once; then per
    ///   holder its entries, and with halves its half read from the rows (`WorkloadRows`), made
    ///   only while that holder is folded (`PeerCompaction.fold`), so that no list of every
    ///   pair's entries is ever held.
    mutating func policies(for intents: [Intent], halves: CurrentRows? = nil, holds: (IntentEndpoint) -> Bool) -> [GeneratedPolicy] {
        var holding = numbers.refs.map { holds(.workload($0)) }
        var rows = (ingress: halves?.ingress, egress: halves?.egress)
        let both = rows.ingress != nil && rows.egress != nil
        var index = Holdings(count: numbers.count, intents: intents.count)
        // Intents come sorted by source: its number is looked up once per run, and its
        // destinations, in name order, are tried as the one after the last.
        var last: (IntentEndpoint, Int?)?, lastDestination = -1
        func number(_ e: IntentEndpoint, source: Bool) -> Int? {
            if source, let (endpoint, n) = last, endpoint == e { return n }
            let n = e.workload.map { numbers.number(adding: $0, after: source ? -2 : lastDestination) }
            if let n, n == holding.count { holding.append(holds(e)) }
            if source { last = (e, n) } else if let n { lastDestination = n }
            return n
        }
        for (k, i) in intents.enumerated() {
            let s = number(i.source, source: true), d = number(i.destination, source: false)
            index.grow(to: holding.count)
            index.ends.append((Int32(s ?? -1), Int32(d ?? -1)))
            if let d, holding[d] { index.ingress[d].append(Int32(k)) }
            if let s, holding[s] { index.egress[s].append(Int32(k)) }
        }
        /// The holder's entries from its intents, and those a half restates as they are (one
        /// end does not hold policies, so the pair is this side's alone).
        func entries(_ w: Int, _ d: PolicyDirection) -> (intents: [Entry], halves: [Entry]) {
            var a: [Entry] = [], b: [Entry] = []
            for k in d == .ingress ? index.ingress[w] : index.egress[w] {
                let i = intents[Int(k)], ends = index.ends[Int(k)]
                let s = ends.source < 0 ? nil : Int(ends.source), t = ends.destination < 0 ? nil : Int(ends.destination)
                let split = both && s.map { holding[$0] } ?? false && t.map { holding[$0] } ?? false
                let entry =
                    d == .ingress
                    ? admitted(i.source, s, i.connections, origins: i.origins) : sent(i.destination, t, i.connections, origins: i.origins)
                guard let entry else { continue }
                a.append(entry)
                if both && !split { b.append(entry) }
            }
            return (a, b)
        }
        /// The holder's own half between holders, read from the rows: the pairs whose ends
        /// both hold policies, which the intents above left to the halves.
        func half(_ w: Int, _ d: PolicyDirection) -> [Entry] {
            var out: [Entry] = [], previous = -1
            let list = d == .ingress ? rows.ingress?.edges(of: numbers.refs[w], d) : rows.egress?.edges(of: numbers.refs[w], d)
            for (peer, c) in list ?? [] {
                let n = numbers.number(adding: peer, after: previous)
                previous = n
                if n == holding.count { holding.append(holds(.workload(peer))) }
                guard holding[n] else { continue }
                if d == .ingress {
                    out.append(admitted(.workload(peer), n, c, origins: CurrentIntents.origins))
                } else if let e = sent(.workload(peer), n, c, origins: CurrentIntents.origins) {
                    out.append(e)
                }
            }
            return out
        }
        func chosen(_ w: Int, _ d: PolicyDirection) -> [PeerCompaction.Group] {
            let (intents, halves) = entries(w, d)
            let a = groups(intents, holder: w)
            guard both, !a.isEmpty else { return a }
            let b = groups(halves + half(w, d), holder: w)
            return b.count < a.count ? b : a
        }
        let holders = (
            ingress: index.ingress.indices.filter { !index.ingress[$0].isEmpty },
            egress: index.egress.indices.filter { !index.egress[$0].isEmpty }
        )
        let ingressGroups = holders.ingress.map { w in (numbers.refs[w], chosen(w, .ingress)) }
        let egressGroups = holders.egress.map { w in (numbers.refs[w], chosen(w, .egress)) }
        let names = PolicyNames(
            holders: Set(ingressGroups.filter { !$0.1.isEmpty }.map(\.0)).union(egressGroups.filter { !$0.1.isEmpty }.map(\.0)))
        var out: [GeneratedPolicy] = []
        for (w, groups) in ingressGroups.sorted(by: { $0.0 < $1.0 }) where !groups.isEmpty {
            out.append(policy(.ingress, of: w, groups, name: names.name(.ingress, w)))
        }
        for (w, groups) in egressGroups.sorted(by: { $0.0 < $1.0 }) where !groups.isEmpty {
            out.append(policy(.egress, of: w, groups, name: names.name(.egress, w)))
        }
        return out
    }

    /// An entry of a destination's ingress: the source (`s`: its number, if a workload).
    private func admitted(_ peer: IntentEndpoint, _ s: Int?, _ c: ConnectionSet, origins: [String]) -> Entry {
        Entry(peer: peer, number: s, connections: c, origins: origins)
    }

    /// An entry of a source's egress, without the port 53 the DNS policy allows already
    /// (nil when nothing is left).
    private mutating func sent(_ peer: IntentEndpoint, _ d: Int?, _ c: ConnectionSet, origins: [String]) -> Entry? {
        var c = c
        if base.options.allowDNS, let d, isDNS(d) { c = Self.withoutDNS(c) }
        return c.isEmpty ? nil : Entry(peer: peer, number: d, connections: c, origins: origins)
    }

    /// The entries as rule groups: folded (`--keep-current`) or one per peer.
    private func groups(_ entries: [Entry], holder: Int) -> [PeerCompaction.Group] {
        // Folded first, then the peers left sorted (most of a large plan's entries fold away).
        let groups =
            compaction?.fold(entries, holder: holder)
            ?? entries.map { PeerCompaction.Group(peer: .endpoint($0.peer), connections: $0.connections, origins: $0.origins) }
        let keys = groups.map { g -> EndpointOrder? in if case .endpoint(let e) = g.peer { EndpointOrder(e) } else { nil } }
        // Folded peers keep their place ahead of the rest; the rest by endpoint order.
        return groups.indices.sorted { a, b in
            switch (keys[a], keys[b]) {
            case (nil, nil): a < b
            case (nil, _): true
            case (_, nil): false
            case (let x?, let y?): EndpointOrder.precedes(x, y)
            }
        }.map { groups[$0] }
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

    /// Asked once per intent: remembered per workload number.
    private var dnsWorkloads: [Int: Bool] = [:]

    private mutating func isDNS(_ w: Int) -> Bool {
        if let known = dnsWorkloads[w] { return known }
        let members = selectors.selected[numbers.refs[w]] ?? []
        let dns = !members.isEmpty && members.allSatisfy { dnsPods.contains($0) }
        dnsWorkloads[w] = dns
        return dns
    }

    private mutating func policy(_ d: PolicyDirection, of w: WorkloadRef, _ groups: [PeerCompaction.Group], name: String) -> GeneratedPolicy
    {
        let selector = selectors.selector[w] ?? .everything
        let also = selectors.alsoSelected(by: w, in: cluster)
        if !also.isEmpty { supersets[w] = also }
        // Group peers that share one port list into one rule; address ranges with the
        // same ports become one set of ipBlocks.
        var rules: [[PolicyPort]: [PolicyPeer]] = [:], order: [[PolicyPort]] = []
        var ranges: [[PolicyPort]: [IPRange]] = [:]
        for g in groups {
            let ports = PortRendering.ports(g.connections, destinationPods: d == .ingress ? destinationPods(.workload(w)) : pods(of: g))
            if case .everything = g.peer {
                return generated(
                    d, w, selector, [PolicyRule(peers: [], ports: ports)], name: name, reason: reason(d, w, selector, also, groups))
            }
            if rules[ports] == nil {
                order.append(ports)
                rules[ports] = []
            }
            switch g.peer {
            case .endpoint(.workload(let peer)): rules[ports, default: []].append(self.peer(peer, from: w.namespace))
            case .endpoint(.external(let r)): ranges[ports, default: []].append(r)
            case .namespace(let ns):
                rules[ports, default: []].append(
                    ns == w.namespace
                        ? .selector(pods: .everything, namespaces: nil)
                        : .selector(pods: nil, namespaces: LabelSelector(matchLabels: [Namespace.nameLabel: ns])))
            case .allPods: rules[ports, default: []].append(.selector(pods: nil, namespaces: .everything))
            case .everything: break
            }
        }
        let podIPs = evaluation.ipBlockMatchesPods ? cluster.pods.flatMap(\.ips) : []
        for (ports, list) in ranges { rules[ports, default: []] += ExternalPeers.blocks(list, podIPs: podIPs).map { .ipBlock($0) } }
        order.removeAll { rules[$0]?.isEmpty ?? true }
        let built = order.map { PolicyRule(peers: rules[$0] ?? [], ports: $0) }
        return generated(d, w, selector, built, name: name, reason: reason(d, w, selector, also, groups))
    }

    private func generated(
        _ d: PolicyDirection, _ w: WorkloadRef, _ selector: LabelSelector, _ built: [PolicyRule], name: String, reason: String
    )
        -> GeneratedPolicy
    {
        let policy = NetworkPolicy(
            namespace: w.namespace, name: name, podSelector: selector,
            ingress: d == .ingress ? built : [], egress: d == .egress ? built : [], policyTypes: [d])
        return GeneratedPolicy(policy: policy, reason: reason)
    }

    /// The destination pods of an egress peer, for named ports: a workload's, a namespace's,
    /// or none where the peer also takes addresses or every pod, or the rule has no ports.
    private func pods(of g: PeerCompaction.Group) -> [Pod]? {
        if g.connections.isAll || g.connections.otherProtocols { return nil }  // written without ports
        switch g.peer {
        case .endpoint(let e): return destinationPods(e)
        case .namespace(let ns): return cluster.pods.filter { $0.namespace == ns }
        case .allPods, .everything: return nil
        }
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

    private func reason(_ d: PolicyDirection, _ w: WorkloadRef, _ s: LabelSelector, _ also: [WorkloadRef], _ groups: [PeerCompaction.Group])
        -> String
    {
        let head =
            d == .ingress ? "Ingress of \(w) (pods \(s.description)): allow only" : "Egress of \(w) (pods \(s.description)): allow only"
        var lines = [head]
        for g in groups {
            let origins =
                g.origins.count > 3
                ? g.origins.prefix(3).joined(separator: ", ") + " and \(g.origins.count - 3) more" : g.origins.joined(separator: ", ")
            let arrow = d == .ingress ? "from" : "to"
            lines.append("- \(arrow) \(g.peer): \(g.connections.description)" + (origins.isEmpty ? "" : " (\(origins))"))
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
