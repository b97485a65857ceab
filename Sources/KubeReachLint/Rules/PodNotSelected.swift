import KubeReachCore

/// In a namespace that uses policies, a workload that no policy selects is wide open.
struct PodNotSelected: LintRule {
    let id = "pod-not-selected"
    let severity = Diagnostic.Severity.warning
    let summary = "A workload in a namespace with policies is selected by none of them"
    let hint = "add a default-deny policy to the namespace, or a policy for this workload"

    var triggering: [String] {
        [
            Example.pod("web") + Example.pod("debug", labels: "{app: debug}")
                + Example.policy("p", "  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Ingress]")
        ]
    }
    var nonTriggering: [String] { [Example.pod("web") + Example.pod("debug", labels: "{app: debug}") + Example.denyAll] }

    func check(_ context: LintContext) -> [LintFinding] {
        let namespaces = Set(context.cluster.policies.map(\.namespace))
        var seen = Set<String>()
        return context.cluster.pods.indices.compactMap { index in
            let pod = context.cluster.pods[index]
            guard namespaces.contains(pod.namespace), seen.insert(pod.workload.description).inserted else { return nil }
            let selected = context.cluster.policies.contains { $0.selects(pod) }
            guard !selected else { return nil }
            return LintFinding(
                ruleID: id, severity: severity,
                message: "\(pod.workload) is selected by no NetworkPolicy: \(context.openness(ofPod: index))",
                hint: hint, location: pod.location, object: pod.workload.description, fieldPath: "metadata.labels")
        }
    }
}
