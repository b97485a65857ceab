import Foundation
import KubeReachCore
import KubeReachLint
import KubeReachYAML
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
        }
        for example in rule.nonTriggering {
            #expect(try findings(example, rule: rule).isEmpty, "\(id) triggered on:\n\(example)")
        }
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
        let json = try #require(try JSONSerialization.jsonObject(with: Data(runCLI(["lint", ExampleTests.example, "-o", "json"]).out.utf8)) as? [Any])
        #expect(results.count == json.count && !results.isEmpty)
        #expect(results.allSatisfy { ($0["ruleId"] as? String) != nil && ($0["level"] as? String) != nil })
    }

    @Test func jsonFindingsParse() throws {
        let run = runCLI(["lint", ExampleTests.example, "-o", "json"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [[String: Any]])
        let rules = Set(items.compactMap { $0["rule"] as? String })
        #expect(rules.isSuperset(of: ["namespace-pod-peers-ored", "cross-namespace-peer-without-namespace-selector", "pod-not-selected"]))
        #expect(items.contains { $0["fieldPath"] as? String == "spec.ingress[0].from[1]" && $0["line"] as? Int == 14 })
    }
}
