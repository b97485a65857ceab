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

    @Test func aloneItLeavesOnlyDNS() throws {
        let run = runCLI(["generate", "default-deny", Self.shop, "--as", "cilium", "-q"])
        let file = try GenerateDefaultDenyTests.temporaryFile(run.out)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let listed = runCLI(["list"] + GenerateDefaultDenyTests.shopWorkloads + [file, "-q"])
        #expect(listed.status == 0, "\(listed.err)")
        let edges = GenerateDefaultDenyTests.coveredEdges(listed.out)
        #expect(edges.count == 9)  // the nine workloads of the covered namespaces, each to coredns
        for line in edges { #expect(line.hasSuffix("=> kube-system/coredns[Deployment] : TCP 53,UDP 53"), "\(line)") }
    }

    @Test func sameNamespaceTrafficStaysOpen() throws {
        let run = runCLI(["generate", "default-deny", Self.shop, "--as", "cilium", "--allow-same-namespace", "-q"])
        let file = try GenerateDefaultDenyTests.temporaryFile(run.out)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let inputs = GenerateDefaultDenyTests.shopWorkloads + [file, "-q"]
        #expect(runCLI(["eval", "shop-api/api", "shop-api/checkout"] + inputs).status == 0)
        #expect(runCLI(["eval", "shop-frontend/web", "shop-api/api"] + inputs).status == 1)
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
