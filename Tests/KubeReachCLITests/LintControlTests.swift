import Foundation
import KubeReachCore
import KubeReachLint
import KubeReachRender
import Testing

/// Rule control (`--enable`, `--disable`, the `kubereach.io/lint-disable` annotation) and
/// the baseline file, with the exit codes CI gates on.
@Suite struct LintControlTests {
    static let shop = ExampleTests.example

    func findings(_ arguments: [String]) throws -> LintDocument {
        let run = runCLI(["lint"] + arguments + ["-o", "json"])
        #expect(run.status != 2, "\(run.err)")
        return try JSONDecoder().decode(LintDocument.self, from: Data(run.out.utf8))
    }

    @Test func enableRunsOnlyTheNamedRules() throws {
        let all = try findings([Self.shop])
        let only = try findings([Self.shop, "--enable", "pod-not-selected,peer-selects-nothing"])
        #expect(Set(only.findings.map(\.rule)) == ["pod-not-selected", "peer-selects-nothing"])
        #expect(only.findings == all.findings.filter { ["pod-not-selected", "peer-selects-nothing"].contains($0.rule) })
    }

    @Test func disableDropsTheNamedRulesAndKeepsTheRest() throws {
        let all = try findings([Self.shop])
        let rest = try findings([Self.shop, "--disable", "pod-not-selected", "--disable", "namespace-without-policy"])
        #expect(rest.findings == all.findings.filter { !["pod-not-selected", "namespace-without-policy"].contains($0.rule) })
        #expect(rest.findings.count < all.findings.count && !rest.findings.isEmpty)
    }

    /// A misspelt id would silently run every rule (or none): it is a usage error, exit 2.
    @Test(arguments: [["--enable", "pod-not-selcted"], ["--disable", "peer-selects-nothing,pod-not-selcted"]])
    func unknownRuleIDIsAnErrorWithASuggestion(_ option: [String]) {
        let run = runCLI(["lint", Self.shop] + option)
        #expect(run.status == 2)
        #expect(run.err.contains("unknown lint rule 'pod-not-selcted' (did you mean 'pod-not-selected'?)"), "\(run.err)")
        #expect(run.out.isEmpty)
    }

    static let annotatedPolicy = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec: {containers: [{name: c}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: typo
          namespace: shop
          annotations: {kubereach.io/lint-disable: "policy-selects-nothing, namespace-without-default-deny"}
        spec:
          podSelector: {matchLabels: {app: wbe}}
          policyTypes: [Ingress]
        """

    /// The annotation silences the named rules on that policy only; the same policy without it is reported.
    @Test func annotationSuppressesNamedRulesOnThatPolicy() throws {
        let dir = try ScratchDirectory("lint-annotation")
        defer { dir.remove() }
        let annotated = try dir.write(Self.annotatedPolicy, to: "a.yaml")
        let plain = try dir.write(Self.annotatedPolicy.replacingOccurrences(of: "kubereach.io/lint-disable", with: "note"), to: "b.yaml")
        let quiet = try findings([annotated, "--fail-on", "never"]).findings.map(\.rule)
        let loud = try findings([plain, "--fail-on", "never"]).findings.map(\.rule)
        #expect(loud.contains("policy-selects-nothing") && !quiet.contains("policy-selects-nothing"))
        // namespace-without-default-deny is about the Namespace, not this policy: still reported.
        #expect(quiet.contains("namespace-without-default-deny"))
        #expect(quiet.contains("pod-not-selected"))
        #expect(runCLI(["lint", annotated, "--fail-on", "warning", "--disable", "pod-not-selected"]).status == 0)
        #expect(runCLI(["lint", plain, "--fail-on", "warning", "--disable", "pod-not-selected"]).status == 1)
    }

    @Test func namespaceAnnotationSuppressesNamespaceFindings() throws {
        let dir = try ScratchDirectory("lint-ns-annotation")
        defer { dir.remove() }
        let ns =
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  annotations: {kubereach.io/lint-disable: namespace-without-policy}\n---\n"
        let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec: {containers: [{name: c}]}\n"
        let quiet = try findings([try dir.write(ns + pod, to: "a.yaml")]).findings.map(\.rule)
        let loud = try findings([try dir.write(pod, to: "b.yaml")]).findings.map(\.rule)
        #expect(loud.contains("namespace-without-policy") && !quiet.contains("namespace-without-policy"))
    }

    /// The CI flow: accept today's findings, then fail only on new ones, even after the
    /// manifests moved lines.
    @Test func baselineHidesKnownFindingsAndFailsOnNewOnes() throws {
        let dir = try ScratchDirectory("lint-baseline")
        defer { dir.remove() }
        let policy = try dir.write(Self.annotatedPolicy.replacingOccurrences(of: "kubereach.io/lint-disable", with: "note"), to: "p.yaml")
        let baseline = dir.file("baseline.json")
        let written = runCLI(["lint", policy, "--fail-on", "warning", "--write-baseline", baseline])
        #expect(written.status == 0, "\(written.err)")
        let document = try JSONDecoder().decode(LintBaselineDocument.self, from: Data(contentsOf: URL(fileURLWithPath: baseline)))
        let before = try findings([policy, "--fail-on", "never"])
        #expect(document.findings.count == before.findings.count && !document.findings.isEmpty)
        #expect(Set(document.findings.map(\.fingerprint)) == Set(before.findings.map(\.fingerprint)))

        #expect(runCLI(["lint", policy, "--fail-on", "warning"]).status == 1)
        let known = runCLI(["lint", policy, "--fail-on", "warning", "--baseline", baseline])
        #expect(known.status == 0, "\(known.out)")
        #expect(known.out.contains("0 error(s), 0 warning(s), 0 note(s); \(before.findings.count) finding(s) in the baseline not shown"))

        // Lines moved (a comment and blank lines on top) and a new mistake: only it is new.
        let moved =
            "# moved\n\n\n" + Self.annotatedPolicy.replacingOccurrences(of: "kubereach.io/lint-disable", with: "note")
            + "\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: other, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: nope}}\n  policyTypes: [Ingress]\n"
        try dir.write(moved, to: "p.yaml")
        let after = try findings([policy, "--baseline", baseline, "--fail-on", "never"])
        #expect(Set(after.findings.map(\.object)) == ["NetworkPolicy shop/other"], "\(after.findings)")
        #expect(after.baselined == before.findings.count)
        #expect(runCLI(["lint", policy, "--fail-on", "warning", "--baseline", baseline]).status == 1)
    }

    @Test func fingerprintsIgnoreLinesButNotObjects() throws {
        let dir = try ScratchDirectory("lint-fingerprint")
        defer { dir.remove() }
        let text = Self.annotatedPolicy.replacingOccurrences(of: "kubereach.io/lint-disable", with: "note")
        let a = try findings([try dir.write(text, to: "a.yaml"), "--fail-on", "never"]).findings
        let b = try findings([try dir.write("\n\n# x\n" + text, to: "b.yaml"), "--fail-on", "never"]).findings
        let c = try findings([
            try dir.write(text.replacingOccurrences(of: "name: typo", with: "name: typo2"), to: "c.yaml"), "--fail-on", "never",
        ]).findings
        #expect(a.map(\.fingerprint) == b.map(\.fingerprint) && a.map(\.line) != b.map(\.line))
        #expect(Set(a.map(\.fingerprint)).count == a.count)
        let aboutPod = try #require(a.first { $0.rule == "pod-not-selected" })
        let aboutPolicy = try #require(a.first { $0.rule == "policy-selects-nothing" })
        #expect(c.contains { $0.fingerprint == aboutPod.fingerprint })
        #expect(c.contains { $0.rule == "policy-selects-nothing" } && !c.contains { $0.fingerprint == aboutPolicy.fingerprint })
    }

    @Test func sarifCarriesTheFingerprints() throws {
        let sarif = try JSONDecoder().decode(
            SARIFDocument.self, from: Data(runCLI(["lint", Self.shop, "-o", "sarif", "--fail-on", "never"]).out.utf8))
        let json = try findings([Self.shop, "--fail-on", "never"])
        #expect(sarif.runs[0].results.compactMap { $0.partialFingerprints?["kubereach/v1"] } == json.findings.map(\.fingerprint))
    }

    @Test(arguments: [
        "not json", "{\"version\": 1, \"kind\": \"something-else\", \"findings\": []}",
        "{\"version\": 2, \"kind\": \"kubereach-lint-baseline\", \"findings\": []}",
    ])
    func badBaselineIsAnInputError(_ text: String) throws {
        let dir = try ScratchDirectory("lint-bad-baseline")
        defer { dir.remove() }
        let run = runCLI(["lint", Self.shop, "--baseline", try dir.write(text, to: "b.json")])
        #expect(run.status == 2)
        #expect(run.err.contains("b.json"), "\(run.err)")
        #expect(run.out.isEmpty)
    }

    @Test func missingBaselineIsAnInputError() {
        let run = runCLI(["lint", Self.shop, "--baseline", "/nonexistent/baseline.json"])
        #expect(run.status == 2 && run.err.contains("cannot read the baseline file"), "\(run.err)")
    }
}
