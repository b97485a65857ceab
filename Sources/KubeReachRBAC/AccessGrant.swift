import KubeReachCore

/// Why a request is allowed: the binding, the role it refers to and the rule that matched.
/// `binding == nil` is membership of `system:masters`, which bypasses RBAC.
public struct AccessGrant: Hashable, Sendable {
    public var binding: RBACBinding?
    public var role: RBACRole?
    public var rule: RBACRule?
    /// The subject of the binding that named the requester (who-can lists these).
    public var subject: RBACSubject

    public init(binding: RBACBinding?, role: RBACRole?, rule: RBACRule?, subject: RBACSubject) {
        self.binding = binding
        self.role = role
        self.rule = rule
        self.subject = subject
    }
}
