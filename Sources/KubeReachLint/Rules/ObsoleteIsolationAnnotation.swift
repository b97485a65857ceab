import KubeReachCore

/// Before Kubernetes 1.7 a namespace was isolated by the annotation
/// `net.beta.kubernetes.io/network-policy: {"ingress": {"isolation": "DefaultDeny"}}`; the v1
/// API removed it, and no current network plugin reads it. A namespace relying on it is open.
struct ObsoleteIsolationAnnotation: LintRule {
    let id = "obsolete-isolation-annotation"
    let severity = Diagnostic.Severity.warning
    let summary = "A namespace carries the net.beta.kubernetes.io/network-policy annotation, ignored since Kubernetes 1.7"
    let hint = "remove the annotation and add a default-deny NetworkPolicy (podSelector: {}, policyTypes: [Ingress]) to the namespace"

    static let annotated =
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  annotations:\n"
        + "    net.beta.kubernetes.io/network-policy: '{\"ingress\": {\"isolation\": \"DefaultDeny\"}}'\n---\n"

    var triggering: [String] {
        [Self.annotated + Example.pod("web"), Self.annotated + Example.pod("web") + Example.denyAll]
    }
    var nonTriggering: [String] { [Example.namespace("shop") + Example.pod("web") + Example.denyAll] }

    func check(_ context: LintContext) -> [LintFinding] {
        context.cluster.namespaces.compactMap { ns in
            guard let value = ns.annotations[Annotations.legacyIsolation] else { return nil }
            let isolated = context.cluster.policies.contains { $0.namespace == ns.name && $0.podSelector.isEmpty && $0.affectsIngress }
            let state =
                isolated
                ? "isolation comes from this namespace's NetworkPolicies alone"
                : "no NetworkPolicy isolates every pod of \(ns.name) for ingress, so it is not isolated"
            var f = finding(
                "annotation \(Annotations.legacyIsolation)=\(value) has no effect since Kubernetes 1.7: \(state)", namespace: ns.name,
                at: ns.location)
            f.fieldPath = "metadata.annotations"
            return f
        }
    }
}
