import KubeReachCore

/// The reachability graph at workload level: nodes are workloads plus one `internet` node
/// standing for every external range outside the cluster networks (and, when pod or service
/// CIDRs are known, one `cluster-addresses` node for the ranges inside them: addresses of
/// pods or Services that are not in the input); edges carry their allowed connection sets.
public struct ReachabilityGraph: Sendable {
    public struct Edge: Sendable, Hashable {
        public var to: Int
        public var connections: ConnectionSet
    }

    /// Vertices, sorted by name (so results do not depend on input order).
    public let nodes: [GraphNode]
    /// Their printed names.
    public let names: [String]
    public let outgoing: [[Edge]]
    public let incoming: [[Edge]]
    /// Nodes holding a hostNetwork pod: they bypass policies (reach and are reached as the node).
    public let hostNetwork: Set<Int>
    let index: [GraphNode: Int]
    /// Each node's pods (indices into the cluster), for selector references.
    let podsOfNode: [[Int]]
    let cluster: Cluster
    /// The pod and service CIDRs that make an external range `cluster-addresses`.
    let networks: ClusterNetworks

    public init(_ reach: Reachability) {
        var podsByNode: [GraphNode: [Int]] = [:]
        for i in reach.cluster.pods.indices { podsByNode[.endpoint(reach.endpoint(ofPod: i, level: .workload)), default: []].append(i) }
        let networks = reach.clusterNetworks
        let externals: [GraphNode] = (networks.isEmpty ? [] : [.clusterAddresses]) + [.internet]
        let nodes = (Array(podsByNode.keys) + externals).map { ($0.description, $0) }
            .sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        var index: [GraphNode: Int] = [:]
        for (i, n) in nodes.enumerated() { index[n.1] = i }
        var out = [[Int: ConnectionSet]](repeating: [:], count: nodes.count)
        /// An external range's vertex: cluster addresses when inside a cluster network, else internet.
        let vertex = { (e: Endpoint) -> Int in
            guard let r = e.externalRange else { return index[.endpoint(e)]! }
            return networks.contains(r) ? index[.clusterAddresses]! : index[.internet]!
        }
        for e in reach.edges(level: .workload) {
            let s = vertex(e.source), d = vertex(e.destination)
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
        self.outgoing = outgoing
        self.incoming = incoming
        let pods = nodes.map { podsByNode[$0.1] ?? [] }
        podsOfNode = pods
        hostNetwork = Set(nodes.indices.filter { n in pods[n].contains { reach.cluster.pods[$0].hostNetwork } })
        cluster = reach.cluster
        self.networks = networks
    }

    public func node(_ node: GraphNode) -> Int? { index[node] }

    /// Whether node `n` stands for external addresses (`internet`, `cluster-addresses`).
    public func isExternal(_ n: Int) -> Bool { nodes[n].endpoint == nil }
}
