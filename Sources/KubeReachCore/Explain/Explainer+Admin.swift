/// The admin tiers of an explanation (Docs/semantics.md §8), from the model: each rule
/// that decided part of the connection set, in evaluation order.
extension Explainer {
    /// The ANP tier for one side: its decisions, what it allowed, and what it left to the
    /// tiers below (undecided or passed).
    func adminTier(_ direction: PolicyDirection, pod: Int, peer: Endpoint, destinationPorts: [ContainerPort]?)
        -> (decisions: [AdminDecision], allowed: ConnectionSet, rest: ConnectionSet)
    {
        var walk = TierWalk(undecided: .all)
        for policy in cluster.orderedAdminPolicies where selects(policy.subject, pod: pod) {
            walk.apply(policy, direction, peer: peer, destinationPorts: destinationPorts, explainer: self)
        }
        return (walk.decisions, walk.allowed, walk.undecided.union(walk.passed))
    }

    /// The BANP for one side, on what the tiers above left: its decisions and what it allows
    /// (what none of its rules matches is allowed).
    func baselineTier(_ direction: PolicyDirection, pod: Int, peer: Endpoint, destinationPorts: [ContainerPort]?, rest: ConnectionSet)
        -> (decisions: [AdminDecision], allowed: ConnectionSet)
    {
        guard let banp = cluster.baselinePolicy, selects(banp.subject, pod: pod) else { return ([], rest) }
        var walk = TierWalk(undecided: rest)
        walk.apply(banp, direction, peer: peer, destinationPorts: destinationPorts, explainer: self)
        return (walk.decisions, walk.allowed.union(walk.undecided))
    }

    /// Whether an admin subject or `pods`/`namespaces` peer selects the pod.
    public func selects(_ s: AdminSelection, pod index: Int) -> Bool {
        let pod = cluster.pods[index]
        switch s {
        case .namespaces(let ns): return ns.matches(namespaceLabels(pod.namespace))
        case .pods(let ns, let pods): return ns.matches(namespaceLabels(pod.namespace)) && pods.matches(pod.labels)
        }
    }

    /// Whether some peer of the rule matches the endpoint.
    public func ruleMatches(_ rule: AdminRule, _ endpoint: Endpoint) -> Bool {
        rule.peers.contains { peer in
            switch (peer, endpoint) {
            case (.pods(let s), .pod(let q)): return selects(s, pod: q)
            case (.pods, .external): return false
            case (.networks(let cidrs), .external(let ip)): return cidrs.contains { $0.range.contains(ip) }
            case (.networks(let cidrs), .pod(let q)):
                let pod = cluster.pods[q]
                return (options.ipBlockMatchesPods || pod.hostNetwork)
                    && pod.ips.contains { ip in cidrs.contains { $0.range.contains(ip) } }
            case (.nodes(let s), .external(let ip)):
                return cluster.nodes.contains { s.matches($0.labels) && $0.addresses.contains(ip) }
            case (.nodes(let s), .pod(let q)):
                let pod = cluster.pods[q]
                return (options.ipBlockMatchesPods || pod.hostNetwork)
                    && cluster.nodes.contains { node in s.matches(node.labels) && pod.ips.contains { node.addresses.contains($0) } }
            }
        }
    }
}

/// First-match evaluation of admin rules over a connection set: each matching rule decides
/// the part of the set no earlier rule decided.
private struct TierWalk {
    var undecided: ConnectionSet
    var allowed = ConnectionSet.none
    var passed = ConnectionSet.none
    var decisions: [AdminDecision] = []

    mutating func apply(
        _ policy: AdminNetworkPolicy, _ direction: PolicyDirection, peer: Explainer.Endpoint, destinationPorts: [ContainerPort]?,
        explainer: Explainer
    ) {
        for (ri, rule) in policy.rules(direction).enumerated() where explainer.ruleMatches(rule, peer) {
            let conn = rule.connections(destinationPorts: destinationPorts)
            let decided = undecided.intersection(conn)
            undecided = undecided.subtracting(conn)
            if decided.isEmpty { continue }
            decisions.append(AdminDecision(policy: policy, ruleIndex: ri, rule: rule, connections: decided))
            if rule.action == .allow { allowed = allowed.union(decided) }
            if rule.action == .pass { passed = passed.union(decided) }
        }
    }
}

/// One ANP or BANP rule that decided part of a connection set.
public struct AdminDecision: Sendable {
    public var tier: AdminNetworkPolicy.Tier
    public var policy: PolicyReference
    public var ruleIndex: Int
    public var ruleName: String
    public var action: AdminAction
    /// The part of the connection set this rule decided (earlier rules took the rest).
    public var connections: ConnectionSet
    public var ruleLocation: SourceLocation?

    init(policy: AdminNetworkPolicy, ruleIndex: Int, rule: AdminRule, connections: ConnectionSet) {
        tier = policy.tier
        self.policy = PolicyReference(name: policy.name, location: policy.location)
        self.ruleIndex = ruleIndex
        ruleName = rule.name
        action = rule.action
        self.connections = connections
        ruleLocation = rule.location
    }
}
