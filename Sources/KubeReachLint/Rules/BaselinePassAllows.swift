import KubeReachCore

/// A Pass in a Baseline ClusterNetworkPolicy skips the rest of the Baseline tier, and
/// nothing comes after it: the connection is allowed. It reads like a hand-off but is an
/// Accept that later Baseline rules cannot narrow.
struct BaselinePassAllows: LintRule {
    let id = "baseline-pass-allows"
    let severity = Diagnostic.Severity.warning
    let summary = "A Pass rule in the Baseline tier lands on \"allowed\": no tier follows it"
    let hint = "write Accept to say the traffic is allowed, or remove the rule so later Baseline rules decide"

    var triggering: [String] {
        [
            Example.pod("web")
                + Example.cnp(
                    "base", tier: "Baseline",
                    Example.shopSubject
                        + "  ingress:\n  - {name: hand-off, action: Pass, from: [{namespaces: {}}]}\n  - {action: Deny, from: [{namespaces: {}}]}"
                )
        ]
    }
    var nonTriggering: [String] {
        [
            Example.pod("web")
                + Example.cnp(
                    "base", tier: "Baseline",
                    Example.shopSubject
                        + "  ingress:\n  - {name: ok, action: Accept, from: [{namespaces: {}}]}\n  - {action: Deny, from: [{namespaces: {}}]}"
                ),
            Example.pod("web") + Example.cnp("admin", Example.shopSubject + "  ingress:\n  - {action: Pass, from: [{namespaces: {}}]}")
                + Example.denyAll,
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        var out: [LintFinding] = []
        for policy in context.cluster.orderedBaselinePolicies where !context.subjects(of: policy).isEmpty {
            for direction in PolicyDirection.allCases {
                for (ri, rule) in policy.rules(direction).enumerated() where rule.action == .pass {
                    out.append(
                        finding(
                            "\(policy.displayName) rule '\(rule.name)' passes \(direction.rawValue.lowercased()) traffic out of the Baseline tier, the last one: it is allowed",
                            admin: policy, field: LintContext.rulePath(direction, ri), at: rule.location))
                }
            }
        }
        return out
    }
}
