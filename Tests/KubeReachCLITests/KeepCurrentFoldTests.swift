import KubeReachAnalysis
import KubeReachCore
import KubeReachRender
import KubeReachSynthetic
import KubeReachYAML
import Testing

/// `--keep-current` folds peers into namespaces or everything (`PeerCompaction`): on seeded
/// random and real-shaped clusters the folded plan passes its check, simulates exactly as
/// the plan with one peer per pair, survives the YAML round trip, and is smaller.
@Suite struct KeepCurrentFoldTests {
    static func plans(_ cluster: Cluster) -> (folded: LeastPrivilegePlan, plain: LeastPrivilegePlan) {
        let options = EvaluationOptions()
        let reach = Reachability(cluster: cluster, options: options)
        let intents = CurrentIntents.intents(reach)
        return (
            LeastPrivilegePlan(
                cluster: cluster, intents: intents, options: DefaultDenyOptions(), evaluation: options,
                current: CurrentIntents.rows(reach)),
            LeastPrivilegePlan(cluster: cluster, intents: intents, options: DefaultDenyOptions(), evaluation: options)
        )
    }

    static func peers(_ plan: LeastPrivilegePlan) -> Int {
        plan.policies.reduce(0) { n, g in n + (g.policy.ingress + g.policy.egress).reduce(0) { $0 + max(1, $1.peers.count) } }
    }

    static func check(_ cluster: Cluster, label: String) throws -> (folded: LeastPrivilegePlan, plain: LeastPrivilegePlan) {
        let (folded, plain) = Self.plans(cluster)
        let check = LeastPrivilegeCheck(plan: folded, cluster: cluster)
        #expect(check.passed, "\(label): \(check.differences)")
        let options = EvaluationOptions()
        let foldedEdges = Reachability(cluster: folded.alone(on: cluster), options: options).edges(level: .workload)
        #expect(foldedEdges == Reachability(cluster: plain.alone(on: cluster), options: options).edges(level: .workload), "\(label)")
        // The YAML, loaded back beside the pods, behaves as the folded plan's policies do.
        var pods = cluster
        pods.policies = []
        pods.adminPolicies = []
        let yaml = PolicyYAML.stream(folded.policies.map { ($0.policy, $0.reason) })
        pods.policies = try ManifestLoader.load([ManifestSource(name: "generated.yaml", bytes: Array(yaml.utf8))]).cluster.policies
        pods.addImplicitNamespaces()
        #expect(Reachability(cluster: pods, options: options).edges(level: .workload) == foldedEdges, "\(label)")
        #expect(Self.peers(folded) <= Self.peers(plain), "\(label)")
        return (folded, plain)
    }

    @Test(arguments: 1...16)
    func randomClusters(seed: Int) throws {
        let text = SyntheticCluster(size: .init(pods: 60, namespaces: 5, policies: 20), seed: UInt64(seed)).manifests()
        let cluster = try ManifestLoader.load([ManifestSource(name: "synthetic.yaml", bytes: Array(text.utf8))]).cluster
        _ = try Self.check(cluster, label: "seed \(seed)")
    }

    @Test(arguments: [1, 2, 3])
    func realShapedClusters(seed: Int) throws {
        let text = RealShapedCluster(workloads: 60, seed: UInt64(seed)).manifests()
        let cluster = try ManifestLoader.load([ManifestSource(name: "real.yaml", bytes: Array(text.utf8))]).cluster
        let (folded, plain) = try Self.check(cluster, label: "real-shaped seed \(seed)")
        // Open namespaces reach everything: a rule without peers, and far fewer peers in all.
        let rules = folded.policies.flatMap { $0.policy.ingress + $0.policy.egress }
        #expect(rules.contains { $0.peers.isEmpty })
        #expect(Self.peers(folded) * 4 < Self.peers(plain), "\(Self.peers(folded)) vs \(Self.peers(plain))")
    }
}
