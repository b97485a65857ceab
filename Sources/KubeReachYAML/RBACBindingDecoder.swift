import KubeReachCore

/// `rbac.authorization.k8s.io/v1` RoleBinding and ClusterRoleBinding: `roleRef` and `subjects`.
enum RBACBindingDecoder {
    static func read(_ root: Field, header: ObjectHeader) -> RBACBinding {
        let isCluster = header.kind == "ClusterRoleBinding"
        root.warnUnknownKeys(["apiVersion", "kind", "metadata", "roleRef", "subjects"])
        let ref = root.child("roleRef")
        ref.warnUnknownKeys(["apiGroup", "kind", "name"])
        var roleKind = RBACRole.Kind.clusterRole
        switch ref.child("kind").string() {
        case "ClusterRole": roleKind = .clusterRole
        case "Role" where !isCluster: roleKind = .role
        case "Role": root.sink.error("a ClusterRoleBinding may only refer to a ClusterRole", at: ref.child("kind"))
        case let other: root.sink.error("roleRef.kind must be Role or ClusterRole, not '\(other ?? "")'", at: ref.child("kind"))
        }
        let roleName = ref.child("name").string() ?? ""
        if roleName.isEmpty { root.sink.error("roleRef.name is required", at: ref.child("name")) }
        if let group = ref.child("apiGroup").string(), group != "rbac.authorization.k8s.io" {
            root.sink.error("roleRef.apiGroup must be rbac.authorization.k8s.io", at: ref.child("apiGroup"))
        }
        let subjects = (root.child("subjects").sequence() ?? []).compactMap {
            subject($0, bindingNamespace: isCluster ? nil : header.namespace)
        }
        return RBACBinding(
            kind: isCluster ? .clusterRoleBinding : .roleBinding, namespace: header.namespace, name: header.name, roleKind: roleKind,
            roleName: roleName, subjects: subjects, location: header.location)
    }

    /// A subject; a ServiceAccount without a namespace takes the RoleBinding's (the API
    /// server refuses one in a ClusterRoleBinding).
    static func subject(_ f: Field, bindingNamespace: String?) -> RBACSubject? {
        f.warnUnknownKeys(["kind", "name", "namespace", "apiGroup"])
        guard let name = f.child("name").string(), !name.isEmpty else {
            f.sink.error("subject name is required", at: f.child("name"))
            return nil
        }
        let kind = f.child("kind").string() ?? ""
        switch kind {
        case "User": return RBACSubject(kind: .user, name: name)
        case "Group": return RBACSubject(kind: .group, name: name)
        case "ServiceAccount":
            let written = f.child("namespace").string().flatMap { $0.isEmpty ? nil : $0 }
            guard let ns = written ?? bindingNamespace else {
                f.sink.error("a ServiceAccount subject needs a namespace", at: f.child("namespace"))
                return nil
            }
            return RBACSubject(kind: .serviceAccount, name: name, namespace: ns)
        default:
            f.sink.error("subject kind must be User, Group or ServiceAccount, not '\(kind)'", at: f.child("kind"))
            return nil
        }
    }
}
