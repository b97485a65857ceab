/// One `rules[]` entry of a Role or ClusterRole, as written (wildcards kept as `*`).
public struct RBACRule: Hashable, Sendable {
    public var verbs: [String]
    public var apiGroups: [String]
    /// `pods`, `pods/exec`, `*/scale` or `*`.
    public var resources: [String]
    /// Empty: any name.
    public var resourceNames: [String]
    /// `/healthz`, `/metrics/*` or `*`; only ClusterRoles bound cluster-wide grant them.
    public var nonResourceURLs: [String]
    /// Where the rule is written (the `rules[i]` entry).
    public var location: SourceLocation?

    public init(
        verbs: [String], apiGroups: [String] = [], resources: [String] = [], resourceNames: [String] = [],
        nonResourceURLs: [String] = [], location: SourceLocation? = nil
    ) {
        self.verbs = verbs
        self.apiGroups = apiGroups
        self.resources = resources
        self.resourceNames = resourceNames
        self.nonResourceURLs = nonResourceURLs
        self.location = location
    }

    /// The same rule, whatever its location: aggregation de-duplicates on this.
    public var grant: RBACRule {
        var r = self
        r.location = nil
        return r
    }

    /// `verbs [get list] resources [pods] ...`, as the fields are written.
    public var description: String {
        var parts = ["verbs [\(verbs.joined(separator: " "))]"]
        if !nonResourceURLs.isEmpty { parts.append("nonResourceURLs [\(nonResourceURLs.joined(separator: " "))]") }
        if !resources.isEmpty || nonResourceURLs.isEmpty {
            parts.append("apiGroups [\(apiGroups.map { $0.isEmpty ? "\"\"" : $0 }.joined(separator: " "))]")
            parts.append("resources [\(resources.joined(separator: " "))]")
        }
        if !resourceNames.isEmpty { parts.append("resourceNames [\(resourceNames.joined(separator: " "))]") }
        return parts.joined(separator: " ")
    }
}
