import BitCollections

/// Every column of the engine (pod identities, source atoms, destination atoms) classified
/// as Cilium sees it: endpoints, node addresses per node (hostNetwork pods included), the
/// API server, and `world` (everything else). `host` and `remote-node` are relative to
/// the deciding endpoint's node, so they are kept per node.
struct CiliumColumns: Sendable {
    /// Identity columns that are Cilium endpoints (not hostNetwork, on an agent node or unplaced).
    var endpoints = BitSet()
    /// Columns that are `world`; and those of each IP family.
    var world = BitSet()
    var worldV4 = BitSet()
    var worldV6 = BitSet()
    var apiServer = BitSet()
    /// Per node index: that node's address atoms and its hostNetwork pods (agent nodes only).
    var nodeColumns: [BitSet] = []
    /// Every agent node's columns, and hostNetwork pods whose node is unknown.
    var allNodes = BitSet()

    /// `host` seen from an endpoint on `node` (-1: unplaced, so no loaded node is its host).
    func host(_ node: Int) -> BitSet { node >= 0 && node < nodeColumns.count ? nodeColumns[node] : BitSet() }

    /// `remote-node` seen from an endpoint on `node`.
    func remoteNode(_ node: Int) -> BitSet { allNodes.subtracting(host(node)) }

    /// `cluster`: endpoints, every node, the API server.
    var cluster: BitSet { endpoints.union(allNodes).union(apiServer) }
}

/// The nodes known by name (loaded Node objects first, then names only pods mention), for
/// the identity key and `host`.
struct CiliumNodeTable: Sendable {
    var names: [String] = []
    var index: [String: Int] = [:]

    init(cluster: Cluster) {
        for name in cluster.nodes.map(\.name) + cluster.pods.compactMap(\.nodeName) where index[name] == nil {
            index[name] = names.count
            names.append(name)
        }
    }

    /// The node index of a pod, -1 when it has no `spec.nodeName`.
    func node(of pod: Pod) -> Int { pod.nodeName.flatMap { index[$0] } ?? -1 }
}
