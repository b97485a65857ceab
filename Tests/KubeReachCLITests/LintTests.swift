import Foundation
import KubeReachCore
import KubeReachLint
import KubeReachRender
import KubeReachYAML
import Testing

@Suite struct LintCommandTests {
    @Test func rulesDocIsCurrent() throws {
        let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Docs/lint-rules.md")
            .standardized
        let run = runCLI(["lint", "--rules-doc"])
        let current = try String(contentsOf: doc, encoding: .utf8)
        #expect(run.out == current, "Docs/lint-rules.md is stale: run `kubereach lint --rules-doc > Docs/lint-rules.md`")
    }

    @Test func exampleFindingsAndThresholds() {
        let run = runCLI(["lint", ExampleTests.example])
        #expect(run.status == 0)  // warnings only; default threshold is error
        #expect(run.out.contains("warning[namespace-pod-peers-ored]"))
        #expect(run.out.contains("shop-workers.yaml:14:5"))
        #expect(runCLI(["lint", ExampleTests.example, "--fail-on", "warning"]).status == 1)
        #expect(runCLI(["lint", ExampleTests.example, "--fail-on", "never"]).status == 0)
    }

    @Test func sarifHasRulesAndResults() throws {
        let run = runCLI(["lint", ExampleTests.example, "-o", "sarif"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "2.1.0")
        let runs = try #require(object["runs"] as? [[String: Any]])
        let driver = try #require((runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect((driver["rules"] as? [Any])?.count == LintRegistry.all.count)
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        let json = try JSONDecoder().decode(LintDocument.self, from: Data(runCLI(["lint", ExampleTests.example, "-o", "json"]).out.utf8))
        #expect(results.count == json.findings.count && !results.isEmpty)
        #expect(results.allSatisfy { ($0["ruleId"] as? String) != nil && ($0["level"] as? String) != nil })
    }

    /// SARIF's `uri` is a URI reference, not a path: a space, '#' or '%' in a file name is
    /// percent-encoded (Tests/SARIF/validate_sarif.py checks the whole log against the schema).
    @Test func sarifURIsArePercentEncoded() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubereach-sarif-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let policy =
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: n}\nspec:\n  podSelector: {matchLabels: {app: x}}\n"
        try Data(policy.utf8).write(to: dir.appendingPathComponent("a b#%\u{e9}.yaml"))
        let run = runCLI(["lint", dir.path, "-o", "sarif", "--fail-on", "never"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("a%20b%23%25%C3%A9.yaml\""))
        #expect(run.out.contains("\"uri\" : \"file:///"))
        #expect(!run.out.contains("a b#%"))
    }

    @Test func jsonFindingsParse() throws {
        let run = runCLI(["lint", ExampleTests.example, "-o", "json"])
        let items = try JSONDecoder().decode(LintDocument.self, from: Data(run.out.utf8)).findings
        let rules = Set(items.map(\.rule))
        #expect(rules.isSuperset(of: ["namespace-pod-peers-ored", "cross-namespace-peer-without-namespace-selector", "pod-not-selected"]))
        #expect(items.contains { $0.fieldPath == "spec.ingress[0].from[1]" && $0.line == 14 })
    }
}
