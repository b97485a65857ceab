import KubeReachCore
import Testing

/// The one tier engine against the reference on 250 seeded clusters that mix
/// NetworkPolicies, AdminNetworkPolicies/BANPs and ClusterNetworkPolicies of both tiers
/// (Docs/semantics.md §8, §9), and the explainer against the engine on the same clusters.
@Suite struct TieredDifferentialTests {
    static let seeds = Array(UInt64(1)...UInt64(250))

    @Test(arguments: [(true, HostNetworkPolicy.bypass), (false, .apply)])
    func engineEqualsReferenceWithBothAPIVersions(matchPods: Bool, hostNetwork: HostNetworkPolicy) {
        var failures: [String] = []
        var withCNP = 0
        for seed in Self.seeds {
            let cluster = RandomCluster.makeMixed(seed: seed)
            if cluster.adminPolicies.contains(where: { $0.api == .v1alpha2 }) { withCNP += 1 }
            let found = DifferentialTests.mismatches(cluster, EvaluationOptions(ipBlockMatchesPods: matchPods, hostNetwork: hostNetwork))
            if !found.isEmpty {
                failures.append(
                    "seed \(seed) (\(found.count) mismatches):\n" + found.prefix(8).joined(separator: "\n") + "\ncluster:\n"
                        + ClusterDump.text(cluster))
            }
            if failures.count >= 3 { break }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
        // The generator must really mix the versions, or the comparison proves little.
        #expect(withCNP >= 150, "only \(withCNP) clusters hold a ClusterNetworkPolicy")
    }

    @Test func explainerEqualsEngineWithBothAPIVersions() {
        for seed in Self.seeds.prefix(120) {
            let cluster = RandomCluster.makeMixed(seed: seed)
            let engine = Reachability(cluster: cluster)
            let explainer = Explainer(cluster: cluster)
            for i in cluster.pods.indices {
                for j in cluster.pods.indices {
                    let e = explainer.explain(.pod(i), .pod(j), sourceName: "s", destinationName: "d").allowed
                    #expect(e == engine.connections(fromPod: i, toPod: j), "seed \(seed) pod\(i) -> pod\(j)\n\(ClusterDump.text(cluster))")
                }
                for (x, range) in engine.externalDestinations.enumerated() {
                    let e = explainer.explain(.pod(i), .external(range.first), sourceName: "s", destinationName: "d").allowed
                    #expect(e == engine.connections(fromPod: i, toExternal: x), "seed \(seed) pod\(i) -> \(range)")
                }
            }
        }
    }
}
