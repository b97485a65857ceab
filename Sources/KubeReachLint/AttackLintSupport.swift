import KubeReachAttack
import KubeReachCore
import KubeReachRBAC

extension LintContext {
    /// The workloads the internet reaches, with their escapes and admin tokens (the attack
    /// graph's single-step findings). Each of the two rules asks once: O(pods × external
    /// ranges), without the pod-to-pod edges of the whole graph.
    var internetFootholds: [InternetFoothold] {
        AttackGraphBuilder(reach: reachability, authorizer: RBACAuthorizer(cluster.identity)).internetFootholds()
    }
}

extension LintRule {
    /// A finding at an exposed workload (its location and name).
    func footholdFinding(_ message: String, _ f: InternetFoothold, field: String? = nil) -> LintFinding {
        let w = f.pod.workload
        return LintFinding(
            ruleID: id, severity: severity, message: message, hint: hint, location: f.pod.location,
            object: "\(w.kind) \(w.namespace)/\(w.name)", fieldPath: field)
    }
}

extension Example {
    /// A namespace `apps` and a Deployment `apps/web` serving 8080, with `context` as its
    /// container's securityContext, its service account and automount setting.
    static func exposedPod(_ context: String, account: String = "default", automount: Bool = true) -> String {
        namespace("apps")
            + "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: apps}\nspec:\n  selector: {matchLabels: {app: web}}\n"
            + "  template:\n    metadata: {labels: {app: web}}\n    spec:\n      serviceAccountName: \(account)\n"
            + "      automountServiceAccountToken: \(automount)\n"
            + "      containers: [{name: web, ports: [{containerPort: 8080}], securityContext: \(context)}]\n---\n"
    }

    /// A ClusterRole of every right and its ClusterRoleBinding to `apps/ACCOUNT`.
    static func clusterAdminBinding(_ account: String) -> String {
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: everything}\nrules: [{apiGroups: ['*'], resources: ['*'], verbs: ['*']}]\n---\n"
            + "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: everything}\n"
            + "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: everything}\n"
            + "subjects: [{kind: ServiceAccount, name: \(account), namespace: apps}]\n---\n"
    }
}
