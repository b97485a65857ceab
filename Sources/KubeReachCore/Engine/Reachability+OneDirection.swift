extension Reachability {
    /// This simulation with one direction's rows only, every pod open in the other: between
    /// pods, what a cluster holding only that half of each NetworkPolicy allows, without
    /// compiling that cluster again (external ranges keep this simulation's cuts).
    ///
    /// Rows also hold admin, Cilium and Calico decisions, which do not split this way:
    /// meant for clusters whose only policies are NetworkPolicies.
    public func withOnly(_ direction: PolicyDirection) -> Reachability {
        var r = self
        switch direction {
        case .ingress: r.egressRowOfIdentity = Array(repeating: -1, count: egressRowOfIdentity.count)
        case .egress: r.ingressRowOfIdentity = Array(repeating: -1, count: ingressRowOfIdentity.count)
        }
        return r
    }
}
