import KubeReachCore

/// Who asks: a user name and the groups the authenticator gives it.
public struct Requester: Hashable, Sendable {
    public static let authenticated = "system:authenticated"
    /// The group that bypasses RBAC: the API server allows its members everything before
    /// any authorizer runs.
    public static let masters = "system:masters"

    public var user: String
    public var groups: [String]

    /// A user with `groups`; `system:authenticated` is added, as every authenticator does.
    public init(user: String, groups: [String] = []) {
        self.user = user
        var g = groups
        if !g.contains(Self.authenticated) { g.append(Self.authenticated) }
        self.groups = g
    }

    /// A service account's token: `system:serviceaccount:NS:NAME`, in the groups
    /// `system:serviceaccounts` and `system:serviceaccounts:NS`.
    public static func serviceAccount(namespace: String, name: String) -> Requester {
        Requester(
            user: "system:serviceaccount:\(namespace):\(name)", groups: ["system:serviceaccounts", "system:serviceaccounts:\(namespace)"])
    }

    /// A kubelet's credentials: `system:node:NAME` in the group `system:nodes`.
    public static func node(_ name: String) -> Requester { Requester(user: "system:node:\(name)", groups: ["system:nodes"]) }

    /// `ns/name` when the user is a service account's name.
    public var serviceAccount: (namespace: String, name: String)? {
        let parts = user.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "system", parts[1] == "serviceaccount", !parts[2].isEmpty, !parts[3].isEmpty else {
            return nil
        }
        return (String(parts[2]), String(parts[3]))
    }

    /// Whether a binding's subject names this requester (upstream `appliesToUser`). A
    /// ServiceAccount subject without a namespace was given its RoleBinding's by the loader.
    public func matches(_ subject: RBACSubject) -> Bool {
        switch subject.kind {
        case .user: return subject.name == user
        case .group: return groups.contains(subject.name)
        case .serviceAccount:
            guard let ns = subject.namespace, !ns.isEmpty else { return false }
            return user == "system:serviceaccount:\(ns):\(subject.name)"
        }
    }

    /// `user alice (groups: system:authenticated)`.
    public var description: String { "user \(user) (groups: \(groups.joined(separator: ", ")))" }
}
