import KubeReachCore

/// The SUBJECT argument of `can-i`: who asks.
///
/// - `serviceaccount:NS/NAME` or `system:serviceaccount:NS:NAME`: a service account's token;
/// - `node:NAME` or `system:node:NAME`: a kubelet (group `system:nodes`);
/// - `group:NAME`: any member of a group (no user binding applies);
/// - `user:NAME` or a bare `NAME`: a user.
///
/// Every subject is also in `system:authenticated`; `extraGroups` adds more (`--group`).
public enum SubjectReference {
    public static func parse(_ text: String, extraGroups: [String] = []) throws(RBACReferenceError) -> Requester {
        guard !text.isEmpty else { throw RBACReferenceError("the subject is empty") }
        var r: Requester
        if let rest = text.dropPrefix("serviceaccount:") {
            let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw RBACReferenceError("a service account is serviceaccount:NAMESPACE/NAME, not '\(text)'")
            }
            r = .serviceAccount(namespace: String(parts[0]), name: String(parts[1]))
        } else if text.hasPrefix("system:serviceaccount:") {
            r = Requester(user: text)
            guard let sa = r.serviceAccount else {
                throw RBACReferenceError("a service account user is system:serviceaccount:NAMESPACE:NAME, not '\(text)'")
            }
            r = .serviceAccount(namespace: sa.namespace, name: sa.name)
        } else if let name = text.dropPrefix("node:") ?? text.dropPrefix("system:node:") {
            guard !name.isEmpty else { throw RBACReferenceError("a node is node:NAME") }
            r = .node(name)
        } else if let name = text.dropPrefix("group:") {
            guard !name.isEmpty else { throw RBACReferenceError("a group is group:NAME") }
            r = Requester(user: "", groups: [name])
        } else {
            let name = text.dropPrefix("user:") ?? text
            guard !name.isEmpty else { throw RBACReferenceError("a user is user:NAME") }
            r = Requester(user: name)
        }
        for g in extraGroups where !r.groups.contains(g) { r.groups.append(g) }
        return r
    }
}

/// A SUBJECT or RESOURCE argument that cannot be read.
public struct RBACReferenceError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension String {
    /// The rest after `prefix`; nil when the string does not start with it.
    func dropPrefix(_ prefix: String) -> String? { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil }
}
