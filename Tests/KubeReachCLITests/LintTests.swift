import Foundation
import KubeReachCore
import KubeReachLint
import KubeReachYAML
import KubeReachRender
import Testing

/// Every rule's own examples are its tests: it reports on each triggering example and stays
/// silent on each non-triggering one.
@Suite struct LintRuleExampleTests {
    static let ruleIDs = LintRegistry.all.map(\.id)

    func findings(_ yaml: String, rule: any LintRule) throws -> [LintFinding] {
        let loaded = try ManifestLoader.load([ManifestSource(name: "example.yaml", bytes: Array(yaml.utf8))])
        return rule.check(LintContext(cluster: loaded.cluster, skippedKinds: loaded.skippedKinds))
    }

    @Test(arguments: ruleIDs)
    func triggers(_ id: String) throws {
        let rule = try #require(LintRegistry.rule(id))
        #expect(!rule.triggering.isEmpty && !rule.nonTriggering.isEmpty, "a rule needs both kinds of examples")
        for example in rule.triggering {
            let found = try findings(example, rule: rule)
            #expect(!found.isEmpty, "\(id) did not trigger on:\n\(example)")
            #expect(found.allSatisfy { $0.ruleID == id && $0.severity == rule.severity && !$0.hint.isEmpty })
            for f in found { #expect(Self.pointsAtItsField(f, in: example), "\(id) reports at the wrong line: \(f.location?.description ?? "-") \(f.fieldPath ?? "-")\n\(example)") }
        }
        for example in rule.nonTriggering {
            #expect(try findings(example, rule: rule).isEmpty, "\(id) triggered on:\n\(example)")
        }
    }

    /// A finding's line holds the key its field path ends with (`spec.ingress[0].from[1]` →
    /// a line with `from:`, or the list item of the rule), or for a whole-object finding the
    /// object's first line: a rule that reports at an unrelated line fails here.
    static func pointsAtItsField(_ f: LintFinding, in example: String) -> Bool {
        guard let line = f.location?.line else { return true }
        let lines = example.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1 && line <= lines.count else { return false }
        let text = lines[line - 1]
        let keys = (f.fieldPath ?? "").split(separator: ".").map { $0.split(separator: "[").first.map(String.init) ?? "" }
        guard let last = keys.last(where: { !$0.isEmpty }), last != "spec" else {
            return text.hasPrefix("apiVersion:") || text.hasPrefix("kind:") || text.hasPrefix("metadata:")
        }
        // The key itself, the list item (`- from: ...`) of an indexed rule, or (for fields
        // the loader does not locate one by one) the first line of the object holding it.
        return keys.suffix(2).contains { !$0.isEmpty && text.contains($0 + ":") } || (f.fieldPath?.hasSuffix("]") == true && text.contains("- "))
            || text.hasPrefix("apiVersion:")
    }

    @Test func idsAreUniqueAndKebabCase() {
        #expect(Set(Self.ruleIDs).count == Self.ruleIDs.count)
        #expect(Self.ruleIDs.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "-" } })
    }
}

@Suite struct LintCommandTests {
    @Test func rulesDocIsCurrent() throws {
        let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Docs/lint-rules.md").standardized
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
        let policy = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: n}\nspec:\n  podSelector: {matchLabels: {app: x}}\n"
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
