import KubeReachCore

extension LintRule {
    /// A finding at an admin policy (and a field of it).
    func finding(_ message: String, admin: AdminNetworkPolicy, field: String? = nil, at location: SourceLocation? = nil) -> LintFinding {
        LintFinding(
            ruleID: id, severity: severity, message: message, hint: hint, location: location ?? admin.location,
            object: "\(admin.kind) \(admin.name)", fieldPath: field)
    }
}

extension LintContext {
    /// Indices of the pods an admin subject or `pods`/`namespaces` peer selects.
    func pods(selectedBy s: AdminSelection, api: AdminPolicyAPI = .v1alpha1) -> [Int] {
        cluster.pods.indices.filter { explainer.selects(s, pod: $0, api: api) }
    }

    /// Indices of the pods the policy's subject holds.
    func subjects(of policy: AdminNetworkPolicy) -> [Int] { pods(selectedBy: policy.subject, api: policy.api) }

    /// What an unselected pod is left with, for messages: admin policies may still restrict
    /// it (their names), else everything is allowed.
    func openness(ofPod index: Int) -> String {
        let names = cluster.adminPolicies.filter { explainer.selects($0, pod: index) }.map(\.displayName)
        return names.isEmpty ? "everything in and out is allowed" : "only admin policies restrict it (\(names.joined(separator: ", ")))"
    }
}
