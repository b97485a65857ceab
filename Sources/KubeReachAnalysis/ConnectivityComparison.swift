import KubeReachCore

/// Two clusters evaluated for comparison: both sides show the same address families as
/// external peers (an IPv6 block on one side would otherwise read as every IPv6 peer
/// appearing), and at workload level a workload whose pods the policies treat differently
/// is split into its variants on each side (with a note each).
public struct ConnectivityComparison: Sendable {
    public let old: ConnectivitySnapshot
    public let new: ConnectivitySnapshot
    public let diff: ConnectivityDiff

    /// The variant notes of each side.
    public let notes: (old: [Diagnostic], new: [Diagnostic])

    public init(old before: Cluster, new after: Cluster, options: EvaluationOptions, level: AggregationLevel) {
        var a = Reachability(cluster: before, options: options)
        var b = Reachability(cluster: after, options: options)
        let familiesOf = { (r: Reachability) in Set((r.externalSources + r.externalDestinations).map(\.family)) }
        let families = familiesOf(a).union(familiesOf(b))
        var aligned = options
        aligned.extraFamilies = families
        if familiesOf(a) != families { a = Reachability(cluster: before, options: aligned) }
        if familiesOf(b) != families { b = Reachability(cluster: after, options: aligned) }
        notes = level == .workload ? (a.splitWorkloadVariants(), b.splitWorkloadVariants()) : ([], [])
        old = ConnectivitySnapshot(a, level: level)
        new = ConnectivitySnapshot(b, level: level)
        diff = ConnectivityDiff(old: old, new: new)
    }
}
