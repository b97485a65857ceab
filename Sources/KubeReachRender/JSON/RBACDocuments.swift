import KubeReachCore
import KubeReachRBAC

/// `kubereach can-i -o json`, version 1: the verdict (`yes`, `no`, `unknown`), the grants
/// that allow the request, and the bindings whose role the input lacks.
public struct CanIDocument: Encodable, Sendable {
    public var version = JSONOutput.version
    public var subject: RequesterDocument
    public var request: AccessRequestDocument
    public var allowed: String
    public var grants: [AccessGrantDocument]
    public var unresolvedBindings: [RBACObjectDocument]

    public init(_ a: AccessAnswer) {
        subject = RequesterDocument(user: a.requester.user, groups: a.requester.groups)
        request = AccessRequestDocument(a.request)
        allowed = a.verdict.rawValue
        grants = a.grants.map(AccessGrantDocument.init)
        unresolvedBindings = a.unresolved.map(RBACObjectDocument.init)
    }
}

/// `kubereach who-can -o json`, version 1: one entry per (binding, subject) that is allowed.
public struct WhoCanDocument: Encodable, Sendable {
    public var version = JSONOutput.version
    public var request: AccessRequestDocument
    public var subjects: [AccessGrantDocument]
    public var unresolvedBindings: [RBACObjectDocument]

    public init(_ a: WhoCanAnswer) {
        request = AccessRequestDocument(a.request)
        subjects = a.grants.map(AccessGrantDocument.init)
        unresolvedBindings = a.unresolved.map(RBACObjectDocument.init)
    }
}

public struct RequesterDocument: Encodable, Sendable {
    public var user: String
    public var groups: [String]
}

/// The request: a resource (`group` `""` is core) or a `nonResourceURL`.
public struct AccessRequestDocument: Encodable, Sendable {
    public var verb: String
    public var group: String?
    public var resource: String?
    public var subresource: String?
    public var nonResourceURL: String?
    /// Absent: cluster-wide.
    public var namespace: String?
    public var name: String?

    init(_ r: AccessRequest) {
        verb = r.verb
        namespace = r.namespace
        name = r.name
        switch r.target {
        case .nonResource(let path): nonResourceURL = path
        case .resource(let g, let res, let sub):
            group = g
            resource = res
            subresource = sub.isEmpty ? nil : sub
        }
    }
}

/// A Role, ClusterRole, RoleBinding or ClusterRoleBinding, with where it is written.
public struct RBACObjectDocument: Encodable, Sendable {
    public var kind: String
    public var namespace: String?
    public var name: String
    public var source: String?

    init(_ b: RBACBinding) {
        kind = b.kind.rawValue
        namespace = b.namespace
        name = b.name
        source = b.location.map(RBACText.source)
    }

    init(_ r: RBACRole) {
        kind = r.kind.rawValue
        namespace = r.namespace
        name = r.name
        source = r.location.map(RBACText.source)
    }
}

/// The rule that matched, as written, and where.
public struct RBACRuleDocument: Encodable, Sendable {
    public var verbs: [String]
    public var apiGroups: [String]?
    public var resources: [String]?
    public var resourceNames: [String]?
    public var nonResourceURLs: [String]?
    public var source: String?

    init(_ r: RBACRule) {
        verbs = r.verbs
        apiGroups = r.apiGroups.isEmpty && !r.nonResourceURLs.isEmpty ? nil : r.apiGroups
        resources = r.resources.isEmpty && !r.nonResourceURLs.isEmpty ? nil : r.resources
        resourceNames = r.resourceNames.isEmpty ? nil : r.resourceNames
        nonResourceURLs = r.nonResourceURLs.isEmpty ? nil : r.nonResourceURLs
        source = r.location.map(RBACText.source)
    }
}

/// One grant: the subject named, and the binding, role and rule that allow; no binding
/// means `system:masters`, which bypasses RBAC.
public struct AccessGrantDocument: Encodable, Sendable {
    public var subject: SubjectDocument
    public var binding: RBACObjectDocument?
    public var role: RBACObjectDocument?
    public var rule: RBACRuleDocument?

    init(_ g: AccessGrant) {
        subject = SubjectDocument(kind: g.subject.kind.rawValue, name: g.subject.name, namespace: g.subject.namespace)
        binding = g.binding.map(RBACObjectDocument.init)
        role = g.role.map(RBACObjectDocument.init)
        rule = g.rule.map(RBACRuleDocument.init)
    }
}

public struct SubjectDocument: Encodable, Sendable {
    public var kind: String
    public var name: String
    public var namespace: String?
}
