import KubeReachCore

/// A namespaceSelector and a podSelector written as two peers are ORed; one peer with both
/// was usually meant (Docs/semantics.md §5).
struct NamespaceAndPodPeersOred: LintRule {
    let id = "namespace-pod-peers-ored"
    let severity = Diagnostic.Severity.warning
    let summary = "A namespaceSelector peer and a podSelector peer in one rule are ORed, not ANDed"
    let hint = "to allow only those pods in those namespaces, put both selectors in the same `from`/`to` element (drop the second '-')"

    var triggering: [String] {
        [
            Example.pod("web")
                + Example.policy(
                    "p",
                    "  podSelector: {}\n  ingress:\n  - from:\n    - namespaceSelector: {matchLabels: {team: a}}\n    - podSelector: {matchLabels: {app: web}}"
                )
        ]
    }
    var nonTriggering: [String] {
        [
            Example.pod("web")
                + Example.policy(
                    "p",
                    "  podSelector: {}\n  ingress:\n  - from:\n    - namespaceSelector: {matchLabels: {team: a}}\n      podSelector: {matchLabels: {app: web}}"
                )
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        var out: [LintFinding] = []
        for policy in context.cluster.policies {
            for direction in PolicyDirection.allCases {
                for (ri, rule) in policy.rules(direction).enumerated() {
                    let nsOnly = rule.peers.contains { if case .selector(nil, .some) = $0 { true } else { false } }
                    let podOnly = rule.peers.contains { if case .selector(.some, nil) = $0 { true } else { false } }
                    if nsOnly && podOnly {
                        out.append(
                            finding(
                                summary, policy: policy, field: "spec.\(direction == .ingress ? "ingress" : "egress")[\(ri)]",
                                at: rule.location))
                    }
                }
            }
        }
        return out
    }
}
