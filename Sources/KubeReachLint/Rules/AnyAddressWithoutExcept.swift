import KubeReachCore

/// `0.0.0.0/0` (or `::/0`) without excepts also admits the cloud metadata address and,
/// where ipBlocks match pods, the cluster's own pods.
struct AnyAddressWithoutExcept: LintRule {
    let id = "ipblock-any-without-except"
    let severity = Diagnostic.Severity.warning
    let summary = "An ipBlock covers every address and excepts nothing"
    let hint = "except the cluster's pod and service ranges and 169.254.169.254/32"

    var triggering: [String] { [Example.pod("web") + Example.policy("p", "  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to: [{ipBlock: {cidr: 0.0.0.0/0}}]")] }
    var nonTriggering: [String] { [Example.pod("web") + Example.policy("p", "  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 169.254.169.254/32]}}]")] }

    func check(_ context: LintContext) -> [LintFinding] {
        var out: [LintFinding] = []
        for policy in context.cluster.policies {
            for direction in PolicyDirection.allCases where policy.affects(direction) {
                for (ri, rule) in policy.rules(direction).enumerated() {
                    for (pi, peer) in rule.peers.enumerated() {
                        guard case .ipBlock(let b) = peer, b.cidr.prefixLength == 0, b.except.isEmpty else { continue }
                        let key = direction == .ingress ? "ingress[\(ri)].from" : "egress[\(ri)].to"
                        out.append(finding("ipBlock \(b.cidr) has no except", policy: policy, field: "spec.\(key)[\(pi)].ipBlock", at: rule.location))
                    }
                }
            }
        }
        return out
    }
}
