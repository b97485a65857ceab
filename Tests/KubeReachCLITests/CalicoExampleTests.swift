import Foundation
import KubeReachTestSupport
import Testing

/// Examples/calico: tiers (security with Pass, platform with a Pass default action), a
/// NetworkSet, Calico and Kubernetes policies in the default tier and the GlobalNetworkPolicy
/// default deny `generate default-deny --as calico` writes. The explanations through the
/// tiers are goldens and are shown verbatim in the example's README.
@Suite struct CalicoExampleTests {
    static let walkthrough = ExampleWalkthrough("calico")
    static let example = walkthrough.path

    static let cases: [(name: String, args: [String], status: Int32)] = [
        ("calico-explain-pass-to-kubernetes.txt", ["explain", "shop/web", "shop/api", "--port", "9000"], 0),
        ("calico-explain-platform-allow.txt", ["explain", "monitoring/prometheus", "payments/db", "--port", "9090"], 0),
        ("calico-explain-quarantine.txt", ["explain", "shop/debug", "shop/web", "--port", "8080"], 1),
        ("calico-explain-network-set.txt", ["explain", "198.51.100.7", "shop/web", "--port", "8080"], 0),
        ("calico-explain-default-deny.txt", ["explain", "shop/web", "payments/db", "--port", "5432"], 1),
    ]

    @Test(arguments: cases.indices)
    func answer(_ i: Int) throws {
        let c = Self.cases[i]
        try Self.walkthrough.check(c.args + [Self.example], status: c.status, golden: c.name)
    }

    /// The example's default deny is exactly what the generator writes for it.
    @Test func defaultDenyIsTheGeneratedOne() throws {
        let run = runCLI(["generate", "default-deny", "--as", "calico", "-q", Self.example])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out == (try String(contentsOfFile: Self.example + "/default-deny.yaml", encoding: .utf8)))
    }

    /// The Calico lint rules find nothing to say about it.
    @Test func calicoLintIsClean() {
        let run = runCLI(["lint", "-o", "json", Self.example])
        #expect(!run.out.contains("\"calico-"), "\(run.out)")
    }
}
