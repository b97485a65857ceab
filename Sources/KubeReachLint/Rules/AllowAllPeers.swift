import KubeReachCore

/// `namespaceSelector: {}` with no (or an empty) podSelector is every pod of the cluster.
struct AllowAllPeers: LintRule {
    let id = "peer-selects-every-pod"
    let severity = Diagnostic.Severity.warning
    let summary = "A peer selects every pod of every namespace"
    let hint = "narrow it with a namespaceSelector on kubernetes.io/metadata.name and a podSelector"

    var triggering: [String] {
        [
            Example.pod("web")
                + Example.policy("p", "  podSelector: {}\n  ingress:\n  - from: [{namespaceSelector: {}}]\n    ports: [{port: 80}]")
        ]
    }
    var nonTriggering: [String] {
        [
            Example.pod("web")
                + Example.policy(
                    "p",
                    "  podSelector: {}\n  ingress:\n  - from: [{namespaceSelector: {}, podSelector: {matchLabels: {app: lb}}}]\n    ports: [{port: 80}]"
                )
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        context.peerSites.compactMap { site in
            guard case .selector(let pods, .some(let namespaces)) = site.peer, namespaces.isEmpty, pods?.isEmpty ?? true else { return nil }
            return finding(
                "namespaceSelector {} selects every pod in every namespace", policy: site.policy, field: site.path, at: site.rule.location)
        }
    }
}
