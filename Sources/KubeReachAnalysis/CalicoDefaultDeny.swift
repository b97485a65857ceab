import KubeReachCore

/// `generate default-deny --as calico`: the starter set as one Calico GlobalNetworkPolicy in
/// the `default` tier with no `order`, which Calico evaluates after every other policy of
/// that tier (Kubernetes NetworkPolicies sit there at order 1000, unordered policies last),
/// as Calico's docs recommend for a default deny: a policy written later (Calico or
/// Kubernetes) allows what it names first, and what nothing allows ends at this policy.
/// It denies ingress and egress of every pod in the covered namespaces, but DNS (UDP and
/// TCP 53) to the cluster DNS pods. With the default coverage the namespace selector lists
/// the namespaces left out (`has(projectcalico.org/name) && ... not in`, as in Calico's
/// "Global default deny policy best practices"), so namespaces created later are covered
/// too; with `--namespaces` it lists the covered ones.
public struct CalicoDefaultDeny: Sendable {
    public let plan: DefaultDenyPlan
    public let policy: CalicoPolicy
    public let reason: String

    public static let name = "kubereach-default-deny"

    public init(plan: DefaultDenyPlan) {
        self.plan = plan
        let o = plan.options
        // Calico's own name label, as its guide writes it: `has()` first, because `not in`
        // also holds where the label is missing (host endpoints, which have no namespace).
        let name = CalicoLabels.nameKey
        let namespaces: CalicoSelector =
            o.namespaces == nil
            ? .and([.has(name), .notInSet(name, DefaultDenyOptions.systemNamespaces.union(o.exclude).sorted())])
            : .inSet(name, plan.covered)
        var egress: [CalicoRule] = []
        if o.allowDNS {
            let dns = CalicoEntityRule(
                selector: Self.selector(o.dnsPodLabels), namespaceSelector: Self.selector(o.dnsNamespaceLabels), ports: [.range(53, 53)])
            egress = [CalicoProtocol.udp, .tcp].map { CalicoRule(action: .allow, proto: $0, destination: dns) }
        }
        policy = CalicoPolicy(
            name: Self.name, scope: .global, namespaceSelector: namespaces, types: [.ingress, .egress], egress: egress)
        let which =
            o.namespaces == nil
            ? "every namespace but \(DefaultDenyOptions.systemNamespaces.union(o.exclude).sorted().joined(separator: ", ")) (now: \(plan.covered.joined(separator: ", ")))"
            : plan.covered.joined(separator: ", ")
        reason =
            "Default deny for \(which), last in Calico's default tier: policies evaluated before it allow what is needed.\n"
            + (o.allowDNS ? "Egress: DNS (UDP and TCP 53) to the cluster DNS pods only. " : "Egress: nothing. ") + "Ingress: nothing."
    }

    /// A given policy judged against the plan (tests hand it a damaged one).
    init(plan: DefaultDenyPlan, policy: CalicoPolicy) {
        self.plan = plan
        self.policy = policy
        reason = ""
    }

    /// `k == "v" && ...` for a label map (sorted keys), `all()` when empty.
    static func selector(_ labels: [String: String]) -> CalicoSelector {
        let terms = labels.sorted { $0.key < $1.key }.map { CalicoSelector.equals($0.key, $0.value) }
        return terms.isEmpty ? .all : terms.count == 1 ? terms[0] : .and(terms)
    }

    /// The cluster after `kubectl apply`: a GlobalNetworkPolicy of the same name replaced.
    public func applied(to cluster: Cluster) -> Cluster {
        var c = cluster
        c.calico.policies = c.calico.policies.filter { !($0.namespace == nil && $0.name == policy.name && !$0.staged) } + [policy]
        c.addImplicitNamespaces()
        return c
    }

    /// Every workload pair that the policy alone (no other policy of any kind) leaves more
    /// open than `DefaultDenyCheck` expects; empty when it does what it says.
    public func violations(in cluster: Cluster, options: EvaluationOptions) -> [DefaultDenyCheck.Violation] {
        var alone = cluster.alone(with: [])
        alone.ciliumPolicies = []
        alone.calico = CalicoObjects(policies: [policy], networkSets: cluster.calico.networkSets)
        let reach = Reachability(cluster: alone, options: options)
        let profiles = DefaultDenyCheck.Profiles(reach, plan: plan)
        var out: [DefaultDenyCheck.Violation] = []
        for e in reach.edges(level: .workload) {
            let expected = DefaultDenyCheck.expected(profiles.byName[e.source], profiles.byName[e.destination], plan.options)
            let extra = e.connections.subtracting(expected)
            if !extra.isEmpty { out.append(DefaultDenyCheck.Violation(source: e.source, destination: e.destination, unexpected: extra)) }
        }
        return out
    }
}
