import KubeReachCore

/// The choices of `generate default-deny`.
public struct DefaultDenyOptions: Sendable {
    /// Namespaces to cover; nil: every namespace of the input except the system ones.
    public var namespaces: [String]?
    /// Never covered, whatever `namespaces` says.
    public var exclude: Set<String>
    public var allowDNS: Bool
    /// Where the cluster DNS runs: a namespace label and a pod label, all pairs must match.
    public var dnsNamespaceLabels: [String: String]
    public var dnsPodLabels: [String: String]
    public var allowSameNamespace: Bool

    /// Left out of the default set: the control plane's own namespaces.
    public static let systemNamespaces: Set<String> = ["kube-system", "kube-public", "kube-node-lease"]

    public init(
        namespaces: [String]? = nil, exclude: Set<String> = [], allowDNS: Bool = true,
        dnsNamespaceLabels: [String: String] = [Namespace.nameLabel: "kube-system"],
        dnsPodLabels: [String: String] = ["k8s-app": "kube-dns"],
        allowSameNamespace: Bool = false
    ) {
        self.namespaces = namespaces
        self.exclude = exclude
        self.allowDNS = allowDNS
        self.dnsNamespaceLabels = dnsNamespaceLabels
        self.dnsPodLabels = dnsPodLabels
        self.allowSameNamespace = allowSameNamespace
    }
}

/// One generated policy and the reason it exists (written as a comment above it).
public struct GeneratedPolicy: Sendable, Hashable {
    public var policy: NetworkPolicy
    public var reason: String

    public init(policy: NetworkPolicy, reason: String) {
        self.policy = policy
        self.reason = reason
    }
}

/// A starter set of policies: per covered namespace a deny-all, and optionally DNS egress
/// and same-namespace traffic. A pure value; `DefaultDenyCheck` verifies it.
public struct DefaultDenyPlan: Sendable {
    public let options: DefaultDenyOptions
    /// Sorted.
    public let covered: [String]
    /// Namespaces of the input left out (system ones by default, and `exclude`), sorted.
    public let excluded: [String]
    /// Namespaces asked for that the input does not contain (policies still generated).
    public let unknown: [String]
    /// By namespace, then in the order deny, DNS, same-namespace.
    public var policies: [GeneratedPolicy]

    public init(cluster: Cluster, options: DefaultDenyOptions) {
        self.options = options
        let present = Set(cluster.namespaces.map(\.name)).union(cluster.pods.map(\.namespace))
        let wanted = options.namespaces.map(Set.init) ?? present.subtracting(DefaultDenyOptions.systemNamespaces)
        covered = wanted.subtracting(options.exclude).sorted()
        excluded = present.subtracting(covered).sorted()
        unknown = wanted.subtracting(present).subtracting(options.exclude).sorted()
        policies = covered.flatMap { Self.policies(for: $0, options) }
    }

    /// `called`: how the reasons name the namespace (`ns` itself by default).
    static func policies(for ns: String, _ o: DefaultDenyOptions, called: String? = nil) -> [GeneratedPolicy] {
        let place = called ?? ns
        var out = [
            GeneratedPolicy(
                policy: NetworkPolicy(namespace: ns, name: "default-deny", policyTypes: [.ingress, .egress]),
                reason: "Deny all ingress and egress of every pod in \(place); other policies allow what is needed.")
        ]
        if o.allowDNS {
            let dns = PolicyPeer.selector(
                pods: LabelSelector(matchLabels: o.dnsPodLabels), namespaces: LabelSelector(matchLabels: o.dnsNamespaceLabels))
            let rule = PolicyRule(
                peers: [dns], ports: [PolicyPort(proto: .udp, port: .number(53)), PolicyPort(proto: .tcp, port: .number(53))])
            out.append(
                GeneratedPolicy(
                    policy: NetworkPolicy(namespace: ns, name: "allow-dns-egress", egress: [rule], policyTypes: [.egress]),
                    reason: "Let every pod in \(place) resolve names: UDP and TCP 53 to the cluster DNS pods only."))
        }
        if o.allowSameNamespace {
            let same = PolicyRule(peers: [.selector(pods: .everything, namespaces: nil)])
            out.append(
                GeneratedPolicy(
                    policy: NetworkPolicy(
                        namespace: ns, name: "allow-same-namespace", ingress: [same], egress: [same], policyTypes: [.ingress, .egress]),
                    reason: "Let the pods of \(place) talk to each other on every port; traffic across namespaces stays denied."))
        }
        return out
    }

    /// Indices of the pods the DNS selectors pick (to warn when there are none).
    public func dnsPods(in cluster: Cluster) -> [Int] {
        let nsLabels = Dictionary(cluster.namespaces.map { ($0.name, $0.labels) }, uniquingKeysWith: { a, _ in a })
        let nsSelector = LabelSelector(matchLabels: options.dnsNamespaceLabels)
        let podSelector = LabelSelector(matchLabels: options.dnsPodLabels)
        return cluster.pods.indices.filter { i in
            let pod = cluster.pods[i]
            let labels = nsLabels[pod.namespace] ?? [Namespace.nameLabel: pod.namespace]
            return podSelector.matches(pod.labels) && nsSelector.matches(labels)
        }
    }

    /// Existing policies that a generated one would replace on `kubectl apply` (same namespace and name).
    public func replaced(in cluster: Cluster) -> [String] {
        let names = Set(policies.map(\.policy.qualifiedName))
        return cluster.policies.map(\.qualifiedName).filter(names.contains).sorted()
    }

    /// The cluster as it would be after `kubectl apply`: same-named policies replaced,
    /// the others added.
    public func applied(to cluster: Cluster) -> Cluster { RolloutImpact.applied(policies.map(\.policy), to: cluster) }
}
