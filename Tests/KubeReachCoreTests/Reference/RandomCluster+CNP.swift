import KubeReachCore
import KubeReachSynthetic

/// Seeded clusters mixing NetworkPolicies, v1alpha1 admin policies and v1alpha2
/// ClusterNetworkPolicies of both tiers: several Baselines, Pass in Baseline, `domainNames`,
/// peers that failed closed, and priorities shared with the ANPs (migration collisions).
extension RandomCluster {
    static func makeMixed(seed: UInt64) -> Cluster {
        var cluster = make(seed: seed)
        var rng = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 17)
        let admins = Int.random(in: 0...3, using: &rng), baselines = Int.random(in: 0...2, using: &rng)
        for i in 0..<admins { cluster.adminPolicies.append(clusterPolicy(&rng, name: "cnp\(i)", tier: .admin)) }
        for i in 0..<baselines { cluster.adminPolicies.append(clusterPolicy(&rng, name: "base\(i)", tier: .baseline)) }
        return cluster
    }

    static func clusterPolicy(_ rng: inout SplitMix64, name: String, tier: AdminNetworkPolicy.Tier) -> AdminNetworkPolicy {
        func rules(_ direction: PolicyDirection) -> [AdminRule] {
            (0..<Int.random(in: 0...3, using: &rng)).map { r in
                let action = rng.pick([AdminAction.allow, .deny, .pass])
                var peers = (0..<Int.random(in: 1...2, using: &rng)).map { _ in clusterPeer(&rng, direction: direction) }
                if rng.chance(0.08) { peers.append(.unrecognized(["futurePeer"])) }
                let addressPeer = peers.contains {
                    if case .pods = $0 { false } else { true }
                }
                let ports = (0..<Int.random(in: 0...2, using: &rng)).map { _ in adminPort(&rng) }.filter {
                    // The schema refuses a named port beside an address peer; v1alpha2 ranges have start < end.
                    switch $0 {
                    case .named: !addressPeer
                    case .range(_, let a, let b): a < b
                    case .number: true
                    }
                }
                return AdminRule(name: "\(direction.rawValue)-\(r)", action: action, peers: peers, ports: ports).failingClosed()
            }
        }
        return AdminNetworkPolicy(
            tier: tier, name: name, priority: rng.pick([1, 2, 7, 500]), subject: adminSelection(&rng), ingress: rules(.ingress),
            egress: rules(.egress), api: .v1alpha2)
    }

    static func clusterPeer(_ rng: inout SplitMix64, direction: PolicyDirection) -> AdminPeer {
        guard direction == .egress else { return .pods(adminSelection(&rng)) }
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: return .networks([try! CIDR.parse(rng.pick(v4Blocks + v6Blocks))])
        case 1: return .nodes(selector(&rng))
        case 2: return .domainNames([rng.pick(["example.com", "*.example.org"])])
        default: return .pods(adminSelection(&rng))
        }
    }
}
