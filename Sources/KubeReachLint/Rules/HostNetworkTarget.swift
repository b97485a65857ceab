import KubeReachCore

/// NetworkPolicy does not reliably apply to hostNetwork pods: selecting them gives a false
/// sense of isolation (Docs/semantics.md §1).
struct HostNetworkTarget: LintRule {
    let id = "hostnetwork-target"
    let severity = Diagnostic.Severity.warning
    let summary = "The policy selects hostNetwork pods, which NetworkPolicy does not reliably isolate"
    let hint = "protect hostNetwork pods with node-level firewalls; kubereach treats them as not isolated by default"

    var triggering: [String] {
        [
            "apiVersion: v1\nkind: Pod\nmetadata: {name: agent, namespace: shop, labels: {app: agent}}\nspec:\n  hostNetwork: true\n  containers: [{name: c}]\n---\n"
                + Example.policy("p", "  podSelector: {matchLabels: {app: agent}}\n  policyTypes: [Ingress]")
        ]
    }
    var nonTriggering: [String] { [Example.pod("web") + Example.policy("p", "  podSelector: {}\n  policyTypes: [Ingress]")] }

    func check(_ context: LintContext) -> [LintFinding] {
        context.cluster.policies.compactMap { p in
            let host = context.pods(in: p.namespace, selectedBy: p.podSelector).filter(\.hostNetwork)
            guard !host.isEmpty else { return nil }
            let names = Set(host.map(\.workload.description)).sorted()
            return finding("selects hostNetwork workload(s) \(names.joined(separator: ", "))", policy: p, field: "spec.podSelector")
        }
    }
}
