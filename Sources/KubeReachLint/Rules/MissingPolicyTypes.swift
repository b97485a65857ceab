import KubeReachCore

/// Without policyTypes, Egress applies only when egress rules exist: `egress: []` then
/// isolates nothing, which surprises readers.
struct MissingPolicyTypes: LintRule {
    let id = "missing-policy-types"
    let severity = Diagnostic.Severity.note
    let summary = "policyTypes is not written; the directions are inferred"
    let hint = "write policyTypes explicitly ([Ingress], [Egress] or both)"

    var triggering: [String] { [Example.pod("web") + Example.policy("p", "  podSelector: {}\n  egress: []")] }
    var nonTriggering: [String] { [Example.pod("web") + Example.policy("p", "  podSelector: {}\n  policyTypes: [Ingress]")] }

    func check(_ context: LintContext) -> [LintFinding] {
        context.cluster.policies.filter { !$0.policyTypesWritten }.map { p in
            let inferred = [p.affectsIngress ? "Ingress" : nil, p.affectsEgress ? "Egress" : nil].compactMap { $0 }.joined(separator: ", ")
            return finding("policyTypes is not written; inferred as [\(inferred)]", policy: p, field: "spec.policyTypes")
        }
    }
}
