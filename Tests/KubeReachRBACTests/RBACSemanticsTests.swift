import KubeReachCore
import KubeReachRBAC
import KubeReachYAML
import Testing

/// One row per RBAC rule of the authorizer, each checked on the engine and the reference.
@Suite struct RBACSemanticsTests {
    struct Row: Sendable, CustomStringConvertible {
        var description: String
        var role: RBACRole
        var binding: RBACBinding
        var requester: Requester
        var request: AccessRequest
        var allowed: Bool
    }

    static func cluster(_ rules: [RBACRule]) -> RBACRole {
        RBACRole(kind: .clusterRole, name: "r", rules: rules)
    }
    static let alice = Requester(user: "alice")
    static let crb = RBACBinding(
        kind: .clusterRoleBinding, name: "b", roleKind: .clusterRole, roleName: "r", subjects: [RBACSubject(kind: .user, name: "alice")])
    static let rbInA = RBACBinding(
        kind: .roleBinding, namespace: "a", name: "b", roleKind: .clusterRole, roleName: "r",
        subjects: [RBACSubject(kind: .user, name: "alice")])
    static func pods(_ verb: String = "get", sub: String = "", ns: String? = "a", name: String? = nil, group: String = "") -> AccessRequest
    {
        AccessRequest(verb: verb, target: .resource(group: group, resource: "pods", subresource: sub), namespace: ns, name: name)
    }
    static let getPods = RBACRule(verbs: ["get"], apiGroups: [""], resources: ["pods"])

    static let rows: [Row] = [
        Row(
            description: "a RoleBinding grants in its namespace", role: cluster([getPods]), binding: rbInA, requester: alice,
            request: pods(), allowed: true),
        Row(
            description: "a RoleBinding grants nothing elsewhere", role: cluster([getPods]), binding: rbInA, requester: alice,
            request: pods(ns: "b"), allowed: false),
        Row(
            description: "a RoleBinding grants nothing cluster-wide", role: cluster([getPods]), binding: rbInA, requester: alice,
            request: pods(ns: nil), allowed: false),
        Row(
            description: "a ClusterRoleBinding grants cluster-wide", role: cluster([getPods]), binding: crb, requester: alice,
            request: pods(ns: nil), allowed: true),
        Row(
            description: "a RoleBinding never grants non-resource URLs", role: cluster([RBACRule(verbs: ["get"], nonResourceURLs: ["*"])]),
            binding: rbInA,
            requester: alice, request: AccessRequest(verb: "get", target: .nonResource(path: "/healthz")), allowed: false),
        Row(
            description: "a URL prefix rule", role: cluster([RBACRule(verbs: ["get"], nonResourceURLs: ["/api/*"])]), binding: crb,
            requester: alice,
            request: AccessRequest(verb: "get", target: .nonResource(path: "/api/v1")), allowed: true),
        Row(
            description: "a URL prefix rule does not match a longer sibling",
            role: cluster([RBACRule(verbs: ["get"], nonResourceURLs: ["/api/*"])]),
            binding: crb, requester: alice, request: AccessRequest(verb: "get", target: .nonResource(path: "/apis")), allowed: false),
        Row(
            description: "a resource rule does not grant its subresources", role: cluster([getPods]), binding: crb, requester: alice,
            request: pods(sub: "log"), allowed: false),
        Row(
            description: "'*' resources include subresources", role: cluster([RBACRule(verbs: ["get"], apiGroups: [""], resources: ["*"])]),
            binding: crb,
            requester: alice, request: pods(sub: "exec"), allowed: true),
        Row(
            description: "'*/exec' matches any resource's exec",
            role: cluster([RBACRule(verbs: ["create"], apiGroups: [""], resources: ["*/exec"])]),
            binding: crb, requester: alice, request: pods("create", sub: "exec"), allowed: true),
        Row(
            description: "'*/exec' does not match the resource itself",
            role: cluster([RBACRule(verbs: ["create"], apiGroups: [""], resources: ["*/exec"])]),
            binding: crb, requester: alice, request: pods("create"), allowed: false),
        Row(
            description: "'pods/*' is not a wildcard", role: cluster([RBACRule(verbs: ["create"], apiGroups: [""], resources: ["pods/*"])]),
            binding: crb,
            requester: alice, request: pods("create", sub: "exec"), allowed: false),
        Row(
            description: "another API group does not match", role: cluster([getPods]), binding: crb, requester: alice,
            request: pods(group: "apps"), allowed: false),
        Row(
            description: "resourceNames allow the named object",
            role: cluster([RBACRule(verbs: ["get"], apiGroups: [""], resources: ["pods"], resourceNames: ["x"])]),
            binding: crb, requester: alice, request: pods(name: "x"), allowed: true),
        Row(
            description: "resourceNames never allow a request without a name",
            role: cluster([RBACRule(verbs: ["list"], apiGroups: [""], resources: ["pods"], resourceNames: ["x"])]),
            binding: crb, requester: alice, request: pods("list"), allowed: false),
        Row(
            description: "a service account is named by its RoleBinding subject", role: cluster([getPods]),
            binding: RBACBinding(
                kind: .roleBinding, namespace: "a", name: "b", roleKind: .clusterRole, roleName: "r",
                subjects: [RBACSubject(kind: .serviceAccount, name: "sa", namespace: "a")]),
            requester: .serviceAccount(namespace: "a", name: "sa"), request: pods(), allowed: true),
        Row(
            description: "system:serviceaccounts:NS names every service account of NS", role: cluster([getPods]),
            binding: RBACBinding(
                kind: .clusterRoleBinding, name: "b", roleKind: .clusterRole, roleName: "r",
                subjects: [RBACSubject(kind: .group, name: "system:serviceaccounts:a")]),
            requester: .serviceAccount(namespace: "a", name: "any"), request: pods(), allowed: true),
        Row(
            description: "system:authenticated names every user", role: cluster([getPods]),
            binding: RBACBinding(
                kind: .clusterRoleBinding, name: "b", roleKind: .clusterRole, roleName: "r",
                subjects: [RBACSubject(kind: .group, name: "system:authenticated")]),
            requester: Requester(user: "zed"), request: pods(), allowed: true),
        Row(
            description: "a same-named service account of another namespace is someone else", role: cluster([getPods]),
            binding: RBACBinding(
                kind: .clusterRoleBinding, name: "b", roleKind: .clusterRole, roleName: "r",
                subjects: [RBACSubject(kind: .serviceAccount, name: "sa", namespace: "a")]),
            requester: .serviceAccount(namespace: "b", name: "sa"), request: pods(), allowed: false),
        Row(
            description: "a binding to a role that is not loaded grants nothing", role: cluster([getPods]),
            binding: RBACBinding(
                kind: .clusterRoleBinding, name: "b", roleKind: .clusterRole, roleName: "missing",
                subjects: [RBACSubject(kind: .user, name: "alice")]),
            requester: alice, request: pods(), allowed: false),
    ]

    @Test(arguments: rows)
    func row(_ r: Row) {
        let identity = IdentityObjects(roles: [r.role], bindings: [r.binding])
        let engine = !RBACAuthorizer(identity).grants(r.request, for: r.requester).isEmpty
        #expect(engine == r.allowed, "engine: \(r.description)")
        #expect(NaiveRBAC.allows(identity, r.requester.user, r.requester.groups, r.request) == r.allowed, "reference: \(r.description)")
    }

    /// The default roles chain: view aggregates into edit, edit into admin, so a RoleBinding
    /// to `admin` gives `pods/log` (a view rule) and `roles` (admin's own).
    @Test func defaultAggregationChains() throws {
        let defaults = try ManifestLoader.load([DefaultRBAC.source]).cluster.identity
        var identity = defaults
        identity.bindings.append(
            RBACBinding(
                kind: .roleBinding, namespace: "a", name: "x", roleKind: .clusterRole, roleName: "admin",
                subjects: [RBACSubject(kind: .user, name: "alice")]))
        let authorizer = RBACAuthorizer(identity)
        #expect(!authorizer.grants(Self.pods(sub: "log"), for: Self.alice).isEmpty)
        let roles = AccessRequest(
            verb: "create", target: .resource(group: "rbac.authorization.k8s.io", resource: "roles", subresource: ""), namespace: "a")
        #expect(!authorizer.grants(roles, for: Self.alice).isEmpty)
        #expect(authorizer.grants(Self.pods(ns: "b"), for: Self.alice).isEmpty)
        #expect(authorizer.hasBootstrapRoles)
    }

    @Test func missingRoleMakesTheAnswerUnknown() {
        let b = RBACBinding(
            kind: .clusterRoleBinding, name: "b", roleKind: .clusterRole, roleName: "edit",
            subjects: [RBACSubject(kind: .user, name: "alice")])
        let authorizer = RBACAuthorizer(IdentityObjects(bindings: [b]))
        #expect(AccessAnswer(authorizer, requester: Self.alice, request: Self.pods()).verdict == .unknown)
        #expect(AccessAnswer(authorizer, requester: Requester(user: "bob"), request: Self.pods()).verdict == .no)
    }

    @Test func subjectsParse() throws {
        #expect(try SubjectReference.parse("serviceaccount:a/sa") == .serviceAccount(namespace: "a", name: "sa"))
        #expect(try SubjectReference.parse("system:serviceaccount:a:sa") == .serviceAccount(namespace: "a", name: "sa"))
        #expect(try SubjectReference.parse("node:n1") == .node("n1"))
        #expect(try SubjectReference.parse("alice", extraGroups: ["dev"]).groups == ["system:authenticated", "dev"])
        #expect(throws: RBACReferenceError.self) { try SubjectReference.parse("serviceaccount:a") }
    }

    @Test func resourcesParse() throws {
        #expect(
            try ResourceReference.parse("deployments/scale").target
                == .resource(group: "apps", resource: "deployments", subresource: "scale"))
        #expect(
            try ResourceReference.parse("widgets.example.com").target
                == .resource(group: "example.com", resource: "widgets", subresource: ""))
        #expect(try ResourceReference.parse("widgets").note != nil)
        #expect(try ResourceReference.parse("nodes").clusterScoped)
        #expect(try ResourceReference.parse("/metrics").target == .nonResource(path: "/metrics"))
        #expect(throws: RBACReferenceError.self) { try ResourceReference.parse("pods/a/b") }
    }
}
