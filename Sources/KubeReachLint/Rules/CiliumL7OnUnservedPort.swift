import KubeReachCore

/// An ingress rule with an L7 part on a port that no selected pod declares: the L7 filter
/// guards nothing (a typo in the port, or the wrong endpoints selected).
struct CiliumL7OnUnservedPort: LintRule {
    let id = "cilium-app-rule-on-unserved-port"
    let severity = Diagnostic.Severity.warning
    let summary = "A Cilium ingress rule has an L7 part on a port no selected pod serves"
    let hint = "use a port (or port name) the selected containers declare"

    var triggering: [String] {
        [
            Example.pod("web", ports: "[{containerPort: 8080}]")
                + CiliumLint.policy(
                    "p",
                    "  endpointSelector: {matchLabels: {app: web}}\n  ingress:\n  - toPorts:\n    - ports: [{port: \"80\", protocol: TCP}]\n      rules: {http: [{method: GET}]}"
                )
        ]
    }
    var nonTriggering: [String] {
        [
            Example.pod("web", ports: "[{containerPort: 80}]")
                + CiliumLint.policy(
                    "p",
                    "  endpointSelector: {matchLabels: {app: web}}\n  ingress:\n  - toPorts:\n    - ports: [{port: \"80\", protocol: TCP}]\n      rules: {http: [{method: GET}]}"
                )
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        CiliumLint.sites(context.cluster).compactMap { site in
            guard site.direction == .ingress, !site.deny, !site.rule.l7.isEmpty, let subject = site.spec.endpointSelector else {
                return nil
            }
            let pods = context.cluster.pods.filter { pod in
                !pod.hostNetwork && (site.policy.namespace ?? pod.namespace) == pod.namespace
                    && subject.selector.matches(pod.labels.merging([CiliumLabels.namespaceKey: pod.namespace]) { a, _ in a })
            }
            let declared = pods.flatMap(\.ports)
            guard !pods.isEmpty, !declared.isEmpty else { return nil }
            let unserved = (site.rule.ports ?? []).filter { p in
                guard let n = p.number else { return false }
                return !declared.contains { $0.port >= n && $0.port <= max(n, p.endPort ?? n) }
            }
            guard let first = unserved.first, let n = first.number else { return nil }
            return finding(
                "\(site.rule.l7.joined(separator: ", ")) on port \(n), which none of the \(pods.count) selected pod(s) declares",
                cilium: site.policy, field: "\(site.path).toPorts", at: site.rule.location)
        }
    }
}
