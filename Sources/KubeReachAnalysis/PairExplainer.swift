import KubeReachCore

/// Explains listed pairs (endpoints of one aggregation level) through a representative pod
/// of each group — the workload consistency check guarantees it stands for all — or the
/// first address of an external range. Shared by `list --explain` and `report`.
public struct PairExplainer {
    public let reach: Reachability
    public let level: AggregationLevel
    private let explainer: Explainer
    private var podOf: [Endpoint: Int] = [:]

    public init(_ reach: Reachability, level: AggregationLevel) {
        self.reach = reach
        self.level = level
        explainer = Explainer(cluster: reach.cluster, options: reach.options)
        for i in reach.cluster.pods.indices {
            let e = reach.endpoint(ofPod: i, level: level)
            if podOf[e] == nil { podOf[e] = i }
        }
    }

    private func representative(_ e: Endpoint) -> Explainer.Endpoint? {
        if let r = e.externalRange { return .external(r.first) }
        return podOf[e].map { .pod($0) }
    }

    /// nil when an endpoint is no node of the level.
    public func explain(_ e: ConnectivityEdge) -> Explanation? {
        guard var s = representative(e.source), let d = representative(e.destination) else { return nil }
        // Two pods of one group (replicas at pod level, a workload to itself): pick another
        // pod of it as the source.
        if case .pod(let a) = s, case .pod(let b) = d, a == b,
            let other = reach.cluster.pods.indices.first(where: { $0 != a && reach.endpoint(ofPod: $0, level: level) == e.source })
        {
            s = .pod(other)
        }
        return explainer.explain(s, d, sourceName: e.source.description, destinationName: e.destination.description)
    }
}

extension Reachability {
    /// Every ordered pair of group endpoints (one to itself only at namespace level, where it
    /// means traffic inside the namespace), external sources to groups and groups to
    /// external destinations, with what `edges` allows (nothing when there is no edge);
    /// sorted like the connection list.
    /// - Complexity: O(n²) pairs for n groups.
    public func everyPair(level: AggregationLevel, edges: [ConnectivityEdge]) -> [ConnectivityEdge] {
        var allowed: [Endpoint: [Endpoint: ConnectionSet]] = [:]
        for e in edges { allowed[e.source, default: [:]][e.destination] = e.connections }
        let nodes = Array(groupEndpoints(level: level)).sortedByName()
        func pair(_ s: Endpoint, _ d: Endpoint) -> ConnectivityEdge {
            ConnectivityEdge(source: s, destination: d, connections: allowed[s]?[d] ?? .none)
        }
        var out: [ConnectivityEdge] = []
        for s in nodes {
            for d in nodes where s != d || level == .namespace { out.append(pair(s, d)) }
            for d in externalDestinations { out.append(pair(s, .external(d))) }
        }
        for s in externalSources {
            for d in nodes { out.append(pair(.external(s), d)) }
        }
        return out.map { ($0.source.description, $0.destination.description, $0) }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }
}
