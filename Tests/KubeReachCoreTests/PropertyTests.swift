import KubeReachCore
import KubeReachSynthetic
import Testing

/// Results do not depend on the order of pods, policies or rules.
@Suite struct OrderInvarianceTests {
    @Test func shufflingChangesNothing() {
        for seed in UInt64(1)...60 {
            let cluster = RandomCluster.make(seed: seed)
            var rng = SplitMix64(seed: seed &* 7919)
            var shuffled = cluster
            shuffled.pods.shuffle(using: &rng)
            shuffled.policies.shuffle(using: &rng)
            for i in shuffled.policies.indices {
                shuffled.policies[i].ingress.shuffle(using: &rng)
                shuffled.policies[i].egress.shuffle(using: &rng)
            }
            shuffled.namespaces.shuffle(using: &rng)
            for level in AggregationLevel.allCases {
                let a = Reachability(cluster: cluster).edges(level: level)
                let b = Reachability(cluster: shuffled).edges(level: level)
                #expect(a == b, "seed \(seed) level \(level)")
            }
        }
    }

    /// Adding an allow rule never removes a connection (policies only add).
    @Test func addingAnAllowRuleOnlyAdds() {
        for seed in UInt64(1)...60 {
            var cluster = RandomCluster.make(seed: seed)
            guard !cluster.policies.isEmpty else { continue }
            let before = Set(Reachability(cluster: cluster).edges(level: .pod).map { "\($0.source)>\($0.destination)" })
            cluster.policies[0].ingress.append(PolicyRule(peers: [], ports: [PolicyPort(proto: .tcp, port: .number(443))]))
            let after = Reachability(cluster: cluster).edges(level: .pod)
            let afterKeys = Set(after.map { "\($0.source)>\($0.destination)" })
            #expect(before.isSubset(of: afterKeys), "seed \(seed)")
        }
    }
}

/// Engine invariants on seeded random clusters.
@Suite struct EngineInvariantTests {
    /// Adding a policy never adds a connection between pods that were not isolated.
    @Test func newPolicyNeverWidensUnisolatedPods() {
        for seed in UInt64(1)...80 {
            let cluster = RandomCluster.make(seed: seed)
            var rng = SplitMix64(seed: seed &+ 1000)
            let before = Reachability(cluster: cluster)
            var changed = cluster
            changed.policies.append(RandomCluster.policy(&rng, index: 99, namespaces: cluster.namespaces.map(\.name)))
            let after = Reachability(cluster: changed)
            for i in cluster.pods.indices where !before.isIsolated(pod: i, .ingress) && !before.isIsolated(pod: i, .egress) {
                for j in cluster.pods.indices where !before.isIsolated(pod: j, .ingress) && !before.isIsolated(pod: j, .egress) {
                    #expect(after.connections(fromPod: i, toPod: j).isSubset(of: before.connections(fromPod: i, toPod: j)), "seed \(seed)")
                }
            }
        }
    }

    /// Default deny as the only policy of every namespace (applied to hostNetwork pods too)
    /// leaves only self traffic, which is never listed.
    @Test func defaultDenyEverywhereLeavesOnlySelfTraffic() {
        for seed in UInt64(1)...80 {
            var cluster = RandomCluster.make(seed: seed)
            cluster.addImplicitNamespaces()
            cluster.policies = []
            for ns in cluster.namespaces {
                cluster.policies.append(NetworkPolicy(namespace: ns.name, name: "deny-all", policyTypes: [.ingress, .egress]))
            }
            let reach = Reachability(cluster: cluster, options: EvaluationOptions(hostNetwork: .apply))
            let edges = reach.edges(level: .pod)
            #expect(edges.isEmpty, "seed \(seed): \(edges.count) edges, first \(edges.first.map { "\($0.source) => \($0.destination)" } ?? "")")
            for i in cluster.pods.indices { #expect(reach.connections(fromPod: i, toPod: i) == .all) }
        }
    }
}

/// `--assume-default-deny` only ever removes connections, and leaves exactly what the
/// existing rules allow between isolated pods.
@Suite struct AssumedDefaultDenyTests {
    @Test func neverAddsAConnection() {
        for seed in UInt64(1)...60 {
            let cluster = RandomCluster.make(seed: seed)
            let before = Dictionary(Reachability(cluster: cluster).edges(level: .pod).map { ("\($0.source)>\($0.destination)", $0.connections) }, uniquingKeysWith: { a, _ in a })
            for e in Reachability(cluster: cluster.addingDefaultDeny()).edges(level: .pod) {
                let old = before["\(e.source)>\(e.destination)"]
                #expect(old.map { e.connections.isSubset(of: $0) } ?? false, "seed \(seed): \(e.source) => \(e.destination) appeared or widened")
            }
        }
    }
}
