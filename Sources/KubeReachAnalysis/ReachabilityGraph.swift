import KubeReachCore

/// The reachability graph at workload level: nodes are workloads and external address
/// ranges (each range its own node, as `list` names it), edges carry their allowed
/// connection sets.
///
/// External ranges are sources and sinks, never transit: an attacker does not control the
/// hosts a pod may call, so no path goes pod → range → pod. `internet` names every range
/// at once as a start or end set. A workload whose replicas reach each other has a self
/// edge `W → W`.
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
    /// The address range of each external node.
    public let externalRanges: [Int: IPRange]
    /// The external nodes that are source ranges (cut by ingress ipBlocks), in order.
    public let externalSourceNodes: [Int]
    let index: [String: Int]
    /// Each node's pods (indices into the cluster), for selector references.
    let podsOfNode: [[Int]]
    let cluster: Cluster

    public init(_ reach: Reachability) {
        var podsByName: [String: [Int]] = [:]
        for i in reach.cluster.pods.indices { podsByName[reach.nodeName(ofPod: i, level: .workload), default: []].append(i) }
        let ranges = reach.externalRangesByName
        let names = (Array(podsByName.keys) + Array(ranges.keys)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var index: [String: Int] = [:]
        for (i, n) in names.enumerated() { index[n] = i }
        var out = [[Int: ConnectionSet]](repeating: [:], count: names.count)
        for e in reach.edges(level: .workload) {
            let s = index[e.source]!, d = index[e.destination]!
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
        var externalRanges: [Int: IPRange] = [:]
        for (name, r) in ranges { externalRanges[index[name]!] = r }
        self.externalRanges = externalRanges
        externalSourceNodes = reach.externalSources.map { index[$0.externalName]! }
        self.outgoing = outgoing
        self.incoming = incoming
        let pods = names.map { podsByName[$0] ?? [] }
        podsOfNode = pods
        hostNetwork = Set(names.indices.filter { n in pods[n].contains { reach.cluster.pods[$0].hostNetwork } })
        cluster = reach.cluster
    }

    public func node(named name: String) -> Int? { index[name] }

    /// Whether a node is an external address range.
    public func isExternal(_ n: Int) -> Bool { externalRanges[n] != nil }

    /// Every external node (what `internet` names).
    public var externalNodes: [Int] { externalRanges.keys.sorted() }
}
