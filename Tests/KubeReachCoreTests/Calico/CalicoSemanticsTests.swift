import KubeReachCore
import KubeReachTestSupport
import Testing

/// One row per evaluation rule of Docs/semantics.md (Calico) and per rule field with its
/// `not` form, on a small fixed cluster: pods `a`, `b` (ns1, team x) and `c` (ns2, team y),
/// `b` running as service account `sa-b` (label role=api) with port `http` 8080, and the
/// addresses 8.8.8.8 and 192.168.1.1 outside. Each row is checked on the engine and on
/// the naive reference (admin rows on the engine only: the reference has no admin tiers).
@Suite struct CalicoSemanticsTests {
    enum Probe: Sendable {
        case port(NetworkProtocol, Int)
        case number(Int)
        case icmp(ICMPFamily, Int, Int)
    }

    struct Row: CustomTestStringConvertible, Sendable {
        var name: String
        var change: @Sendable (inout Cluster) -> Void
        var from = "a"
        var to = "b"
        var probe = Probe.port(.tcp, 80)
        var allowed: Bool
        var reference = true

        var testDescription: String { name }
    }

    static func base() -> Cluster {
        var c = Cluster(
            namespaces: [Namespace(name: "ns1", labels: ["team": "x"]), Namespace(name: "ns2", labels: ["team": "y"])],
            pods: [
                Pod(namespace: "ns1", name: "a", labels: ["app": "a"], ips: [IPAddress("10.0.1.1")!]),
                Pod(
                    namespace: "ns1", name: "b", labels: ["app": "b"], ips: [IPAddress("10.0.1.2")!],
                    ports: [ContainerPort(name: "http", port: 8080)]),
                Pod(namespace: "ns2", name: "c", labels: ["app": "c"], ips: [IPAddress("10.0.2.1")!]),
            ])
        c.pods[1].serviceAccount = "sa-b"
        var account = ServiceAccount(namespace: "ns1", name: "sa-b")
        account.labels = ["role": "api"]
        c.identity.serviceAccounts = [account]
        return c
    }

    static func sel(_ text: String) -> CalicoSelector { try! CalicoSelector.parse(text) }

    /// A GlobalNetworkPolicy (or a NetworkPolicy in `ns`).
    static func policy(
        _ name: String, ns: String? = nil, tier: String = "default", order: Double? = nil, selector: String = "app == 'b'",
        types: Set<PolicyDirection>? = nil, ingress: [CalicoRule] = [], egress: [CalicoRule] = [], staged: Bool = false
    ) -> @Sendable (inout Cluster) -> Void {
        let p = CalicoPolicy(
            name: name, scope: ns.map { .namespaced($0) } ?? .global, tier: tier, order: order, selector: sel(selector), types: types,
            ingress: ingress, egress: egress, staged: staged)
        return { $0.calico.policies.append(p) }
    }

    static func tier(_ name: String, _ order: Double?, _ action: CalicoTier.DefaultAction = .deny) -> @Sendable (inout Cluster) -> Void {
        { $0.calico.tiers.append(CalicoTier(name: name, order: order, defaultAction: action)) }
    }

    static func rule(
        _ action: CalicoAction, proto: CalicoProtocol? = nil, notProto: CalicoProtocol? = nil, source: CalicoEntityRule = .init(),
        destination: CalicoEntityRule = .init(), ipVersion: IPFamily? = nil
    ) -> CalicoRule {
        CalicoRule(action: action, ipVersion: ipVersion, proto: proto, notProto: notProto, source: source, destination: destination)
    }

    static func from(_ selector: String) -> CalicoEntityRule { CalicoEntityRule(selector: sel(selector)) }
    static func nets(_ cidrs: String...) -> [CIDR] { cidrs.map { try! CIDR.parse($0) } }

    static func all(_ changes: (@Sendable (inout Cluster) -> Void)...) -> @Sendable (inout Cluster) -> Void {
        { c in for change in changes { change(&c) } }
    }

    /// Last of the default tier (no order, the last name): denies what the row's policy left.
    static let denyAll = policy("zz-deny", ingress: [rule(.deny)])
    static let allowA = rule(.allow, source: from("app == 'a'"))

    /// Allow ICMP type 8 (echo request), any code.
    static let echoRequests: CalicoRule = {
        var r = rule(.allow, proto: .icmp)
        r.icmp = CalicoICMPMatch(type: 8)
        return r
    }()
    /// Allow ICMP but type 3 code 1.
    static let allButUnreachableHost: CalicoRule = {
        var r = rule(.allow, proto: .icmp)
        r.notICMP = CalicoICMPMatch(type: 3, code: 1)
        return r
    }()

    static let orderRows: [Row] = [
        Row(name: "no policy: the profile allows", change: { _ in }, allowed: true),
        Row(name: "a Deny rule denies", change: policy("p", ingress: [rule(.deny)]), allowed: false),
        Row(
            name: "tiers by order: the lower tier decides first",
            change: all(
                tier("t1", 10), tier("t2", 20), policy("x", tier: "t2", ingress: [rule(.deny)]), policy("y", tier: "t1", ingress: [allowA])),
            allowed: true),
        Row(
            name: "tiers by order, reversed",
            change: all(
                tier("t1", 30), tier("t2", 20), policy("x", tier: "t2", ingress: [rule(.deny)]), policy("y", tier: "t1", ingress: [allowA])),
            allowed: false),
        Row(
            name: "tier order tie: by name",
            change: all(
                tier("b-tier", 10), tier("a-tier", 10), policy("x", tier: "b-tier", ingress: [allowA]),
                policy("y", tier: "a-tier", ingress: [rule(.deny)])),
            allowed: false),
        Row(
            name: "a tier without order comes after numbered ones",
            change: all(
                tier("t0", nil), tier("t1", 5), policy("x", tier: "t0", ingress: [rule(.deny)]), policy("y", tier: "t1", ingress: [allowA])),
            allowed: true),
        Row(
            name: "policies by order within a tier",
            change: all(policy("x", order: 2, ingress: [rule(.deny)]), policy("y", order: 1, ingress: [allowA])), allowed: true),
        Row(
            name: "policy order tie: by name",
            change: all(policy("b", order: 1, ingress: [allowA]), policy("a", order: 1, ingress: [rule(.deny)])),
            allowed: false),
        Row(
            name: "a policy without order comes last",
            change: all(policy("a", ingress: [rule(.deny)]), policy("z", order: 50, ingress: [allowA])),
            allowed: true),
        Row(name: "rules in order: the first match decides", change: policy("p", ingress: [allowA, rule(.deny)]), allowed: true),
        Row(
            name: "Pass leaves the tier, later policies of the tier included",
            change: all(
                tier("t1", 10), policy("a", tier: "t1", order: 1, ingress: [rule(.pass)]),
                policy("b", tier: "t1", order: 2, ingress: [rule(.deny)])),
            allowed: true),
        Row(
            name: "Pass goes on to the next tier's rules",
            change: all(tier("t1", 10), policy("a", tier: "t1", ingress: [rule(.pass)]), policy("b", ingress: [rule(.deny)])),
            allowed: false),
        Row(name: "Log decides nothing: the next rule does", change: policy("p", ingress: [rule(.log), allowA]), allowed: true),
        Row(name: "Log alone: the tier's default Deny", change: policy("p", ingress: [rule(.log)]), allowed: false),
        Row(
            name: "a tier whose policy selects the endpoint but no rule matches: Deny",
            change: all(tier("t1", 10), policy("p", tier: "t1", ingress: [rule(.allow, source: from("app == 'c'"))])), allowed: false),
        Row(
            name: "defaultAction Pass: what no rule decided goes on",
            change: all(tier("t1", 10, .pass), policy("p", tier: "t1", ingress: [rule(.allow, source: from("app == 'c'"))])), allowed: true),
        Row(
            name: "a tier selecting other endpoints only is skipped",
            change: all(tier("t1", 10), policy("p", tier: "t1", selector: "app == 'c'", ingress: [rule(.deny)])), allowed: true),
        Row(
            name: "after the last tier the profile allows",
            change: all(tier("t1", 10, .pass), policy("p", tier: "t1", ingress: [rule(.pass)])), allowed: true),
        Row(
            name: "types default: egress rules only make an egress policy (ingress open)",
            change: policy("p", egress: [rule(.deny)]), from: "c", allowed: true),
        Row(
            name: "types default: egress rules only, the egress is decided", change: policy("p", egress: [rule(.deny)]), from: "b", to: "a",
            allowed: false),
        Row(name: "types default: no rules at all is an ingress policy", change: policy("p"), allowed: false),
        Row(
            name: "types as written: Egress only leaves ingress open", change: policy("p", types: [.egress], ingress: [rule(.deny)]),
            allowed: true),
    ]

    static let kubernetesRows: [Row] = [
        Row(
            name: "a NetworkPolicy isolates in the default tier (no matching allow: denied)",
            change: { $0.policies.append(NetworkPolicy(namespace: "ns1", name: "np", podSelector: .everything, ingress: [])) },
            allowed: false),
        Row(
            name: "a Calico Deny at order 500 comes before the NetworkPolicies (order 1000)",
            change: all(
                { $0.policies.append(NetworkPolicy(namespace: "ns1", name: "np", ingress: [PolicyRule()])) },
                policy("p", order: 500, ingress: [rule(.deny)])),
            allowed: false),
        Row(
            name: "a Calico Deny at order 1500 comes after the NetworkPolicies' allow",
            change: all(
                { $0.policies.append(NetworkPolicy(namespace: "ns1", name: "np", ingress: [PolicyRule()])) },
                policy("p", order: 1500, ingress: [rule(.deny)])),
            allowed: true),
        Row(
            name: "a Calico tier before the default tier overrides a NetworkPolicy's allow",
            change: all(
                { $0.policies.append(NetworkPolicy(namespace: "ns1", name: "np", ingress: [PolicyRule()])) }, tier("sec", 100),
                policy("p", tier: "sec", ingress: [rule(.deny)])),
            allowed: false),
        Row(
            name: "tiers alone: a default tier with defaultAction Pass lets through what NetworkPolicies do not allow",
            change: all(
                { $0.policies.append(NetworkPolicy(namespace: "ns1", name: "np", ingress: [])) }, tier("default", 1_000_000, .pass)),
            allowed: true),
    ]

    static let fieldRows: [Row] = [
        Row(name: "selector matches", change: all(policy("p", ingress: [allowA]), denyAll), allowed: true),
        Row(
            name: "selector misses", change: all(policy("p", ingress: [rule(.allow, source: from("app == 'c'"))]), denyAll), allowed: false),
        Row(
            name: "notSelector excludes",
            change: policy("p", ingress: [rule(.deny, source: CalicoEntityRule(notSelector: sel("app == 'a'"))), rule(.allow)]),
            allowed: true),
        Row(
            name: "notSelector matches what it does not select",
            change: policy("p", ingress: [rule(.deny, source: CalicoEntityRule(notSelector: sel("app == 'c'")))]), allowed: false),
        Row(
            name: "a namespaced policy's selectors stay in its namespace",
            change: all(policy("p", ns: "ns1", ingress: [rule(.allow, source: from("all()"))]), denyAll), from: "c", allowed: false),
        Row(
            name: "namespaceSelector picks other namespaces",
            change: all(
                policy("p", ns: "ns1", ingress: [rule(.allow, source: CalicoEntityRule(namespaceSelector: sel("team == 'y'")))]), denyAll),
            from: "c", allowed: true),
        Row(
            name: "namespaceSelector global() matches no workload",
            change: all(policy("p", ingress: [rule(.allow, source: CalicoEntityRule(namespaceSelector: .global))]), denyAll), allowed: false
        ),
        Row(
            name: "namespace labels as pcns.* in a selector",
            change: all(policy("p", ingress: [rule(.allow, source: from("pcns.team == 'y'"))]), denyAll), from: "c", allowed: true),
        Row(
            name: "projectcalico.org/namespace in a policy selector",
            change: policy("p", selector: "projectcalico.org/namespace == 'ns1'", ingress: [rule(.deny)]), allowed: false),
        Row(
            name: "serviceAccounts names",
            change: all(
                policy("p", selector: "app == 'a'", ingress: [rule(.allow, source: CalicoEntityRule(serviceAccountNames: ["sa-b"]))]),
                policy("zz", selector: "app == 'a'", ingress: [rule(.deny)])),
            from: "b", to: "a", allowed: true),
        Row(
            name: "serviceAccounts names miss",
            change: all(
                policy("p", selector: "app == 'a'", ingress: [rule(.allow, source: CalicoEntityRule(serviceAccountNames: ["other"]))]),
                policy("zz", selector: "app == 'a'", ingress: [rule(.deny)])),
            from: "b", to: "a", allowed: false),
        Row(
            name: "serviceAccounts selector on the account's labels",
            change: all(
                policy(
                    "p", selector: "app == 'a'",
                    ingress: [rule(.allow, source: CalicoEntityRule(serviceAccountSelector: sel("role == 'api'")))]),
                policy("zz", selector: "app == 'a'", ingress: [rule(.deny)])),
            from: "b", to: "a", allowed: true),
        Row(
            name: "nets", change: policy("p", ingress: [rule(.deny, source: CalicoEntityRule(nets: nets("8.8.8.0/24")))]), from: "8.8.8.8",
            allowed: false),
        Row(
            name: "nets miss",
            change: policy("p", ingress: [rule(.deny, source: CalicoEntityRule(nets: nets("8.8.8.0/24"))), rule(.allow)]),
            from: "192.168.1.1", allowed: true),
        Row(
            name: "notNets",
            change: policy("p", ingress: [rule(.deny, source: CalicoEntityRule(notNets: nets("8.8.8.0/24"))), rule(.allow)]),
            from: "8.8.8.8", allowed: true),
        Row(
            name: "nets match pod addresses",
            change: policy("p", ingress: [rule(.deny, source: CalicoEntityRule(nets: nets("10.0.1.1/32")))]), allowed: false),
        Row(
            name: "ports: a number",
            change: all(policy("p", ingress: [rule(.allow, proto: .tcp, destination: CalicoEntityRule(ports: [.range(80, 80)]))]), denyAll),
            allowed: true),
        Row(
            name: "ports: a lo:hi range",
            change: all(policy("p", ingress: [rule(.allow, proto: .tcp, destination: CalicoEntityRule(ports: [.range(70, 90)]))]), denyAll),
            probe: .port(.tcp, 91), allowed: false),
        Row(
            name: "notPorts",
            change: all(
                policy("p", ingress: [rule(.allow, proto: .tcp, destination: CalicoEntityRule(notPorts: [.range(80, 80)]))]), denyAll),
            allowed: false),
        Row(
            name: "named port on the destination",
            change: all(policy("p", ingress: [rule(.allow, proto: .tcp, destination: CalicoEntityRule(ports: [.named("http")]))]), denyAll),
            probe: .port(.tcp, 8080), allowed: true),
        Row(
            name: "named port: another number is not it",
            change: all(policy("p", ingress: [rule(.allow, proto: .tcp, destination: CalicoEntityRule(ports: [.named("http")]))]), denyAll),
            probe: .port(.tcp, 80), allowed: false),
        Row(name: "protocol", change: all(policy("p", ingress: [rule(.allow, proto: .udp)]), denyAll), allowed: false),
        Row(name: "notProtocol", change: all(policy("p", ingress: [rule(.allow, notProto: .udp)]), denyAll), allowed: true),
        Row(
            name: "protocol by number", change: all(policy("p", ingress: [rule(.allow, proto: .number(47))]), denyAll), probe: .number(47),
            allowed: true),
        Row(
            name: "protocol by number, another one", change: all(policy("p", ingress: [rule(.allow, proto: .number(47))]), denyAll),
            probe: .number(50), allowed: false),
        Row(
            name: "ICMP type",
            change: all(
                policy("p", ingress: [echoRequests]), denyAll),
            probe: .icmp(.v4, 8, 0), allowed: true),
        Row(
            name: "ICMP type, another type",
            change: all(
                policy("p", ingress: [echoRequests]), denyAll),
            probe: .icmp(.v4, 3, 0), allowed: false),
        Row(
            name: "notICMP",
            change: all(
                policy("p", ingress: [allButUnreachableHost]), denyAll),
            probe: .icmp(.v4, 3, 1), allowed: false),
        Row(
            name: "notICMP, another code",
            change: all(
                policy("p", ingress: [allButUnreachableHost]), denyAll),
            probe: .icmp(.v4, 3, 0), allowed: true),
        Row(
            name: "ipVersion 6 never matches IPv4 traffic", change: policy("p", ingress: [rule(.deny, ipVersion: .v6), rule(.allow)]),
            allowed: true),
        Row(
            name: "IPv4 nets limit the rule to IPv4 (a notNets-only rule)",
            change: policy("p", ingress: [rule(.deny, source: CalicoEntityRule(notNets: nets("2001:db8::/32"))), rule(.allow)]),
            allowed: true),
        Row(
            name: "a GlobalNetworkSet matched by selector",
            change: all(
                {
                    $0.calico.networkSets.append(
                        CalicoNetworkSet(name: "dns", namespace: nil, labels: ["kind": "dns"], nets: nets("8.8.8.0/24")))
                },
                policy("p", ingress: [rule(.allow, source: from("kind == 'dns'"))]), denyAll),
            from: "8.8.8.8", allowed: true),
        Row(
            name: "a GlobalNetworkSet through namespaceSelector global()",
            change: all(
                {
                    $0.calico.networkSets.append(
                        CalicoNetworkSet(name: "dns", namespace: nil, labels: ["kind": "dns"], nets: nets("8.8.8.0/24")))
                },
                policy(
                    "p", ns: "ns1",
                    ingress: [rule(.allow, source: CalicoEntityRule(selector: sel("kind == 'dns'"), namespaceSelector: .global))]),
                denyAll),
            from: "8.8.8.8", allowed: true),
        Row(
            name: "a namespaced NetworkSet is outside another namespace's policies",
            change: all(
                {
                    $0.calico.networkSets.append(
                        CalicoNetworkSet(name: "dns", namespace: "ns2", labels: ["kind": "dns"], nets: nets("8.8.8.0/24")))
                },
                policy("p", ns: "ns1", ingress: [rule(.allow, source: from("kind == 'dns'"))]), denyAll),
            from: "8.8.8.8", allowed: false),
        Row(name: "a staged policy is left out", change: policy("p", ingress: [rule(.deny)], staged: true), allowed: true),
    ]

    /// An admin policy holding every namespace, with one rule matching every pod.
    static func admin(_ tier: AdminNetworkPolicy.Tier, _ action: AdminAction) -> @Sendable (inout Cluster) -> Void {
        let rule = AdminRule(name: "r", action: action, peers: [.pods(.namespaces(.everything))])
        let p = AdminNetworkPolicy(
            tier: tier, name: tier == .admin ? "anp" : "default", priority: tier == .admin ? 1 : nil, subject: .namespaces(.everything),
            ingress: [rule])
        return { $0.adminPolicies.append(p) }
    }

    static let adminRows: [Row] = [
        Row(
            name: "kube-admin (order 1000) comes after a Calico tier of order 100",
            change: all(tier("sec", 100), policy("p", tier: "sec", ingress: [allowA]), admin(.admin, .deny)), allowed: true,
            reference: false),
        Row(
            name: "kube-admin comes before the default tier", change: all(policy("p", ingress: [allowA]), admin(.admin, .deny)),
            allowed: false, reference: false),
        Row(
            name: "kube-admin Pass goes on to the default tier",
            change: all(policy("p", ingress: [rule(.deny)]), admin(.admin, .pass)), allowed: false, reference: false),
        Row(
            name: "kube-baseline decides when no other tier applies", change: admin(.baseline, .deny), allowed: false,
            reference: false),
        Row(
            name: "kube-baseline is not reached when the default tier's policy selects the endpoint",
            change: all(policy("p", ingress: [rule(.allow, source: from("app == 'c'"))]), admin(.baseline, .allow)), allowed: false,
            reference: false),
    ]

    static let rows = orderRows + kubernetesRows + fieldRows + adminRows

    @Test(arguments: rows)
    func row(_ row: Row) throws {
        var cluster = Self.base()
        row.change(&cluster)
        let got = try #require(Reachability(cluster: cluster).connections(named: row.from, row.to))
        #expect(Self.contains(got, row.probe) == row.allowed, "\(row.name): \(got)")
        guard row.reference else { return }
        let ref = CalicoReference(cluster)
        func end(_ s: String) -> RefEndpoint { cluster.pods.firstIndex { $0.name == s }.map { .pod($0) } ?? .external(IPAddress(s)!) }
        #expect(Self.contains(ref.connections(end(row.from), end(row.to)), row.probe) == row.allowed, "reference: \(row.name)")
    }

    static func contains(_ set: ConnectionSet, _ probe: Probe) -> Bool {
        switch probe {
        case .port(let p, let n): return set.contains(p, n)
        case .number(let n): return set.others.contains(number: n)
        case .icmp(let f, let t, let c): return set.others.contains(f, type: t, code: c)
        }
    }
}
