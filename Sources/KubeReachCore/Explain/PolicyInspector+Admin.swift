/// `who-selects` and `show-policy` for the admin tiers (ANP, BANP and ClusterNetworkPolicy
/// of both tiers), from the one tiered-policy model.
extension PolicyInspector {
    /// Admin policies (indices into `cluster.adminPolicies`) whose subject holds the pod, in
    /// evaluation order (Admin tier, then Baseline tier), and whether each has rules for
    /// the direction.
    public func adminPoliciesHolding(pod: Int) -> [(policy: Int, ingress: Bool, egress: Bool)] {
        let all = cluster.adminPolicies
        let ordered =
            all.indices.filter { all[$0].tier == .admin }.sorted { AdminNetworkPolicy.evaluationOrder(all[$0], all[$1]) }
            + all.indices.filter { all[$0].tier == .baseline }.sorted { AdminNetworkPolicy.evaluationOrder(all[$0], all[$1]) }
        return ordered.compactMap { i in
            guard explainer.selects(all[i], pod: pod) else { return nil }
            return (i, !all[i].ingress.isEmpty, !all[i].egress.isEmpty)
        }
    }

    /// One admin rule: its action as the API spells it, and what each peer matches.
    public struct AdminRuleSummary: Sendable {
        public var direction: PolicyDirection
        public var index: Int
        public var name: String
        public var action: String
        public var peers: [PeerMatch]
        public var ports: String
        public var location: SourceLocation?
    }

    /// The workloads an admin policy's subject holds, and per rule what each peer matches
    /// (`domainNames` are named and marked decided at runtime).
    public func inspect(adminPolicy index: Int) -> (selected: [String], rules: [AdminRuleSummary]) {
        let policy = cluster.adminPolicies[index]
        let selected = Set(cluster.pods.indices.filter { explainer.selects(policy, pod: $0) }.map { cluster.pods[$0].workload.description })
        var rules: [AdminRuleSummary] = []
        for direction in PolicyDirection.allCases {
            for (ri, rule) in policy.rules(direction).enumerated() {
                let peers = rule.peers.enumerated().map { pi, peer in
                    let single = AdminRule(name: rule.name, action: rule.action, peers: [peer])
                    let matched = cluster.pods.indices.filter { explainer.ruleMatches(single, .pod($0), api: policy.api) }
                    return PeerMatch(
                        peerIndex: pi, description: Self.describe(peer),
                        workloads: Set(matched.map { cluster.pods[$0].workload.description }).sorted(), addresses: addresses(peer, rule))
                }
                let ports = rule.ports.isEmpty ? "all ports" : rule.ports.map(Self.describe).joined(separator: ", ")
                rules.append(
                    AdminRuleSummary(
                        direction: direction, index: ri, name: rule.name, action: rule.action.word(policy.api), peers: peers, ports: ports,
                        location: rule.location))
            }
        }
        return (selected.sorted(), rules)
    }

    private func addresses(_ peer: AdminPeer, _ rule: AdminRule) -> [String] {
        switch peer {
        case .networks(let cidrs): cidrs.map(\.range.description)
        case .nodes(let s): cluster.nodes.filter { s.matches($0.labels) }.flatMap(\.addresses).map(\.description)
        case .domainNames(let names): names.map { "\($0) (decided at runtime)" }
        case .unrecognized: rule.action == .deny ? ["all addresses (failed closed)"] : []
        case .pods: []
        }
    }

    static func describe(_ peer: AdminPeer) -> String {
        func braced(_ s: LabelSelector) -> String { s.isEmpty ? "{}" : "{\(s.description)}" }
        switch peer {
        case .pods(.namespaces(let ns)): return "namespaces \(braced(ns))"
        case .pods(.pods(let ns, let pods)): return "pods: namespaceSelector \(braced(ns)) podSelector \(braced(pods))"
        case .networks(let cidrs): return "networks \(cidrs.map(\.description).joined(separator: ", "))"
        case .nodes(let s): return "nodes \(braced(s))"
        case .domainNames(let names): return "domainNames \(names.joined(separator: ", "))"
        case .unrecognized(let keys): return "unrecognized fields \(keys.joined(separator: ", ")) (fails closed)"
        }
    }

    static func describe(_ port: AdminPort) -> String {
        switch port {
        case .number(let p, let n): "\(p.rawValue) \(n)"
        case .range(let p, let a, let b): "\(p.rawValue) \(a)-\(b)"
        case .named(let name): "named port \(name)"
        }
    }
}
