import KubeReachCore

/// Verifies a least-privilege plan by simulation before anything is written: the input's
/// pods with only the generated policies must allow, pair by workload pair, exactly what
/// the intents ask for plus DNS — or, where labels cannot separate two workloads, exactly
/// the superset that the shared selectors imply (which is listed, not hidden).
///
/// The input's own policies are removed (as `DefaultDenyCheck` does): they only add, so
/// the set alone is the view in which every unintended connection shows. Addresses of the
/// input's pods are left out of the external ranges when ipBlocks match pods: the
/// generated ipBlocks except them, and they are pods, not the outside world.
public struct LeastPrivilegeCheck: Sendable {
    /// Intent (+DNS, grouped by selector) → simulation: must be empty.
    public let differences: ConnectivityDiff
    /// Intent exactly → what the selectors imply: the superset (empty when labels separate
    /// every workload involved).
    public let superset: ConnectivityDiff

    public init(plan: LeastPrivilegePlan, cluster: Cluster) {
        let reach = Reachability(cluster: plan.alone(on: cluster), options: plan.evaluation)
        let podIPs = plan.evaluation.ipBlockMatchesPods ? reach.cluster.pods.flatMap(\.ips) : []
        func actual() -> ConnectivitySnapshot { ConnectivitySnapshot(reach, level: .workload).removingAddresses(podIPs) }
        var rows = WorkloadRows(reach)
        let model = ExpectedConnectivity(plan: plan, reach: reach, grouped: true)
        // Equal when the plan is right: the model's rows compared with the simulation's as
        // both are made (neither listed whole), no pair-by-pair diff; the simulation listed
        // and the diff made only to list a difference.
        func grouped() -> ConnectivitySnapshot { model.snapshot().removingAddresses(podIPs) }
        differences = model.allowsTheSame(as: &rows, removing: podIPs) ? .nothing : ConnectivityDiff(old: grouped(), new: actual())
        // Where every pod is taken by its own workload's selector alone, the exact model is
        // the grouped one: no superset, and no second model of every pair to compare.
        if plan.selectors.selectedBy.allSatisfy({ $0.count == 1 }) {
            let none = ConnectivitySnapshot(nodes: [], edges: [])
            superset = ConnectivityDiff(old: none, new: none)
        } else {
            let exact = ExpectedConnectivity(plan: plan, reach: reach, grouped: false).snapshot().removingAddresses(podIPs)
            superset = ConnectivityDiff.comparing(exact, grouped())
        }
    }

    public var passed: Bool { differences.added.isEmpty && differences.removed.isEmpty && differences.changed.isEmpty }
}
