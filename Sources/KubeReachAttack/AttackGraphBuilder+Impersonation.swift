import KubeReachCore
import KubeReachRBAC

extension AttackGraphBuilder {
    /// IMPERSONATE users and groups: authorised cluster-wide only (a RoleBinding cannot grant
    /// it), per name. A group is reached only with some user to impersonate as well (the API
    /// server refuses `Impersonate-Group` without `Impersonate-User`); `system:masters` is
    /// cluster-admin.
    mutating func addImpersonationEdges(_ holder: AttackVertex, _ who: Requester) {
        var someUser: (String, SourceLocation?)? = grant(who, "impersonate", "users", in: nil)
        for u in identityNames.users {
            guard let (why, source) = grant(who, "impersonate", "users", in: nil, name: u) else { continue }
            graph.add(holder, .user(u), .impersonate, why, source)
            someUser = someUser ?? (why, source)
        }
        if someUser == nil, let h = graph.vertex(holder),
            let e = graph.outgoing[h].first(where: { graph.edges[$0].technique == .impersonate })
        {
            someUser = (graph.edges[e].why, graph.edges[e].source)
        }
        guard let (userWhy, _) = someUser else { return }
        for g in identityNames.groups + [Requester.masters] {
            guard let (why, source) = grant(who, "impersonate", "groups", in: nil, name: g) else { continue }
            let to = g == Requester.masters ? AttackVertex.clusterAdmin : .group(g)
            let note = g == Requester.masters ? " (system:masters bypasses RBAC)" : ""
            graph.add(holder, to, .impersonate, "\(why)\(note); with \(userWhy)", source)
        }
    }

    /// ROLE_BIND in a namespace: creating a RoleBinding there to `admin`, `cluster-admin` or
    /// `edit` (with `bind` on that ClusterRole) administers the namespace: code as any of its
    /// accounts, and a node where its Pod Security level admits a privileged pod.
    mutating func addNamespaceBindEdges(_ holder: AttackVertex, _ who: Requester, in ns: String) {
        let rbac = "rbac.authorization.k8s.io"
        guard let (why, source) = grant(who, "create", "rolebindings", group: rbac, in: ns),
            let (bindWhy, _) = bindableAdmin(who, in: ns)
        else { return }
        let text = "\(why); \(bindWhy): a RoleBinding to it in \(ns)"
        for sa in serviceAccounts(in: ns) { graph.add(holder, sa, .roleBind, text, source) }
        if (levelOf[ns] ?? .privileged) == .privileged {
            graph.add(
                holder, .node(nil), .roleBind, text + "; \(ns) enforces no Pod Security level, so a privileged pod is admitted", source)
        }
    }

    /// `bind` on a ClusterRole that administers a namespace, checked in `ns`.
    private func bindableAdmin(_ who: Requester, in ns: String) -> (String, SourceLocation?)? {
        for role in ["admin", "cluster-admin", "edit"] {
            if let g = grant(who, "bind", "clusterroles", group: "rbac.authorization.k8s.io", in: ns, name: role) { return g }
        }
        return nil
    }
}
