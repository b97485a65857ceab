import KubeReachCore

/// `0.0.0.0/0` (or `::/0`) without excepts also admits the cloud metadata address and,
/// where ipBlocks match pods, the cluster's own pods.
struct AnyAddressWithoutExcept: LintRule {
    let id = "ipblock-any-without-except"
    let severity = Diagnostic.Severity.warning
    let summary = "An ipBlock covers every address and excepts nothing"
    let hint = "except the cluster's pod and service ranges and 169.254.169.254/32"

    var triggering: [String] {
        [
            Example.pod("web")
                + Example.policy("p", "  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to: [{ipBlock: {cidr: 0.0.0.0/0}}]")
        ]
    }
    var nonTriggering: [String] {
        [
            Example.pod("web")
                + Example.policy(
                    "p",
                    "  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 169.254.169.254/32]}}]"
                )
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        context.peerSites.compactMap { site in
            guard case .ipBlock(let b) = site.peer, b.cidr.prefixLength == 0, b.except.isEmpty else { return nil }
            return finding("ipBlock \(b.cidr) has no except", policy: site.policy, field: site.path + ".ipBlock", at: site.rule.location)
        }
    }
}
