import KubeReachCore

/// The smallest change to the manifests that removes one attack edge, and where to make
/// it: a NetworkPolicy rule, a RoleBinding, a securityContext field, a hostPath mount,
/// `automountServiceAccountToken: false`, a token Secret, a namespace's Pod Security label.
public struct AttackChange: Sendable, Hashable {
    public var text: String
    public var location: SourceLocation?

    public init(_ text: String, at location: SourceLocation?) {
        self.text = text
        self.location = location
    }
}
