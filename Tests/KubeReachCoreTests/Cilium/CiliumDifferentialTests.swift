import KubeReachCore
import Testing

/// The engine against the naive Cilium reference on seeded random clusters mixing CNPs,
/// CCNPs and NetworkPolicies: every pod pair and every external address interval, both ways.
@Suite struct CiliumDifferentialTests {
    static let seeds = Array(UInt64(1)...UInt64(200))

    @Test func engineEqualsReference() {
        let failures = DifferentialTests.seedFailures(Self.seeds) { Self.mismatches(RandomCiliumCluster.make(seed: $0)) }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
    }

    /// The engine and the reference at every pair; mismatches as readable lines.
    static func mismatches(_ cluster: Cluster) -> [String] {
        let engine = Reachability(cluster: cluster)
        let ref = CiliumReference(cluster)
        return DifferentialTests.podPairMismatches(engine) { ref.connections(.pod($0), .pod($1)) }
            + DifferentialTests.externalMismatches(engine, samples: ref.externalSamples(), reference: ref.connections)
    }
}

extension DifferentialTests {
    /// Every pod pair where the engine and a reference differ, as readable lines.
    static func podPairMismatches(_ engine: Reachability, reference: (Int, Int) -> ConnectionSet) -> [String] {
        let pods = engine.cluster.pods
        var out: [String] = []
        for i in pods.indices {
            for j in pods.indices {
                let e = engine.connections(fromPod: i, toPod: j), r = reference(i, j)
                if e != r {
                    out.append("pod\(i) \(pods[i].qualifiedName) -> pod\(j) \(pods[j].qualifiedName): engine \(e), reference \(r)")
                }
            }
        }
        return out
    }
}
