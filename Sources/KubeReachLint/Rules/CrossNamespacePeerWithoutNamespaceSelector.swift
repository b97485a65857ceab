import KubeReachCore

/// A podSelector-only peer selects pods of the policy's own namespace only; when it matches
/// nothing there but matches pods elsewhere, a namespaceSelector was probably forgotten.
struct CrossNamespacePeerWithoutNamespaceSelector: LintRule {
    let id = "cross-namespace-peer-without-namespace-selector"
    let severity = Diagnostic.Severity.warning
    let summary = "A podSelector peer matches pods only in other namespaces, but without namespaceSelector it selects its own namespace"
    let hint = "add a namespaceSelector to the same peer (e.g. kubernetes.io/metadata.name: OTHER)"

    var triggering: [String] {
        [Example.pod("db", ns: "data", labels: "{app: db}") + Example.pod("api", ns: "shop", labels: "{app: api}")
            + Example.policy("p", ns: "data", "  podSelector: {}\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: api}}}]")]
    }
    var nonTriggering: [String] {
        [Example.pod("db", ns: "data", labels: "{app: db}") + Example.pod("api", ns: "shop", labels: "{app: api}")
            + Example.policy("p", ns: "data", "  podSelector: {}\n  ingress:\n  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}, podSelector: {matchLabels: {app: api}}}]")]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        var out: [LintFinding] = []
        for policy in context.cluster.policies {
            for direction in PolicyDirection.allCases where policy.affects(direction) {
                for (ri, rule) in policy.rules(direction).enumerated() {
                    for (pi, peer) in rule.peers.enumerated() {
                        guard case .selector(.some(let pods), nil) = peer else { continue }
                        let here = context.cluster.pods.contains { $0.namespace == policy.namespace && pods.matches($0.labels) }
                        let elsewhere = Set(context.cluster.pods.filter { $0.namespace != policy.namespace && pods.matches($0.labels) }.map(\.namespace))
                        guard !here, !elsewhere.isEmpty else { continue }
                        let key = direction == .ingress ? "ingress[\(ri)].from" : "egress[\(ri)].to"
                        out.append(finding("podSelector \(pods.description) matches no pod in \(policy.namespace) but matches pods in \(elsewhere.sorted().joined(separator: ", "))",
                                           policy: policy, field: "spec.\(key)[\(pi)]", at: rule.location))
                    }
                }
            }
        }
        return out
    }
}
