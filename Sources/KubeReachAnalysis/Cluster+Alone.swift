import KubeReachCore

extension Cluster {
    /// The cluster a generated set is checked on: the same pods with only `policies` — the
    /// input's own NetworkPolicies and admin policies removed, the most permissive view of
    /// the set. Shared by the default-deny and least-privilege checks.
    public func alone(with policies: [NetworkPolicy]) -> Cluster {
        var c = self
        c.policies = policies
        c.adminPolicies = []
        c.addImplicitNamespaces()
        return c
    }
}
