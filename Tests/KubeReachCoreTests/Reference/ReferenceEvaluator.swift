import KubeReachCore

/// An endpoint for the reference evaluator: a pod (index) or an external address.
enum RefEndpoint: Hashable {
    case pod(Int)
    case external(IPAddress)
}

/// A deliberately naive evaluator written straight from Docs/semantics.md §1–§8: one
/// (source, destination, protocol, port) question at a time, scanning every policy. It
/// shares no logic with the engine beyond the model structs (it re-derives selector, port
/// and ipBlock matching), so the two can check each other. What does not depend on the
/// question (the tiers' order, which NetworkPolicies select each pod) is worked out once,
/// as plainly; a class, so the differential loops do not copy its tables per question.
final class ReferenceEvaluator {
    let cluster: Cluster
    let ipBlockMatchesPods: Bool
    let hostNetworkBypass: Bool
    /// Labels per namespace name, each with `kubernetes.io/metadata.name` set here (not
    /// trusting the model's initialiser), including namespaces only pods reference.
    private let namespaceLabels: [String: [String: String]]
    /// Sorted starts of the elementary port intervals; computed once because the
    /// differential test asks for thousands of connection sets per cluster.
    private let portStarts: [Int]
    /// The Admin and Baseline tiers' policies in evaluation order.
    let adminOrder: [AdminNetworkPolicy]
    let baselineOrder: [AdminNetworkPolicy]
    /// Per policy of `adminOrder`/`baselineOrder`, per pod: whether its subject holds the pod.
    var adminHolds: [[Bool]] = []
    var baselineHolds: [[Bool]] = []
    /// Per pod, the NetworkPolicies selecting it for ingress and for egress.
    private let applyingIngress: [[NetworkPolicy]]
    private let applyingEgress: [[NetworkPolicy]]

    init(_ cluster: Cluster, ipBlockMatchesPods: Bool = true, hostNetworkBypass: Bool = true) {
        self.cluster = cluster
        self.ipBlockMatchesPods = ipBlockMatchesPods
        self.hostNetworkBypass = hostNetworkBypass
        var labels: [String: [String: String]] = [:]
        for ns in cluster.namespaces { labels[ns.name] = ns.labels }
        for name in cluster.pods.map(\.namespace) + cluster.policies.map(\.namespace) {
            labels[name, default: [:]]["kubernetes.io/metadata.name"] = name
        }
        namespaceLabels = labels
        portStarts = Self.portCuts(cluster).sorted()
        adminOrder = Self.tier(.admin, of: cluster)
        baselineOrder = Self.tier(.baseline, of: cluster)
        func applying(_ direction: PolicyDirection) -> [[NetworkPolicy]] {
            cluster.pods.map { pod in
                cluster.policies.filter {
                    $0.namespace == pod.namespace && Self.selectorMatches($0.podSelector, pod.labels) && Self.types($0).contains(direction)
                }
            }
        }
        applyingIngress = applying(.ingress)
        applyingEgress = applying(.egress)
        adminHolds = adminOrder.map { p in cluster.pods.indices.map { selects(p.subject, pod: $0, p.api) } }
        baselineHolds = baselineOrder.map { p in cluster.pods.indices.map { selects(p.subject, pod: $0, p.api) } }
    }

    /// Section 3: allowed iff the egress check and the ingress check pass; self always.
    /// `proto` nil asks about an IP protocol other than TCP, UDP and SCTP (ICMP, ...): only
    /// a rule without `ports` allows it (`port` is then ignored).
    func allowed(_ s: RefEndpoint, _ d: RefEndpoint, _ proto: NetworkProtocol?, _ port: Int) -> Bool {
        if case .pod(let a) = s, case .pod(let b) = d, a == b { return true }
        return sideAllows(.egress, isolatedEnd: s, peer: d, destination: d, proto, port)
            && sideAllows(.ingress, isolatedEnd: d, peer: s, destination: d, proto, port)
    }

    /// The policy's directions, defaulted here from how they were written rather than taken
    /// from the model: absent or `[]` is Ingress, plus Egress when there is an egress rule.
    static func types(_ policy: NetworkPolicy) -> Set<PolicyDirection> {
        guard policy.policyTypesSource == .listed else { return policy.egress.isEmpty ? [.ingress] : [.ingress, .egress] }
        return Set(PolicyDirection.allCases.filter { $0 == .ingress ? policy.affectsIngress : policy.affectsEgress })
    }

    private func sideAllows(
        _ direction: PolicyDirection, isolatedEnd: RefEndpoint, peer: RefEndpoint, destination: RefEndpoint,
        _ proto: NetworkProtocol?, _ port: Int
    ) -> Bool {
        guard case .pod(let p) = isolatedEnd else { return true }  // external: no policies
        let pod = cluster.pods[p]
        if pod.hostNetwork && hostNetworkBypass { return true }
        switch adminTier(direction, subject: p, peer: peer, destination: destination, proto, port) {
        case .allow: return true
        case .deny: return false
        case .pass, .noMatch: break
        }
        let applying = direction == .ingress ? applyingIngress[p] : applyingEgress[p]
        if applying.isEmpty {
            return baselineTier(direction, subject: p, peer: peer, destination: destination, proto, port) ?? true
        }
        return applying.contains { policy in
            (direction == .ingress ? policy.ingress : policy.egress).contains { rule in
                (rule.peers.isEmpty || rule.peers.contains { peerMatches($0, policyNamespace: policy.namespace, peer) })
                    && (rule.ports.isEmpty || rule.ports.contains { portMatches($0, proto, port, destination) })
            }
        }
    }

    private func peerMatches(_ peer: PolicyPeer, policyNamespace: String, _ endpoint: RefEndpoint) -> Bool {
        switch (peer, endpoint) {
        case (.selector(let pods, let namespaces), .pod(let q)):
            let pod = cluster.pods[q]
            let nsOK: Bool
            if let namespaces {
                nsOK = selectorMatches(namespaces, namespaceLabels[pod.namespace] ?? [:])
            } else {
                nsOK = pod.namespace == policyNamespace
            }
            return nsOK && (pods.map { selectorMatches($0, pod.labels) } ?? true)
        case (.selector, .external):
            return false
        case (.ipBlock(let block), .external(let ip)):
            return inBlock(block, ip)
        case (.ipBlock(let block), .pod(let q)):
            return ipBlockMatchesPods && cluster.pods[q].ips.contains { inBlock(block, $0) }
        }
    }

    private func inBlock(_ block: IPBlock, _ ip: IPAddress) -> Bool {
        within(block.cidr, ip) && !block.except.contains { within($0, ip) }
    }

    func within(_ c: CIDR, _ ip: IPAddress) -> Bool {
        guard c.address.family == ip.family else { return false }
        let width = ip.family == .v4 ? 32 : 128
        let shift = width - c.prefixLength
        if shift >= width { return true }
        return (ip.value >> shift) == (c.address.value >> shift)
    }

    func namespaceLabelsOf(_ name: String) -> [String: String] { namespaceLabels[name] ?? ["kubernetes.io/metadata.name": name] }

    private func portMatches(_ p: PolicyPort, _ proto: NetworkProtocol?, _ port: Int, _ destination: RefEndpoint) -> Bool {
        guard p.proto == proto else { return false }
        switch p.port {
        case nil: return true
        case .number(let n): return port >= n && port <= (p.endPort ?? n)
        case .name(let name):
            guard case .pod(let d) = destination else { return false }
            return cluster.pods[d].ports.contains { $0.name == name && $0.proto == proto && $0.port == port }
        }
    }

    func selectorMatches(_ s: LabelSelector, _ labels: [String: String]) -> Bool { Self.selectorMatches(s, labels) }

    static func selectorMatches(_ s: LabelSelector, _ labels: [String: String]) -> Bool {
        for pair in s.matchLabels where labels[pair.key] != pair.value { return false }
        for e in s.matchExpressions {
            let v = labels[e.key]
            let ok: Bool
            switch e.op {
            case .in: ok = v != nil && e.values.contains(v!)
            case .notIn: ok = v == nil || !e.values.contains(v!)
            case .exists: ok = v != nil
            case .doesNotExist: ok = v == nil
            }
            if !ok { return false }
        }
        return true
    }

    /// The exact connection set, by evaluating one port per elementary interval: the
    /// port space cut at every port, endPort and container port number in the cluster.
    func connections(_ s: RefEndpoint, _ d: RefEndpoint) -> ConnectionSet {
        var result = ConnectionSet.none
        for proto in NetworkProtocol.allCases {
            let starts = portStarts
            var ranges: [ClosedRange<Int>] = []
            for (i, start) in starts.enumerated() {
                let end = i + 1 < starts.count ? starts[i + 1] - 1 : 65535
                if allowed(s, d, proto, start) { ranges.append(start...end) }
            }
            result[proto] = PortSet(ranges)
        }
        result.otherProtocols = allowed(s, d, nil, 0)
        return result
    }

    private static func portCuts(_ cluster: Cluster) -> Set<Int> {
        var cuts: Set<Int> = [1]
        for policy in cluster.policies {
            for rule in policy.ingress + policy.egress {
                for p in rule.ports {
                    if case .number(let n) = p.port {
                        cuts.insert(n)
                        if (p.endPort ?? n) < 65535 { cuts.insert((p.endPort ?? n) + 1) }
                    }
                }
            }
        }
        for p in cluster.adminPolicies.flatMap({ $0.ingress + $0.egress }).flatMap(\.ports) {
            switch p {
            case .number(_, let n): cuts.formUnion([n, n + 1])
            case .range(_, let a, let b): cuts.formUnion([a, b + 1])
            case .named: break
            }
        }
        cuts = cuts.filter { $0 <= 65535 }
        for pod in cluster.pods {
            for cp in pod.ports {
                cuts.insert(cp.port)
                if cp.port < 65535 { cuts.insert(cp.port + 1) }
            }
        }
        return cuts
    }

    /// One address in each elementary interval of every family in play (cut at every
    /// CIDR and except boundary).
    func externalSamples(families: Set<IPFamily>) -> [IPAddress] {
        var out: [IPAddress] = []
        for family in families.sorted() {
            var cuts: Set<UInt128> = [0]
            for policy in cluster.policies {
                for rule in policy.ingress + policy.egress {
                    for case .ipBlock(let b) in rule.peers {
                        for c in [b.cidr] + b.except where c.address.family == family {
                            cuts.insert(c.range.lower)
                            if c.range.upper < family.maxValue { cuts.insert(c.range.upper + 1) }
                        }
                    }
                }
            }
            var adminRanges: [IPRange] = []
            for rule in cluster.adminPolicies.flatMap(\.egress) {
                for peer in rule.peers {
                    if case .networks(let cidrs) = peer { adminRanges += cidrs.map(\.range) }
                    if case .nodes = peer {
                        adminRanges += cluster.nodes.flatMap(\.addresses).map {
                            IPRange(family: $0.family, lower: $0.value, upper: $0.value)
                        }
                    }
                }
            }
            out += Self.intervalEnds(cutting: adminRanges, family: family, cuts: cuts)
        }
        return out
    }

    /// Both ends of every elementary interval of a family's address space cut at `cuts`
    /// and at the bounds of `ranges` (of that family).
    static func intervalEnds(cutting ranges: [IPRange], family: IPFamily, cuts initial: Set<UInt128> = [0]) -> [IPAddress] {
        var cuts = initial
        for r in ranges where r.family == family {
            cuts.insert(r.lower)
            if r.upper < family.maxValue { cuts.insert(r.upper + 1) }
        }
        let sorted = cuts.sorted()
        var out: [IPAddress] = []
        for (i, start) in sorted.enumerated() {
            out.append(IPAddress(family: family, value: start))
            let end = i + 1 < sorted.count ? sorted[i + 1] - 1 : family.maxValue
            if end != start { out.append(IPAddress(family: family, value: end)) }
        }
        return out
    }
}
