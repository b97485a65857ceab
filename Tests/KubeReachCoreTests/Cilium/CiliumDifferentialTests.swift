import KubeReachCore
import Testing

/// The engine against the naive Cilium reference on seeded random clusters mixing CNPs,
/// CCNPs and NetworkPolicies: every pod pair and every external address interval, both ways.
@Suite struct CiliumDifferentialTests {
    static let seeds = Array(UInt64(1)...UInt64(200))

    @Test func engineEqualsReference() {
        var failures: [String] = []
        for seed in Self.seeds {
            let cluster = RandomCiliumCluster.make(seed: seed)
            let found = Self.mismatches(cluster)
            if !found.isEmpty {
                failures.append("seed \(seed) (\(found.count) mismatches):\n" + found.prefix(6).joined(separator: "\n"))
            }
            if failures.count >= 3 { break }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
    }

    /// The engine and the reference at every pair; mismatches as readable lines.
    static func mismatches(_ cluster: Cluster) -> [String] {
        let engine = Reachability(cluster: cluster)
        let ref = CiliumReference(cluster)
        let name = { (i: Int) in "pod\(i) \(cluster.pods[i].qualifiedName)" }
        var out = DifferentialTests.podPairMismatches(engine) { ref.connections(.pod($0), .pod($1)) }
        let n = cluster.pods.count
        for address in ref.externalSamples() {
            guard let src = engine.externalSourceIndex(of: address), let dst = engine.externalDestinationIndex(of: address) else {
                out.append("no engine range holds \(address)")
                continue
            }
            for i in 0..<n {
                let inE = engine.connections(fromExternal: src, toPod: i), inR = ref.connections(.external(address), .pod(i))
                if inE != inR { out.append("\(address) -> \(name(i)): engine \(inE), reference \(inR)") }
                let outE = engine.connections(fromPod: i, toExternal: dst), outR = ref.connections(.pod(i), .external(address))
                if outE != outR { out.append("\(name(i)) -> \(address): engine \(outE), reference \(outR)") }
            }
        }
        return out
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
