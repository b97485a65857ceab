import KubeReachCore
import KubeReachTestSupport
import Testing

/// One row per rule of Docs/semantics.md (Cilium) and per peer and port kind, on a small
/// fixed cluster: pods `a`, `b` (ns1, node1), `c` (ns2, node2), hostNetwork `h` (node1),
/// nodes 10.0.0.1 and 10.0.0.2, the API server at 172.20.0.1, and 8.8.8.8 outside.
@Suite struct CiliumSemanticsTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var name: String
        var change: @Sendable (inout Cluster) -> Void
        var from: String
        var to: String
        var proto: NetworkProtocol = .tcp
        var port: Int = 80
        /// Ask about IP protocols other than TCP, UDP, SCTP and ICMP instead of `proto`/`port`.
        var other = false
        /// Ask about this ICMP type (code 0) instead.
        var icmp: CiliumICMPField? = nil
        var allowed: Bool

        var testDescription: String { name }
    }

    static func base() -> Cluster {
        var c = Cluster(
            namespaces: [Namespace(name: "ns1"), Namespace(name: "ns2", labels: ["team": "x"])],
            pods: [
                pod("a", "ns1", ["app": "a"], node: "node1", ip: "10.244.1.1"),
                pod("b", "ns1", ["app": "b", "pod-template-hash": "h1"], node: "node1", ip: "10.244.1.2", account: "sa-b"),
                pod("c", "ns2", ["app": "c"], node: "node2", ip: "10.244.2.1"),
                pod("h", "ns1", ["app": "h"], node: "node1", ip: "10.0.0.1", hostNetwork: true),
            ],
            nodes: [
                ClusterNode(name: "node1", addresses: [IPAddress("10.0.0.1")!]),
                ClusterNode(name: "node2", addresses: [IPAddress("10.0.0.2")!]),
            ])
        c.pods[1].ports = [ContainerPort(name: "http", port: 80)]
        c.cilium.apiServerAddresses = [IPAddress("172.20.0.1")!]
        c.cilium.agentNodes = ["node1", "node2"]
        c.cilium.cidrGroups = ["corp": [try! CIDR.parse("8.8.0.0/16")]]
        return c
    }

    static func pod(
        _ name: String, _ ns: String, _ labels: [String: String], node: String?, ip: String, account: String? = nil,
        hostNetwork: Bool = false
    ) -> Pod {
        var p = Pod(namespace: ns, name: name, labels: labels, ips: [IPAddress(ip)!], hostNetwork: hostNetwork)
        p.nodeName = node
        p.serviceAccount = account
        return p
    }

    static func sel(_ labels: [String: String]) -> CiliumSelector { CiliumSelector(matchLabels: labels) }

    /// A CNP (namespace given) or CCNP (nil) with one rule set.
    static func policy(_ ns: String?, _ spec: CiliumSpec) -> @Sendable (inout Cluster) -> Void {
        { $0.ciliumPolicies.append(CiliumPolicy(namespace: ns, name: "p\($0.ciliumPolicies.count)", specs: [spec])) }
    }

    static func ingressTo(_ subject: [String: String], _ rules: [CiliumRule], ns: String? = "ns1") -> @Sendable (inout Cluster) -> Void {
        policy(ns, CiliumSpec(endpointSelector: sel(subject), ingress: rules))
    }

    static func egressFromA(_ rules: [CiliumRule]) -> @Sendable (inout Cluster) -> Void {
        policy("ns1", CiliumSpec(endpointSelector: sel(["app": "a"]), egress: rules))
    }

    static let port80 = [CiliumPort(proto: .tcp, number: 80)]

    /// `a` may send everything, but an egress deny takes ICMP echo requests away.
    static let allButICMP8: @Sendable (inout Cluster) -> Void = { c in
        egressFromA([CiliumRule(entities: [.all])])(&c)
        c.ciliumPolicies[0].specs[0].egressDeny = [CiliumRule(icmps: [CiliumICMPField(type: 8)])]
    }

    static let rows: [Row] = [
        // Subjects and default deny
        Row(name: "no policy: allowed", change: { _ in }, from: "b", to: "a", allowed: true),
        Row(
            name: "ingress [{}] isolates and allows nothing", change: ingressTo(["app": "a"], [CiliumRule()]), from: "b", to: "a",
            allowed: false),
        Row(name: "ingress [] does not isolate", change: ingressTo(["app": "a"], []), from: "b", to: "a", allowed: true),
        Row(
            name: "a CNP subject is scoped to its namespace", change: ingressTo(["app": "a"], [CiliumRule()], ns: "ns2"), from: "b",
            to: "a", allowed: true),
        Row(
            name: "a CCNP subject is in every namespace", change: ingressTo(["app": "a"], [CiliumRule()], ns: nil), from: "b", to: "a",
            allowed: false),
        Row(
            name: "hostNetwork pods are not endpoints: no policy selects them",
            change: ingressTo(["app": "h"], [CiliumRule()]), from: "b", to: "h", allowed: true),
        // Peer selectors
        Row(
            name: "CNP peer selector is scoped to the policy namespace",
            change: ingressTo(["app": "a"], [CiliumRule(endpoints: [sel(["app": "c"])])]), from: "c", to: "a", allowed: false),
        Row(
            name: "CNP peer naming io.kubernetes.pod.namespace leaves it",
            change: ingressTo(["app": "a"], [CiliumRule(endpoints: [sel(["k8s:io.kubernetes.pod.namespace": "ns2", "app": "c"])])]),
            from: "c", to: "a", allowed: true),
        Row(
            name: "CNP peer naming a namespace label leaves it",
            change: ingressTo(["app": "a"], [CiliumRule(endpoints: [sel(["io.cilium.k8s.namespace.labels.team": "x"])])]), from: "c",
            to: "a", allowed: true),
        Row(
            name: "CCNP peer selector matches any namespace",
            change: ingressTo(["app": "a"], [CiliumRule(endpoints: [sel(["app": "c"])])], ns: nil), from: "c", to: "a", allowed: true),
        Row(
            name: "service account label",
            change: ingressTo(["app": "a"], [CiliumRule(endpoints: [sel(["io.cilium.k8s.policy.serviceaccount": "sa-b"])])]),
            from: "b", to: "a", allowed: true),
        Row(
            name: "unset service account is default",
            change: ingressTo(["app": "b"], [CiliumRule(endpoints: [sel(["io.cilium.k8s.policy.serviceaccount": "default"])])]),
            from: "a", to: "b", allowed: true),
        Row(
            name: "any: source matches a pod label",
            change: ingressTo(["app": "a"], [CiliumRule(endpoints: [sel(["any:app": "b"])])]), from: "b", to: "a", allowed: true),
        Row(
            name: "reserved: source never matches a pod label",
            change: ingressTo(["app": "a"], [CiliumRule(endpoints: [sel(["reserved:app": "b"])])]), from: "b", to: "a", allowed: false),
        Row(
            name: "labels Cilium drops from identities do not match",
            change: ingressTo(["app": "a"], [CiliumRule(endpoints: [sel(["pod-template-hash": "h1"])])]), from: "b", to: "a",
            allowed: false),
        Row(
            name: "a written but empty peer field selects nothing",
            change: ingressTo(["app": "a"], [CiliumRule(hasPeerField: true, ports: port80)]), from: "b", to: "a", allowed: false),
        Row(
            name: "toPorts without a peer field applies to every peer",
            change: ingressTo(["app": "a"], [CiliumRule(ports: port80)]), from: "c", to: "a", allowed: true),
        // Deny and default deny
        Row(
            name: "a deny wins over a NetworkPolicy allow",
            change: { c in
                c.policies.append(
                    NetworkPolicy(
                        namespace: "ns1", name: "np", podSelector: LabelSelector(matchLabels: ["app": "a"]), ingress: [PolicyRule()]))
                ingressDeny(&c, [CiliumRule(endpoints: [sel(["app": "b"])])])
            }, from: "b", to: "a", allowed: false),
        Row(
            name: "a NetworkPolicy allow joins the CNP allows",
            change: { c in
                c.policies.append(
                    NetworkPolicy(
                        namespace: "ns1", name: "np", podSelector: LabelSelector(matchLabels: ["app": "a"]), ingress: [PolicyRule()]))
                ingressDeny(&c, [CiliumRule(endpoints: [sel(["app": "b"])])])
            }, from: "c", to: "a", allowed: true),
        Row(
            name: "a deny-only policy isolates", change: { ingressDeny(&$0, [CiliumRule(endpoints: [sel(["app": "b"])])]) }, from: "c",
            to: "a", allowed: false),
        Row(
            name: "enableDefaultDeny false: the deny still applies",
            change: { ingressDeny(&$0, [CiliumRule(endpoints: [sel(["app": "b"])])], defaultDeny: false) }, from: "b", to: "a",
            allowed: false),
        Row(
            name: "enableDefaultDeny false: the rest stays open",
            change: { ingressDeny(&$0, [CiliumRule(endpoints: [sel(["app": "b"])])], defaultDeny: false) }, from: "c", to: "a",
            allowed: true),
        Row(
            name: "default deny if any selecting policy asks for it",
            change: { c in
                ingressDeny(&c, [CiliumRule(endpoints: [sel(["app": "b"])])], defaultDeny: false)
                ingressTo(["app": "a"], [CiliumRule(endpoints: [sel(["app": "b"])])])(&c)
            }, from: "c", to: "a", allowed: false),
        Row(
            name: "enforcement always isolates without policies", change: { $0.cilium.enforcement = .always }, from: "b", to: "a",
            allowed: false),
        Row(
            name: "enforcement never ignores policies",
            change: { c in
                c.cilium.enforcement = .never
                ingressTo(["app": "a"], [CiliumRule()])(&c)
            }, from: "b", to: "a", allowed: true),
        // Entities
        Row(
            name: "host: the endpoint's own node", change: egressFromA([CiliumRule(entities: [.host])]), from: "a", to: "10.0.0.1",
            allowed: true),
        Row(
            name: "host: not another node", change: egressFromA([CiliumRule(entities: [.host])]), from: "a", to: "10.0.0.2", allowed: false),
        Row(
            name: "host: hostNetwork pods on the node", change: egressFromA([CiliumRule(entities: [.host])]), from: "a", to: "h",
            allowed: true),
        Row(
            name: "remote-node: another agent node", change: egressFromA([CiliumRule(entities: [.remoteNode])]), from: "a", to: "10.0.0.2",
            allowed: true),
        Row(
            name: "remote-node: not the own node", change: egressFromA([CiliumRule(entities: [.remoteNode])]), from: "a", to: "10.0.0.1",
            allowed: false),
        Row(
            name: "a node without the agent is world",
            change: { c in
                c.cilium.agentNodes = ["node1"]
                egressFromA([CiliumRule(entities: [.world])])(&c)
            }, from: "a", to: "10.0.0.2", allowed: true),
        Row(
            name: "kube-apiserver", change: egressFromA([CiliumRule(entities: [.kubeAPIServer])]), from: "a", to: "172.20.0.1",
            allowed: true),
        Row(name: "world: outside", change: egressFromA([CiliumRule(entities: [.world])]), from: "a", to: "8.8.8.8", allowed: true),
        Row(name: "world: not pods", change: egressFromA([CiliumRule(entities: [.world])]), from: "a", to: "b", allowed: false),
        Row(name: "world: not nodes", change: egressFromA([CiliumRule(entities: [.world])]), from: "a", to: "10.0.0.2", allowed: false),
        Row(
            name: "world-ipv6 is not an IPv4 address", change: egressFromA([CiliumRule(entities: [.worldIPv6])]), from: "a", to: "8.8.8.8",
            allowed: false),
        Row(name: "cluster: pods", change: egressFromA([CiliumRule(entities: [.cluster])]), from: "a", to: "c", allowed: true),
        Row(name: "cluster: nodes", change: egressFromA([CiliumRule(entities: [.cluster])]), from: "a", to: "10.0.0.2", allowed: true),
        Row(name: "cluster: not world", change: egressFromA([CiliumRule(entities: [.cluster])]), from: "a", to: "8.8.8.8", allowed: false),
        Row(name: "all: everything", change: egressFromA([CiliumRule(entities: [.all])]), from: "a", to: "8.8.8.8", allowed: true),
        Row(
            name: "health matches no loaded peer", change: egressFromA([CiliumRule(entities: [.health])]), from: "a", to: "c",
            allowed: false),
        Row(
            name: "allow-localhost: the own node reaches an isolated endpoint", change: ingressTo(["app": "a"], [CiliumRule()]),
            from: "10.0.0.1", to: "a", allowed: true),
        Row(
            name: "allow-localhost: not another node", change: ingressTo(["app": "a"], [CiliumRule()]), from: "10.0.0.2", to: "a",
            allowed: false),
        Row(
            name: "allow-localhost policy: the own node is subject to policy",
            change: { c in
                c.cilium.allowLocalhost = false
                ingressTo(["app": "a"], [CiliumRule()])(&c)
            }, from: "10.0.0.1", to: "a", allowed: false),
        Row(
            name: "an unplaced pod has no host",
            change: { c in
                c.pods[0].nodeName = nil
                egressFromA([CiliumRule(entities: [.host])])(&c)
            }, from: "a", to: "10.0.0.1", allowed: false),
        // CIDRs
        Row(
            name: "toCIDR matches world", change: egressFromA([CiliumRule(cidrs: [.block(IPBlock(cidr: try! CIDR.parse("8.8.8.0/24")))])]),
            from: "a", to: "8.8.8.8", allowed: true),
        Row(
            name: "toCIDR never matches pods",
            change: egressFromA([CiliumRule(cidrs: [.block(IPBlock(cidr: try! CIDR.parse("10.244.0.0/16")))])]), from: "a", to: "c",
            allowed: false),
        Row(
            name: "toCIDR does not match nodes by default",
            change: egressFromA([CiliumRule(cidrs: [.block(IPBlock(cidr: try! CIDR.parse("10.0.0.0/24")))])]), from: "a", to: "10.0.0.2",
            allowed: false),
        Row(
            name: "policy-cidr-match-mode nodes: toCIDR matches nodes",
            change: { c in
                c.cilium.cidrMatchesNodes = true
                egressFromA([CiliumRule(cidrs: [.block(IPBlock(cidr: try! CIDR.parse("10.0.0.0/24")))])])(&c)
            }, from: "a", to: "10.0.0.2", allowed: true),
        Row(
            name: "toCIDRSet except",
            change: egressFromA([
                CiliumRule(cidrs: [.block(IPBlock(cidr: try! CIDR.parse("8.0.0.0/8"), except: [try! CIDR.parse("8.8.8.0/24")]))])
            ]), from: "a", to: "8.8.8.8", allowed: false),
        Row(
            name: "cidrGroupRef", change: egressFromA([CiliumRule(cidrs: [.group(name: "corp", except: [])])]), from: "a", to: "8.8.8.8",
            allowed: true),
        Row(
            name: "cidrGroupRef with except",
            change: egressFromA([CiliumRule(cidrs: [.group(name: "corp", except: [try! CIDR.parse("8.8.8.0/24")])])]), from: "a",
            to: "8.8.8.8", allowed: false),
        Row(
            name: "a NetworkPolicy ipBlock never matches pods under Cilium",
            change: { c in
                c.policies.append(
                    NetworkPolicy(
                        namespace: "ns1", name: "np", podSelector: LabelSelector(matchLabels: ["app": "a"]),
                        ingress: [PolicyRule(peers: [.ipBlock(IPBlock(cidr: try! CIDR.parse("10.244.0.0/16")))])]))
            }, from: "c", to: "a", allowed: false),
        // Ports
        Row(name: "port: listed", change: egressFromA([CiliumRule(ports: port80)]), from: "a", to: "c", port: 80, allowed: true),
        Row(name: "port: not listed", change: egressFromA([CiliumRule(ports: port80)]), from: "a", to: "c", port: 81, allowed: false),
        Row(
            name: "port 0: every port of the protocol", change: egressFromA([CiliumRule(ports: [CiliumPort(proto: .udp, number: 0)])]),
            from: "a", to: "c", proto: .udp, port: 9999, allowed: true),
        Row(
            name: "endPort is inclusive", change: egressFromA([CiliumRule(ports: [CiliumPort(proto: .tcp, number: 80, endPort: 90)])]),
            from: "a", to: "c", port: 90, allowed: true),
        Row(
            name: "protocol ANY covers UDP", change: egressFromA([CiliumRule(ports: [CiliumPort(proto: .any, number: 53)])]), from: "a",
            to: "c", proto: .udp, port: 53, allowed: true),
        Row(
            name: "protocol TCP does not cover UDP", change: egressFromA([CiliumRule(ports: [CiliumPort(proto: .tcp, number: 53)])]),
            from: "a", to: "c", proto: .udp, port: 53, allowed: false),
        Row(
            name: "a named port resolves on the destination",
            change: egressFromA([CiliumRule(ports: [CiliumPort(proto: .tcp, name: "http")])]),
            from: "a", to: "b", port: 80, allowed: true),
        Row(
            name: "a named port the destination lacks matches nothing",
            change: egressFromA([CiliumRule(ports: [CiliumPort(proto: .tcp, name: "http")])]), from: "a", to: "c", port: 80, allowed: false),
        Row(
            name: "icmps alone allow no TCP port", change: egressFromA([CiliumRule(icmps: [CiliumICMPField(type: 8)])]), from: "a", to: "c",
            allowed: false),
        Row(
            name: "an L3-only rule covers other IP protocols", change: egressFromA([CiliumRule(entities: [.all])]), from: "a", to: "c",
            other: true, allowed: true),
        Row(
            name: "ANY on every port is TCP, UDP and SCTP only", change: egressFromA([CiliumRule(ports: [CiliumPort(proto: .any)])]),
            from: "a", to: "c", other: true, allowed: false),
        Row(
            name: "ANY on every port covers SCTP", change: egressFromA([CiliumRule(ports: [CiliumPort(proto: .any)])]), from: "a",
            to: "c", proto: .sctp, port: 9, allowed: true),
        Row(
            name: "icmps allow their type", change: egressFromA([CiliumRule(icmps: [CiliumICMPField(type: 8)])]), from: "a", to: "c",
            icmp: CiliumICMPField(type: 8), allowed: true),
        Row(
            name: "icmps allow no other type", change: egressFromA([CiliumRule(icmps: [CiliumICMPField(type: 8)])]), from: "a", to: "c",
            icmp: CiliumICMPField(type: 0), allowed: false),
        Row(
            name: "ICMP families are apart", change: egressFromA([CiliumRule(icmps: [CiliumICMPField(family: .v6, type: 128)])]),
            from: "a", to: "c", icmp: CiliumICMPField(type: 128), allowed: false),
        Row(
            name: "ICMP type 0 is Cilium's wildcard", change: egressFromA([CiliumRule(icmps: [CiliumICMPField(type: 0)])]), from: "a",
            to: "c", icmp: CiliumICMPField(type: 13), allowed: true),
        Row(
            name: "toPorts and icmps add up",
            change: egressFromA([CiliumRule(ports: port80, icmps: [CiliumICMPField(type: 8)])]), from: "a", to: "c", port: 80,
            allowed: true),
        Row(
            name: "icmps allow no other protocol", change: egressFromA([CiliumRule(icmps: [CiliumICMPField(type: 8)])]), from: "a",
            to: "c", other: true, allowed: false),
        Row(
            name: "an L3-only rule covers every ICMPv6 type", change: egressFromA([CiliumRule(entities: [.all])]), from: "a", to: "c",
            icmp: CiliumICMPField(family: .v6, type: 135), allowed: true),
        Row(
            name: "ANY on every port is not ICMP", change: egressFromA([CiliumRule(ports: [CiliumPort(proto: .any)])]), from: "a",
            to: "c", icmp: CiliumICMPField(type: 8), allowed: false),
        Row(
            name: "an ICMP deny removes its type",
            change: allButICMP8, from: "a", to: "c", icmp: CiliumICMPField(type: 8), allowed: false),
        Row(
            name: "an ICMP deny leaves other types",
            change: allButICMP8, from: "a", to: "c", icmp: CiliumICMPField(type: 0), allowed: true),
        Row(
            name: "a toPorts entry without ports covers nothing", change: egressFromA([CiliumRule(ports: [])]), from: "a", to: "c",
            allowed: false),
        Row(
            name: "a port deny removes only that port",
            change: { c in
                egressFromA([CiliumRule(entities: [.all])])(&c)
                c.ciliumPolicies[0].specs[0].egressDeny = [CiliumRule(ports: port80)]
            }, from: "a", to: "c", port: 81, allowed: true),
    ]

    static func ingressDeny(_ c: inout Cluster, _ rules: [CiliumRule], defaultDeny: Bool? = nil) {
        c.ciliumPolicies.append(
            CiliumPolicy(
                namespace: "ns1", name: "deny\(c.ciliumPolicies.count)",
                specs: [CiliumSpec(endpointSelector: sel(["app": "a"]), ingressDeny: rules, defaultDenyIngress: defaultDeny)]))
    }

    @Test(arguments: rows)
    func row(_ row: Row) throws {
        var cluster = Self.base()
        row.change(&cluster)
        let engine = Reachability(cluster: cluster)
        let got = try #require(engine.connections(named: row.from, row.to))
        let engineSays =
            row.icmp.map { got.others.contains($0.family, type: $0.type, code: 0) }
            ?? (row.other ? got.others.contains(number: 47) : got.contains(row.proto, row.port))
        #expect(engineSays == row.allowed, "\(row.name): \(got)")
        // The naive reference agrees on the same question.
        let ref = CiliumReference(cluster)
        func end(_ s: String) -> RefEndpoint { cluster.pods.firstIndex { $0.name == s }.map { .pod($0) } ?? .external(IPAddress(s)!) }
        let packet = row.icmp.map { RefPacket.icmp($0.family, type: $0.type) } ?? (row.other ? .number(47) : .port(row.proto, row.port))
        #expect(ref.allowed(end(row.from), end(row.to), packet) == row.allowed, "reference: \(row.name)")
    }
}
