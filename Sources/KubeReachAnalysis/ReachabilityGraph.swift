import KubeReachCore

/// The reachability graph at workload level: nodes are workloads and external address
/// ranges (each range its own node, as `list` names it), edges carry their allowed
/// connection sets.
///
/// External ranges are sources and sinks, never transit: an attacker does not control the
/// hosts a pod may call, so no path goes pod → range → pod. `internet` names every range
/// outside the cluster networks at once as a start or end set, `cluster-addresses` the
/// ranges inside the pod and service CIDRs (when known). A workload whose replicas reach
/// each other has a self edge `W → W`.
public struct ReachabilityGraph: Sendable {
    public struct Edge: Sendable, Hashable {
        public var to: Int
        public var connections: ConnectionSet
    }

    /// Vertices, sorted by name (so results do not depend on input order).
    public let nodes: [Endpoint]
    /// Their printed names.
    public let names: [String]
    public let outgoing: [[Edge]]
    public let incoming: [[Edge]]
    /// Nodes holding a hostNetwork pod: they bypass policies (reach and are reached as the node).
    public let hostNetwork: Set<Int>
    /// The address range of each external node.
    public let externalRanges: [Int: IPRange]
    /// The external nodes that are source ranges (cut by ingress ipBlocks), in order.
    public let externalSourceNodes: [Int]
    let index: [Endpoint: Int]
    /// Each node's pods (indices into the cluster), for selector references.
    let podsOfNode: [[Int]]
    public let cluster: Cluster
    /// The pod and service CIDRs: ranges inside them are `cluster-addresses`, not `internet`.
    public let networks: ClusterNetworks

    /// - Parameter workloadEdges: `reach.edges(level: .workload)` when the caller has it already.
    public init(_ reach: Reachability, workloadEdges: [ConnectivityEdge]? = nil) {
        var podsByNode: [Endpoint: [Int]] = [:]
        for i in reach.cluster.pods.indices { podsByNode[reach.endpoint(ofPod: i, level: .workload), default: []].append(i) }
        // Each external range is a vertex of its own (never one `internet` vertex).
        let externals = Array(Set(reach.externalEndpoints))
        let nodes = (Array(podsByNode.keys) + externals).map { ($0.description, $0) }
            .sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        var index: [Endpoint: Int] = [:]
        for (i, n) in nodes.enumerated() { index[n.1] = i }
        var out = [[Int: ConnectionSet]](repeating: [:], count: nodes.count)
        for e in workloadEdges ?? reach.edges(level: .workload) {
            let s = index[e.source]!, d = index[e.destination]!
            out[s][d] = (out[s][d] ?? .none).union(e.connections)
        }
        var incoming = [[Edge]](repeating: [], count: nodes.count)
        let outgoing = out.enumerated().map { s, targets in
            targets.keys.sorted().map { d -> Edge in
                incoming[d].append(Edge(to: s, connections: targets[d]!))
                return Edge(to: d, connections: targets[d]!)
            }
        }
        self.nodes = nodes.map(\.1)
        self.names = nodes.map(\.0)
        self.index = index
        var externalRanges: [Int: IPRange] = [:]
        for (i, n) in nodes.enumerated() { if let r = n.1.externalRange { externalRanges[i] = r } }
        self.externalRanges = externalRanges
        externalSourceNodes = reach.externalSources.map { index[.external($0)]! }
        self.outgoing = outgoing
        self.incoming = incoming
        let pods = nodes.map { podsByNode[$0.1] ?? [] }
        podsOfNode = pods
        hostNetwork = Set(nodes.indices.filter { n in pods[n].contains { reach.cluster.pods[$0].hostNetwork } })
        cluster = reach.cluster
        networks = reach.clusterNetworks
    }

    public func node(_ endpoint: Endpoint) -> Int? { index[endpoint] }

    /// Whether a node is an external address range.
    public func isExternal(_ n: Int) -> Bool { externalRanges[n] != nil }

    /// Every external node (what `internet` and `cluster-addresses` name together).
    public var externalNodes: [Int] { externalRanges.keys.sorted() }

    /// Whether an external node lies inside the pod or service CIDRs.
    public func isClusterAddress(_ n: Int) -> Bool { externalRanges[n].map(networks.contains) ?? false }
}
