import KubeReachCore
import Testing

/// The fast engine against the naive reference on seeded random clusters: every pod pair,
/// every external address interval, in both directions, for each evaluation choice.
@Suite struct DifferentialTests {
    static let seeds = Array(UInt64(1)...UInt64(250))

    @Test(arguments: [(true, HostNetworkPolicy.bypass), (false, .apply)])
    func engineEqualsReference(matchPods: Bool, hostNetwork: HostNetworkPolicy) {
        var mismatches: [String] = []
        for seed in Self.seeds {
            let cluster = RandomCluster.make(seed: seed)
            let options = EvaluationOptions(ipBlockMatchesPods: matchPods, hostNetwork: hostNetwork)
            let engine = Reachability(cluster: cluster, options: options)
            let ref = ReferenceEvaluator(cluster, ipBlockMatchesPods: matchPods, hostNetworkBypass: hostNetwork == .bypass)
            let n = cluster.pods.count
            for i in 0..<n {
                for j in 0..<n {
                    let e = engine.connections(fromPod: i, toPod: j), r = ref.connections(.pod(i), .pod(j))
                    if e != r { mismatches.append("seed \(seed) pod\(i)->pod\(j): engine \(e.description), reference \(r.description)") }
                }
            }
            let families = Set(engine.externalDestinations.map(\.family) + engine.externalSources.map(\.family))
            for address in ref.externalSamples(families: families) {
                guard let src = engine.externalSourceIndex(of: address), let dst = engine.externalDestinationIndex(of: address) else {
                    mismatches.append("seed \(seed): no atom for \(address)")
                    continue
                }
                for i in 0..<n {
                    let inE = engine.connections(fromExternal: src, toPod: i), inR = ref.connections(.external(address), .pod(i))
                    if inE != inR { mismatches.append("seed \(seed) \(address)->pod\(i): engine \(inE.description), reference \(inR.description)") }
                    let outE = engine.connections(fromPod: i, toExternal: dst), outR = ref.connections(.pod(i), .external(address))
                    if outE != outR { mismatches.append("seed \(seed) pod\(i)->\(address): engine \(outE.description), reference \(outR.description)") }
                }
            }
            if mismatches.count > 20 { break }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).joined(separator: "\n"))")
    }

    /// Atoms are sorted, disjoint and cover each family in play.
    @Test func atomsPartitionTheAddressSpace() {
        for seed in Self.seeds.prefix(100) {
            let engine = Reachability(cluster: RandomCluster.make(seed: seed))
            for atoms in [engine.externalSources, engine.externalDestinations] {
                for family in Set(atoms.map(\.family)) {
                    let mine = atoms.filter { $0.family == family }
                    #expect(mine.first?.lower == 0)
                    #expect(mine.last?.upper == family.maxValue)
                    for (a, b) in zip(mine, mine.dropFirst()) { #expect(a.upper + 1 == b.lower, "seed \(seed)") }
                }
                #expect(atoms == atoms.sorted())
            }
        }
    }

    /// Pod-level edges are exactly the non-empty reference pairs of distinct pods.
    @Test func podLevelEdgesEqualReferencePairs() {
        for seed in Self.seeds.prefix(120) {
            let cluster = RandomCluster.make(seed: seed)
            let engine = Reachability(cluster: cluster)
            let ref = ReferenceEvaluator(cluster)
            var expected: [String: ConnectionSet] = [:]
            for i in cluster.pods.indices {
                for j in cluster.pods.indices where i != j {
                    let c = ref.connections(.pod(i), .pod(j))
                    if !c.isEmpty { expected["\(cluster.pods[i].qualifiedName) => \(cluster.pods[j].qualifiedName)"] = c }
                }
            }
            var actual: [String: ConnectionSet] = [:]
            for e in engine.edges(level: .pod) where !e.source.hasSuffix("[External]") && !e.destination.hasSuffix("[External]") {
                actual["\(e.source) => \(e.destination)"] = e.connections
            }
            #expect(actual == expected, "seed \(seed)")
        }
    }
}
