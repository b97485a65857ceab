import KubeReachCore

/// A `kubereach.io/lint-disable` annotation naming a rule that does not exist suppresses
/// nothing: the finding it was meant to silence keeps failing CI, or a typo hides nothing.
struct LintDisableUnknownRule: LintRule {
    let id = "lint-disable-unknown-rule"
    let severity = Diagnostic.Severity.warning
    let summary = "A kubereach.io/lint-disable annotation names a rule that does not exist"
    let hint = "use the ids `kubereach lint --rules-doc` lists (Docs/lint-rules.md), comma-separated"

    static func annotated(_ ids: String) -> String {
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\n  namespace: shop\n  annotations:\n"
            + "    kubereach.io/lint-disable: \(ids)\nspec:\n  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Ingress]\n---\n"
    }

    var triggering: [String] { [Example.pod("web") + Self.annotated("polcy-selects-nothing")] }
    var nonTriggering: [String] { [Example.pod("web") + Self.annotated("policy-selects-nothing, pod-not-selected")] }

    func check(_ context: LintContext) -> [LintFinding] {
        let known = LintRegistry.all.map(\.id)
        let annotated =
            context.cluster.policies.map {
                (LintObject.policy($0), $0.annotations, $0.location, $0) as (String, [String: String], SourceLocation?, NetworkPolicy?)
            }
            + context.cluster.namespaces.map { (LintObject.namespace($0.name), $0.annotations, $0.location, nil) }
        return annotated.flatMap { object, annotations, location, policy -> [LintFinding] in
            guard let value = annotations[Annotations.lintDisable] else { return [] }
            return LintSuppression.ids(value).filter { !known.contains($0) }.map { unknown in
                let meant = NearestName.of(unknown, in: known).map { " (did you mean \($0)?)" } ?? ""
                var f = finding("unknown rule id '\(unknown)'\(meant) in \(Annotations.lintDisable)", policy: policy, at: location)
                f.object = object
                f.fieldPath = "metadata.annotations"
                return f
            }
        }
    }
}
