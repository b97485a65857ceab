import KubeReachCore

/// Explains listed pairs (node names of one aggregation level) through a representative
/// pod of each group — the workload consistency check guarantees it stands for all — or
/// the first address of an external range. Shared by `list --explain` and `report`.
struct PairExplainer {
    let reach: Reachability
    let level: AggregationLevel
    private let explainer: Explainer
    private var podOf: [String: Int] = [:]
    private let ranges: [String: IPRange]

    init(_ reach: Reachability, level: AggregationLevel) {
        self.reach = reach
        self.level = level
        explainer = Explainer(cluster: reach.cluster, options: reach.options)
        for i in reach.cluster.pods.indices {
            let name = reach.nodeName(ofPod: i, level: level)
            if podOf[name] == nil { podOf[name] = i }
        }
        ranges = reach.externalRangesByName
    }

    private func endpoint(_ name: String) -> Explainer.Endpoint? {
        if let i = podOf[name] { return .pod(i) }
        return ranges[name].map { .external($0.first) }
    }

    /// nil when a name is no node of the level.
    func explain(_ e: ConnectivityEdge) -> Explanation? {
        guard var s = endpoint(e.source), let d = endpoint(e.destination) else { return nil }
        // Two pods of one group (replicas at pod level, a workload to itself): pick another
        // pod of it as the source.
        if case .pod(let a) = s, case .pod(let b) = d, a == b,
            let other = reach.cluster.pods.indices.first(where: { $0 != a && reach.nodeName(ofPod: $0, level: level) == e.source })
        {
            s = .pod(other)
        }
        return explainer.explain(s, d, sourceName: e.source, destinationName: e.destination)
    }
}
