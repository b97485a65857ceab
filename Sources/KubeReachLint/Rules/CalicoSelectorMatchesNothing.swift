import KubeReachCore

/// A Calico selector that matches nothing loaded: a policy's `selector` (with its namespace
/// or `namespaceSelector`) that applies to no pod, or a rule's `selector`/`namespaceSelector`
/// that matches no pod and no NetworkSet/GlobalNetworkSet. Often a label typo. Silent when
/// no pod is loaded at all (a directory of policies alone), and for host-endpoint policies
/// (`calico-host-endpoint-policy` reports those).
struct CalicoSelectorMatchesNothing: LintRule {
    let id = "calico-selector-matches-nothing"
    let severity = Diagnostic.Severity.warning
    let summary = "A Calico selector matches no loaded pod (nor, in a rule, any network set)"
    let hint = "check the labels (`kubectl get pods -A --show-labels`, `calicoctl get networksets -o wide`) and the namespace"

    var triggering: [String] {
        [
            Example.pod("web") + CalicoLint.policy("p", "  selector: app == 'wbe'\n  ingress:\n  - action: Deny"),
            Example.pod("web")
                + CalicoLint.policy(
                    "q", ns: nil, "  selector: app == 'web'\n  ingress:\n  - {action: Allow, source: {selector: \"role == 'fronted'\"}}"),
        ]
    }
    var nonTriggering: [String] {
        [
            Example.pod("web") + CalicoLint.policy("p", "  selector: app == 'web'\n  ingress:\n  - action: Deny"),
            Example.pod("web")
                + "apiVersion: projectcalico.org/v3\nkind: GlobalNetworkSet\nmetadata: {name: partners, labels: {role: partner}}\nspec: {nets: [198.51.100.0/24]}\n---\n"
                + CalicoLint.policy(
                    "q", ns: nil, "  selector: app == 'web'\n  ingress:\n  - action: Allow\n    source: {selector: role == 'partner'}"),
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        let cluster = context.cluster
        guard !cluster.pods.isEmpty else { return [] }
        var out: [LintFinding] = []
        let hostPolicies = Set(CalicoHostEndpointPolicy.hostPolicies(cluster).map(\.qualifiedName))
        for policy in cluster.calico.policies where !hostPolicies.contains(policy.qualifiedName) {
            if !cluster.pods.contains(where: { context.calicoApplies(policy, to: $0) != false }) {
                let field = policy.selector == .all && policy.namespaceSelector != nil ? "spec.namespaceSelector" : "spec.selector"
                out.append(
                    finding("\(policy.qualifiedName): \(field) \(Self.text(policy, field)) applies to no pod", calico: policy, field: field)
                )
            }
        }
        for site in CalicoLint.sites(cluster) where !hostPolicies.contains(site.policy.qualifiedName) {
            for (key, side) in [("source", site.rule.source), ("destination", site.rule.destination)] {
                guard let field = Self.labelField(side), !matchesSomething(side, of: site.policy, context) else { continue }
                let shown = field == "selector" ? side.selector : side.namespaceSelector
                out.append(
                    finding(
                        "\(site.policy.qualifiedName) rule \(site.path): \(key).\(field) \(shown?.description ?? "") matches no pod and no network set",
                        calico: site.policy, field: "\(site.path).\(key).\(field)", at: site.rule.location))
            }
        }
        return out
    }

    private static func text(_ policy: CalicoPolicy, _ field: String) -> String {
        (field == "spec.selector" ? policy.selector : policy.namespaceSelector ?? .all).description
    }

    /// The label condition worth checking: a selector other than `all()`, else a namespace
    /// selector other than `all()`/`global()`.
    private static func labelField(_ side: CalicoEntityRule) -> String? {
        if let s = side.selector, s != .all { return "selector" }
        if let ns = side.namespaceSelector, ns != .all, ns != .global { return "namespaceSelector" }
        return nil
    }

    private func matchesSomething(_ side: CalicoEntityRule, of policy: CalicoPolicy, _ context: LintContext) -> Bool {
        let labelsOnly = CalicoEntityRule(selector: side.selector, namespaceSelector: side.namespaceSelector)
        if context.cluster.pods.contains(where: { context.calicoSide(labelsOnly, of: policy, matches: $0) != false }) { return true }
        return context.cluster.calico.networkSets.contains { set in
            let admitted =
                set.namespace.map { context.calicoScope(labelsOnly, of: policy, admits: $0) }
                ?? (side.namespaceSelector?.mentionsGlobal ?? (policy.namespace == nil))
            return admitted && (side.selector ?? .all).matches(set.labels)
        }
    }
}
