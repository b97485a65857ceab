import KubeReachAnalysis
import KubeReachCore
import KubeReachRender
import KubeReachSynthetic
import KubeReachYAML
import Testing

/// The property behind `generate least-privilege`: on seeded random clusters, a random
/// subset of today's workload edges (with random ports, and some external ranges) as the
/// intent → generated policies → YAML → loaded back → simulated allows exactly the intent
/// plus DNS, or the superset the plan reports.
@Suite struct LeastPrivilegeRoundTripTests {
    static let size = SyntheticCluster.Size(pods: 60, namespaces: 5, policies: 20)

    static func load(_ text: String) throws -> Cluster {
        try ManifestLoader.load([ManifestSource(name: "synthetic.yaml", bytes: Array(text.utf8))]).cluster
    }

    /// A random intent from the current edges: about a third of them, each with one to
    /// three random port entries (single ports, ranges or a whole protocol).
    static func randomIntents(_ reach: Reachability, rng: inout SplitMix64) -> [Intent] {
        var out: [Intent] = []
        for e in reach.edges(level: .workload) where rng.chance(0.3) {
            guard case .workload(let s) = e.source, case .workload(let d) = e.destination else { continue }
            var c = ConnectionSet.none
            for _ in 0...rng.below(3) {
                let proto = [NetworkProtocol.tcp, .udp, .sctp][rng.below(3)]
                let lo = 1 + rng.below(65535)
                switch rng.below(4) {
                case 0: c = c.union(ConnectionSet(proto, PortSet(range: lo...min(65535, lo + rng.below(200)))))
                case 1: c = c.union(ConnectionSet(proto, .all))
                default: c = c.union(ConnectionSet(proto, PortSet(port: [8080, 8081, 8082, 9090, 5432, 50051, lo][rng.below(7)])))
                }
            }
            out.append(Intent(source: .workload(s), destination: .workload(d), connections: c, origins: ["seed"]))
        }
        // A few external peers, some overlapping pod IPs (10.0.0.0/8 holds them all).
        let names = Array(Set(reach.cluster.pods.map(\.workload))).sorted()
        for cidr in ["10.0.0.0/8", "203.0.113.0/24", "0.0.0.0/0"] where !names.isEmpty {
            let w = names[rng.below(names.count)], r = try! CIDR.parse(cidr).range
            let c = ConnectionSet(.tcp, PortSet(port: 443))
            out.append(
                rng.chance(0.5)
                    ? Intent(source: .workload(w), destination: .external(r), connections: c, origins: ["seed"])
                    : Intent(source: .external(r), destination: .workload(w), connections: c, origins: ["seed"]))
        }
        return out
    }

    @Test(arguments: 1...24)
    func generatedPoliciesAllowExactlyTheIntent(seed: Int) throws {
        let cluster = try Self.load(SyntheticCluster(size: Self.size, seed: UInt64(seed)).manifests())
        let options = EvaluationOptions()
        var rng = SplitMix64(seed: UInt64(seed) &* 7919)
        let intents = Self.randomIntents(Reachability(cluster: cluster, options: options), rng: &rng)
        let plan = LeastPrivilegePlan(cluster: cluster, intents: intents, options: DefaultDenyOptions(), evaluation: options)
        let check = LeastPrivilegeCheck(plan: plan, cluster: cluster)
        #expect(check.passed, "seed \(seed): \(check.differences)")

        // The YAML, loaded back beside the pods, behaves as the plan's policies do.
        var pods = cluster
        pods.policies = []
        pods.adminPolicies = []
        let yaml = PolicyYAML.stream(plan.policies.map { ($0.policy, $0.reason) })
        let loaded = try ManifestLoader.load([ManifestSource(name: "generated.yaml", bytes: Array(yaml.utf8))]).cluster
        var fromYAML = pods
        fromYAML.policies = loaded.policies
        fromYAML.addImplicitNamespaces()
        let viaYAML = Reachability(cluster: fromYAML, options: options).edges(level: .workload)
        #expect(viaYAML == Reachability(cluster: plan.alone(on: cluster), options: options).edges(level: .workload), "seed \(seed)")

        // Every intended workload pair is allowed at least what was asked, directly.
        let edges = Dictionary(viaYAML.map { ("\($0.source) => \($0.destination)", $0.connections) }, uniquingKeysWith: { a, _ in a })
        for i in plan.intents {
            guard case .workload(let s) = i.source, case .workload(let d) = i.destination else { continue }
            let got = edges["\(s) => \(d)"] ?? .none
            #expect(
                i.connections.isSubset(of: got), "seed \(seed): \(s) => \(d) wants \(i.connections.description), gets \(got.description)")
        }
        // Anything beyond the intent is explained by a shared selector.
        if !check.superset.added.isEmpty || !check.superset.changed.isEmpty { #expect(!plan.supersets.isEmpty, "seed \(seed)") }
    }
}
