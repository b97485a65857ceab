import KubeReachCore
import KubeReachYAML
import Testing

@testable import KubeReachLint

/// What the findings say: the rule or policy that makes one redundant, hints only where
/// they apply, the Service and port a port mistake is about, and annotation suppression.
@Suite struct LintMessageTests {
    func run(_ yaml: String, _ id: String? = nil) throws -> [LintFinding] {
        let loaded = try ManifestLoader.load([ManifestSource(name: "m.yaml", bytes: Array(yaml.utf8))])
        let context = LintContext(cluster: loaded.cluster, skippedKinds: loaded.skippedKinds)
        return Linter.run(context, rules: id.map { [LintRegistry.rule($0)!] } ?? LintRegistry.all)
    }

    static let web = Example.pod("web") + Example.pod("api", labels: "{app: api}")
    static let narrow = Example.policy(
        "narrow",
        "  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: web}}}]\n    ports: [{port: 80}]"
    )

    @Test func redundantRuleNamesTheRuleThatCoversIt() throws {
        let yaml = Self.web + Example.policy("wide", "  podSelector: {}\n  ingress:\n  - from: [{podSelector: {}}]") + Self.narrow
        let found = try run(yaml, "redundant-rule-or-policy")
        #expect(
            found.map(\.message) == [
                "removing the whole policy changes no connection: shop/wide already covers it (the same pods isolated, the same connections allowed)"
            ])
    }

    /// Vendor charts ship `ingress: [{}]` policies and policies for hostNetwork DaemonSets.
    @Test(arguments: [
        (
            Example.pod("web") + Example.policy("open", "  podSelector: {}\n  policyTypes: [Ingress]\n  ingress: [{}]"),
            ": it allows all ingress traffic of pods that no other policy isolates, as no policy would"
        ),
        (
            "apiVersion: v1\nkind: Pod\nmetadata: {name: node, namespace: shop, labels: {app: node}}\nspec: {hostNetwork: true, containers: [{name: c}]}\n---\n"
                + Example.policy("node", "  podSelector: {matchLabels: {app: node}}\n  ingress:\n  - ports: [{port: 9100}]"),
            ": it selects only hostNetwork pods, which NetworkPolicies do not restrict"
        ),
    ])
    func redundantPolicySaysWhyWithoutOtherPolicies(_ yaml: String, _ why: String) throws {
        let found = try run(yaml, "redundant-rule-or-policy")
        #expect(found.map(\.message) == ["removing the whole policy changes no connection" + why])
    }

    /// A rule covered by another rule of its own policy is named with its path; one allowed
    /// only by two rules' ports put together gets no named cause (none is invented).
    @Test(arguments: [
        (
            "  - from: [{podSelector: {matchLabels: {app: web}}}]\n    ports: [{port: 80}]\n  - from: [{podSelector: {}}]",
            "removing this rule changes no connection: shop/p spec.ingress[1] already allows all of it"
        ),
        (
            "  - from: [{podSelector: {matchLabels: {app: web}}}]\n    ports: [{port: 80}, {port: 81}]\n  - ports: [{port: 80}]\n  - ports: [{port: 81}]",
            "removing this rule changes no connection"
        ),
    ])
    func redundantRuleCause(_ rules: String, _ message: String) throws {
        let yaml = Self.web + Example.policy("p", "  podSelector: {matchLabels: {app: api}}\n  ingress:\n" + rules)
        let found = try run(yaml, "redundant-rule-or-policy").filter { $0.fieldPath == "spec.ingress[0]" }
        #expect(found.map(\.message) == [message])
    }

    @Test func peerHintMentionsNamespacesOnlyWhenANamespaceSelectorMatchesNothing() throws {
        let rule = try #require(LintRegistry.rule("peer-selects-nothing"))
        let byName = try run(rule.triggering[0], rule.id)
        #expect(byName.first?.hint.contains("kubernetes.io/metadata.name: shop") == true)
        let podTypo =
            Self.web
            + Example.policy(
                "p", "  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: wbe}}}]")
        let typo = try run(podTypo, rule.id)
        #expect(typo.count == 1 && !typo[0].hint.contains("namespace"), "\(typo)")
        let elsewhere =
            Self.web + Example.pod("ops", ns: "ops", labels: "{app: ops}")
            + Example.policy(
                "p", "  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: ops}}}]")
        #expect(try run(elsewhere, rule.id).first?.hint.contains("add one to the same peer") == true)
    }

    @Test func servicePortFindingNamesServiceAndTargetPort() throws {
        let rule = try #require(LintRegistry.rule("service-port-not-target-port"))
        let found = try run(rule.triggering[0], rule.id)
        #expect(found.map(\.message) == ["port 80/TCP is the port of Service shop/web; its pods listen on 8080"])
        #expect(found.first?.fieldPath == "spec.ingress[0].ports[0]")
        // The same mistake is not reported twice by numeric-port-undeclared.
        #expect(try run(rule.triggering[0], "numeric-port-undeclared").isEmpty)
    }

    @Test func unreachableWorkloadIsNamed() throws {
        let rule = try #require(LintRegistry.rule("ingress-isolated-unreachable"))
        let found = try run(rule.triggering[0], rule.id)
        #expect(
            found.map(\.message) == [
                "nothing can reach shop/carts[Pod] on any port: no pod and no address gets through both its ingress rules and the sources' egress policies"
            ])
        #expect(found.first?.object == "NetworkPolicy shop/carts-access")
    }

    /// One policy can leave several workloads dead: each finding keeps its own fingerprint.
    @Test func unreachableWorkloadsOfOnePolicyHaveTheirOwnFingerprints() throws {
        let yaml =
            Example.pod("a", labels: "{tier: db}") + Example.pod("b", labels: "{tier: db}")
            + Example.policy(
                "db", "  podSelector: {matchLabels: {tier: db}}\n  ingress:\n  - from: [{podSelector: {matchLabels: {tier: bakend}}}]")
        let found = try run(yaml, "ingress-isolated-unreachable")
        #expect(found.count == 2 && Set(found.map(\.fingerprint)).count == 2, "\(found)")
    }

    @Test func obsoleteAnnotationSaysWhetherTheNamespaceIsIsolated() throws {
        let rule = try #require(LintRegistry.rule("obsolete-isolation-annotation"))
        let open = try run(rule.triggering[0], rule.id)
        let isolated = try run(rule.triggering[1], rule.id)
        #expect(open.first?.message.hasSuffix("so it is not isolated") == true)
        #expect(isolated.first?.message.hasSuffix("isolation comes from this namespace's NetworkPolicies alone") == true)
    }

    @Test func skippedOperatorKindIsNamedWithItsCount() throws {
        let rule = try #require(LintRegistry.rule("pods-from-skipped-kinds"))
        let found = try run(rule.triggering[0], rule.id)
        #expect(found.first?.message.contains("the 1 Prometheus object(s) the loader skipped") == true, "\(found)")
        #expect(PodsFromSkippedKinds.kebab("ThanosRuler") == "thanos-ruler")
    }

    @Test func annotationSuppressesOnlyTheNamedRulesOfThatPolicy() throws {
        let yaml =
            Example.pod("web")
            + "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\n  namespace: shop\n  annotations: {kubereach.io/lint-disable: policy-selects-nothing}\nspec:\n  podSelector: {matchLabels: {app: x}}\n  policyTypes: [Ingress]\n---\n"
            + Example.policy("q", "  podSelector: {matchLabels: {app: y}}\n  policyTypes: [Ingress]")
        let found = try run(yaml).filter { $0.ruleID == "policy-selects-nothing" }
        #expect(found.map(\.object) == ["NetworkPolicy shop/q"])
    }

    @Test func unknownIDInTheAnnotationSuggestsTheClosest() throws {
        let rule = try #require(LintRegistry.rule("lint-disable-unknown-rule"))
        let found = try run(rule.triggering[0], rule.id)
        #expect(
            found.map(\.message) == [
                "unknown rule id 'polcy-selects-nothing' (did you mean 'policy-selects-nothing'?) in kubereach.io/lint-disable"
            ])
        #expect(found.first?.object == "NetworkPolicy shop/p")
    }

    @Test func baselineMatchesEachFingerprintAsOftenAsListed() {
        let f = LintFinding(ruleID: "r", severity: .warning, message: "m", hint: "h", location: nil, object: "o", fieldPath: "p")
        var moved = f
        moved.location = SourceLocation(file: "x.yaml", line: 40)
        moved.message = "other wording"
        #expect(f.fingerprint == moved.fingerprint && f.fingerprint.count == 16)
        let split = LintBaseline(fingerprints: [f.fingerprint]).split([f, moved])
        #expect(split.known == 1 && split.new.count == 1)
    }

    @Test func selectionRefusesUnknownIDs() {
        guard case .failure(let e) = LintRegistry.selection(enable: [], disable: ["redundant-rule-or-polcy"]) else {
            Issue.record("accepted an unknown id")
            return
        }
        #expect(e.nearest == "redundant-rule-or-policy")
        guard
            case .success(let rules) = LintRegistry.selection(
                enable: ["pod-not-selected", "ingress-only-isolation"], disable: ["ingress-only-isolation"])
        else { return }
        #expect(rules.map(\.id) == ["pod-not-selected"])
    }
}
