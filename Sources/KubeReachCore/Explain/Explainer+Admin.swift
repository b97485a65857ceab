/// The admin tiers of an explanation (Docs/semantics.md §8, §9), from the model: each rule
/// that decided part of the connection set, in evaluation order, and the `domainNames`
/// rules whose part is decided at runtime.
extension Explainer {
    /// The Admin tier for one side: its decisions, what it allowed, what it left to the
    /// tiers below (undecided or passed), and the domain rules it met.
    func adminTier(_ direction: PolicyDirection, pod: Int, peer: Endpoint, destinationPorts: [ContainerPort]?)
        -> (decisions: [AdminDecision], allowed: ConnectionSet, rest: ConnectionSet, runtime: [AdminDecision])
    {
        var walk = TierWalk(undecided: .all)
        for policy in cluster.orderedAdminPolicies where selects(policy, pod: pod) {
            walk.apply(policy, direction, peer: peer, destinationPorts: destinationPorts, explainer: self)
        }
        return (walk.decisions, walk.allowed, walk.undecided.union(walk.passed), walk.runtime)
    }

    /// The Baseline tier for one side (Baseline CNPs by priority, then the BANP), on what
    /// the tiers above left: its decisions, what it allows (Accept, Pass, and what none of
    /// its rules matches) and the domain rules it met.
    func baselineTier(_ direction: PolicyDirection, pod: Int, peer: Endpoint, destinationPorts: [ContainerPort]?, rest: ConnectionSet)
        -> (decisions: [AdminDecision], allowed: ConnectionSet, runtime: [AdminDecision])
    {
        var walk = TierWalk(undecided: rest)
        for policy in cluster.orderedBaselinePolicies where selects(policy, pod: pod) {
            walk.apply(policy, direction, peer: peer, destinationPorts: destinationPorts, explainer: self)
        }
        return (walk.decisions, walk.allowed.union(walk.passed).union(walk.undecided), walk.runtime)
    }

    /// Whether the policy's subject holds the pod (a ClusterNetworkPolicy never holds a
    /// hostNetwork pod).
    public func selects(_ policy: AdminNetworkPolicy, pod index: Int) -> Bool {
        selects(policy.subject, pod: index, api: policy.api)
    }

    /// Whether an admin subject or `pods`/`namespaces` peer selects the pod (v1alpha2 ones
    /// never select hostNetwork pods).
    public func selects(_ s: AdminSelection, pod index: Int, api: AdminPolicyAPI = .v1alpha1) -> Bool {
        let pod = cluster.pods[index]
        if api == .v1alpha2 && pod.hostNetwork { return false }
        switch s {
        case .namespaces(let ns): return ns.matches(namespaceLabels(pod.namespace))
        case .pods(let ns, let pods): return ns.matches(namespaceLabels(pod.namespace)) && pods.matches(pod.labels)
        }
    }

    /// Whether some peer of the rule matches the endpoint (a `domainNames` peer never does:
    /// the plugin resolves it at runtime; an unrecognized peer does in a Deny rule only).
    public func ruleMatches(_ rule: AdminRule, _ endpoint: Endpoint, api: AdminPolicyAPI = .v1alpha1) -> Bool {
        rule.peers.contains { peer in
            switch (peer, endpoint) {
            case (.domainNames, _): return false
            case (.unrecognized, _): return rule.action == .deny
            case (.pods(let s), .pod(let q)): return selects(s, pod: q, api: api)
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
    var runtime: [AdminDecision] = []

    mutating func apply(
        _ policy: AdminNetworkPolicy, _ direction: PolicyDirection, peer: Explainer.Endpoint, destinationPorts: [ContainerPort]?,
        explainer: Explainer
    ) {
        for (ri, rule) in policy.rules(direction).enumerated() {
            if case .external = peer, rule.hasDomainNames {
                let open = undecided.intersection(rule.connections(destinationPorts: destinationPorts))
                if !open.isEmpty { runtime.append(AdminDecision(policy: policy, ruleIndex: ri, rule: rule, connections: open)) }
            }
            guard explainer.ruleMatches(rule, peer, api: policy.api) else { continue }
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

/// One ANP, BANP or CNP rule that decided part of a connection set.
public struct AdminDecision: Sendable {
    public var tier: AdminNetworkPolicy.Tier
    public var api: AdminPolicyAPI
    /// `ANP`, `BANP`, `CNP/Admin` or `CNP/Baseline`.
    public var tierLabel: String { AdminNetworkPolicy.tierLabel(tier, api) }
    /// The action as the policy's API version spells it (`Accept` in v1alpha2).
    public var actionWord: String { action.word(api) }
    public var policy: PolicyReference
    public var ruleIndex: Int
    public var ruleName: String
    public var action: AdminAction
    /// The part of the connection set this rule decided (earlier rules took the rest).
    public var connections: ConnectionSet
    public var ruleLocation: SourceLocation?

    init(policy: AdminNetworkPolicy, ruleIndex: Int, rule: AdminRule, connections: ConnectionSet) {
        tier = policy.tier
        api = policy.api
        self.policy = PolicyReference(name: policy.name, location: policy.location)
        self.ruleIndex = ruleIndex
        ruleName = rule.name
        action = rule.action
        self.connections = connections
        ruleLocation = rule.location
    }
}
