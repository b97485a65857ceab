import KubeReachCore

/// A default-deny plan as one Kyverno `ClusterPolicy` with a `generate` rule per policy of
/// the starter set: Kyverno creates each policy in every matching namespace, existing
/// (`generateExisting`) and new, and keeps it in sync (`synchronize: true`). The same
/// namespaces as the plan: those named with `--namespaces`, or every namespace but the
/// system ones and `--exclude`. A pure value; `KyvernoYAML` writes it.
public struct NamespaceGeneratePolicy: Sendable {
    /// The ClusterPolicy's name.
    public var name = "kubereach-default-deny"
    /// Namespaces matched by name; nil: every namespace.
    public var namespaces: [String]?
    /// Namespaces never matched (sorted).
    public var excluded: [String]
    /// One rule per generated policy: the policy with an empty namespace (filled per
    /// namespace by Kyverno) and its reason.
    public var rules: [GeneratedPolicy]

    public init(plan: DefaultDenyPlan) {
        let o = plan.options
        namespaces = o.namespaces.map { Set($0).subtracting(o.exclude).sorted() }
        excluded = (o.namespaces == nil ? o.exclude.union(DefaultDenyOptions.systemNamespaces) : o.exclude).sorted()
        rules = DefaultDenyPlan.policies(for: "", o, called: "the namespace")
    }

    /// Whether a namespace gets the policies.
    public func matches(_ namespace: String) -> Bool {
        !excluded.contains(namespace) && (namespaces?.contains(namespace) ?? true)
    }

    /// What Kyverno creates for these namespaces (how the check simulates the export).
    public func expanded(for namespaces: [String]) -> [NetworkPolicy] {
        namespaces.filter(matches).sorted().flatMap { ns in
            rules.map { r in
                var p = r.policy
                p.namespace = ns
                return p
            }
        }
    }
}
