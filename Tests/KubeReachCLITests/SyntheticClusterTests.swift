import KubeReachCore
import KubeReachSynthetic
import KubeReachYAML
import Testing

/// The benchmark generator is deterministic, loads cleanly, and has the requested size.
@Suite struct SyntheticClusterTests {
    let size = SyntheticCluster.Size(pods: 300, namespaces: 12, policies: 60)

    @Test func sameSeedSameManifests() {
        #expect(SyntheticCluster(size: size, seed: 7).manifests() == SyntheticCluster(size: size, seed: 7).manifests())
        #expect(SyntheticCluster(size: size, seed: 7).manifests() != SyntheticCluster(size: size, seed: 8).manifests())
    }

    @Test func loadsWithoutErrorsAtTheRequestedSize() throws {
        let text = SyntheticCluster(size: size).manifests()
        let r = try ManifestLoader.load([ManifestSource(name: "synthetic.yaml", bytes: Array(text.utf8))])
        #expect(r.cluster.pods.count == 301)  // plus the DNS deployment
        #expect(r.cluster.policies.count == 60)
        #expect(r.cluster.namespaces.count == 13)
        #expect(!r.diagnostics.contains { $0.severity == .error })
        let reach = Reachability(cluster: r.cluster)
        #expect(!reach.edges(level: .workload).isEmpty)
        #expect(reach.workloadConflicts().isEmpty)
    }

    /// `synth --profile real`: exactly the workloads asked for, no diagnostic at all (the
    /// `replicas` fields included), policies on most of them, namespaces without any.
    @Test func realShapedClusterLoadsCleanly() throws {
        let text = RealShapedCluster(workloads: 200).manifests()
        #expect(text == RealShapedCluster(workloads: 200).manifests())
        let r = try ManifestLoader.load([ManifestSource(name: "real.yaml", bytes: Array(text.utf8))])
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
        #expect(Set(r.cluster.pods.map(\.workload)).count == 200)
        #expect(r.cluster.policies.count > 120 && r.cluster.policies.count < 200)
        let withPolicies = Set(r.cluster.policies.map(\.namespace))
        #expect(r.cluster.namespaces.contains { !withPolicies.contains($0.name) && $0.name != "kube-system" })
        #expect(text.contains("egress: [{}]") && text.contains("namespaceSelector: {}") && text.contains("replicas: "))
    }

    @Test func adminPoliciesLoadAndChangeTheAnswer() throws {
        var withAdmin = size
        withAdmin.adminPolicies = 8
        let text = SyntheticCluster(size: withAdmin).manifests()
        let r = try ManifestLoader.load([ManifestSource(name: "synthetic.yaml", bytes: Array(text.utf8))])
        #expect(r.cluster.adminPolicies.count == 9)  // plus the baseline
        #expect(!r.cluster.orderedBaselinePolicies.isEmpty)
        #expect(!r.diagnostics.contains { $0.severity == .error })
        var plain = r.cluster
        plain.adminPolicies = []
        #expect(Reachability(cluster: r.cluster).edges(level: .workload) != Reachability(cluster: plain).edges(level: .workload))
    }

    @Test func benchCommandReportsEveryPhase() {
        let run = runCLI(["bench", "--pods", "200", "--namespaces", "10", "--policies", "40"])
        #expect(run.status == 0, "\(run.err)")
        for phase in ["load", "compile", "matrix by workload", "list --by pod -o json", "total"] {
            #expect(run.out.contains(phase))
        }
    }
}

/// Parallel row building and sweeping give exactly the single-worker results.
@Suite struct ParallelEquivalenceTests {
    @Test func parallelEqualsSerial() throws {
        let text = SyntheticCluster(size: .init(pods: 1500, namespaces: 40, policies: 600), seed: 3).manifests()
        let cluster = try ManifestLoader.load([ManifestSource(name: "s.yaml", bytes: Array(text.utf8))]).cluster
        var serial = EvaluationOptions()
        serial.parallel = false
        let a = Reachability(cluster: cluster), b = Reachability(cluster: cluster, options: serial)
        #expect(a.rowCountForReport > 128, "enough rows for two workers")
        for level in AggregationLevel.allCases { #expect(a.edges(level: level) == b.edges(level: level), "\(level)") }
    }

    @Test func parallelEqualsSerialWithAdminPolicies() throws {
        let text = SyntheticCluster(size: .init(pods: 1500, namespaces: 40, policies: 600, adminPolicies: 12), seed: 5).manifests()
        let cluster = try ManifestLoader.load([ManifestSource(name: "s.yaml", bytes: Array(text.utf8))]).cluster
        var serial = EvaluationOptions()
        serial.parallel = false
        let a = Reachability(cluster: cluster), b = Reachability(cluster: cluster, options: serial)
        #expect(a.edges(level: .workload) == b.edges(level: .workload))
    }
}
