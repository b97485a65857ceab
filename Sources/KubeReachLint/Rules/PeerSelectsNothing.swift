import KubeReachCore

/// A selector peer that matches no pod (often a namespace selected by a label it lacks).
struct PeerSelectsNothing: LintRule {
    let id = "peer-selects-nothing"
    let severity = Diagnostic.Severity.warning
    let summary = "A rule's peer selector matches no pod"
    let hint = "check the labels the peer selects against the pods' (`kubectl get pods -A --show-labels`)"

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
            guard case .selector(let pods, let namespaces) = site.peer else { return nil }
            let any = context.cluster.pods.indices.contains {
                explainer.matches(site.peer, policyNamespace: site.policy.namespace, .pod($0))
            }
            if any { return nil }
            let nsNone = namespaces.map { sel in !context.cluster.namespaces.contains { sel.matches($0.labels) } } ?? false
            let what = nsNone ? "namespaceSelector \(namespaces!.description) matches no namespace" : "the peer matches no pod"
            var f = finding(what, policy: site.policy, field: site.path, at: site.rule.location)
            f.hint = specificHint(pods: pods, namespaces: namespaces, namespaceMatchesNothing: nsNone, context) ?? hint
            return f
        }
    }

    /// The hint that fits why the peer matches nothing: a namespace selected by a label it
    /// lacks (by its name, most often), or pods that live in another namespace.
    private func specificHint(pods: LabelSelector?, namespaces: LabelSelector?, namespaceMatchesNothing: Bool, _ context: LintContext)
        -> String?
    {
        if namespaceMatchesNothing, let namespaces {
            let names = Set(context.cluster.namespaces.map(\.name))
            let values = namespaces.matchLabels.map(\.value) + namespaces.matchExpressions.flatMap(\.values)
            if let meant = values.first(where: names.contains) {
                return
                    "namespace \(meant) lacks those labels; to select a namespace by name use namespaceSelector matchLabels \(Namespace.nameLabel): \(meant)"
            }
            return "no namespace has those labels: check them (`kubectl get namespaces --show-labels`)"
        }
        if namespaces == nil, let pods, context.cluster.pods.contains(where: { pods.matches($0.labels) }) {
            return
                "without a namespaceSelector the peer looks in the policy's own namespace only; add one to the same peer for pods elsewhere"
        }
        return nil
    }
}
