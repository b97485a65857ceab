import KubeReachCore

/// Two clusters evaluated for comparison: both sides show the same address families as
/// external peers (an IPv6 block on one side would otherwise read as every IPv6 peer
/// appearing), and at workload level neither side may hold a workload whose pods the
/// policies treat differently.
public struct ConnectivityComparison: Sendable {
    public let old: ConnectivitySnapshot
    public let new: ConnectivitySnapshot
    public let diff: ConnectivityDiff

    /// Workloads that cannot be one node, per side (`old`/`new`), at workload level.
    public struct Conflicts: Error, Sendable {
        public var old: [WorkloadConflict]
        public var new: [WorkloadConflict]
    }

    public init(old before: Cluster, new after: Cluster, options: EvaluationOptions, level: AggregationLevel) throws(Conflicts) {
        var a = Reachability(cluster: before, options: options)
        var b = Reachability(cluster: after, options: options)
        let familiesOf = { (r: Reachability) in Set((r.externalSources + r.externalDestinations).map(\.family)) }
        let families = familiesOf(a).union(familiesOf(b))
        var aligned = options
        aligned.extraFamilies = families
        if familiesOf(a) != families { a = Reachability(cluster: before, options: aligned) }
        if familiesOf(b) != families { b = Reachability(cluster: after, options: aligned) }
        if level == .workload {
            let conflicts = Conflicts(old: a.workloadConflicts(), new: b.workloadConflicts())
            if !conflicts.old.isEmpty || !conflicts.new.isEmpty { throw conflicts }
        }
        old = ConnectivitySnapshot(a, level: level)
        new = ConnectivitySnapshot(b, level: level)
        diff = ConnectivityDiff(old: old, new: new)
    }
}
