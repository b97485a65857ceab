import KubeReachCore

/// An Admin-tier Pass rule (ANP or Admin CNP) hands connections to NetworkPolicies and then
/// the Baseline tier; for a subject pod that no NetworkPolicy isolates and no Baseline
/// policy covers, Pass is an Allow in disguise.
struct AdminPassToNothing: LintRule {
    let id = "admin-pass-to-nothing"
    let severity = Diagnostic.Severity.warning
    let summary = "A Pass rule hands traffic to tiers that do not exist for some subject pods: it allows it"
    let hint = "write the NetworkPolicies (or the BaselineAdminNetworkPolicy rule) the Pass delegates to, or use Allow to say so"

    var triggering: [String] {
        [
            Example.pod("web")
                + Example.admin("a", Example.shopSubject + "  ingress:\n  - {name: delegate, action: Pass, from: [{namespaces: {}}]}"),
            Example.pod("web")
                + Example.cnp("c", Example.shopSubject + "  ingress:\n  - {name: delegate, action: Pass, from: [{namespaces: {}}]}"),
        ]
    }
    var nonTriggering: [String] {
        [
            Example.pod("web") + Example.denyAll
                + Example.admin("a", Example.shopSubject + "  ingress:\n  - {name: delegate, action: Pass, from: [{namespaces: {}}]}"),
            Example.pod("web")
                + Example.admin("a", Example.shopSubject + "  ingress:\n  - {name: delegate, action: Pass, from: [{namespaces: {}}]}")
                + Example.admin(
                    "default", priority: nil, baseline: true,
                    Example.shopSubject + "  ingress:\n  - {action: Deny, from: [{namespaces: {}}]}"),
            Example.pod("web")
                + Example.cnp("c", Example.shopSubject + "  ingress:\n  - {name: delegate, action: Pass, from: [{namespaces: {}}]}")
                + Example.cnp("base", tier: "Baseline", Example.shopSubject + "  ingress:\n  - {action: Deny, from: [{namespaces: {}}]}"),
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        let cluster = context.cluster
        var out: [LintFinding] = []
        let baselines = cluster.orderedBaselinePolicies.map { ($0, Set(context.subjects(of: $0))) }
        for policy in cluster.orderedAdminPolicies {
            let subjects = context.subjects(of: policy)
            for direction in PolicyDirection.allCases {
                for (ri, rule) in policy.rules(direction).enumerated() where rule.action == .pass {
                    let bare = subjects.filter { p in
                        let pod = cluster.pods[p]
                        let baseline = baselines.contains { !$0.0.rules(direction).isEmpty && $0.1.contains(p) }
                        return context.isolating(pod, direction).isEmpty && !baseline
                    }
                    guard let first = bare.first else { continue }
                    let name = cluster.pods[first].qualifiedName
                    out.append(
                        finding(
                            "\(policy.displayName) rule '\(rule.name)' passes \(direction.rawValue.lowercased()) traffic of \(bare.count) pod(s) (e.g. \(name)) that no NetworkPolicy isolates and no baseline covers: it is allowed",
                            admin: policy, field: LintContext.rulePath(direction, ri), at: rule.location))
                }
            }
        }
        return out
    }
}
