import KubeReachCore

/// A selector peer that matches no pod (often a namespace selected by a label it lacks).
struct PeerSelectsNothing: LintRule {
    let id = "peer-selects-nothing"
    let severity = Diagnostic.Severity.warning
    let summary = "A rule's peer selector matches no pod"
    let hint = "to select a namespace by name use namespaceSelector matchLabels kubernetes.io/metadata.name: NAME"

    var triggering: [String] {
        [
            Example.namespace("shop") + Example.pod("web") + Example.pod("api", labels: "{app: api}")
                + Example.policy(
                    "p",
                    "  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - from: [{namespaceSelector: {matchLabels: {name: shop}}}]")
        ]
    }
    var nonTriggering: [String] {
        [
            Example.namespace("shop") + Example.pod("web") + Example.pod("api", labels: "{app: api}")
                + Example.policy(
                    "p",
                    "  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}}]"
                )
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        let explainer = context.explainer
        return context.peerSites.compactMap { site in
            guard case .selector(_, let namespaces) = site.peer else { return nil }
            let any = context.cluster.pods.indices.contains {
                explainer.matches(site.peer, policyNamespace: site.policy.namespace, .pod($0))
            }
            if any { return nil }
            let nsNone = namespaces.map { sel in !context.cluster.namespaces.contains { sel.matches($0.labels) } } ?? false
            let what = nsNone ? "namespaceSelector \(namespaces!.description) matches no namespace" : "the peer matches no pod"
            return finding(what, policy: site.policy, field: site.path, at: site.rule.location)
        }
    }
}
