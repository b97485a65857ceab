import KubeReachCore
import Testing

/// The engine against the naive Calico reference on seeded random clusters mixing Calico
/// policies, network sets and NetworkPolicies: every pod pair and every external address
/// interval, both ways.
@Suite struct CalicoDifferentialTests {
    static let seeds = Array(UInt64(1)...UInt64(220))

    @Test func engineEqualsReference() {
        let failures = DifferentialTests.seedFailures(Self.seeds) { Self.mismatches(RandomCalicoCluster.make(seed: $0)) }
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
        return DifferentialTests.podPairMismatches(engine) { ref.connections(.pod($0), .pod($1)) }
            + DifferentialTests.externalMismatches(engine, samples: ref.externalSamples(), reference: ref.connections)
    }
}

extension DifferentialTests {
    /// The first three seeds whose cluster shows mismatches, each with its first six.
    static func seedFailures(_ seeds: [UInt64], mismatches: (UInt64) -> [String]) -> [String] {
        var failures: [String] = []
        for seed in seeds {
            let found = mismatches(seed)
            if !found.isEmpty { failures.append("seed \(seed) (\(found.count) mismatches):\n" + found.prefix(6).joined(separator: "\n")) }
            if failures.count >= 3 { break }
        }
        return failures
    }
}

extension DifferentialTests {
    /// Every pod and sample address, both ways, where the engine and a reference differ.
    static func externalMismatches(_ engine: Reachability, samples: [IPAddress], reference: (RefEndpoint, RefEndpoint) -> ConnectionSet)
        -> [String]
    {
        let pods = engine.cluster.pods
        let name = { (i: Int) in "pod\(i) \(pods[i].qualifiedName)" }
        var out: [String] = []
        for address in samples {
            guard let src = engine.externalSourceIndex(of: address), let dst = engine.externalDestinationIndex(of: address) else {
                out.append("no engine range holds \(address)")
                continue
            }
            for i in pods.indices {
                let inE = engine.connections(fromExternal: src, toPod: i), inR = reference(.external(address), .pod(i))
                if inE != inR { out.append("\(address) -> \(name(i)): engine \(inE), reference \(inR)") }
                let outE = engine.connections(fromPod: i, toExternal: dst), outR = reference(.pod(i), .external(address))
                if outE != outR { out.append("\(name(i)) -> \(address): engine \(outE), reference \(outR)") }
            }
        }
        return out
    }
}
