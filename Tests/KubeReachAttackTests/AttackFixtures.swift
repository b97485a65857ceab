import KubeReachAttack
import KubeReachCore
import KubeReachRBAC
import KubeReachYAML

/// Small manifests for the technique tests.
enum AttackFixtures {
    static func graph(_ yaml: String) throws -> AttackGraph {
        let cluster = try ManifestLoader.load([ManifestSource(name: "t.yaml", bytes: Array(yaml.utf8))]).cluster
        return AttackGraphBuilder(reach: Reachability(cluster: cluster), authorizer: RBACAuthorizer(cluster.identity)).build()
    }

    static func namespace(_ name: String = "app", labels: String = "{}") -> String {
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: \(name), labels: \(labels)}\n---\n"
    }

    /// A Deployment `app/web` with `spec` lines (indented six spaces) in its pod template.
    static func web(_ spec: String = "      containers: [{name: web, ports: [{containerPort: 8080}]}]", kind: String = "Deployment")
        -> String
    {
        "apiVersion: apps/v1\nkind: \(kind)\nmetadata: {name: web, namespace: app}\nspec:\n  selector: {matchLabels: {app: web}}\n"
            + "  template:\n    metadata: {labels: {app: web}}\n    spec:\n      serviceAccountName: web-sa\n\(spec)\n---\n"
    }

    /// A Role in `app` with one rule and its RoleBinding to `app/web-sa`.
    static func grant(
        _ rule: String, cluster: Bool = false, subject: String = "{kind: ServiceAccount, name: web-sa, namespace: app}"
    ) -> String {
        let roleKind = cluster ? "ClusterRole" : "Role", bindingKind = cluster ? "ClusterRoleBinding" : "RoleBinding"
        let ns = cluster ? "" : ", namespace: app"
        return "apiVersion: rbac.authorization.k8s.io/v1\nkind: \(roleKind)\nmetadata: {name: r\(ns)}\nrules:\n- \(rule)\n---\n"
            + "apiVersion: rbac.authorization.k8s.io/v1\nkind: \(bindingKind)\nmetadata: {name: b\(ns)}\n"
            + "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: \(roleKind), name: r}\n"
            + "subjects: [\(subject)]\n---\n"
    }

    static let adminToken =
        "apiVersion: v1\nkind: Secret\nmetadata: {name: admin-token, namespace: app, annotations: {kubernetes.io/service-account.name: admin-sa}}\ntype: kubernetes.io/service-account-token\n---\n"
    static let node = "apiVersion: v1\nkind: Node\nmetadata: {name: n1}\n---\n"

    /// A Deployment `app/db` on node `n1` whose pods mount the token of `app/db-sa`.
    static let db =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: db, namespace: app}\nspec:\n  selector: {matchLabels: {app: db}}\n"
        + "  template:\n    metadata: {labels: {app: db}}\n    spec:\n      serviceAccountName: db-sa\n      nodeName: n1\n      containers: [{name: db}]\n---\n"

    /// A ClusterRoleBinding naming `subject` (so the user or group is in the graph) to a role that grants nothing loaded.
    static func named(_ subject: String) -> String {
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: named}\n"
            + "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\nsubjects: [\(subject)]\n---\n"
    }

    /// `spec` lines mounting the node's `path` into container `web` (`readOnly` as given).
    static func hostMount(_ path: String, readOnly: Bool = false, extra: String = "") -> String {
        "      volumes: [{name: host, hostPath: {path: \(path)}}]\n"
            + "      containers: [{name: web\(extra), volumeMounts: [{name: host, mountPath: /host, readOnly: \(readOnly)}]}]"
    }
}
