import KubeReachCore

/// An ANP or BANP whose subject holds no pod guards nothing (often a label typo).
struct AdminSubjectSelectsNothing: LintRule {
    let id = "admin-subject-selects-nothing"
    let severity = Diagnostic.Severity.warning
    let summary = "The AdminNetworkPolicy's (or baseline's) subject selects no pod"
    let hint = "check the namespace and pod labels of spec.subject (`kubectl get ns --show-labels`)"

    var triggering: [String] {
        [
            Example.pod("web")
                + Example.admin(
                    "a",
                    "  subject:\n    namespaces: {matchLabels: {kubernetes.io/metadata.name: shpo}}\n  ingress:\n  - {action: Deny, from: [{namespaces: {}}]}"
                ),
            Example.pod("web")
                + Example.cnp(
                    "c", tier: "Baseline",
                    "  subject:\n    pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: wbe}}}\n  ingress:\n  - {action: Deny, from: [{namespaces: {}}]}"
                ),
        ]
    }
    var nonTriggering: [String] {
        [
            Example.pod("web") + Example.admin("a", Example.shopSubject + "  ingress:\n  - {action: Deny, from: [{namespaces: {}}]}"),
            Example.pod("web") + Example.cnp("c", Example.shopSubject + "  ingress:\n  - {action: Deny, from: [{namespaces: {}}]}"),
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        context.cluster.adminPolicies.filter { context.subjects(of: $0).isEmpty }.map {
            finding("\($0.displayName): spec.subject selects no pod", admin: $0, field: "spec.subject")
        }
    }
}
