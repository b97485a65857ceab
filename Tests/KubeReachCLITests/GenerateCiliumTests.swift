import Foundation
import KubeReachAnalysis
import KubeReachCore
import KubeReachTestSupport
import Testing

/// `generate default-deny --as cilium`: one CiliumClusterwideNetworkPolicy (with or without
/// the DNS proxy rule), read back and simulated: alone on the shop's workloads it leaves
/// only DNS to the cluster DNS pods; the check catches a set that leaves more open.
@Suite struct GenerateCiliumTests {
    static let shop = ExampleTests.example

    @Test(arguments: [
        ("default-deny-cilium.yaml", [String]()), ("default-deny-cilium-no-proxy.yaml", ["--no-dns-proxy", "--allow-same-namespace"]),
    ])
    func written(_ golden: String, _ extra: [String]) throws {
        let run = runCLI(["generate", "default-deny", Self.shop, "--as", "cilium", "-q"] + extra)
        #expect(run.status == 0, "\(run.err)")
        try assertSnapshot(run.out, named: golden)
    }

    /// The shop's workloads with what `generate ARGS -q` writes, as inputs of another command.
    static func withGenerated(_ args: [String], _ body: ([String]) throws -> Void) throws {
        let run = runCLI(["generate"] + args + ["-q"])
        #expect(run.status == 0, "\(run.err)")
        let file = try GenerateDefaultDenyTests.temporaryFile(run.out)
        defer { try? FileManager.default.removeItem(atPath: file) }
        try body(GenerateDefaultDenyTests.shopWorkloads + [file, "-q"])
    }

    @Test func aloneItLeavesOnlyDNS() throws {
        try Self.withGenerated(["default-deny", Self.shop, "--as", "cilium"]) { inputs in
            let edges = GenerateDefaultDenyTests.coveredEdges(runCLI(["list"] + inputs).out)
            // The nine workloads of the covered namespaces, each to coredns.
            #expect(edges.count == 9 && edges.allSatisfy { $0.hasSuffix("=> kube-system/coredns[Deployment] : TCP 53,UDP 53") }, "\(edges)")
        }
    }

    @Test func sameNamespaceTrafficStaysOpen() throws {
        try Self.withGenerated(["default-deny", Self.shop, "--as", "cilium", "--allow-same-namespace"]) { inputs in
            #expect(runCLI(["eval", "shop-api/api", "shop-api/checkout"] + inputs).status == 0)
            #expect(runCLI(["eval", "shop-frontend/web", "shop-api/api"] + inputs).status == 1)
        }
    }

    /// The check fails a set that does not isolate ingress (it can fail).
    @Test func checkCatchesAnOpenSet() throws {
        let loaded = try GenerateLeastPrivilegeTests.load(GenerateDefaultDenyTests.shopWorkloads)
        let plan = DefaultDenyPlan(cluster: loaded, options: DefaultDenyOptions())
        let generated = CiliumDefaultDeny(plan: plan, dnsProxy: true)
        #expect(CiliumDefaultDeny.violations(of: [generated.policy], plan: plan, in: loaded, options: EvaluationOptions()).isEmpty)
        var open = generated.policy
        open.specs[0].ingress = []
        let found = CiliumDefaultDeny.violations(of: [open], plan: plan, in: loaded, options: EvaluationOptions())
        #expect(!found.isEmpty)
    }
}

/// `generate least-privilege --as cilium`: the plan's NetworkPolicies as CNPs, checked against
/// them by simulation; what Cilium cannot select is refused by name.
@Suite struct GenerateLeastPrivilegeCiliumTests {
    static let intents = GenerateLeastPrivilegeTests.intents

    @Test func shopIntentAsCilium() throws {
        let run = runCLI(["generate", "least-privilege", ExampleTests.example, "--intent", Self.intents, "--as", "cilium", "-q"])
        #expect(run.status == 0, "\(run.err)")
        let out = run.out.replacingOccurrences(of: Self.intents, with: "shop.yaml")
        try assertSnapshot(out, named: "generate-shop-least-privilege-cilium.yaml")
        try GenerateCiliumTests.withGenerated(["least-privilege", ExampleTests.example, "--intent", Self.intents, "--as", "cilium"]) {
            inputs in
            #expect(runCLI(["eval", "shop-frontend/web", "shop-api/api"] + inputs).status == 0)
            #expect(runCLI(["eval", "shop-frontend/web", "shop-data/postgres"] + inputs).status == 1)
            #expect(runCLI(["eval", "shop-api/api", "shop-data/postgres", "--port", "5432"] + inputs).status == 0)
        }
    }

    /// A selector on a label Cilium leaves out of identities has no Cilium form.
    @Test func refusesWhatCiliumCannotSelect() {
        let policy = NetworkPolicy(
            namespace: "shop", name: "p", podSelector: LabelSelector(matchLabels: ["app": "web"]),
            ingress: [
                PolicyRule(peers: [.selector(pods: LabelSelector(matchLabels: ["controller-revision-hash": "abc"]), namespaces: nil)])
            ],
            policyTypes: [.ingress])
        let t = CiliumTranslation([policy])
        #expect(t.policies.isEmpty)
        #expect(t.refusals.count == 1 && t.refusals[0].contains("shop/p") && t.refusals[0].contains("controller-revision-hash"))
    }

    /// Namespace selectors become Cilium's derived keys; an empty one every namespace.
    @Test func namespaceSelectorsTranslate() throws {
        let policy = NetworkPolicy(
            namespace: "shop", name: "p", podSelector: .everything,
            egress: [
                PolicyRule(peers: [
                    .selector(pods: nil, namespaces: LabelSelector(matchLabels: [Namespace.nameLabel: "data", "team": "x"])),
                    .selector(pods: LabelSelector(matchLabels: ["app": "db"]), namespaces: .everything),
                ])
            ], policyTypes: [.egress])
        let rule = try #require(CiliumTranslation([policy]).policies.first?.specs.first?.egress.first)
        #expect(
            Set(rule.endpoints[0].selector.matchLabels.map(\.key)) == [
                CiliumLabels.namespaceKey, CiliumLabels.namespaceLabelPrefix + "team",
            ])
        #expect(rule.endpoints[1].namesNamespace && rule.endpoints[1].selector.matchExpressions.first?.op == .exists)
    }
}
