/// Explains one pair of endpoints straight from the model (no compiled state), so every
/// rule can be named. Its allowed sets equal the engine's (checked by tests).
public struct Explainer: Sendable {
    public let cluster: Cluster
    public let options: EvaluationOptions

    public enum Endpoint: Sendable, Hashable {
        case pod(Int)
        case external(IPAddress)
    }

    public init(cluster: Cluster, options: EvaluationOptions = .init()) {
        var c = cluster
        c.addImplicitNamespaces()
        self.cluster = c
        self.options = options
    }

    public func explain(_ s: Endpoint, _ d: Endpoint, sourceName: String, destinationName: String, query: (NetworkProtocol, Int)? = nil)
        -> Explanation
    {
        if case .pod(let a) = s, case .pod(let b) = d, a == b {
            let selfSide = { (dir: PolicyDirection) in
                DirectionExplanation(direction: dir, status: .selfTraffic, isolatingPolicies: [], matches: [], misses: [], allowed: .all)
            }
            return Explanation(
                source: sourceName, destination: destinationName, egress: selfSide(.egress), ingress: selfSide(.ingress), allowed: .all)
        }
        let egress = side(.egress, subject: s, peer: d, destination: d, query: query)
        let ingress = side(.ingress, subject: d, peer: s, destination: d, query: query)
        return Explanation(
            source: sourceName, destination: destinationName, egress: egress, ingress: ingress,
            allowed: egress.allowed.intersection(ingress.allowed))
    }

    private func reference(_ p: NetworkPolicy) -> PolicyReference { PolicyReference(name: p.qualifiedName, location: p.location) }

    private func side(
        _ direction: PolicyDirection, subject: Endpoint, peer: Endpoint, destination: Endpoint, query: (NetworkProtocol, Int)?
    ) -> DirectionExplanation {
        var out = DirectionExplanation(
            direction: direction, status: .isolated, isolatingPolicies: [], matches: [], misses: [], allowed: .none)
        guard case .pod(let p) = subject else {
            out.status = .external
            out.allowed = .all
            return out
        }
        let pod = cluster.pods[p]
        if pod.hostNetwork && options.hostNetwork == .bypass {
            out.status = .hostNetwork
            out.allowed = .all
            return out
        }
        let destinationPorts: [ContainerPort]? = { if case .pod(let q) = destination { cluster.pods[q].ports } else { nil } }()
        // The ANP tier first; what it leaves (undecided or passed) goes to NetworkPolicies.
        let admin = adminTier(direction, pod: p, peer: peer, destinationPorts: destinationPorts)
        out.adminDecisions = admin.decisions
        out.runtimeDecisions = admin.runtime
        if admin.rest.isEmpty {
            out.status = .decidedByAdmin
            out.allowed = admin.allowed
            return out
        }
        let isolating = cluster.policies.filter {
            $0.affects(direction) && $0.selects(pod)
        }
        guard !isolating.isEmpty else {
            let baseline = baselineTier(direction, pod: p, peer: peer, destinationPorts: destinationPorts, rest: admin.rest)
            out.adminDecisions += baseline.decisions
            out.runtimeDecisions += baseline.runtime
            out.status = .notIsolated
            out.allowed = admin.allowed.union(baseline.allowed)
            return out
        }
        out.isolatingPolicies = isolating.map(reference)
        for policy in isolating {
            for (ri, rule) in policy.rules(direction).enumerated() {
                let peerIndex = rule.peers.isEmpty ? nil : rule.peers.firstIndex { matches($0, policyNamespace: policy.namespace, peer) }
                if !rule.peers.isEmpty && peerIndex == nil {
                    out.misses += peerMisses(rule, ri, policy, peer)
                    continue
                }
                let allowed = rule.ports.connections(destinationPorts: destinationPorts)
                let indices =
                    rule.ports.isEmpty
                    ? nil
                    : rule.ports.indices.filter {
                        !rule.ports[$0].connections(destinationPorts: destinationPorts).isEmpty
                    }
                out.matches.append(
                    RuleMatch(
                        policy: reference(policy), ruleIndex: ri, peerIndex: peerIndex, portIndices: indices, connections: allowed,
                        ruleLocation: rule.location))
                out.allowed = out.allowed.union(allowed)
                let missesQuery = query.map { !allowed.contains($0.0, $0.1) } ?? allowed.isEmpty
                if missesQuery { out.misses += portMisses(rule, ri, policy, peerIndex, allowed, destinationPorts, query) }
            }
        }
        // The NetworkPolicy tier decides only what the ANP tier left to it.
        out.allowed = admin.allowed.union(out.allowed.intersection(admin.rest))
        return out
    }

    /// Whether one peer of a policy in `policyNamespace` matches an endpoint (Docs/semantics.md §5).
    public func matches(_ peer: PolicyPeer, policyNamespace: String, _ endpoint: Endpoint) -> Bool {
        switch (peer, endpoint) {
        case (.selector(let pods, let namespaces), .pod(let q)):
            let pod = cluster.pods[q]
            let nsOK = namespaces.map { sel in sel.matches(namespaceLabels(pod.namespace)) } ?? (pod.namespace == policyNamespace)
            return nsOK && (pods?.matches(pod.labels) ?? true)
        case (.selector, .external):
            return false
        case (.ipBlock(let block), .external(let ip)):
            return block.contains(ip)
        case (.ipBlock(let block), .pod(let q)):
            return options.ipBlockMatchesPods && cluster.pods[q].ips.contains { block.contains($0) }
        }
    }

    func namespaceLabels(_ name: String) -> [String: String] {
        cluster.namespaces.first { $0.name == name }?.labels ?? [Namespace.nameLabel: name]
    }
}
