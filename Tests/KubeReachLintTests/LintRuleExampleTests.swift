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
            for f in found {
                #expect(
                    Self.pointsAtItsField(f, in: example),
                    "\(id) reports at the wrong line: \(f.location?.description ?? "-") \(f.fieldPath ?? "-")\n\(example)")
            }
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
        return keys.suffix(2).contains { !$0.isEmpty && text.contains($0 + ":") }
            || (f.fieldPath?.hasSuffix("]") == true && text.contains("- "))
            || text.hasPrefix("apiVersion:")
    }

    @Test func idsAreUniqueAndKebabCase() {
        #expect(Set(Self.ruleIDs).count == Self.ruleIDs.count)
        #expect(Self.ruleIDs.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "-" } })
    }
}
