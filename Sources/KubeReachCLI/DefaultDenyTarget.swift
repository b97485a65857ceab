import ArgumentParser

/// What `generate default-deny --as` writes: one case per target, dispatched by a switch so
/// that a new target cannot fall through unwritten.
enum DefaultDenyTarget: String, ExpressibleByArgument, CaseIterable {
    /// Per namespace: deny-all, DNS egress, optionally same-namespace (the default).
    case networkPolicy = "network-policy"
    /// One Kyverno `ClusterPolicy` whose `generate` rules create the same set in every
    /// matching namespace, existing and new.
    case kyverno
    /// One Baseline ClusterNetworkPolicy (v1alpha2): deny, plus DNS egress.
    case clusterNetworkPolicy = "cluster-network-policy"
    /// One CiliumClusterwideNetworkPolicy: default deny both ways, plus DNS egress.
    case cilium
    /// One Calico GlobalNetworkPolicy, last in the default tier: deny, plus DNS egress.
    case calico
}
