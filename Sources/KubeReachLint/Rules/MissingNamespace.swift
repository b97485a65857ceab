import KubeReachCore

/// A policy without metadata.namespace lands in whatever namespace it is applied to: it may
/// protect the wrong pods.
struct MissingNamespace: LintRule {
    let id = "missing-namespace"
    let severity = Diagnostic.Severity.warning
    let summary = "The policy has no metadata.namespace"
    let hint = "write metadata.namespace; a policy only selects pods of its own namespace"

    var triggering: [String] {
        [
            Example.pod("web", ns: "default")
                + "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n"
        ]
    }
    var nonTriggering: [String] { [Example.pod("web") + Example.denyAll] }

    func check(_ context: LintContext) -> [LintFinding] {
        context.cluster.policies.filter { !$0.namespaceWritten }.map {
            finding("no metadata.namespace: evaluated in \($0.namespace)", policy: $0, field: "metadata.namespace")
        }
    }
}
