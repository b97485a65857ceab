/// A seeded generator of realistic cluster manifests for benchmarks and scale tests:
/// namespaces with team/env labels; ReplicaSet-owned pods (as `kubectl get pods -o yaml`
/// dumps show them) and bare pods, with app/tier/version labels, named ports and IPs; and a
/// policy mix of default-deny, DNS, same-namespace, cross-namespace, matchExpressions,
/// ipBlocks with except, named ports, endPort, UDP/SCTP and IPv6.
public struct SyntheticCluster: Sendable {
    public struct Size: Sendable, Hashable, CustomStringConvertible {
        public var pods: Int
        public var namespaces: Int
        public var policies: Int
        /// AdminNetworkPolicies (plus a BaselineAdminNetworkPolicy when above zero).
        public var adminPolicies: Int
        /// Baseline rules (the BANP's, or one Baseline CNP each), when `adminPolicies` > 0.
        public var baselinePolicies = 1
        /// Write the admin tiers as v1alpha2 ClusterNetworkPolicies (same connectivity).
        public var clusterNetworkPolicies = false
        /// The ServiceAccounts `SyntheticRBAC` writes (`sa<i>` in `ns<i % namespaces>`): each
        /// app then runs as one of its namespace's (0: pods run as `default`, as before).
        public var serviceAccounts = 0
        /// One app in this many runs a privileged container (0: none).
        public var privilegedEvery = 0

        public init(pods: Int, namespaces: Int, policies: Int, adminPolicies: Int = 0) {
            // Past the address pools' capacity two pods would share an address.
            self.pods = min(pods, SyntheticAddresses.capacity)
            self.namespaces = max(1, namespaces)
            self.policies = policies
            self.adminPolicies = max(0, adminPolicies)
        }

        public var description: String {
            "\(pods) pods / \(namespaces) namespaces / \(policies) policies"
                + (adminPolicies > 0 ? " / \(adminPolicies) admin policies + baseline" : "")
                + (adminPolicies > 0 && baselinePolicies != 1 ? " (\(baselinePolicies) baseline rules)" : "")
                + (adminPolicies > 0 && clusterNetworkPolicies ? " as ClusterNetworkPolicies" : "")
        }
    }

    public let size: Size
    public let seed: UInt64

    public init(size: Size, seed: UInt64 = 1) {
        self.size = size
        self.seed = seed
    }

    static let tiers = ["web", "api", "db", "cache", "worker", "batch"]
    static let teams = (0..<12).map { "team\($0)" }
    static let envs = ["prod", "staging", "dev"]

    /// The manifests as one multi-document YAML text.
    public func manifests() -> String {
        var rng = SplitMix64(seed: seed)
        var out = ""
        out.reserveCapacity(size.pods * 420 + size.policies * 600)
        for n in 0..<size.namespaces {
            out +=
                "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns\(n)\n  labels: {team: \(Self.teams[n % Self.teams.count]), env: \(Self.envs[n % 3])}\n"
        }
        out += "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: kube-system}\n"
        out +=
            "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: coredns, namespace: kube-system}\nspec:\n  template:\n    metadata: {labels: {k8s-app: kube-dns}}\n    spec:\n      containers:\n      - name: coredns\n        ports: [{name: dns, containerPort: 53, protocol: UDP}, {name: dns-tcp, containerPort: 53}]\n"
        var podIndex = 0, app = 0
        while podIndex < size.pods {
            let ns = app % size.namespaces
            let tier = Self.tiers[rng.below(Self.tiers.count)]
            let replicas = min(size.pods - podIndex, rng.chance(0.2) ? 1 : 1 + rng.below(4))
            let bare = replicas == 1 && rng.chance(0.3)
            let hash = String(rng.next() % 0xFFFFFF, radix: 16)
            for r in 0..<replicas {
                out += pod(
                    name: bare ? "app\(app)" : "app\(app)-\(hash)-\(r)", ns: ns, app: app, tier: tier, hash: hash, bare: bare,
                    index: podIndex, rng: &rng)
                podIndex += 1
            }
            app += 1
        }
        for p in 0..<size.policies { out += policy(index: p, apps: app, rng: &rng) }
        for p in 0..<size.adminPolicies {
            let text = adminPolicy(index: p, rng: &rng)
            out += size.clusterNetworkPolicies ? Self.toV1alpha2(text) : text
        }
        if size.adminPolicies > 0 { out += baselineTier(count: size.baselinePolicies) }
        return out
    }

    private func pod(name: String, ns: Int, app: Int, tier: String, hash: String, bare: Bool, index: Int, rng: inout SplitMix64) -> String {
        let owner =
            bare
            ? "" : "\n  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: app\(app)-\(hash), controller: true, uid: u\(app)}]"
        let template = bare ? "" : ", pod-template-hash: '\(hash)'"
        let ports =
            tier == "db"
            ? "[{name: db, containerPort: 5432}, {name: metrics, containerPort: 9187}]"
            : "[{name: http, containerPort: \(8080 + app % 3)}, {name: metrics, containerPort: 9090}, {name: grpc, containerPort: 50051}]"
        var ips = "podIP: \(SyntheticAddresses.ipv4(index))"
        if index % 10 == 0 { ips += "\n  podIPs: [{ip: \(SyntheticAddresses.ipv4(index))}, {ip: '\(SyntheticAddresses.ipv6(index))'}]" }
        return """
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: \(name)
              namespace: ns\(ns)
              labels: {app: app\(app), tier: \(tier), version: v\(app % 3)\(template)}\(owner)
            spec:\(attackFields(ns: ns, app: app))
              containers:
              - name: main
                ports: \(ports)\(size.privilegedEvery > 0 && app % size.privilegedEvery == 0 ? "\n    securityContext: {privileged: true}" : "")
            status:
              \(ips)

            """
    }

    /// The pod's `serviceAccountName` line when ServiceAccounts are written: one of its
    /// namespace's accounts, by app.
    private func attackFields(ns: Int, app: Int) -> String {
        let perNamespace = (size.serviceAccounts - ns + size.namespaces - 1) / size.namespaces
        guard perNamespace > 0 else { return "" }
        return "\n  serviceAccountName: sa\(ns + size.namespaces * (app % perNamespace))"
    }

    /// Guardrails: monitoring scrapes, dev may not reach prod, a team's namespaces delegate
    /// to their NetworkPolicies, DNS egress to kube-system, a denied metadata address.
    private func adminPolicy(index: Int, rng: inout SplitMix64) -> String {
        let head =
            "---\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: anp\(index)}\nspec:\n  priority: \(index % 7 * 10 + rng.below(5))\n"
        let team = Self.teams[rng.below(Self.teams.count)]
        switch index % 4 {
        case 0:
            return head
                + "  subject: {namespaces: {matchLabels: {team: \(team)}}}\n  ingress:\n  - {name: scrape, action: Allow, from: [{pods: {namespaceSelector: {matchLabels: {team: team0}}, podSelector: {matchLabels: {tier: batch}}}}], ports: [{namedPort: metrics}]}\n"
        case 1:
            return head
                + "  subject: {namespaces: {matchLabels: {env: prod}}}\n  ingress:\n  - {name: no-dev, action: Deny, from: [{namespaces: {matchLabels: {env: dev}}}]}\n  - {name: same-team, action: Pass, from: [{namespaces: {matchLabels: {team: \(team)}}}]}\n"
        case 2:
            return head
                + "  subject: {pods: {namespaceSelector: {matchLabels: {team: \(team)}}, podSelector: {matchExpressions: [{key: tier, operator: In, values: [web, api]}]}}}\n  egress:\n  - {name: dns, action: Allow, to: [{pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}}], ports: [{portNumber: {protocol: UDP, port: 53}}, {portNumber: {protocol: TCP, port: 53}}]}\n  - {name: no-metadata, action: Deny, to: [{networks: [169.254.169.254/32]}]}\n"
        default:
            return head
                + "  subject: {namespaces: {matchExpressions: [{key: env, operator: In, values: [staging, dev]}]}}\n  egress:\n  - {name: no-prod-db, action: Deny, to: [{pods: {namespaceSelector: {matchLabels: {env: prod}}, podSelector: {matchLabels: {tier: db}}}}], ports: [{portRange: {start: 5000, end: 6000}}]}\n"
        }
    }

    private func policy(index: Int, apps: Int, rng: inout SplitMix64) -> String {
        let ns = index % size.namespaces
        let head =
            "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\(index)\n  namespace: ns\(ns)\nspec:\n"
        let someApp = "app\(rng.below(max(apps, 1)))"
        switch index < size.namespaces ? 0 : 1 + rng.below(8) {
        case 0:  // one default deny + DNS per namespace
            return head
                + "  podSelector: {}\n  policyTypes: [Ingress, Egress]\n  egress:\n  - to:\n    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}\n      podSelector: {matchLabels: {k8s-app: kube-dns}}\n    ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]\n"
        case 1:  // same namespace on a named port
            return head
                + "  podSelector: {matchLabels: {app: \(someApp)}}\n  ingress:\n  - from: [{podSelector: {}}]\n    ports: [{port: http}]\n"
        case 2:  // cross-namespace, AND of namespace and pod selectors
            return head
                + "  podSelector: {matchLabels: {tier: \(Self.tiers[rng.below(6)])}}\n  ingress:\n  - from:\n    - namespaceSelector: {matchLabels: {team: \(Self.teams[rng.below(12)])}}\n      podSelector: {matchExpressions: [{key: tier, operator: In, values: [web, api]}]}\n    ports: [{port: 8080, endPort: 8090}]\n"
        case 3:  // matchExpressions with NotIn / Exists
            return head
                + "  podSelector: {matchExpressions: [{key: tier, operator: NotIn, values: [db]}, {key: app, operator: Exists}]}\n  policyTypes: [Ingress]\n  ingress:\n  - from: [{namespaceSelector: {matchExpressions: [{key: env, operator: In, values: [prod, staging]}]}}]\n"
        case 4:  // internet ingress with excepts
            return head
                + "  podSelector: {matchLabels: {tier: web}}\n  ingress:\n  - from:\n    - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 169.254.169.254/32, 172.\(16 + rng.below(16)).0.0/16]}\n    ports: [{port: http}, {port: 443}]\n"
        case 5:  // egress to external ranges, IPv4 and IPv6
            return head
                + "  podSelector: {matchLabels: {app: \(someApp)}}\n  policyTypes: [Egress]\n  egress:\n  - to:\n    - ipBlock: {cidr: 203.0.\(rng.below(256)).0/24}\n    - ipBlock: {cidr: '2001:db8:\(String(rng.below(65536), radix: 16))::/48'}\n    ports: [{port: 443}]\n  - to: [{podSelector: {}}]\n"
        case 6:  // metrics scraping from a monitoring namespace
            return head
                + "  podSelector: {}\n  ingress:\n  - from: [{namespaceSelector: {matchLabels: {team: team0}}, podSelector: {matchLabels: {tier: batch}}}]\n    ports: [{port: metrics}, {port: 9090, protocol: SCTP}]\n"
        case 7:  // database clients
            return head
                + "  podSelector: {matchLabels: {tier: db}}\n  ingress:\n  - from:\n    - podSelector: {matchLabels: {tier: api}}\n    - namespaceSelector: {matchLabels: {team: \(Self.teams[rng.below(12)])}}\n      podSelector: {matchLabels: {tier: worker}}\n    ports: [{port: db}, {port: 5432, protocol: UDP}]\n"
        default:  // egress to a service range with UDP
            return head
                + "  podSelector: {matchLabels: {tier: worker}}\n  egress:\n  - to: [{ipBlock: {cidr: 10.96.0.0/12, except: [10.96.0.0/24]}}]\n    ports: [{protocol: UDP}]\n"
        }
    }
}
