import KubeReachCore

/// What applying generated policies on top of the existing ones does: `diff` between the
/// cluster today and the cluster after `kubectl apply` (same-named policies replaced, the
/// others added), at workload level. Both generators print it before writing.
public enum RolloutImpact {
    public static func diff(of policies: [NetworkPolicy], on cluster: Cluster, options: EvaluationOptions) -> ConnectivityDiff {
        diff(
            of: policies, on: cluster, before: ConnectivitySnapshot(Reachability(cluster: cluster, options: options), level: .workload),
            options: options)
    }

    /// The same, with the cluster of today already simulated (`before`, at workload level,
    /// made with the options the plan was made with): `--keep-current` has it from its intents.
    public static func diff(of policies: [NetworkPolicy], on cluster: Cluster, before: ConnectivitySnapshot, options: EvaluationOptions)
        -> ConnectivityDiff
    {
        let after = Reachability(cluster: applied(policies, to: cluster), options: options)
        // A plan that keeps what is allowed today changes nothing: no pair-by-pair diff then.
        return ConnectivityDiff.comparing(before, ConnectivitySnapshot(after, level: .workload))
    }

    /// The cluster as it would be after `kubectl apply` of `policies`.
    public static func applied(_ policies: [NetworkPolicy], to cluster: Cluster) -> Cluster {
        var c = cluster
        let names = Set(policies.map(\.qualifiedName))
        c.policies = c.policies.filter { !names.contains($0.qualifiedName) } + policies
        c.addImplicitNamespaces()
        return c
    }
}
