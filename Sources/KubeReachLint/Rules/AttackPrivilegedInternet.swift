import KubeReachAttack
import KubeReachCore
import KubeReachRBAC

/// The attack graph's riskiest single step: the internet reaches a declared port of a pod
/// that can escape to its node (privileged, hostPID with nsenter or ptrace, SYS_MODULE, a
/// writable host directory). One exploit of the service is root on the node.
struct AttackPrivilegedInternet: LintRule {
    let id = "attack-privileged-internet"
    let severity = Diagnostic.Severity.error
    let summary = "a pod reachable from the internet can escape to its node"
    let hint =
        "isolate the pod for ingress (allow only the sources it needs), or drop the field that allows the escape (privileged, hostPID, the capability, the writable hostPath)"

    var triggering: [String] { [Example.exposedPod("{privileged: true}")] }
    var nonTriggering: [String] {
        [
            Example.exposedPod("{privileged: false}"),
            Example.exposedPod("{privileged: true}")
                + Example.policy("deny", ns: "apps", "  podSelector: {}\n  policyTypes: [Ingress]"),
        ]
    }

    /// One finding per workload, naming every escape (the field each one reads).
    func check(_ context: LintContext) -> [LintFinding] {
        context.internetFootholds.compactMap { f in
            guard !f.escapes.isEmpty else { return nil }
            let escapes = f.escapes.map { "\($0.technique.rawValue) (\($0.why))" }.joined(separator: "; ")
            return footholdFinding("\(f.pod.workload) is reachable from the internet on \(f.ports) and escapes to its node: \(escapes)", f)
        }
    }
}
