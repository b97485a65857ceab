import Foundation
import KubeReachCore
import KubeReachTestSupport
import KubeReachYAML
import Testing

@testable import KubeReachAnalysis
@testable import KubeReachRender

/// `generate default-deny --as calico`: the GlobalNetworkPolicy it writes reads back as the
/// same policy with no diagnostic, covers the namespaces the plain export covers (new ones
/// too by default), and what it cannot say is refused.
@Suite struct GenerateCalicoDefaultDenyTests {
    static func loadedBack(_ policy: CalicoPolicy) throws -> (CalicoPolicy, [Diagnostic]) {
        let yaml = CalicoPolicyYAML.document(policy, reason: "test")
        let loaded = try ManifestLoader.load([ManifestSource(name: "gen.yaml", bytes: Array(yaml.utf8))])
        var back = try #require(loaded.cluster.calico.policies.first)
        back.location = policy.location
        for d in PolicyDirection.allCases {
            let rules = back.rules(d).map { r in
                var r = r
                r.location = SourceLocation(file: "")
                return r
            }
            if d == .ingress { back.ingress = rules } else { back.egress = rules }
        }
        // Whole-input notes (no pods loaded, Calico not evaluated yet) are not about the policy.
        return (back, loaded.diagnostics.filter { $0.location != nil || $0.fieldPath != nil })
    }

    static func plan(_ options: DefaultDenyOptions = .init()) throws -> DefaultDenyPlan {
        let loaded = try ManifestLoader.load(try ManifestFiles.collect([ExampleTests.example]))
        return DefaultDenyPlan(cluster: loaded.cluster, options: options)
    }

    @Test(arguments: [
        DefaultDenyOptions(), DefaultDenyOptions(exclude: ["monitoring"]), DefaultDenyOptions(namespaces: ["shop-api", "shop-data"]),
        DefaultDenyOptions(allowDNS: false),
    ])
    func readsBackUnchanged(_ options: DefaultDenyOptions) throws {
        let generated = CalicoDefaultDeny(plan: try Self.plan(options))
        let (back, diagnostics) = try Self.loadedBack(generated.policy)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(back == generated.policy)
        #expect(back.scope == .global && back.tier == "default" && back.order == nil && back.types == [.ingress, .egress])
        #expect(back.egress.count == (options.allowDNS ? 2 : 0) && back.ingress.isEmpty)
    }

    /// The namespace selector picks exactly the covered namespaces among those loaded; by
    /// default a namespace created later is picked too, with `--namespaces` it is not.
    @Test func coversWhatThePlanCovers() throws {
        for options in [DefaultDenyOptions(), DefaultDenyOptions(exclude: ["monitoring"]), DefaultDenyOptions(namespaces: ["shop-api"])] {
            let plan = try Self.plan(options)
            let selector = try #require(CalicoDefaultDeny(plan: plan).policy.namespaceSelector)
            let loaded = try ManifestLoader.load(try ManifestFiles.collect([ExampleTests.example])).cluster.namespaces
            let picked = loaded.filter { selector.matches(CalicoLabels.ofNamespace($0.name, labels: $0.labels)) }.map(\.name)
            #expect(picked.sorted() == plan.covered)
            #expect(selector.matches(CalicoLabels.ofNamespace("team-new", labels: [:])) == (options.namespaces == nil))
            // Host endpoints carry no namespace name: never selected.
            #expect(!selector.matches([:]))
        }
    }

    @Test func sameNamespaceIsRefused() {
        let run = runCLI(["generate", "default-deny", ExampleTests.example, "--as", "calico", "--allow-same-namespace"])
        #expect(run.status == 2 && run.err.contains("--allow-same-namespace cannot be written as one GlobalNetworkPolicy"))
    }

    /// Re-simulation: the policy alone leaves only DNS out of the covered namespaces and
    /// nothing in; a policy that forgets ingress is caught by the same check.
    @Test func checkedBySimulation() throws {
        let cluster = try ManifestLoader.load(try ManifestFiles.collect([ExampleTests.example])).cluster
        let generated = CalicoDefaultDeny(plan: DefaultDenyPlan(cluster: cluster, options: .init()))
        #expect(generated.violations(in: cluster, options: .init()).isEmpty)
        var policy = generated.policy
        policy.types = [.egress]
        let leaky = CalicoDefaultDeny(plan: generated.plan, policy: policy)
        let violations = leaky.violations(in: cluster, options: .init())
        #expect(!violations.isEmpty)
    }

    /// The command writes what it checked, and the written manifest, applied beside the input,
    /// denies what it says: a covered pod reaches the DNS pods on 53 only.
    @Test func writtenPolicyDeniesWhatItSays() throws {
        let run = runCLI(["generate", "default-deny", ExampleTests.example, "--as", "calico", "-q"])
        #expect(run.status == 0, "\(run.err)")
        try assertSnapshot(run.out, named: "generate-shop-calico.yaml")
        let dir = try ScratchDirectory("calico-deny")
        defer { dir.remove() }
        _ = try dir.write(run.out, to: "deny.yaml")
        let eval = { (args: [String]) in runCLI(["eval"] + args + [ExampleTests.example, dir.file("deny.yaml")]).status }
        let pods = try ManifestLoader.load(try ManifestFiles.collect([ExampleTests.example])).cluster.pods
        let client = try #require(pods.first { $0.namespace == "shop-frontend" }).qualifiedName
        let dns = try #require(pods.first { $0.labels["k8s-app"] == "kube-dns" }).qualifiedName
        #expect(eval([client, dns, "--port", "53", "--protocol", "UDP"]) == 0)
        #expect(eval([client, dns, "--port", "443"]) == 1)
        #expect(eval([dns, client, "--port", "8080"]) == 1)
    }
}
