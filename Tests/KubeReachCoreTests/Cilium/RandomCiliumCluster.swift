import KubeReachCore
import KubeReachSynthetic

/// Seeded random clusters mixing NetworkPolicies, CNPs and CCNPs under a random cluster
/// model: placed, unplaced and hostNetwork pods, nodes with and without the agent, API
/// server addresses, CIDR groups, every entity, CIDR sets with except, deny rules,
/// `enableDefaultDeny`, named ports, `ANY`, ICMP types, label sources and derived labels.
enum RandomCiliumCluster {
    static let blocks = ["10.0.0.0/8", "10.1.0.0/16", "192.168.0.0/16", "0.0.0.0/0", "10.1.2.0/24", "10.9.9.9/32", "2001:db8::/32"]
    static let accounts = ["default", "api", "db"]

    static func make(seed: UInt64) -> Cluster {
        var base = RandomCluster.make(seed: seed)
        var rng = SplitMix64(seed: seed &* 7919 &+ 17)
        base.adminPolicies = []
        let nodeNames = base.nodes.map(\.name) + ["elsewhere"]
        for i in base.pods.indices {
            base.pods[i].nodeName = rng.chance(0.25) ? nil : rng.pick(nodeNames)
            base.pods[i].serviceAccount = rng.chance(0.3) ? nil : rng.pick(accounts)
        }
        var facts = CiliumFacts()
        if rng.chance(0.4) { facts.agentNodes = Set(nodeNames.filter { _ in rng.chance(0.6) }) }
        if rng.chance(0.5) { facts.apiServerAddresses = [IPAddress(rng.pick(["10.1.0.1", "172.20.0.1", "10.9.9.9"]))!] }
        if rng.chance(0.2) { facts.apiServerCIDRs = [try! CIDR.parse(rng.pick(["172.20.0.0/30", "10.1.0.0/24"]))] }
        facts.cidrMatchesNodes = rng.chance(0.2)
        facts.allowLocalhost = rng.chance(0.8)
        facts.enforcement = rng.chance(0.1) ? .always : rng.chance(0.05) ? .never : .default
        facts.cidrGroups = ["corp": [try! CIDR.parse("10.1.0.0/16"), try! CIDR.parse("192.168.0.0/24")]]
        base.cilium = facts
        let namespaces = base.namespaces.map(\.name)
        base.ciliumPolicies = (0..<Int.random(in: 1...5, using: &rng)).map { i in
            let clusterwide = rng.chance(0.3)
            let specs = (0..<(rng.chance(0.2) ? 2 : 1)).map { _ in spec(&rng, namespaces: namespaces) }
            return CiliumPolicy(namespace: clusterwide ? nil : rng.pick(namespaces), name: "c\(i)", specs: specs)
        }
        return base
    }

    static func spec(_ rng: inout SplitMix64, namespaces: [String]) -> CiliumSpec {
        func rules() -> [CiliumRule] { (0..<Int.random(in: 0...2, using: &rng)).map { _ in rule(&rng, namespaces: namespaces) } }
        return CiliumSpec(
            endpointSelector: selector(&rng, namespaces: namespaces), ingress: rules(), ingressDeny: rng.chance(0.4) ? rules() : [],
            egress: rules(), egressDeny: rng.chance(0.4) ? rules() : [],
            defaultDenyIngress: rng.chance(0.2) ? rng.chance(0.5) : nil, defaultDenyEgress: rng.chance(0.2) ? rng.chance(0.5) : nil)
    }

    static func rule(_ rng: inout SplitMix64, namespaces: [String]) -> CiliumRule {
        var rule = CiliumRule()
        if rng.chance(0.5) { rule.endpoints = (0..<Int.random(in: 0...2, using: &rng)).map { _ in selector(&rng, namespaces: namespaces) } }
        if rng.chance(0.35) { rule.entities = (0..<Int.random(in: 1...2, using: &rng)).map { _ in rng.pick(CiliumEntity.allCases) } }
        if rng.chance(0.3) { rule.cidrs = [cidrPeer(&rng)] }
        rule.hasPeerField = !(rule.endpoints.isEmpty && rule.entities.isEmpty && rule.cidrs.isEmpty) || rng.chance(0.1)
        if rng.chance(0.6) { rule.ports = (0..<Int.random(in: 0...2, using: &rng)).map { _ in port(&rng) } }
        if rng.chance(0.25) {
            rule.icmps = (0..<Int.random(in: 0...2, using: &rng)).map { _ in
                CiliumICMPField(family: rng.pick(ICMPFamily.allCases), type: rng.pick([0, 3, 8, 128, 129]))
            }
        }
        return rule
    }

    static func cidrPeer(_ rng: inout SplitMix64) -> CiliumCIDRPeer {
        if rng.chance(0.2) {
            return .group(name: rng.pick(["corp", "missing"]), except: rng.chance(0.5) ? [try! CIDR.parse("10.1.2.0/24")] : [])
        }
        let cidr = try! CIDR.parse(rng.pick(blocks))
        let inside = blocks.map { try! CIDR.parse($0) }.filter { cidr.range.contains($0.range) && $0 != cidr }
        return .block(IPBlock(cidr: cidr, except: Array(inside.shuffled(using: &rng).prefix(Int.random(in: 0...2, using: &rng)))))
    }

    static func port(_ rng: inout SplitMix64) -> CiliumPort {
        let proto = rng.pick(CiliumProtocol.allCases)
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return CiliumPort(proto: proto, number: rng.pick([0, 53, 80, 8080, 65535]))
        case 1:
            let start = rng.pick([1, 53, 5000, 65500])
            return CiliumPort(proto: proto, number: start, endPort: min(65535, start + rng.pick([0, 27, 3000])))
        case 2: return CiliumPort(proto: proto, name: rng.pick(RandomCluster.portNames))
        default: return CiliumPort(proto: proto)
        }
    }

    static func selector(_ rng: inout SplitMix64, namespaces: [String]) -> CiliumSelector {
        if rng.chance(0.25) { return CiliumSelector(LabelSelector.everything) }
        var labels: [String: String] = [:]
        var expressions: [LabelRequirement] = []
        for _ in 0..<Int.random(in: 1...2, using: &rng) {
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: labels[rng.pick(["", "k8s:", "any:"]) + rng.pick(RandomCluster.keys)] = rng.pick(RandomCluster.values)
            case 1: labels["k8s:io.kubernetes.pod.namespace"] = rng.pick(namespaces)
            case 2: labels["io.cilium.k8s.namespace.labels." + rng.pick(RandomCluster.keys)] = rng.pick(RandomCluster.values)
            case 3: labels["io.cilium.k8s.policy.serviceaccount"] = rng.pick(accounts)
            case 4:
                let op = rng.pick(LabelRequirement.Operator.allCases)
                let values = op == .in || op == .notIn ? [rng.pick(RandomCluster.values)] : []
                expressions.append(LabelRequirement(key: rng.pick(["any:", ""]) + rng.pick(RandomCluster.keys), op: op, values: values))
            default:
                expressions.append(LabelRequirement(key: "io.kubernetes.pod.namespace", op: .notIn, values: [rng.pick(namespaces)]))
            }
        }
        return CiliumSelector(matchLabels: labels, matchExpressions: expressions)
    }
}
