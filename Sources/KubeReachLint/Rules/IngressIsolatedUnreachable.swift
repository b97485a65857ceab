import KubeReachCore

/// A workload whose policies meant to let something in (they have ingress rules) while, on
/// the simulated cluster, no pod and no address can reach it on any port: typically a peer
/// selector with a typo (Sock Shop's `name: cart` for `carts`), leaving the service dead.
struct IngressIsolatedUnreachable: LintRule {
    let id = "ingress-isolated-unreachable"
    let severity = Diagnostic.Severity.warning
    let summary = "A workload isolated for ingress by policies with ingress rules can be reached by nothing"
    let hint =
        "check the ingress rules' peer labels and ports against the clients that should reach it (`kubereach explain CLIENT WORKLOAD`)"

    var triggering: [String] {
        [
            Example.pod("front-end", labels: "{name: front-end}") + Example.pod("carts", labels: "{name: carts}")
                + Example.policy(
                    "carts-access",
                    "  podSelector: {matchLabels: {name: carts}}\n  ingress:\n  - from: [{podSelector: {matchLabels: {name: cart}}}]")
        ]
    }
    var nonTriggering: [String] {
        [
            Example.pod("front-end", labels: "{name: front-end}") + Example.pod("carts", labels: "{name: carts}")
                + Example.policy(
                    "carts-access",
                    "  podSelector: {matchLabels: {name: carts}}\n  ingress:\n  - from: [{podSelector: {matchLabels: {name: front-end}}}]"),
            // Closed on purpose: a deny-all without rules is not a mistake.
            Example.pod("worker") + Example.policy("deny-in", "  podSelector: {}\n  policyTypes: [Ingress]"),
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        let cluster = context.cluster
        let reach = context.reachability
        var verdict: [String: (dead: Bool, policy: NetworkPolicy)] = [:]
        var order: [String] = []
        for d in cluster.pods.indices {
            let pod = cluster.pods[d]
            let key = pod.workload.description
            if verdict[key]?.dead == false { continue }
            let isolating = context.isolating(pod, .ingress)
            guard let meant = isolating.first(where: { !$0.ingress.isEmpty }) else { continue }
            let dead =
                !cluster.pods.indices.contains { $0 != d && !reach.connections(fromPod: $0, toPod: d).isEmpty }
                && !reach.externalSources.indices.contains { !reach.connections(fromExternal: $0, toPod: d).isEmpty }
            if verdict[key] == nil { order.append(key) }
            verdict[key] = (dead && (verdict[key]?.dead ?? true), verdict[key]?.policy ?? meant)
        }
        return order.compactMap { key in
            guard let v = verdict[key], v.dead else { return nil }
            var f = finding(
                "nothing can reach \(key) on any port: no pod and no address gets through both its ingress rules and the sources' egress policies",
                policy: v.policy, field: "spec.ingress")
            f.subject = key
            return f
        }
    }
}
