import KubeReachCore

/// CIS Kubernetes Benchmark 5.3.2: every namespace should have NetworkPolicies.
struct NamespaceWithoutPolicy: LintRule {
    let id = "namespace-without-policy"
    let severity = Diagnostic.Severity.warning
    let summary = "A namespace with pods has no NetworkPolicy (CIS 5.3.2)"
    let hint = "start with a default-deny policy (podSelector: {}, policyTypes: [Ingress, Egress]) and allow what is needed"

    var triggering: [String] { [Example.namespace("shop") + Example.pod("web")] }
    var nonTriggering: [String] { [Example.namespace("shop") + Example.pod("web") + Example.denyAll] }

    func check(_ context: LintContext) -> [LintFinding] {
        let withPolicy = Set(context.cluster.policies.map(\.namespace))
        let withPods = Set(context.cluster.pods.map(\.namespace))
        return context.cluster.namespaces.filter { withPods.contains($0.name) && !withPolicy.contains($0.name) }.map { ns in
            LintFinding(ruleID: id, severity: severity, message: "namespace \(ns.name) has pods but no NetworkPolicy: all traffic is allowed",
                        hint: hint, location: ns.location, object: "Namespace \(ns.name)", fieldPath: nil)
        }
    }
}
