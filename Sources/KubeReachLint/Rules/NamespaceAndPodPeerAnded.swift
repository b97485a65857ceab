import KubeReachCore

/// The reverse of the OR mistake: namespaceSelector and podSelector in one peer (AND) that
/// together match nothing, while each alone matches pods: two peers were probably meant.
struct NamespaceAndPodPeerAnded: LintRule {
    let id = "namespace-pod-peer-anded"
    let severity = Diagnostic.Severity.warning
    let summary = "A peer ANDs a namespaceSelector and a podSelector that match pods separately but nothing together"
    let hint = "if either was meant to suffice, write them as two `from`/`to` elements (each starting with '-')"

    var triggering: [String] {
        [
            Example.namespace("shop", labels: "{team: a}") + Example.namespace("ops", labels: "{team: ops}") + Example.pod("web")
                + Example.pod("agent", ns: "ops", labels: "{app: agent}")
                + Example.policy(
                    "p",
                    "  podSelector: {}\n  ingress:\n  - from:\n    - namespaceSelector: {matchLabels: {team: ops}}\n      podSelector: {matchLabels: {app: web}}"
                )
        ]
    }
    var nonTriggering: [String] {
        [
            Example.namespace("shop", labels: "{team: a}") + Example.namespace("ops", labels: "{team: ops}") + Example.pod("web")
                + Example.pod("agent", ns: "ops", labels: "{app: agent}")
                + Example.policy(
                    "p",
                    "  podSelector: {}\n  ingress:\n  - from:\n    - namespaceSelector: {matchLabels: {team: ops}}\n      podSelector: {matchLabels: {app: agent}}"
                )
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        context.peerSites.compactMap { site in
            guard case .selector(.some(let pods), .some(let namespaces)) = site.peer, !pods.isEmpty, !namespaces.isEmpty else { return nil }
            let inNamespaces = { (p: Pod) in namespaces.matches(context.cluster.namespaces.first { $0.name == p.namespace }?.labels ?? [:])
            }
            let both = context.cluster.pods.contains { inNamespaces($0) && pods.matches($0.labels) }
            let nsAlone = context.cluster.pods.contains(where: inNamespaces)
            let podsAlone = context.cluster.pods.contains { pods.matches($0.labels) }
            guard !both, nsAlone, podsAlone else { return nil }
            return finding(
                "namespaceSelector \(namespaces.description) AND podSelector \(pods.description) match no pod together, but each matches pods alone",
                policy: site.policy, field: site.path, at: site.rule.location)
        }
    }
}
