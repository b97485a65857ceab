import KubeReachCore

/// Decides RBAC requests over loaded Roles, ClusterRoles and bindings, as the API server's
/// RBAC authorizer does: a ClusterRoleBinding grants its ClusterRole's rules everywhere, a
/// RoleBinding grants its role's rules in its own namespace only (never non-resource URLs),
/// and members of `system:masters` are allowed everything before RBAC is asked.
///
/// Built once: roles are aggregated and compiled, bindings indexed by subject, so a request
/// costs the bindings that name the requester, not all of them.
public struct RBACAuthorizer: Sendable {
    public let roles: [RBACRole]
    public let bindings: [RBACBinding]
    /// Rules after aggregation, per role index.
    public let effectiveRules: [[RBACRule]]
    private let compiled: [[CompiledRule]]
    /// The role index each binding refers to; nil when the role is not in the input.
    private let bindingRole: [Int?]
    private let byUser: [String: [Int]]
    private let byGroup: [String: [Int]]

    public init(_ identity: IdentityObjects) {
        roles = identity.roles
        bindings = identity.bindings
        effectiveRules = RoleAggregation.effectiveRules(identity.roles)
        compiled = effectiveRules.map { $0.map(CompiledRule.init) }
        var index: [RoleKey: Int] = [:]
        for (i, r) in identity.roles.enumerated() { index[RoleKey(kind: r.kind, namespace: r.namespace, name: r.name)] = i }
        bindingRole = identity.bindings.map { b in
            index[RoleKey(kind: b.roleKind, namespace: b.roleKind == .role ? b.namespace : nil, name: b.roleName)]
        }
        var users: [String: [Int]] = [:], groups: [String: [Int]] = [:]
        for (i, b) in identity.bindings.enumerated() {
            for s in Set(b.subjects) {
                switch s.kind {
                case .group: groups[s.name, default: []].append(i)
                case .user: users[s.name, default: []].append(i)
                case .serviceAccount: users["system:serviceaccount:\(s.namespace ?? ""):\(s.name)", default: []].append(i)
                }
            }
        }
        byUser = users
        byGroup = groups
    }

    /// Every (binding, rule) that allows `request` for `requester`, in binding order; the
    /// first rule of each binding only. Empty: denied (or unknown, see `missingRoles`).
    public func grants(_ request: AccessRequest, for requester: Requester) -> [AccessGrant] {
        if requester.groups.contains(Requester.masters) {
            return [AccessGrant(binding: nil, role: nil, rule: nil, subject: RBACSubject(kind: .group, name: Requester.masters))]
        }
        return candidates(requester).sorted().compactMap { b in
            guard let subject = bindings[b].subjects.first(where: requester.matches), let rule = firstRule(b, allowing: request) else {
                return nil
            }
            return AccessGrant(binding: bindings[b], role: bindingRole[b].map { roles[$0] }, rule: rule, subject: subject)
        }
    }

    /// The namespaces where a binding naming `requester` applies; nil when a
    /// ClusterRoleBinding (or `system:masters`) names it, which applies in every namespace.
    /// Outside these namespaces no request of the requester is allowed.
    public func bindingNamespaces(for requester: Requester) -> Set<String>? {
        if requester.groups.contains(Requester.masters) { return nil }
        var out: Set<String> = []
        for b in candidates(requester) {
            guard let ns = bindings[b].namespace else { return nil }
            out.insert(ns)
        }
        return out
    }

    private func candidates(_ requester: Requester) -> Set<Int> {
        var out = Set(byUser[requester.user] ?? [])
        for g in requester.groups { out.formUnion(byGroup[g] ?? []) }
        return out
    }

    /// The subjects allowed `request`: one grant per (binding, subject), in binding order,
    /// after the `system:masters` group that RBAC never sees.
    public func whoCan(_ request: AccessRequest) -> [AccessGrant] {
        var out = [AccessGrant(binding: nil, role: nil, rule: nil, subject: RBACSubject(kind: .group, name: Requester.masters))]
        for b in bindings.indices {
            guard let rule = firstRule(b, allowing: request) else { continue }
            let role = bindingRole[b].map { roles[$0] }
            for s in bindings[b].subjects { out.append(AccessGrant(binding: bindings[b], role: role, rule: rule, subject: s)) }
        }
        return out
    }

    /// Bindings that could apply to `request` (for `requester`, when given) but name a role
    /// the input lacks: what they grant is unknown.
    public func missingRoles(_ request: AccessRequest, for requester: Requester? = nil) -> [RBACBinding] {
        bindings.indices.filter { b in
            bindingRole[b] == nil && applies(bindings[b], to: request)
                && (requester.map { r in bindings[b].subjects.contains(where: r.matches) } ?? true)
        }.map { bindings[$0] }
    }

    /// Whether the input holds the bootstrap roles every cluster has (`cluster-admin` stands for them).
    public var hasBootstrapRoles: Bool { roles.contains { $0.kind == .clusterRole && $0.name == "cluster-admin" } }

    private func firstRule(_ b: Int, allowing request: AccessRequest) -> RBACRule? {
        guard let role = bindingRole[b], applies(bindings[b], to: request) else { return nil }
        return compiled[role].first { $0.allows(request) }?.rule
    }

    /// A ClusterRoleBinding applies everywhere; a RoleBinding only to resource requests in
    /// its namespace.
    private func applies(_ binding: RBACBinding, to request: AccessRequest) -> Bool {
        guard binding.kind == .roleBinding else { return true }
        if case .nonResource = request.target { return false }
        return request.namespace != nil && request.namespace == binding.namespace
    }
}

/// A role's identity for `roleRef` lookups.
private struct RoleKey: Hashable {
    var kind: RBACRole.Kind
    var namespace: String?
    var name: String
}
