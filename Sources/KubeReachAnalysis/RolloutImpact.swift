import KubeReachCore

/// What applying generated policies on top of the existing ones does: `diff` between the
/// cluster today and the cluster after `kubectl apply` (same-named policies replaced, the
/// others added), at workload level. Both generators print it before writing.
public enum RolloutImpact {
    public static func diff(of policies: [NetworkPolicy], on cluster: Cluster, options: EvaluationOptions) -> ConnectivityDiff {
        let before = Reachability(cluster: cluster, options: options)
        let after = Reachability(cluster: applied(policies, to: cluster), options: options)
        return ConnectivityDiff(old: ConnectivitySnapshot(before, level: .workload), new: ConnectivitySnapshot(after, level: .workload))
    }

    /// What the rollout takes away — the diff's removed and narrowed pairs, all that
    /// `ImpactFormatter` shows — with the cluster of today already simulated (`before`, at
    /// workload level, with the same options): `--keep-current` has it from its intents.
    /// When every pair keeps at least what it has today (the usual answer of a plan that
    /// keeps the current connectivity) nothing is lost, and the diff is not made: empty.
    public static func losses(of policies: [NetworkPolicy], on cluster: Cluster, before: ConnectivitySnapshot, options: EvaluationOptions)
        -> ConnectivityDiff
    {
        let after = Reachability(cluster: applied(policies, to: cluster), options: options)
        var rows = WorkloadRows(after)
        // Read one source at a time against today's list; listed whole only to make the diff.
        return rows.allowsAtLeast(before) ? .nothing : ConnectivityDiff(old: before, new: ConnectivitySnapshot(after, level: .workload))
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
