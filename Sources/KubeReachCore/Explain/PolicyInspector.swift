/// Which policies select a pod, and what a policy selects and admits: the answers to
/// `who-selects` and `show-policy`, straight from the model.
public struct PolicyInspector: Sendable {
    public let explainer: Explainer

    public init(cluster: Cluster, options: EvaluationOptions = .init()) {
        explainer = Explainer(cluster: cluster, options: options)
    }

    var cluster: Cluster { explainer.cluster }

    /// Policies (indices) of the pod's namespace whose podSelector selects it, and whether
    /// each affects the direction.
    public func policiesSelecting(pod: Int) -> [(policy: Int, ingress: Bool, egress: Bool)] {
        let p = cluster.pods[pod]
        return cluster.policies.indices.compactMap { i in
            let policy = cluster.policies[i]
            guard policy.selects(p) else { return nil }
            return (i, policy.affectsIngress, policy.affectsEgress)
        }
    }

    /// What one rule's peer matches.
    public struct PeerMatch: Sendable {
        public var peerIndex: Int?
        public var description: String
        /// Node names (workloads) of the pods it matches.
        public var workloads: [String]
        /// For ipBlocks: the address ranges.
        public var addresses: [String]
    }

    public struct RuleSummary: Sendable {
        public var direction: PolicyDirection
        public var index: Int
        public var peers: [PeerMatch]
        public var ports: String
        public var location: SourceLocation?
    }

    /// The workloads a policy selects (its own namespace), and per rule what each peer matches.
    public func inspect(policy index: Int) -> (selected: [String], rules: [RuleSummary]) {
        let policy = cluster.policies[index]
        let selected = Set(
            cluster.pods.indices.filter {
                policy.selects(cluster.pods[$0])
            }.map { cluster.pods[$0].workload.description })
        var rules: [RuleSummary] = []
        for direction in PolicyDirection.allCases where policy.affects(direction) {
            for (ri, rule) in policy.rules(direction).enumerated() {
                let peers: [PeerMatch]
                if rule.peers.isEmpty {
                    peers = [
                        PeerMatch(peerIndex: nil, description: "everything (no peers listed)", workloads: [], addresses: ["all addresses"])
                    ]
                } else {
                    peers = rule.peers.enumerated().map { pi, peer in
                        let matched = cluster.pods.indices.filter { explainer.matches(peer, policyNamespace: policy.namespace, .pod($0)) }
                        var addresses: [String] = []
                        if case .ipBlock(let block) = peer { addresses = block.ranges.map(\.description) }
                        return PeerMatch(
                            peerIndex: pi, description: Self.describe(peer, namespace: policy.namespace),
                            workloads: Set(matched.map { cluster.pods[$0].workload.description }).sorted(), addresses: addresses)
                    }
                }
                let ports = rule.ports.isEmpty ? "all ports" : rule.ports.map(Self.describe).joined(separator: ", ")
                rules.append(RuleSummary(direction: direction, index: ri, peers: peers, ports: ports, location: rule.location))
            }
        }
        return (selected.sorted(), rules)
    }

    static func describe(_ peer: PolicyPeer, namespace: String) -> String {
        switch peer {
        case .selector(let pods, let namespaces):
            func braced(_ s: LabelSelector) -> String { s.isEmpty ? "{}" : "{\(s.description)}" }
            let ns = namespaces.map { "namespaces \(braced($0))" } ?? "namespace \(namespace)"
            return "pods \(pods.map(braced) ?? "{}") in \(ns)"
        case .ipBlock(let block):
            return "ipBlock \(block.description)"
        }
    }

    static func describe(_ port: PolicyPort) -> String {
        switch port.port {
        case nil: return "\(port.proto.rawValue) (all ports)"
        case .number(let n): return port.endPort.map { "\(port.proto.rawValue) \(n)-\($0)" } ?? "\(port.proto.rawValue) \(n)"
        case .name(let name): return "\(port.proto.rawValue) \(name) (named)"
        }
    }
}
