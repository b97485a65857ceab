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
            finding("namespace \(ns.name) has pods but no NetworkPolicy: \(admin(ns.name, context))", namespace: ns.name, at: ns.location)
        }
    }

    /// "all traffic is allowed", unless admin policies hold some of its pods.
    private func admin(_ namespace: String, _ context: LintContext) -> String {
        let pods = context.cluster.pods.indices.filter { context.cluster.pods[$0].namespace == namespace }
        let names = Set(
            context.cluster.adminPolicies.filter { p in !Set(context.subjects(of: p)).isDisjoint(with: pods) }.map(
                \.displayName))
        return names.isEmpty ? "all traffic is allowed" : "only admin policies restrict it (\(names.sorted().joined(separator: ", ")))"
    }
}
