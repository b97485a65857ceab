import KubeReachCore

/// A podSelector-only peer selects pods of the policy's own namespace only; when it matches
/// nothing there but matches pods elsewhere, a namespaceSelector was probably forgotten.
struct CrossNamespacePeerWithoutNamespaceSelector: LintRule {
    let id = "cross-namespace-peer-without-namespace-selector"
    let severity = Diagnostic.Severity.warning
    let summary = "A podSelector peer matches pods only in other namespaces, but without namespaceSelector it selects its own namespace"
    let hint = "add a namespaceSelector to the same peer (e.g. kubernetes.io/metadata.name: OTHER)"

    var triggering: [String] {
        [
            Example.pod("db", ns: "data", labels: "{app: db}") + Example.pod("api", ns: "shop", labels: "{app: api}")
                + Example.policy("p", ns: "data", "  podSelector: {}\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: api}}}]")
        ]
    }
    var nonTriggering: [String] {
        [
            Example.pod("db", ns: "data", labels: "{app: db}") + Example.pod("api", ns: "shop", labels: "{app: api}")
                + Example.policy(
                    "p", ns: "data",
                    "  podSelector: {}\n  ingress:\n  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}, podSelector: {matchLabels: {app: api}}}]"
                )
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        context.peerSites.compactMap { site in
            guard case .selector(.some(let pods), nil) = site.peer else { return nil }
            let ns = site.policy.namespace
            let here = context.cluster.pods.contains { $0.namespace == ns && pods.matches($0.labels) }
            let elsewhere = Set(context.cluster.pods.filter { $0.namespace != ns && pods.matches($0.labels) }.map(\.namespace))
            guard !here, !elsewhere.isEmpty else { return nil }
            return finding(
                "podSelector \(pods.description) matches no pod in \(ns) but matches pods in \(elsewhere.sorted().joined(separator: ", "))",
                policy: site.policy, field: site.path, at: site.rule.location)
        }
    }
}
