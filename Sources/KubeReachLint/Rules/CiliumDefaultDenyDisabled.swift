import KubeReachCore

/// With `enableDefaultDeny` false, allow rules restrict nothing: an endpoint no other policy
/// isolates stays open in that direction.
struct CiliumDefaultDenyDisabled: LintRule {
    let id = "cilium-default-deny-disabled"
    let severity = Diagnostic.Severity.warning
    let summary = "enableDefaultDeny is false while allow rules are written: endpoints no other policy isolates stay open"
    let hint = "remove enableDefaultDeny (or set it true) if the allow rules are meant to be the only traffic"

    var triggering: [String] {
        [
            Example.pod("web")
                + CiliumLint.policy(
                    "p", "  endpointSelector: {}\n  enableDefaultDeny: {ingress: false}\n  ingress:\n  - fromEntities: [cluster]")
        ]
    }
    var nonTriggering: [String] {
        [
            Example.pod("web")
                + CiliumLint.policy(
                    "p", "  endpointSelector: {}\n  enableDefaultDeny: {ingress: false}\n  ingressDeny:\n  - fromEntities: [world]")
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        var out: [LintFinding] = []
        let reach = Reachability(cluster: context.cluster, options: context.options)
        for policy in context.cluster.ciliumPolicies {
            for (si, spec) in policy.specs.enumerated() {
                for d in PolicyDirection.allCases where spec.defaultDeny(d) == false && !spec.allows(d).isEmpty {
                    let open = context.cluster.pods.indices.filter { p in
                        context.cluster.pods[p].namespace == (policy.namespace ?? context.cluster.pods[p].namespace)
                            && !reach.isIsolated(pod: p, d) && spec.endpointSelector.map { selects($0, p, context) } == true
                    }
                    guard let first = open.first else { continue }
                    let base = policy.specs.count > 1 || si > 0 ? "specs[\(si)]" : "spec"
                    out.append(
                        finding(
                            "\(d.rawValue.lowercased()) allow rules restrict nothing: \(context.cluster.pods[first].qualifiedName)\(open.count > 1 ? " and \(open.count - 1) more" : "") stay open",
                            cilium: policy, field: "\(base).enableDefaultDeny.\(d.rawValue.lowercased())", at: nil))
                }
            }
        }
        return out
    }

    /// Whether the subject selector takes the pod (pod labels only: a subject naming derived
    /// labels is left to the engine's answer).
    private func selects(_ s: CiliumSelector, _ p: Int, _ context: LintContext) -> Bool {
        s.selector.matches(
            context.cluster.pods[p].labels.merging([CiliumLabels.namespaceKey: context.cluster.pods[p].namespace]) { a, _ in a })
    }
}
