import KubeReachCore

/// One side of a diff: the connectivity list at one level, every group node (so that a
/// workload without edges still counts as present), and the address range behind each
/// external node name (so that ranges can be compared, not their names).
public struct ConnectivitySnapshot: Sendable {
    public var nodes: Set<String>
    public var edges: [ConnectivityEdge]
    /// External node name (`a-b[External]`) → its range.
    public var externalRanges: [String: IPRange]

    public init(nodes: Set<String>, edges: [ConnectivityEdge], externalRanges: [String: IPRange] = [:]) {
        self.nodes = nodes
        self.edges = edges
        self.externalRanges = externalRanges
    }

    /// The snapshot of a simulated cluster at one aggregation level.
    public init(_ reach: Reachability, level: AggregationLevel) {
        nodes = Set(reach.cluster.pods.indices.map { reach.nodeName(ofPod: $0, level: level) })
        edges = reach.edges(level: level)
        externalRanges = reach.externalRangesByName
    }

    /// The IP families the external nodes cover (sides must agree for a fair comparison).
    public var families: Set<IPFamily> { Set(externalRanges.values.map(\.family)) }
}
