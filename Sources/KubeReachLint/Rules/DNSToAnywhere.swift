import KubeReachCore

/// Port 53 allowed to any destination: an exfiltration channel, not just DNS.
struct DNSToAnywhere: LintRule {
    let id = "dns-to-anywhere"
    let severity = Diagnostic.Severity.warning
    let summary = "DNS (port 53) is allowed to any destination"
    let hint = "restrict the rule's `to` to the cluster DNS pods (kube-system, k8s-app: kube-dns)"

    var triggering: [String] {
        [
            Example.pod("web")
                + Example.policy(
                    "dns",
                    "  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]"
                )
        ]
    }
    var nonTriggering: [String] { [Example.dnsServer + Example.pod("web") + Example.allowDNS] }

    func check(_ context: LintContext) -> [LintFinding] {
        var out: [LintFinding] = []
        for policy in context.cluster.policies where policy.affectsEgress {
            for (i, rule) in policy.egress.enumerated() where !rule.ports.isEmpty && (DNS.allows(rule, .udp) || DNS.allows(rule, .tcp)) {
                let anywhere =
                    rule.peers.isEmpty
                    || rule.peers.contains {
                        if case .ipBlock(let b) = $0 { return b.cidr.prefixLength == 0 }
                        return false
                    }
                if anywhere { out.append(finding(summary, policy: policy, field: "spec.egress[\(i)]", at: rule.location)) }
            }
        }
        return out
    }
}
