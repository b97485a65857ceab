import KubeReachCore

/// endPort equal to port is noise; a range of thousands of ports is rarely intended.
struct EndPortRange: LintRule {
    let id = "endport-range"
    let severity = Diagnostic.Severity.warning
    let summary = "An endPort range is empty of meaning (equal to port) or very wide (over 1000 ports)"
    let hint = "drop endPort when it equals port; list the ports actually used instead of a wide range"

    var triggering: [String] {
        [
            Example.pod("web") + Example.policy("p", "  podSelector: {}\n  ingress:\n  - ports: [{port: 1024, endPort: 65535}]"),
            Example.pod("web") + Example.policy("p", "  podSelector: {}\n  ingress:\n  - ports: [{port: 80, endPort: 80}]"),
        ]
    }
    var nonTriggering: [String] {
        [Example.pod("web") + Example.policy("p", "  podSelector: {}\n  ingress:\n  - ports: [{port: 8080, endPort: 8090}]")]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        var out: [LintFinding] = []
        for policy in context.cluster.policies {
            for direction in PolicyDirection.allCases where policy.affects(direction) {
                for (ri, rule) in policy.rules(direction).enumerated() {
                    for (pi, port) in rule.ports.enumerated() {
                        guard case .number(let start) = port.port, let end = port.endPort else { continue }
                        let field = "spec.\(direction == .ingress ? "ingress" : "egress")[\(ri)].ports[\(pi)].endPort"
                        if end == start {
                            out.append(finding("endPort \(end) equals port", policy: policy, field: field, at: rule.location))
                        }
                        if end - start >= 1000 {
                            out.append(
                                finding(
                                    "endPort opens \(end - start + 1) ports (\(start)-\(end))", policy: policy, field: field,
                                    at: rule.location))
                        }
                    }
                }
            }
        }
        return out
    }
}
