import Foundation
import KubeReachRender
import KubeReachTestSupport
import Testing

/// `eval -o json` and `explain -o json` carry Cilium's decision: the verdict word, and per
/// direction the kind (deny, allow, default-deny, ...), the deciding rule with file:line,
/// and the L7/FQDN notes. Goldens, and the decoded fields checked one by one.
@Suite struct CiliumJSONTests {
    static let starwars = StarWarsExampleTests.example
    static let runtime = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/cilium-runtime")
        .standardized.path

    struct Case: Sendable, CustomTestStringConvertible {
        var golden: String
        var args: [String]
        var input: String
        var status: Int32
        var verdict: String
        /// The egress and ingress kinds.
        var kinds: [String]
        var decidedBy: String?

        var testDescription: String { golden }
    }

    static let cases: [Case] = [
        Case(
            golden: "cilium-eval-xwing.json", args: ["eval", "default/xwing", "default/deathstar", "--port", "80"], input: starwars,
            status: 1, verdict: "denied", kinds: ["open", "default-deny"]),
        Case(
            golden: "cilium-explain-tiefighter.json", args: ["explain", "default/tiefighter", "default/deathstar", "--port", "80"],
            input: starwars, status: 0, verdict: "allowed", kinds: ["open", "allow"], decidedBy: "CNP default/rule1 ingress[0]"),
        Case(
            golden: "cilium-eval-l7.json", args: ["eval", "shop/web", "shop/api", "--port", "8080"], input: runtime, status: 0,
            verdict: "allowed at L3/L4, further filtered at L7", kinds: ["allow", "allow"], decidedBy: "CNP shop/api-ingress ingress[0]"),
        Case(
            golden: "cilium-eval-fqdn.json", args: ["eval", "shop/web", "140.82.112.5", "--port", "443"], input: runtime, status: 1,
            verdict: "unknown (FQDN)", kinds: ["default-deny"]),
        Case(
            golden: "cilium-explain-deny.json", args: ["explain", "shop/web", "shop/api", "--port", "9000"], input: runtime, status: 1,
            verdict: "denied", kinds: ["allow", "deny"], decidedBy: "CNP shop/api-ingress ingressDeny[0]"),
    ]

    @Test(arguments: cases)
    func decision(_ c: Case) throws {
        let run = runCLI(c.args + ["-o", "json", "-q", c.input])
        #expect(run.status == c.status, "\(run.err)")
        let out = run.out.replacing(c.input + "/", with: "INPUT/")
        try assertSnapshot(out, named: c.golden)
        let doc = try #require(try JSONDecoder().decode(Probe.self, from: Data(run.out.utf8)).cilium)
        #expect(doc.verdict == c.verdict)
        #expect(doc.decisions.map(\.kind) == c.kinds)
        let decider = doc.decisions.compactMap(\.decidedBy).last.map { "\($0.policy) \($0.section)[\($0.index)]" }
        #expect(decider == c.decidedBy)
        if let rule = doc.decisions.compactMap(\.decidedBy).last { #expect(rule.location?.contains(".yaml:") == true) }
    }

    /// The part both documents share.
    struct Probe: Decodable {
        var version: Int
        var cilium: CiliumDocument?
    }

    /// Without Cilium objects the field is absent, so the documents are as before.
    @Test func absentWithoutCilium() {
        let run = runCLI(["eval", "shop-frontend/web", "shop-data/postgres", "-o", "json", "-q", ExampleTests.example])
        #expect(!run.out.contains("\"cilium\""))
    }
}
