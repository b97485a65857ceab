import KubeReachCore
import Testing

/// `Reachability.changes(without:)` (rows of the selected identities rebuilt) against a whole
/// new simulation of the cluster without the policy or rule, on seeded random clusters
/// (admin tiers, ipBlocks, named ports, hostNetwork pods included): the same answer for every
/// policy and every rule.
@Suite struct RemovalTests {
    /// Whether any pod pair, or pod and address of one of `base`'s external ranges, differs
    /// (`variant` has fewer boundaries, so each of `base`'s ranges lies inside one of its own).
    static func differs(_ base: Reachability, _ variant: Reachability) -> Bool {
        let pods = base.cluster.pods.indices
        for i in pods {
            for j in pods where base.connections(fromPod: i, toPod: j) != variant.connections(fromPod: i, toPod: j) { return true }
            for (k, range) in base.externalDestinations.enumerated() {
                let v = variant.externalDestinationIndex(of: IPAddress(family: range.family, value: range.lower))!
                if base.connections(fromPod: i, toExternal: k) != variant.connections(fromPod: i, toExternal: v) { return true }
            }
            for (k, range) in base.externalSources.enumerated() {
                let v = variant.externalSourceIndex(of: IPAddress(family: range.family, value: range.lower))!
                if base.connections(fromExternal: k, toPod: i) != variant.connections(fromExternal: v, toPod: i) { return true }
            }
        }
        return false
    }

    @Test(arguments: [(true, HostNetworkPolicy.bypass), (false, .apply)])
    func sameAnswerAsResimulating(matchPods: Bool, hostNetwork: HostNetworkPolicy) {
        let options = EvaluationOptions(ipBlockMatchesPods: matchPods, hostNetwork: hostNetwork)
        var checked = 0, unchanged = 0
        for seed in 1...300 as ClosedRange<UInt64> {
            let cluster = RandomCluster.make(seed: seed)
            let reach = Reachability(cluster: cluster, options: options)
            for (pi, policy) in cluster.policies.enumerated() {
                var removals: [(PolicyRemoval, Cluster)] = []
                var without = cluster
                without.policies.remove(at: pi)
                removals.append((.policy(pi), without))
                for direction in PolicyDirection.allCases where policy.affects(direction) {
                    for ri in policy.rules(direction).indices {
                        var variant = cluster
                        if direction == .ingress {
                            variant.policies[pi].ingress.remove(at: ri)
                        } else {
                            variant.policies[pi].egress.remove(at: ri)
                        }
                        removals.append((.rule(policy: pi, direction: direction, index: ri), variant))
                    }
                }
                // The variant may lose the only ipBlock of a family: keep the family in play.
                var variantOptions = options
                variantOptions.extraFamilies = Set((reach.externalSources + reach.externalDestinations).map(\.family))
                for (removal, variant) in removals {
                    let expected = Self.differs(reach, Reachability(cluster: variant, options: variantOptions))
                    #expect(reach.changes(without: removal) == expected, "seed \(seed) \(removal):\n\(ClusterDump.text(cluster))")
                    checked += 1
                    if !expected { unchanged += 1 }
                }
            }
        }
        #expect(checked > 1_000 && unchanged > 50, "\(checked) removals, \(unchanged) without effect")
    }
}
