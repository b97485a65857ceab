import KubeReachCore

/// Calico, Istio or other policy objects change connectivity but are not evaluated.
struct ForeignPolicyKindsPresent: LintRule {
    let id = "foreign-policy-kinds"
    let severity = Diagnostic.Severity.warning
    let summary = "Policy objects of another engine are present and not evaluated: answers may be incomplete"
    let hint =
        "review those objects by hand; kubereach evaluates networking.k8s.io/v1 NetworkPolicy, policy.networking.k8s.io AdminNetworkPolicy, BaselineAdminNetworkPolicy and ClusterNetworkPolicy, and cilium.io CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy only"

    var triggering: [String] { ["apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: x, namespace: shop}\n"] }
    var nonTriggering: [String] { [Example.pod("web") + Example.denyAll] }

    func check(_ context: LintContext) -> [LintFinding] {
        context.skippedKinds.filter { ForeignPolicyKinds.names.contains($0.key) || $0.key.hasSuffix(" NetworkPolicy") }.sorted {
            $0.key < $1.key
        }.map { kind, n in
            LintFinding(
                ruleID: id, severity: severity, message: "\(n) \(kind) object(s) not evaluated", hint: hint, location: nil, object: nil,
                fieldPath: nil)
        }
    }
}
