import KubeReachCore

/// `generate default-deny --as cilium`: the starter set as one CiliumClusterwideNetworkPolicy.
/// Its first rule set selects every endpoint of the covered namespaces and puts it in
/// default deny both ways (`ingress: [{}]`), allowing only DNS egress to the cluster DNS
/// pods; with `--allow-same-namespace`, one rule set per namespace adds that traffic.
public struct CiliumDefaultDeny: Sendable {
    public static let name = "kubereach-default-deny"
    public let plan: DefaultDenyPlan
    /// Whether DNS egress goes through Cilium's DNS proxy (`rules.dns` matching every name),
    /// which `toFQDNs` rules need to learn addresses; without it, DNS is allowed at L4 only.
    public let dnsProxy: Bool
    public let policy: CiliumPolicy
    public let reason: String

    public init(plan: DefaultDenyPlan, dnsProxy: Bool) {
        self.plan = plan
        self.dnsProxy = dnsProxy
        let o = plan.options
        let subject = CiliumSelector(
            matchExpressions: [LabelRequirement(key: CiliumLabels.namespaceKey, op: .in, values: plan.covered)])
        var egress: [CiliumRule] = []
        if o.allowDNS {
            egress.append(
                CiliumRule(
                    endpoints: [Self.dnsSelector(o)],
                    ports: [CiliumPort(proto: .udp, number: 53), CiliumPort(proto: .tcp, number: 53)],
                    l7: dnsProxy ? [CiliumRule.dnsProxyKind] : []))
        } else {
            egress.append(CiliumRule())
        }
        var specs = [CiliumSpec(endpointSelector: subject, ingress: [CiliumRule()], egress: egress)]
        if o.allowSameNamespace {
            specs += plan.covered.map { ns in
                let own = CiliumSelector(matchLabels: [CiliumLabels.namespaceKey: ns])
                return CiliumSpec(endpointSelector: own, ingress: [CiliumRule(endpoints: [own])], egress: [CiliumRule(endpoints: [own])])
            }
        }
        policy = CiliumPolicy(namespace: nil, name: Self.name, specs: specs)
        reason =
            "Default deny for every Cilium endpoint in \(plan.covered.joined(separator: ", ")): other policies' allow rules add to it.\n"
            + (o.allowDNS
                ? "Egress: DNS (UDP and TCP 53) to the cluster DNS pods only"
                    + (dnsProxy ? ", through Cilium's DNS proxy (so toFQDNs rules can learn addresses). " : " (L4 only, no DNS proxy). ")
                : "Egress: nothing. ")
            + "Ingress: nothing, but from the endpoint's own node (allow-localhost)."
            + (o.allowSameNamespace ? "\nOne rule set per namespace allows all traffic between its pods." : "")
    }

    /// The cluster DNS pods as a Cilium selector: the namespace name label becomes
    /// `io.kubernetes.pod.namespace`, other namespace labels `io.cilium.k8s.namespace.labels.KEY`.
    static func dnsSelector(_ o: DefaultDenyOptions) -> CiliumSelector {
        var labels = o.dnsPodLabels
        for (k, v) in o.dnsNamespaceLabels {
            labels[k == Namespace.nameLabel ? CiliumLabels.namespaceKey : CiliumLabels.namespaceLabelPrefix + k] = v
        }
        return CiliumSelector(matchLabels: labels)
    }

    /// Every workload pair that the generated policies alone (no NetworkPolicy, admin or other
    /// Cilium policy) leave more open than intended; empty when they do what they say.
    /// Non-endpoints (hostNetwork pods, pods on nodes without the agent) are not isolated, and
    /// sources on nodes are exempt on ingress (`allow-localhost` lets a node reach its pods).
    public static func violations(of policies: [CiliumPolicy], plan: DefaultDenyPlan, in cluster: Cluster, options: EvaluationOptions)
        -> [DefaultDenyCheck.Violation]
    {
        var alone = cluster.alone(with: [])
        alone.ciliumPolicies = policies
        let reach = Reachability(cluster: alone, options: options)
        var profiles = DefaultDenyCheck.Profiles(reach, plan: plan)
        let reference = CiliumEndpoints(alone)
        var nodeSources = Set<Endpoint>()
        for (i, pod) in alone.pods.enumerated() where !reference.isEndpoint(pod) {
            let name = reach.endpoint(ofPod: i, level: .workload)
            profiles.byName[name]?.isolated = false
            nodeSources.insert(name)
        }
        let nodeAddresses = alone.nodes.flatMap(\.addresses) + alone.cilium.apiServerAddresses
        var out: [DefaultDenyCheck.Violation] = []
        for e in reach.edges(level: .workload) {
            let s = profiles.byName[e.source], d = profiles.byName[e.destination]
            if nodeSources.contains(e.source) || Self.holdsAny(e.source, nodeAddresses) { continue }
            let extra = e.connections.subtracting(DefaultDenyCheck.expected(s, d, plan.options))
            if !extra.isEmpty { out.append(DefaultDenyCheck.Violation(source: e.source, destination: e.destination, unexpected: extra)) }
        }
        return out
    }

    private static func holdsAny(_ e: Endpoint, _ addresses: [IPAddress]) -> Bool {
        switch e {
        case .external(let r): return addresses.contains { r.contains($0) }
        case .address(let ip): return addresses.contains(ip)
        default: return false
        }
    }
}

/// Which pods Cilium enforces policy on: not hostNetwork, on a node running the agent.
struct CiliumEndpoints {
    let facts: CiliumFacts

    init(_ cluster: Cluster) { facts = cluster.cilium }

    func isEndpoint(_ pod: Pod) -> Bool {
        !pod.hostNetwork && (pod.nodeName.map { facts.runsAgent(node: $0) } ?? true) && facts.enforcement != .never
    }
}
