import KubeReachCore

/// A rule with no peers and no ports (`ingress: [{}]`) allows everything.
struct AllowAllRule: LintRule {
    let id = "allow-all-rule"
    let severity = Diagnostic.Severity.warning
    let summary = "A rule allows everything (no peers and no ports)"
    let hint = "list the peers and ports that are needed; an allow-all rule cancels the isolation"

    var triggering: [String] { [Example.pod("web") + Example.policy("p", "  podSelector: {}\n  ingress:\n  - {}")] }
    var nonTriggering: [String] { [Example.pod("web") + Example.policy("p", "  podSelector: {}\n  ingress:\n  - ports: [{port: 80}]")] }

    func check(_ context: LintContext) -> [LintFinding] {
        var out: [LintFinding] = []
        for policy in context.cluster.policies {
            for direction in PolicyDirection.allCases where policy.affects(direction) {
                for (i, rule) in policy.rules(direction).enumerated() where rule.peers.isEmpty && rule.ports.isEmpty {
                    out.append(
                        finding(
                            "this \(direction.rawValue.lowercased()) rule allows everything", policy: policy,
                            field: "spec.\(direction == .ingress ? "ingress" : "egress")[\(i)]", at: rule.location))
                }
            }
        }
        return out
    }
}
