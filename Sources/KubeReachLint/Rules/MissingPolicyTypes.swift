import KubeReachCore

/// Without policyTypes, Egress applies only when egress rules exist: `egress: []` then
/// isolates nothing, which surprises readers. `policyTypes: []` is defaulted the same way
/// (the API server fills in any zero-length list), which surprises them more.
struct MissingPolicyTypes: LintRule {
    let id = "missing-policy-types"
    let severity = Diagnostic.Severity.note
    let summary = "policyTypes is not written, or is empty ([]); the directions are inferred"
    let hint = "write policyTypes explicitly ([Ingress], [Egress] or both)"

    var triggering: [String] {
        [
            Example.pod("web") + Example.policy("p", "  podSelector: {}\n  egress: []"),
            Example.pod("web") + Example.policy("p", "  podSelector: {}\n  policyTypes: []\n  egress: []"),
        ]
    }
    var nonTriggering: [String] { [Example.pod("web") + Example.policy("p", "  podSelector: {}\n  policyTypes: [Ingress]")] }

    func check(_ context: LintContext) -> [LintFinding] {
        context.cluster.policies.filter { !$0.policyTypesWritten }.map { p in
            let inferred = [p.affectsIngress ? "Ingress" : nil, p.affectsEgress ? "Egress" : nil].compactMap { $0 }.joined(separator: ", ")
            if p.policyTypesSource == .empty {
                return finding(
                    "policyTypes: [] is defaulted like an absent list (the API server fills it in): [\(inferred)]", policy: p,
                    field: "spec.policyTypes")
            }
            return finding("policyTypes is not written; inferred as [\(inferred)]", policy: p, field: "spec.policyTypes")
        }
    }
}
