import KubeReachCore

/// A selector peer that matches no pod (often a namespace selected by a label it lacks).
struct PeerSelectsNothing: LintRule {
    let id = "peer-selects-nothing"
    let severity = Diagnostic.Severity.warning
    let summary = "A rule's peer selector matches no pod"
    let hint = "to select a namespace by name use namespaceSelector matchLabels kubernetes.io/metadata.name: NAME"

    var triggering: [String] {
        [Example.namespace("shop") + Example.pod("web") + Example.pod("api", labels: "{app: api}")
            + Example.policy("p", "  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - from: [{namespaceSelector: {matchLabels: {name: shop}}}]")]
    }
    var nonTriggering: [String] {
        [Example.namespace("shop") + Example.pod("web") + Example.pod("api", labels: "{app: api}")
            + Example.policy("p", "  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}}]")]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        let explainer = Explainer(cluster: context.cluster, options: context.options)
        var out: [LintFinding] = []
        for policy in context.cluster.policies {
            for direction in PolicyDirection.allCases where policy.affects(direction) {
                let key = direction == .ingress ? "ingress" : "egress", peersKey = direction == .ingress ? "from" : "to"
                for (ri, rule) in policy.rules(direction).enumerated() {
                    for (pi, peer) in rule.peers.enumerated() {
                        guard case .selector(_, let namespaces) = peer else { continue }
                        let any = context.cluster.pods.indices.contains { explainer.matches(peer, policyNamespace: policy.namespace, .pod($0)) }
                        if any { continue }
                        let nsNone = namespaces.map { sel in !context.cluster.namespaces.contains { sel.matches($0.labels) } } ?? false
                        let what = nsNone ? "namespaceSelector \(namespaces!.description) matches no namespace" : "the peer matches no pod"
                        out.append(finding(what, policy: policy, field: "spec.\(key)[\(ri)].\(peersKey)[\(pi)]", at: rule.location))
                    }
                }
            }
        }
        return out
    }
}
