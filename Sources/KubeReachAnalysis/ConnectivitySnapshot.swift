import KubeReachCore

/// One side of a diff: the connectivity list at one level, every group node (so that a
/// workload without edges still counts as present), and every external range the side
/// was cut into (so that ranges are compared as addresses).
public struct ConnectivitySnapshot: Sendable {
    public var nodes: Set<Endpoint>
    public var edges: [ConnectivityEdge]
    /// Every external range of the side, with or without edges.
    public var externalRanges: Set<IPRange>

    public init(nodes: Set<Endpoint>, edges: [ConnectivityEdge], externalRanges: Set<IPRange> = []) {
        self.nodes = nodes
        self.edges = edges
        self.externalRanges = externalRanges.union(
            edges.flatMap { [$0.source.externalRange, $0.destination.externalRange].compactMap { $0 } })
    }

    /// The snapshot of a simulated cluster at one aggregation level.
    public init(_ reach: Reachability, level: AggregationLevel) {
        nodes = reach.groupEndpoints(level: level)
        edges = reach.edges(level: level)
        externalRanges = Set(reach.externalSources + reach.externalDestinations)
    }

    /// The IP families the external nodes cover (sides must agree for a fair comparison).
    public var families: Set<IPFamily> { Set(externalRanges.map(\.family)) }
}
