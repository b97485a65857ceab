import KubeReachCore

/// Rules for a direction that `policyTypes` leaves out are ignored.
struct RulesIgnoredByPolicyTypes: LintRule {
    let id = "rules-ignored-by-policy-types"
    let severity = Diagnostic.Severity.error
    let summary = "The policy has rules for a direction that its policyTypes leaves out: they are ignored"
    let hint = "add the direction to policyTypes, or remove the rules"

    var triggering: [String] {
        [Example.pod("web") + Example.policy("p", "  podSelector: {}\n  policyTypes: [Egress]\n  ingress:\n  - from: [{podSelector: {}}]")]
    }
    var nonTriggering: [String] {
        [
            Example.pod("web")
                + Example.policy("p", "  podSelector: {}\n  policyTypes: [Ingress, Egress]\n  ingress:\n  - from: [{podSelector: {}}]")
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        context.cluster.policies.flatMap { p -> [LintFinding] in
            var out: [LintFinding] = []
            if !p.affectsIngress && !p.ingress.isEmpty {
                out.append(
                    finding("\(p.ingress.count) ingress rule(s) ignored: Ingress is not in policyTypes", policy: p, field: "spec.ingress"))
            }
            if !p.affectsEgress && !p.egress.isEmpty {
                out.append(
                    finding("\(p.egress.count) egress rule(s) ignored: Egress is not in policyTypes", policy: p, field: "spec.egress"))
            }
            return out
        }
    }
}
