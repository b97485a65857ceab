import KubeReachCore

/// The reachability graph at workload level: nodes are workloads plus one `internet` node
/// standing for every external range, edges carry their allowed connection sets.
public struct ReachabilityGraph: Sendable {
    public static let internet = "internet"

    public struct Edge: Sendable, Hashable {
        public var to: Int
        public var connections: ConnectionSet
    }

    /// Node names, sorted (so results do not depend on input order).
    public let names: [String]
    public let outgoing: [[Edge]]
    public let incoming: [[Edge]]
    /// Nodes holding a hostNetwork pod: they bypass policies (reach and are reached as the node).
    public let hostNetwork: Set<Int>
    let index: [String: Int]
    /// Each node's pods (indices into the cluster), for selector references.
    let podsOfNode: [[Int]]
    let cluster: Cluster

    /// - Parameter workloadEdges: `reach.edges(level: .workload)` when the caller has it already.
    public init(_ reach: Reachability, workloadEdges: [ConnectivityEdge]? = nil) {
        var podsByName: [String: [Int]] = [:]
        for i in reach.cluster.pods.indices { podsByName[reach.nodeName(ofPod: i, level: .workload), default: []].append(i) }
        let names = (Array(podsByName.keys) + [Self.internet]).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var index: [String: Int] = [:]
        for (i, n) in names.enumerated() { index[n] = i }
        var out = [[Int: ConnectionSet]](repeating: [:], count: names.count)
        let net = index[Self.internet]!
        for e in workloadEdges ?? reach.edges(level: .workload) {
            let s = IPRange.isExternalName(e.source) ? net : index[e.source]!
            let d = IPRange.isExternalName(e.destination) ? net : index[e.destination]!
            out[s][d] = (out[s][d] ?? .none).union(e.connections)
        }
        var incoming = [[Edge]](repeating: [], count: names.count)
        let outgoing = out.enumerated().map { s, targets in
            targets.keys.sorted().map { d -> Edge in
                incoming[d].append(Edge(to: s, connections: targets[d]!))
                return Edge(to: d, connections: targets[d]!)
            }
        }
        self.names = names
        self.index = index
        self.outgoing = outgoing
        self.incoming = incoming
        let pods = names.map { podsByName[$0] ?? [] }
        podsOfNode = pods
        hostNetwork = Set(names.indices.filter { n in pods[n].contains { reach.cluster.pods[$0].hostNetwork } })
        cluster = reach.cluster
    }

    public func node(named name: String) -> Int? { index[name] }
}
