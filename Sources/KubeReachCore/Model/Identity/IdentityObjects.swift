/// The identity side of a cluster: service accounts, secrets' metadata and RBAC objects, in
/// input order.
public struct IdentityObjects: Hashable, Sendable {
    public var serviceAccounts: [ServiceAccount]
    public var secrets: [SecretInfo]
    public var roles: [RBACRole]
    public var bindings: [RBACBinding]

    public init(serviceAccounts: [ServiceAccount] = [], secrets: [SecretInfo] = [], roles: [RBACRole] = [], bindings: [RBACBinding] = []) {
        self.serviceAccounts = serviceAccounts
        self.secrets = secrets
        self.roles = roles
        self.bindings = bindings
    }

    public var isEmpty: Bool { serviceAccounts.isEmpty && secrets.isEmpty && roles.isEmpty && bindings.isEmpty }
}
