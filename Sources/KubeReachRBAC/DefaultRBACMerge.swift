import KubeReachCore

extension IdentityObjects {
    /// These objects plus the default roles and bindings (`--with-default-rbac`) that the
    /// input does not define itself: a role or binding of the same kind and name in the input
    /// is the cluster's own version and wins.
    public func addingDefaults(_ defaults: IdentityObjects) -> IdentityObjects {
        var out = self
        let roles = Set(roles.map(\.display)), bindings = Set(bindings.map(\.display))
        out.roles += defaults.roles.filter { !roles.contains($0.display) }
        out.bindings += defaults.bindings.filter { !bindings.contains($0.display) }
        return out
    }
}
