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
            // Admin policies: input order never matters (priority, then name, decides);
            // their rule order does, so it is kept.
            shuffled.adminPolicies.shuffle(using: &rng)
            shuffled.nodes.shuffle(using: &rng)
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
    /// Adding a policy never adds a connection between pods that were not isolated — when
    /// no BANP exists (a NetworkPolicy that isolates a pod takes over from the BANP, which
    /// may have denied more).
    @Test func newPolicyNeverWidensUnisolatedPods() {
        for seed in UInt64(1)...80 {
            var cluster = RandomCluster.make(seed: seed)
            cluster.adminPolicies.removeAll { $0.tier == .baseline }
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
            cluster.adminPolicies = []
            for ns in cluster.namespaces {
                cluster.policies.append(NetworkPolicy(namespace: ns.name, name: "deny-all", policyTypes: [.ingress, .egress]))
            }
            let reach = Reachability(cluster: cluster, options: EvaluationOptions(hostNetwork: .apply))
            let edges = reach.edges(level: .pod)
            #expect(
                edges.isEmpty, "seed \(seed): \(edges.count) edges, first \(edges.first.map { "\($0.source) => \($0.destination)" } ?? "")")
            for i in cluster.pods.indices { #expect(reach.connections(fromPod: i, toPod: i) == .all) }
        }
    }
}

/// The ANP tier decides before everything else.
@Suite struct AdminTierInvariantTests {
    static let everyone = AdminSelection.namespaces(.everything)
    static let everywhere = AdminPeer.networks([try! CIDR.parse("0.0.0.0/0"), try! CIDR.parse("::/0")])

    /// A priority-0 ANP denying every peer in both directions leaves only self traffic,
    /// whatever the NetworkPolicies, other ANPs and BANP say.
    @Test func denyAllAtPriorityZeroWins() {
        for seed in UInt64(1)...60 {
            var cluster = RandomCluster.make(seed: seed)
            cluster.adminPolicies.append(
                AdminNetworkPolicy(
                    tier: .admin, name: "aaa-deny-all", priority: 0, subject: Self.everyone,
                    ingress: [AdminRule(name: "in", action: .deny, peers: [.pods(Self.everyone)])],
                    egress: [AdminRule(name: "out", action: .deny, peers: [.pods(Self.everyone), Self.everywhere])]))
            let edges = Reachability(cluster: cluster, options: EvaluationOptions(hostNetwork: .apply)).edges(level: .pod)
            // External sources are not admin peers in ingress: only they may still reach pods.
            let leaks = edges.filter { !$0.source.isExternal }
            #expect(leaks.isEmpty, "seed \(seed): \(leaks.first.map { "\($0.source) => \($0.destination)" } ?? "")")
        }
    }

    /// A priority-0 ANP that passes everything gives the cluster without ANPs: Pass skips
    /// the whole ANP tier, lower priorities included.
    @Test func passAllAtPriorityZeroSkipsTheAdminTier() {
        for seed in UInt64(1)...60 {
            let cluster = RandomCluster.make(seed: seed)
            var passing = cluster
            passing.adminPolicies.append(
                AdminNetworkPolicy(
                    tier: .admin, name: "aaa-pass-all", priority: 0, subject: Self.everyone,
                    ingress: [AdminRule(name: "in", action: .pass, peers: [.pods(Self.everyone)])],
                    // 0.0.0.0/0 cuts no atom (`::/0` would add the IPv6 family to the output).
                    egress: [
                        AdminRule(name: "out", action: .pass, peers: [.pods(Self.everyone), .networks([try! CIDR.parse("0.0.0.0/0")])])
                    ]))
            var withoutANPs = cluster
            withoutANPs.adminPolicies.removeAll { $0.tier == .admin }
            let a = Reachability(cluster: passing), b = Reachability(cluster: withoutANPs)
            for i in cluster.pods.indices {
                for j in cluster.pods.indices {
                    #expect(a.connections(fromPod: i, toPod: j) == b.connections(fromPod: i, toPod: j), "seed \(seed) pod\(i) -> pod\(j)")
                }
                // The two sides cut external ranges differently: compare address by address.
                for address in ReferenceEvaluator(passing).externalSamples(families: [.v4]) {
                    guard let x = a.externalDestinationIndex(of: address), let y = b.externalDestinationIndex(of: address) else { continue }
                    #expect(
                        a.connections(fromPod: i, toExternal: x) == b.connections(fromPod: i, toExternal: y),
                        "seed \(seed) pod\(i) -> \(address)")
                }
            }
        }
    }
}

/// `--assume-default-deny` only ever removes connections, and leaves exactly what the
/// existing rules allow between isolated pods.
@Suite struct AssumedDefaultDenyTests {
    @Test func neverAddsAConnection() {
        for seed in UInt64(1)...60 {
            let cluster = RandomCluster.make(seed: seed)
            let before = Dictionary(
                Reachability(cluster: cluster).edges(level: .pod).map { ("\($0.source)>\($0.destination)", $0.connections) },
                uniquingKeysWith: { a, _ in a })
            for e in Reachability(cluster: cluster.addingDefaultDeny()).edges(level: .pod) {
                let old = before["\(e.source)>\(e.destination)"]
                #expect(
                    old.map { e.connections.isSubset(of: $0) } ?? false, "seed \(seed): \(e.source) => \(e.destination) appeared or widened"
                )
            }
        }
    }
}
