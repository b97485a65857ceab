import KubeReachCore

/// A namespace with policies but no default deny: new workloads start wide open.
struct NamespaceWithoutDefaultDeny: LintRule {
    let id = "namespace-without-default-deny"
    let severity = Diagnostic.Severity.note
    let summary = "The namespace has policies but no default-deny for both directions"
    let hint = "add a policy with podSelector: {} and policyTypes: [Ingress, Egress] and no rules"

    var triggering: [String] {
        [Example.pod("web") + Example.policy("p", "  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Ingress]")]
    }
    var nonTriggering: [String] { [Example.pod("web") + Example.denyAll + Example.allowDNS] }

    func check(_ context: LintContext) -> [LintFinding] {
        let byNamespace = Dictionary(grouping: context.cluster.policies, by: \.namespace)
        return byNamespace.keys.sorted().compactMap { ns in
            let policies = byNamespace[ns]!
            let denies = { (d: PolicyDirection) in policies.contains { $0.podSelector.isEmpty && $0.affects(d) && $0.rules(d).isEmpty } }
            let missing = PolicyDirection.allCases.filter { !denies($0) }.map(\.rawValue)
            guard !missing.isEmpty else { return nil }
            let first = policies.min { ($0.location ?? SourceLocation(file: "")) < ($1.location ?? SourceLocation(file: "")) }
            return finding(
                "namespace \(ns) has no default deny for \(missing.joined(separator: " and "))", namespace: ns, at: first?.location)
        }
    }
}
