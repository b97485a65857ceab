import KubeReachCore

/// One request an authorizer decides: a verb on a resource (in a namespace or cluster-wide,
/// optionally one named object) or on a non-resource URL.
public struct AccessRequest: Hashable, Sendable {
    public enum Target: Hashable, Sendable {
        /// `group` is `""` for the core group; `subresource` is `""` when none.
        case resource(group: String, resource: String, subresource: String)
        /// `/healthz`, `/metrics`.
        case nonResource(path: String)
    }

    public var verb: String
    public var target: Target
    /// nil: cluster-wide (a cluster-scoped resource, or every namespace at once).
    public var namespace: String?
    /// nil: no particular object (list, create, or any name).
    public var name: String?

    public init(verb: String, target: Target, namespace: String? = nil, name: String? = nil) {
        self.verb = verb
        self.target = target
        self.namespace = namespace
        self.name = name
    }

    /// `resource/subresource`, as rules write it; nil for a non-resource URL.
    public var combinedResource: String? {
        guard case .resource(_, let r, let sub) = target else { return nil }
        return sub.isEmpty ? r : "\(r)/\(sub)"
    }

    /// `get pods/log in namespace web named api-0`, for explanations.
    public var description: String {
        switch target {
        case .nonResource(let path): return "\(verb) \(path)"
        case .resource(let group, _, _):
            var text = "\(verb) \(combinedResource ?? "")\(group.isEmpty ? "" : " (group \(group))")"
            text += namespace.map { " in namespace \($0)" } ?? " cluster-wide"
            if let name { text += " named \(name)" }
            return text
        }
    }
}
