import Foundation
import KubeReachTestSupport
import Testing

/// The AdminNetworkPolicy example: the connectivity list and explanations that walk through
/// the tiers (ANP allow, Pass to a NetworkPolicy, Pass to the BANP's deny, ANP deny).
@Suite struct GuardrailsExampleTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Examples/guardrails")
        .standardized.path

    static let explanations: [(name: String, args: [String], status: Int32)] = [
        ("guardrails-explain-anp-allow.txt", ["monitoring/prometheus", "tenant-a/web", "--port", "9100"], 0),
        ("guardrails-explain-pass-to-banp.txt", ["tenant-b/web", "tenant-a/web", "--port", "8080"], 1),
        ("guardrails-explain-pass-to-np.txt", ["tenant-a/web", "tenant-a/db", "--port", "5432"], 0),
        ("guardrails-explain-anp-deny.txt", ["tenant-a/web", "kube-system/coredns", "--port", "8080"], 1),
        ("guardrails-explain-pass-to-banp.json", ["tenant-b/web", "tenant-a/web", "--port", "8080", "-o", "json"], 1),
    ]

    @Test func list() throws {
        let run = runCLI(["list", Self.example])
        #expect(run.status == 0, "\(run.err)")
        // Cross-tenant traffic is denied by the baseline; DNS is all kube-system admits.
        #expect(!run.out.contains("tenant-b/web[Deployment] => tenant-a/web"))
        #expect(run.out.contains("tenant-b/web[Deployment] => kube-system/coredns[Deployment] : TCP 53,UDP 53\n"))
        try assertSnapshot(run.out, named: "guardrails-list.txt")
    }

    @Test(arguments: explanations.indices)
    func explain(_ i: Int) throws {
        let c = Self.explanations[i]
        let run = runCLI(["explain"] + c.args + [Self.example])
        #expect(run.status == c.status, "\(run.err)")
        try assertSnapshot(run.out.replacing(Self.example + "/", with: "Examples/guardrails/"), named: c.name)
    }

    @Test func jsonNamesTheTiers() throws {
        let run = runCLI(["explain", "tenant-b/web", "tenant-a/web", "--port", "8080", "-o", "json", Self.example])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let rules = try #require((object["ingress"] as? [String: Any])?["adminRules"] as? [[String: Any]])
        #expect(rules.map { $0["tier"] as? String } == ["ANP", "BANP"])
        #expect(rules.map { $0["action"] as? String } == ["Pass", "Deny"])
    }
}
