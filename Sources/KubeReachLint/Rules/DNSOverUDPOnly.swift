import KubeReachCore

/// DNS allowed on UDP only: large answers and some resolvers fall back to TCP 53.
struct DNSOverUDPOnly: LintRule {
    let id = "dns-udp-only"
    let severity = Diagnostic.Severity.warning
    let summary = "DNS is allowed on UDP 53 but not on TCP 53"
    let hint = "allow TCP 53 next to UDP 53: truncated answers are retried over TCP"

    var triggering: [String] {
        [
            Example.dnsServer + Example.pod("web") + Example.denyAll
                + Example.policy("dns", "  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - ports: [{port: 53, protocol: UDP}]")
        ]
    }
    var nonTriggering: [String] { [Example.dnsServer + Example.pod("web") + Example.denyAll + Example.allowDNS] }

    func check(_ context: LintContext) -> [LintFinding] {
        var out: [LintFinding] = []
        for policy in context.cluster.policies where policy.affectsEgress {
            for (i, rule) in policy.egress.enumerated() where DNS.allows(rule, .udp) && !DNS.allows(rule, .tcp) && !rule.ports.isEmpty {
                let pods = context.pods(in: policy.namespace, selectedBy: policy.podSelector)
                let tcpElsewhere = pods.allSatisfy { pod in
                    context.isolating(pod, .egress).contains { p in p.egress.contains { DNS.allows($0, .tcp) } }
                }
                if !pods.isEmpty && !tcpElsewhere {
                    out.append(finding(summary, policy: policy, field: "spec.egress[\(i)].ports", at: rule.location))
                }
            }
        }
        return out
    }
}
