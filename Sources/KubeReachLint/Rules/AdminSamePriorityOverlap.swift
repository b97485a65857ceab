import KubeReachCore

/// Two admin policies of one tier at one priority whose subjects share pods: where both
/// match a connection the API lets the plugin pick either, so the answer may differ from
/// plugin to plugin (kubereach picks v1alpha2 first, then by name). An AdminNetworkPolicy
/// and a ClusterNetworkPolicy meeting here is a migration collision.
struct AdminSamePriorityOverlap: LintRule {
    let id = "admin-same-priority-overlap"
    let severity = Diagnostic.Severity.warning
    let summary = "Two admin policies of one tier share a priority and subject pods: their order is undefined"
    let hint = "give each policy of the tier its own priority (lower is evaluated first)"

    var triggering: [String] {
        [
            Example.pod("web")
                + Example.cnp("a", Example.shopSubject + "  ingress:\n  - {action: Deny, from: [{namespaces: {}}]}")
                + Example.cnp("b", Example.shopSubject + "  ingress:\n  - {action: Accept, from: [{namespaces: {}}]}"),
            Example.pod("web")
                + Example.admin("legacy", Example.shopSubject + "  ingress:\n  - {action: Deny, from: [{namespaces: {}}]}")
                + Example.cnp("new", Example.shopSubject + "  ingress:\n  - {action: Accept, from: [{namespaces: {}}]}"),
        ]
    }
    var nonTriggering: [String] {
        [
            Example.pod("web")
                + Example.cnp("a", priority: 10, Example.shopSubject + "  ingress:\n  - {action: Deny, from: [{namespaces: {}}]}")
                + Example.cnp("b", priority: 11, Example.shopSubject + "  ingress:\n  - {action: Accept, from: [{namespaces: {}}]}"),
            Example.pod("web")
                + Example.cnp("a", Example.shopSubject + "  ingress:\n  - {action: Deny, from: [{namespaces: {}}]}")
                + Example.cnp("b", tier: "Baseline", Example.shopSubject + "  ingress:\n  - {action: Accept, from: [{namespaces: {}}]}"),
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        let ordered = context.cluster.orderedAdminPolicies + context.cluster.orderedBaselinePolicies
        let subjects = ordered.map { Set(context.subjects(of: $0)) }
        var out: [LintFinding] = []
        for (i, a) in ordered.enumerated() where a.priority != nil {
            for j in (i + 1)..<ordered.count {
                let b = ordered[j]
                guard a.tier == b.tier, a.priority == b.priority, shareDirection(a, b) else { continue }
                let shared = subjects[i].intersection(subjects[j])
                guard let first = shared.min() else { continue }
                let collision = a.api != b.api ? " (an AdminNetworkPolicy and a ClusterNetworkPolicy collide)" : ""
                out.append(
                    finding(
                        "\(b.displayName) and \(a.displayName) share priority \(a.priority ?? 0) and \(shared.count) subject pod(s) (e.g. \(context.cluster.pods[first].qualifiedName))\(collision): the API leaves their order undefined; kubereach evaluates \(a.displayName) first",
                        admin: b, field: "spec.priority"))
            }
        }
        return out
    }

    private func shareDirection(_ a: AdminNetworkPolicy, _ b: AdminNetworkPolicy) -> Bool {
        PolicyDirection.allCases.contains { !a.rules($0).isEmpty && !b.rules($0).isEmpty }
    }
}
