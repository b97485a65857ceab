import KubeReachCore
import KubeReachSynthetic
import KubeReachYAML
import Testing

/// `synth --calico-policies`: the realistic mix loads without a diagnostic, keeps its CIDRs
/// out of the pod network and its orders untied; `synth` writes the Calico objects.
@Suite struct SyntheticCalicoTests {
    static func load(_ text: String) throws -> LoadResult {
        try ManifestLoader.load([ManifestSource(name: "synthetic.yaml", bytes: Array(text.utf8))])
    }

    @Test func realisticMixLoadsCleanly() throws {
        let size = SyntheticCluster.Size(pods: 300, namespaces: 12, policies: 60)
        let calico = SyntheticCalico(policies: 120, tiers: 5, namespaces: 12)
        let r = try Self.load(SyntheticCluster(size: size).manifests() + calico.manifests())
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.prefix(3))")
        #expect(r.cluster.calico.policies.count == 120)
        #expect(r.cluster.calico.tiers.map(\.name) == ["security", "platform", "compliance", "observability", "app"])
        let nets =
            r.cluster.calico.networkSets.flatMap(\.nets)
            + r.cluster.calico.policies.flatMap { p in
                (p.ingress + p.egress).flatMap { $0.source.nets + $0.source.notNets + $0.destination.nets + $0.destination.notNets }
            }
        #expect(!nets.isEmpty)
        #expect(nets.allSatisfy { !$0.description.hasPrefix("10.") && !$0.description.contains(":") }, "\(nets)")
        let orders = r.cluster.calico.policies.map { "\($0.tier) \($0.order ?? -1)" }
        #expect(Set(orders).count == orders.count)
        #expect(calico.manifests() == SyntheticCalico(policies: 120, tiers: 5, namespaces: 12).manifests())
    }

    /// The stress mix keeps what the evaluator comparisons need: ties and every action.
    @Test func stressMixTiesOrdersAndUsesEveryAction() throws {
        let text = SyntheticCalico(policies: 80, tiers: 0, namespaces: 6, mix: .stress).manifests()
        let r = try Self.load(text)
        #expect(r.cluster.calico.policies.count == 80)
        let orders = r.cluster.calico.policies.map { "\($0.tier) \($0.order ?? -1)" }
        #expect(Set(orders).count < orders.count)
        for action in ["Allow", "Deny", "Pass", "Log"] { #expect(text.contains("action: \(action)")) }
    }

    @Test func synthWritesTheCalicoObjects() {
        let run = runCLI(["synth", "--pods", "40", "--namespaces", "4", "--policies", "5", "--calico-policies", "30"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.components(separatedBy: "kind: GlobalNetworkPolicy\n").count > 3)
        #expect(run.out.contains("kind: Tier\nmetadata: {name: security}"))
    }
}
