import KubeReachCore
import KubeReachSynthetic

/// Seeded random clusters that hit every feature of the semantics: selectors with all
/// four operators, AND/OR peers, ipBlocks with excepts in both families, named ports,
/// endPort, protocol-only ports, all protocols, policyTypes variants, hostNetwork pods.
enum RandomCluster {
    static let keys = ["app", "tier", "env"]
    static let values = ["a", "b", "c"]
    static let portNames = ["http", "dns", "metrics"]
    /// `10.1.2.3/16` has host bits set: matching must ignore them, as the API server does.
    static let v4Blocks = [
        "10.0.0.0/8", "10.1.0.0/16", "192.168.0.0/16", "0.0.0.0/0", "10.1.2.0/24", "172.16.0.0/12", "10.1.2.3/16", "10.1.0.1/32",
    ]
    static let v6Blocks = ["2001:db8::/32", "::/0", "2001:db8:1::/48", "fd00::/8"]

    static func make(seed: UInt64) -> Cluster {
        var rng = SplitMix64(seed: seed)
        let declared = Array(["ns1", "ns2", "ns3", "ns4"].prefix(Int.random(in: 2...4, using: &rng)))
        let namespaces = declared.map { Namespace(name: $0, labels: labels(&rng, max: 2)) }
        // Sometimes a namespace that pods use but no manifest declares: it must still carry
        // its `kubernetes.io/metadata.name` label.
        let namespaceNames = declared + (rng.chance(0.15) ? ["ghost"] : [])
        var pods: [Pod] = []
        for i in 0..<Int.random(in: 3...8, using: &rng) {
            var ips: [IPAddress] = []
            if rng.chance(0.5) { ips.append(IPAddress("10.1.\(Int.random(in: 0...3, using: &rng)).\(i + 1)")!) }
            if rng.chance(0.2) { ips.append(IPAddress("2001:db8:1::\(i + 1)")!) }
            if rng.chance(0.1) { ips.append(IPAddress("192.168.0.\(i + 1)")!) }
            let ports = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                ContainerPort(
                    name: rng.chance(0.8) ? rng.pick(portNames) : nil, port: rng.pick([53, 80, 8080, 9090, 5000, 65535]),
                    proto: rng.pick(NetworkProtocol.allCases))
            }
            pods.append(
                Pod(
                    namespace: rng.pick(namespaceNames), name: "pod\(i)", labels: labels(&rng, max: 3), ips: ips,
                    ports: ports, hostNetwork: rng.chance(0.08)))
        }
        // Replicas: some pods get a twin of the same workload (same labels and ports; no IP,
        // so it shares the identity when the original has none).
        for i in pods.indices where rng.chance(0.3) {
            pods[i].workload = WorkloadRef(namespace: pods[i].namespace, name: "wl\(i)", kind: "StatefulSet")
            var twin = pods[i]
            twin.name = "pod\(i)-1"
            twin.ips = []
            pods.append(twin)
        }
        let policies = (0..<Int.random(in: 0...6, using: &rng)).map { i in policy(&rng, index: i, namespaces: namespaceNames) }
        // Admin policies in about half the clusters; nodes share addresses with some pods
        // (a hostNetwork pod holds its node's address).
        let nodes = (0..<Int.random(in: 0...2, using: &rng)).map { i in
            ClusterNode(
                name: "node\(i)", labels: labels(&rng, max: 2),
                addresses: [IPAddress(rng.pick(["10.1.0.1", "10.1.1.3", "192.168.0.2", "10.9.9.9"]))!])
        }
        var admin: [AdminNetworkPolicy] = []
        if rng.chance(0.5) {
            admin = (0..<Int.random(in: 1...3, using: &rng)).map { i in adminPolicy(&rng, name: "anp\(i)", tier: .admin) }
            if rng.chance(0.5) { admin.append(adminPolicy(&rng, name: "default", tier: .baseline)) }
        }
        return Cluster(namespaces: namespaces, pods: pods, policies: policies, adminPolicies: admin, nodes: nodes)
    }

    static func adminPolicy(_ rng: inout SplitMix64, name: String, tier: AdminNetworkPolicy.Tier) -> AdminNetworkPolicy {
        let actions: [AdminAction] = tier == .admin ? [.allow, .deny, .pass] : [.allow, .deny]
        func rules(_ direction: PolicyDirection) -> [AdminRule] {
            (0..<Int.random(in: 0...3, using: &rng)).map { r in
                let peers = (0..<Int.random(in: 1...2, using: &rng)).map { _ in adminPeer(&rng, direction: direction) }
                let ports = (0..<Int.random(in: 0...2, using: &rng)).map { _ in adminPort(&rng) }
                return AdminRule(name: "\(direction.rawValue)-\(r)", action: rng.pick(actions), peers: peers, ports: ports)
            }
        }
        return AdminNetworkPolicy(
            tier: tier, name: name, priority: tier == .admin ? rng.pick([1, 2, 2, 7]) : nil, subject: adminSelection(&rng),
            ingress: rules(.ingress), egress: rules(.egress))
    }

    static func adminSelection(_ rng: inout SplitMix64) -> AdminSelection {
        rng.chance(0.5) ? .namespaces(selector(&rng)) : .pods(namespaces: selector(&rng), pods: selector(&rng))
    }

    static func adminPeer(_ rng: inout SplitMix64, direction: PolicyDirection) -> AdminPeer {
        guard direction == .egress else { return .pods(adminSelection(&rng)) }
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return .networks([try! CIDR.parse(rng.pick(v4Blocks + v6Blocks))])
        case 1: return .nodes(selector(&rng))
        default: return .pods(adminSelection(&rng))
        }
    }

    static func adminPort(_ rng: inout SplitMix64) -> AdminPort {
        let proto = rng.pick(NetworkProtocol.allCases)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: return .number(proto, rng.pick([53, 80, 8080, 65535]))
        case 1:
            let start = rng.pick([1, 53, 5000, 65500])
            return .range(proto, start, min(65535, start + rng.pick([0, 27, 3000])))
        default: return .named(rng.pick(portNames))
        }
    }

    static func labels(_ rng: inout SplitMix64, max: Int) -> [String: String] {
        var out: [String: String] = [:]
        for k in keys.shuffled(using: &rng).prefix(Int.random(in: 0...max, using: &rng)) { out[k] = rng.pick(values) }
        return out
    }

    static func selector(_ rng: inout SplitMix64) -> LabelSelector {
        if rng.chance(0.3) { return .everything }
        var exprs: [LabelRequirement] = []
        if rng.chance(0.5) {
            let op = rng.pick(LabelRequirement.Operator.allCases)
            let needsValues = op == .in || op == .notIn
            let vals = needsValues ? Array(values.shuffled(using: &rng).prefix(Int.random(in: 1...2, using: &rng))) : []
            exprs.append(LabelRequirement(key: rng.pick(keys), op: op, values: vals))
        }
        return LabelSelector(matchLabels: labels(&rng, max: 1), matchExpressions: exprs)
    }

    static func policy(_ rng: inout SplitMix64, index: Int, namespaces: [String]) -> NetworkPolicy {
        let ingress = (0..<Int.random(in: 0...2, using: &rng)).map { _ in rule(&rng) }
        let egress = (0..<Int.random(in: 0...2, using: &rng)).map { _ in rule(&rng) }
        let types: Set<PolicyDirection>? = rng.pick([nil, [], [.ingress], [.egress], [.ingress, .egress]])
        return NetworkPolicy(
            namespace: rng.pick(namespaces), name: "p\(index)", podSelector: selector(&rng), ingress: ingress, egress: egress,
            policyTypes: types)
    }

    static func rule(_ rng: inout SplitMix64) -> PolicyRule {
        let peers = (0..<Int.random(in: 0...2, using: &rng)).map { _ in peer(&rng) }
        let ports = (0..<Int.random(in: 0...2, using: &rng)).map { _ in port(&rng) }
        return PolicyRule(peers: peers, ports: ports)
    }

    static func peer(_ rng: inout SplitMix64) -> PolicyPeer {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return .selector(pods: selector(&rng), namespaces: nil)
        case 1: return .selector(pods: nil, namespaces: selector(&rng))
        case 2: return .selector(pods: selector(&rng), namespaces: selector(&rng))
        default:
            let v6 = rng.chance(0.3)
            let cidr = try! CIDR.parse(rng.pick(v6 ? v6Blocks : v4Blocks))
            let candidates = (v6 ? v6Blocks : v4Blocks).map { try! CIDR.parse($0) }.filter {
                cidr.range.contains($0.range) && $0.prefixLength > cidr.prefixLength
            }
            let except = candidates.isEmpty ? [] : Array(candidates.shuffled(using: &rng).prefix(Int.random(in: 0...2, using: &rng)))
            return .ipBlock(IPBlock(cidr: cidr, except: except))
        }
    }

    static func port(_ rng: inout SplitMix64) -> PolicyPort {
        let proto = rng.pick(NetworkProtocol.allCases)
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return PolicyPort(proto: proto, port: .number(rng.pick([1, 53, 80, 8080, 5000, 65535])))
        case 1:
            // Ranges may touch both ends of the port space, where off-by-one cuts hide.
            let start = rng.pick([1, 53, 80, 5000, 8000, 65500])
            let end = min(65535, start + rng.pick([0, 1, 27, 100]))
            return PolicyPort(proto: proto, port: .number(start), endPort: end)
        case 2: return PolicyPort(proto: proto, port: .name(rng.pick(portNames)))
        default: return PolicyPort(proto: proto)
        }
    }
}
