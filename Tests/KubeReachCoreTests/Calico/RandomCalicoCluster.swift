import KubeReachCore
import KubeReachSynthetic

/// Seeded random clusters mixing Calico policies (namespaced and global, staged, in tiers
/// with orders that tie and default actions Deny and Pass), network sets, service accounts
/// with labels and Kubernetes NetworkPolicies: every action, the whole selector language,
/// nets/notNets, port ranges, named ports, protocols by name and number, ICMP types.
enum RandomCalicoCluster {
    static let keys = RandomCluster.keys
    static let values = RandomCluster.values
    /// Keys Calico adds or inherits, so selectors reach the namespace and service-account facts.
    static let calicoKeys = [
        "projectcalico.org/namespace", "pcns.app", "pcns.projectcalico.org/name", "pcsa.team", "projectcalico.org/serviceaccount",
        "pcsa.projectcalico.org/name",
    ]
    static let tierNames = ["security", "platform", "default"]
    static let policyNames = ["a", "b", "knp", "zz"]
    static let accounts = ["default", "sa1", "sa2"]

    static func make(seed: UInt64) -> Cluster {
        var rng = SplitMix64(seed: seed &* 7919 &+ 17)
        var cluster = RandomCluster.make(seed: seed)
        cluster.adminPolicies = []
        cluster.nodes = []
        for i in cluster.pods.indices { cluster.pods[i].serviceAccount = rng.chance(0.3) ? nil : rng.pick(accounts) }
        let namespaces = Array(Set(cluster.pods.map(\.namespace) + cluster.namespaces.map(\.name))).sorted()
        cluster.identity.serviceAccounts = namespaces.flatMap { ns in
            accounts.filter { _ in rng.chance(0.6) }.map { name in
                var account = ServiceAccount(namespace: ns, name: name)
                if rng.chance(0.7) { account.labels = ["team": rng.pick(values)] }
                return account
            }
        }
        cluster.calico.tiers = tierNames.filter { _ in rng.chance(0.5) }.map { name in
            CalicoTier(name: name, order: rng.pick([nil, 100, 100, 1000, 2_000_000]), defaultAction: rng.chance(0.4) ? .pass : .deny)
        }
        let tiers = Array(Set(cluster.calico.tiers.map(\.name) + ["default"])).sorted()
        cluster.calico.networkSets = (0..<Int.random(in: 0...3, using: &rng)).map { i in
            CalicoNetworkSet(
                name: "set\(i)", namespace: rng.chance(0.5) ? rng.pick(namespaces) : nil, labels: RandomCluster.labels(&rng, max: 2),
                nets: (0..<Int.random(in: 1...2, using: &rng)).map { _ in cidr(&rng) })
        }
        cluster.calico.policies = (0..<Int.random(in: 1...6, using: &rng)).map { _ in
            policy(&rng, namespaces: namespaces, tiers: tiers)
        }
        return cluster
    }

    static func policy(_ rng: inout SplitMix64, namespaces: [String], tiers: [String]) -> CalicoPolicy {
        let global = rng.chance(0.4)
        let ingress = (0..<Int.random(in: 0...3, using: &rng)).map { _ in rule(&rng) }
        let egress = (0..<Int.random(in: 0...3, using: &rng)).map { _ in rule(&rng) }
        let types: Set<PolicyDirection>? = rng.pick([nil, nil, [.ingress], [.egress], [.ingress, .egress]])
        return CalicoPolicy(
            name: rng.pick(policyNames), scope: global ? .global : .namespaced(rng.pick(namespaces)),
            tier: rng.chance(0.9) ? rng.pick(tiers) : "missing", order: rng.pick([nil, 1000, 500, 500, 1500, 1000.5]),
            selector: selector(&rng, depth: 1), namespaceSelector: global && rng.chance(0.3) ? selector(&rng, depth: 0) : nil,
            serviceAccountSelector: rng.chance(0.1) ? .equals("team", rng.pick(values)) : nil, types: types, ingress: ingress,
            egress: egress, staged: rng.chance(0.08))
    }

    static func rule(_ rng: inout SplitMix64) -> CalicoRule {
        let proto: CalicoProtocol? = rng.pick([nil, nil, .tcp, .udp, .sctp, .icmp, .icmpv6, .number(47), .tcp, .udp])
        var r = CalicoRule(
            action: rng.pick(CalicoAction.allCases), ipVersion: rng.chance(0.1) ? rng.pick([.v4, .v6]) : nil, proto: proto,
            notProto: rng.chance(0.15) ? rng.pick([.tcp, .udp, .icmp, .number(47)]) : nil, source: entity(&rng, ports: false),
            destination: entity(&rng, ports: proto?.transport != nil))
        if let proto, proto == .icmp || proto == .icmpv6 {
            if rng.chance(0.4) { r.icmp = CalicoICMPMatch(type: rng.pick([0, 3, 8]), code: rng.chance(0.5) ? rng.pick([0, 1]) : nil) }
            if rng.chance(0.3) { r.notICMP = CalicoICMPMatch(type: rng.pick([3, 8]), code: rng.chance(0.5) ? 1 : nil) }
        }
        return r
    }

    static func entity(_ rng: inout SplitMix64, ports: Bool) -> CalicoEntityRule {
        var e = CalicoEntityRule()
        if rng.chance(0.25) { e.nets = [cidr(&rng)] }
        if rng.chance(0.15) { e.notNets = [cidr(&rng)] }
        if rng.chance(0.35) { e.selector = selector(&rng, depth: 1) }
        if rng.chance(0.15) { e.notSelector = selector(&rng, depth: 0) }
        if rng.chance(0.2) {
            e.namespaceSelector = rng.chance(0.25) ? rng.pick([.global, .or([.global, .has("app")])]) : selector(&rng, depth: 0)
        }
        if rng.chance(0.1) {
            e.serviceAccountNames = rng.chance(0.5) ? [rng.pick(accounts)] : []
            e.serviceAccountSelector = rng.chance(0.5) ? .has("team") : nil
        }
        if ports {
            e.ports = (0..<Int.random(in: 0...2, using: &rng)).map { _ in port(&rng) }
            e.notPorts = rng.chance(0.2) ? [port(&rng)] : []
        }
        return e
    }

    static func port(_ rng: inout SplitMix64) -> CalicoPort {
        switch Int.random(in: 0..<3, using: &rng) {
        case 0:
            let n = rng.pick([0, 53, 80, 8080, 65535])
            return .range(n, n)
        case 1:
            let lo = rng.pick([0, 1, 53, 5000, 65500])
            return .range(lo, min(65535, lo + rng.pick([0, 27, 3000])))
        default: return .named(rng.pick(RandomCluster.portNames))
        }
    }

    static func cidr(_ rng: inout SplitMix64) -> CIDR {
        try! CIDR.parse(rng.chance(0.2) ? rng.pick(RandomCluster.v6Blocks) : rng.pick(RandomCluster.v4Blocks + ["10.1.0.0/24"]))
    }

    /// A selector over pod, namespace and service-account labels, nested up to `depth`.
    static func selector(_ rng: inout SplitMix64, depth: Int) -> CalicoSelector {
        if depth > 0 && rng.chance(0.35) {
            let terms = (0..<Int.random(in: 2...3, using: &rng)).map { _ in selector(&rng, depth: depth - 1) }
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: return .and(terms)
            case 1: return .or(terms)
            default: return .not(terms[0])
            }
        }
        let key = rng.chance(0.3) ? rng.pick(calicoKeys) : rng.pick(keys)
        let valuePool = values + ["ns1", "ns2", "sa1", "default"]
        let value = rng.pick(valuePool)
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: return .all
        case 1: return .has(key)
        case 2: return .notEquals(key, value)
        case 3: return .inSet(key, Array(Set([value, rng.pick(valuePool)])).sorted())
        case 4: return .notInSet(key, [value])
        case 5: return .contains(key, String(value.prefix(1)))
        case 6: return .startsWith(key, String(value.prefix(2)))
        case 7: return .endsWith(key, String(value.suffix(1)))
        case 8: return .not(.has(key))
        default: return .equals(key, value)
        }
    }
}
