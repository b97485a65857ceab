/// Who a binding grants to: a user, a group or a service account.
public struct RBACSubject: Hashable, Sendable, Comparable {
    public enum Kind: String, Sendable, Hashable, Comparable {
        case user = "User"
        case group = "Group"
        case serviceAccount = "ServiceAccount"
        public static func < (l: Self, r: Self) -> Bool { l.rawValue < r.rawValue }
    }

    public var kind: Kind
    public var name: String
    /// A ServiceAccount's namespace (a RoleBinding's own when not written); nil otherwise.
    public var namespace: String?

    public init(kind: Kind, name: String, namespace: String? = nil) {
        self.kind = kind
        self.name = name
        self.namespace = kind == .serviceAccount ? namespace : nil
    }

    /// `User alice`, `Group system:masters`, `ServiceAccount ns/name`.
    public var description: String {
        kind == .serviceAccount ? "ServiceAccount \(namespace ?? "")/\(name)" : "\(kind.rawValue) \(name)"
    }

    public static func < (l: Self, r: Self) -> Bool {
        (l.kind, l.namespace ?? "", l.name) < (r.kind, r.namespace ?? "", r.name)
    }
}

/// A RoleBinding (grants in its namespace) or ClusterRoleBinding (grants everywhere).
public struct RBACBinding: Hashable, Sendable {
    public enum Kind: String, Sendable, Hashable {
        case roleBinding = "RoleBinding"
        case clusterRoleBinding = "ClusterRoleBinding"
    }

    public var kind: Kind
    /// nil for a ClusterRoleBinding.
    public var namespace: String?
    public var name: String
    /// `roleRef.kind`: a ClusterRoleBinding may only refer to a ClusterRole.
    public var roleKind: RBACRole.Kind
    public var roleName: String
    public var subjects: [RBACSubject]
    public var location: SourceLocation?

    public init(
        kind: Kind, namespace: String? = nil, name: String, roleKind: RBACRole.Kind, roleName: String, subjects: [RBACSubject],
        location: SourceLocation? = nil
    ) {
        self.kind = kind
        self.namespace = kind == .roleBinding ? namespace : nil
        self.name = name
        self.roleKind = roleKind
        self.roleName = roleName
        self.subjects = subjects
        self.location = location
    }

    /// `ClusterRoleBinding name` or `RoleBinding ns/name`.
    public var display: String { namespace.map { "\(kind.rawValue) \($0)/\(name)" } ?? "\(kind.rawValue) \(name)" }
}
