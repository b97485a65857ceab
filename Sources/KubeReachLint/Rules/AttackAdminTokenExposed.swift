import KubeReachAttack
import KubeReachCore
import KubeReachRBAC

/// A token with every right cluster-wide, mounted into a pod the internet reaches: one
/// exploit of the service is cluster-admin.
struct AttackAdminTokenExposed: LintRule {
    let id = "attack-admin-token-exposed"
    let severity = Diagnostic.Severity.error
    let summary = "a pod reachable from the internet holds a token with cluster-admin rights"
    let hint =
        "set automountServiceAccountToken: false (or bind the account to a narrower role), and isolate the pod for ingress"

    var triggering: [String] { [Example.exposedPod("{}", account: "admin") + Example.clusterAdminBinding("admin")] }
    var nonTriggering: [String] {
        [
            Example.exposedPod("{}", account: "admin", automount: false) + Example.clusterAdminBinding("admin"),
            Example.exposedPod("{}", account: "other") + Example.clusterAdminBinding("admin"),
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        context.internetFootholds.compactMap { f in
            f.adminToken.map { t in
                footholdFinding(
                    "\(f.pod.workload) is reachable from the internet on \(f.ports) and mounts the token of serviceaccount \(t.account): \(t.why)",
                    f, field: f.pod.security.map { "\($0.specPath).automountServiceAccountToken" })
            }
        }
    }
}
