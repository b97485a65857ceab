/// A Role (namespaced) or ClusterRole, with its written rules and aggregation selectors.
public struct RBACRole: Hashable, Sendable {
    public enum Kind: String, Sendable, Hashable {
        case role = "Role"
        case clusterRole = "ClusterRole"
    }

    public var kind: Kind
    /// nil for a ClusterRole.
    public var namespace: String?
    public var name: String
    public var labels: [String: String]
    public var rules: [RBACRule]
    /// `aggregationRule.clusterRoleSelectors` (ClusterRoles only); nil when not aggregated.
    public var aggregationSelectors: [LabelSelector]?
    public var location: SourceLocation?

    public init(
        kind: Kind, namespace: String? = nil, name: String, labels: [String: String] = [:], rules: [RBACRule] = [],
        aggregationSelectors: [LabelSelector]? = nil, location: SourceLocation? = nil
    ) {
        self.kind = kind
        self.namespace = kind == .role ? namespace : nil
        self.name = name
        self.labels = labels
        self.rules = rules
        self.aggregationSelectors = aggregationSelectors
        self.location = location
    }

    /// `ClusterRole name` or `Role ns/name`.
    public var display: String { namespace.map { "\(kind.rawValue) \($0)/\(name)" } ?? "\(kind.rawValue) \(name)" }
}
