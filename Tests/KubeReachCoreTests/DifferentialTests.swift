import KubeReachCore
import Testing

/// The fast engine against the naive reference on seeded random clusters: every pod pair,
/// every external address interval, in both directions, for each evaluation choice.
@Suite struct DifferentialTests {
    static let seeds = Array(UInt64(1)...UInt64(250))

    /// Both values of each plugin choice are covered (ipBlock-matches-pods on/off, hostNetwork
    /// bypass/apply); the four combinations would double the run time for little gain.
    @Test(arguments: [(true, HostNetworkPolicy.bypass), (false, .apply)])
    func engineEqualsReference(matchPods: Bool, hostNetwork: HostNetworkPolicy) {
        var failures: [String] = []
        for seed in Self.seeds {
            let cluster = RandomCluster.make(seed: seed)
            let options = EvaluationOptions(ipBlockMatchesPods: matchPods, hostNetwork: hostNetwork)
            let found = Self.mismatches(cluster, options)
            if !found.isEmpty {
                failures.append(
                    "seed \(seed) (\(found.count) mismatches):\n" + found.prefix(8).joined(separator: "\n")
                        + "\ncluster:\n" + ClusterDump.text(cluster))
            }
            if failures.count >= 3 { break }  // enough to debug, short enough to read
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
    }

    /// Every mismatch between engine and reference in one cluster, as readable lines.
    static func mismatches(_ cluster: Cluster, _ options: EvaluationOptions) -> [String] {
        let engine = Reachability(cluster: cluster, options: options)
        let ref = ReferenceEvaluator(
            cluster, ipBlockMatchesPods: options.ipBlockMatchesPods, hostNetworkBypass: options.hostNetwork == .bypass)
        let name = { (i: Int) in "pod\(i) \(cluster.pods[i].qualifiedName)" }
        var out = podPairMismatches(engine) { ref.connections(.pod($0), .pod($1)) }
        let n = cluster.pods.count
        // Both ends of every elementary interval of the reference's own cuts, looked up in
        // the engine's atoms by a linear scan (not the engine's index).
        for address in ref.externalSamples(families: Self.familiesInPlay(cluster)) {
            guard let src = atom(engine.externalSources, holding: address),
                let dst = atom(engine.externalDestinations, holding: address)
            else {
                out.append("no engine atom holds \(address)")
                continue
            }
            for i in 0..<n {
                let inE = engine.connections(fromExternal: src, toPod: i), inR = ref.connections(.external(address), .pod(i))
                if inE != inR {
                    out.append(
                        "\(address) (atom \(engine.externalSources[src])) -> \(name(i)): engine \(inE.description), reference \(inR.description)"
                    )
                }
                let outE = engine.connections(fromPod: i, toExternal: dst), outR = ref.connections(.pod(i), .external(address))
                if outE != outR {
                    out.append(
                        "\(name(i)) -> \(address) (atom \(engine.externalDestinations[dst])): engine \(outE.description), reference \(outR.description)"
                    )
                }
            }
        }
        return out
    }

    static func atom(_ atoms: [IPRange], holding a: IPAddress) -> Int? {
        atoms.firstIndex { $0.family == a.family && $0.lower <= a.value && a.value <= $0.upper }
    }

    /// IPv4 always; IPv6 when a pod IP or any ipBlock CIDR/except is IPv6.
    static func familiesInPlay(_ cluster: Cluster) -> Set<IPFamily> {
        var families: Set<IPFamily> = [.v4]
        for pod in cluster.pods { families.formUnion(pod.ips.map(\.family)) }
        for policy in cluster.policies {
            for rule in policy.ingress + policy.egress {
                for case .ipBlock(let b) in rule.peers { families.formUnion(([b.cidr] + b.except).map(\.address.family)) }
            }
        }
        for rule in cluster.adminPolicies.flatMap(\.egress) {
            for peer in rule.peers {
                if case .networks(let cidrs) = peer { families.formUnion(cidrs.map(\.address.family)) }
                if case .nodes = peer { families.formUnion(cluster.nodes.flatMap(\.addresses).map(\.family)) }
            }
        }
        return families
    }

    /// Atoms are sorted, disjoint, and cover exactly the families in play.
    @Test func atomsPartitionTheAddressSpace() {
        for seed in Self.seeds.prefix(100) {
            let cluster = RandomCluster.make(seed: seed)
            let engine = Reachability(cluster: cluster)
            let expected = Self.familiesInPlay(cluster)
            for atoms in [engine.externalSources, engine.externalDestinations] {
                #expect(Set(atoms.map(\.family)) == expected, "seed \(seed)")
                for family in expected {
                    let mine = atoms.filter { $0.family == family }
                    #expect(mine.first?.lower == 0, "seed \(seed) \(family)")
                    #expect(mine.last?.upper == family.maxValue, "seed \(seed) \(family)")
                    for (a, b) in zip(mine, mine.dropFirst()) { #expect(a.upper &+ 1 == b.lower, "seed \(seed): \(a) then \(b)") }
                }
                #expect(atoms == atoms.sorted(), "seed \(seed)")
            }
        }
    }

    /// Workload-level edges are the unions of the reference pairs of distinct pods, a
    /// workload to itself included when two of its pods (replicas) may connect.
    @Test func workloadLevelEdgesEqualReferencePairs() {
        checkPairs(level: .workload) { "\($0.workload)" }
    }

    /// Pod-level edges are exactly the non-empty reference pairs of distinct pods.
    @Test func podLevelEdgesEqualReferencePairs() {
        checkPairs(level: .pod) { $0.qualifiedName }
    }

    /// The engine's edges between groups (no external ranges) at `level` equal the unions
    /// of the reference evaluator's pairs of distinct pods, grouped by `group`.
    func checkPairs(level: AggregationLevel, group: (Pod) -> String) {
        for seed in Self.seeds.prefix(120) {
            let cluster = RandomCluster.make(seed: seed)
            let engine = Reachability(cluster: cluster)
            let ref = ReferenceEvaluator(cluster)
            var expected: [String: ConnectionSet] = [:]
            for i in cluster.pods.indices {
                for j in cluster.pods.indices where i != j {
                    let c = ref.connections(.pod(i), .pod(j))
                    let key = "\(group(cluster.pods[i])) => \(group(cluster.pods[j]))"
                    if !c.isEmpty { expected[key] = (expected[key] ?? .none).union(c) }
                }
            }
            var actual: [String: ConnectionSet] = [:]
            for e in engine.edges(level: level) where !e.source.isExternal && !e.destination.isExternal {
                actual["\(e.source) => \(e.destination)"] = e.connections
            }
            #expect(actual == expected, "seed \(seed)\n\(ClusterDump.text(cluster))")
        }
    }
}
