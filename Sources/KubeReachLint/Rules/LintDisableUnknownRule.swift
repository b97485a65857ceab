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
        func unknown(_ annotations: [String: String], object: String, policy: NetworkPolicy?, at location: SourceLocation?) -> [LintFinding]
        {
            guard let value = annotations[Annotations.lintDisable] else { return [] }
            return LintSuppression.ids(value).filter { !known.contains($0) }.map { id in
                let meant = EditDistance.nearest(id, in: known).map { " (did you mean '\($0)'?)" } ?? ""
                var f = finding("unknown rule id '\(id)'\(meant) in \(Annotations.lintDisable)", policy: policy, at: location)
                f.object = object
                f.fieldPath = "metadata.annotations"
                return f
            }
        }
        return context.cluster.policies.flatMap { unknown($0.annotations, object: LintObject.policy($0), policy: $0, at: $0.location) }
            + context.cluster.namespaces.flatMap {
                unknown($0.annotations, object: LintObject.namespace($0.name), policy: nil, at: $0.location)
            }
    }
}
