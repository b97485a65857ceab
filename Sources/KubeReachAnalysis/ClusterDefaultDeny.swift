import KubeReachCore

/// `generate default-deny --as cluster-network-policy`: the starter set as one Baseline
/// ClusterNetworkPolicy over the covered namespaces — pod-to-pod ingress denied, egress
/// denied but for DNS to the cluster DNS pods — so that a NetworkPolicy written later
/// overrides it for the pods it isolates (the Baseline tier only decides for pods no
/// NetworkPolicy isolates). What a Baseline CNP cannot say, by the API: ingress from
/// external addresses and from hostNetwork pods (ingress peers are pods only); the check
/// allows those and the guide says so.
public struct ClusterDefaultDeny: Sendable {
    public let plan: DefaultDenyPlan
    public let policy: AdminNetworkPolicy
    public let reason: String

    public static let name = "kubereach-default-deny"

    public init(plan: DefaultDenyPlan) {
        self.plan = plan
        let o = plan.options
        let subject = AdminSelection.namespaces(
            LabelSelector(matchExpressions: [LabelRequirement(key: Namespace.nameLabel, op: .in, values: plan.covered)]))
        var egress: [AdminRule] = []
        if o.allowDNS {
            let dns = AdminPeer.pods(
                .pods(namespaces: LabelSelector(matchLabels: o.dnsNamespaceLabels), pods: LabelSelector(matchLabels: o.dnsPodLabels)))
            egress.append(AdminRule(name: "allow-dns", action: .allow, peers: [dns], ports: [.number(.udp, 53), .number(.tcp, 53)]))
        }
        let everything: [AdminPeer] = [
            .pods(.namespaces(.everything)), .networks([try! CIDR.parse("0.0.0.0/0"), try! CIDR.parse("::/0")]),
        ]
        egress.append(AdminRule(name: "deny-egress", action: .deny, peers: everything))
        let ingress = [AdminRule(name: "deny-ingress-from-pods", action: .deny, peers: [.pods(.namespaces(.everything))])]
        policy = AdminNetworkPolicy(
            tier: .baseline, name: Self.name, priority: 1000, subject: subject, ingress: ingress, egress: egress, api: .v1alpha2)
        reason =
            "Baseline default deny for \(plan.covered.joined(separator: ", ")): NetworkPolicies override it for the pods they isolate.\n"
            + (o.allowDNS ? "Egress: DNS (UDP and TCP 53) to the cluster DNS pods only. " : "Egress: nothing. ")
            + "Ingress: nothing from pods (a ClusterNetworkPolicy cannot deny external or hostNetwork sources)."
    }

    /// The cluster after `kubectl apply`: a ClusterNetworkPolicy of the same name replaced.
    public func applied(to cluster: Cluster) -> Cluster {
        var c = cluster
        c.adminPolicies = c.adminPolicies.filter { !($0.api == .v1alpha2 && $0.name == policy.name) } + [policy]
        c.addImplicitNamespaces()
        return c
    }

    /// Every workload pair that the policy alone (no NetworkPolicy, no other admin policy)
    /// leaves more open than intended; empty when it does what it says.
    public func violations(in cluster: Cluster, options: EvaluationOptions) -> [DefaultDenyCheck.Violation] {
        var alone = cluster.alone(with: [])
        alone.adminPolicies = [policy]
        let reach = Reachability(cluster: alone, options: options)
        let profiles = profiles(reach)
        var out: [DefaultDenyCheck.Violation] = []
        for e in reach.edges(level: .workload) {
            let extra = e.connections.subtracting(expected(profiles[e.source], profiles[e.destination]))
            if !extra.isEmpty { out.append(DefaultDenyCheck.Violation(source: e.source, destination: e.destination, unexpected: extra)) }
        }
        return out
    }

    /// What a workload is to the check: covered, holding a hostNetwork pod, a DNS server.
    struct Profile {
        var covered = true
        var hostNetwork = false
        var isDNS = false
    }

    private func profiles(_ reach: Reachability) -> [Endpoint: Profile] {
        let covered = Set(plan.covered), dns = Set(plan.dnsPods(in: reach.cluster))
        var out: [Endpoint: Profile] = [:]
        for (i, pod) in reach.cluster.pods.enumerated() {
            let name = reach.endpoint(ofPod: i, level: .workload)
            var p = out[name] ?? Profile()
            p.covered = p.covered && covered.contains(pod.namespace)
            p.hostNetwork = p.hostNetwork || pod.hostNetwork
            p.isDNS = p.isDNS || dns.contains(i)
            out[name] = p
        }
        return out
    }

    /// What should be left from S to D (nil: an external range).
    private func expected(_ s: Profile?, _ d: Profile?) -> ConnectionSet {
        var egress = ConnectionSet.all
        if let s, s.covered, !s.hostNetwork { egress = plan.options.allowDNS && d?.isDNS == true ? DefaultDenyCheck.dnsPorts : .none }
        var ingress = ConnectionSet.all
        if let d, d.covered, !d.hostNetwork, let s, !s.hostNetwork { ingress = .none }
        return egress.intersection(ingress)
    }
}
