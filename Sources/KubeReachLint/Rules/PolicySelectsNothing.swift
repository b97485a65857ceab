import KubeReachCore

/// A policy whose podSelector matches no pod of its namespace does nothing.
struct PolicySelectsNothing: LintRule {
    let id = "policy-selects-nothing"
    let severity = Diagnostic.Severity.warning
    let summary = "The policy's podSelector selects no pod of its namespace"
    let hint = "check the labels (`kubectl get pods -n NS --show-labels`) and the policy's namespace"

    var triggering: [String] {
        [Example.pod("web") + Example.policy("p", "  podSelector: {matchLabels: {app: wbe}}\n  policyTypes: [Ingress]")]
    }
    var nonTriggering: [String] {
        [Example.pod("web") + Example.policy("p", "  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Ingress]")]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        context.cluster.policies.filter { context.pods(in: $0.namespace, selectedBy: $0.podSelector).isEmpty }.map {
            finding(
                "podSelector \($0.podSelector.isEmpty ? "{}" : $0.podSelector.description) selects no pod in namespace \($0.namespace)",
                policy: $0, field: "spec.podSelector")
        }
    }
}
