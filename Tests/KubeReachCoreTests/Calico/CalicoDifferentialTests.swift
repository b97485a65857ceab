import KubeReachCore
import Testing

/// The engine against the naive Calico reference on seeded random clusters mixing Calico
/// policies, network sets and NetworkPolicies: every pod pair and every external address
/// interval, both ways.
@Suite struct CalicoDifferentialTests {
    static let seeds = Array(UInt64(1)...UInt64(220))

    @Test func engineEqualsReference() {
        var failures: [String] = []
        for seed in Self.seeds {
            let cluster = RandomCalicoCluster.make(seed: seed)
            let found = Self.mismatches(cluster)
            if !found.isEmpty {
                failures.append("seed \(seed) (\(found.count) mismatches):\n" + found.prefix(6).joined(separator: "\n"))
            }
            if failures.count >= 3 { break }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
    }

    /// The random clusters do exercise Calico: most of them hold an evaluated policy.
    @Test func clustersUseCalico() {
        let active = Self.seeds.filter { RandomCalicoCluster.make(seed: $0).isCalicoActive(staged: false) }
        #expect(active.count >= Self.seeds.count * 3 / 4)
    }

    static func mismatches(_ cluster: Cluster) -> [String] {
        let engine = Reachability(cluster: cluster)
        let ref = CalicoReference(cluster)
        let name = { (i: Int) in "pod\(i) \(cluster.pods[i].qualifiedName)" }
        var out = DifferentialTests.podPairMismatches(engine) { ref.connections(.pod($0), .pod($1)) }
        for address in ref.externalSamples() {
            guard let src = engine.externalSourceIndex(of: address), let dst = engine.externalDestinationIndex(of: address) else {
                continue
            }
            for i in cluster.pods.indices {
                let inE = engine.connections(fromExternal: src, toPod: i), inR = ref.connections(.external(address), .pod(i))
                if inE != inR { out.append("\(address) -> \(name(i)): engine \(inE), reference \(inR)") }
                let outE = engine.connections(fromPod: i, toExternal: dst), outR = ref.connections(.pod(i), .external(address))
                if outE != outR { out.append("\(name(i)) -> \(address): engine \(outE), reference \(outR)") }
            }
        }
        return out
    }
}
