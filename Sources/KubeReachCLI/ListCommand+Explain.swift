import KubeReachCore
import KubeReachRender

/// `list --explain` and `--explain-only allow|deny`: which pairs to explain, and through
/// which representative endpoints.
extension ListCommand {
    /// Explains the listed pairs (`--explain`, `--explain-only allow`), or every pair where
    /// something in scope is denied (`--explain-only deny`): a denial has no edge, so those
    /// pairs come from the node names, not from the connection list.
    func emitExplanations(edges: [ConnectivityEdge], reach: Reachability, focus: EdgeFocus?) throws {
        let scope = focus?.connection.map { ConnectionSet($0.proto, PortSet(port: $0.port)) } ?? .all
        var pairs: [ConnectivityEdge]
        if explainOnly == .deny {
            pairs = everyPair(edges, reach: reach).filter { !scope.isSubset(of: $0.connections) }
            if var nodeFocus = focus {
                nodeFocus.connection = nil  // the connection was the scope: it is denied here
                pairs = nodeFocus.apply(pairs)
            }
        } else {
            pairs = focus?.apply(edges) ?? edges
        }
        pairs = namespaceFiltered(pairs)
        let text = ExplainListFormatter.text(explanations(for: pairs, reach: reach), only: explainOnly, scope: explainOnly == nil ? .all : scope)
        try emit(text)
    }

    /// Every ordered pair of nodes (a node to itself only at namespace level, where it means
    /// traffic inside the namespace), external sources to nodes and nodes to external
    /// destinations, with what the engine allows (nothing when there is no edge); sorted
    /// like the connection list.
    /// - Complexity: O(n²) pairs for n nodes; only pairs not wholly allowed are explained.
    func everyPair(_ edges: [ConnectivityEdge], reach: Reachability) -> [ConnectivityEdge] {
        var allowed: [String: [String: ConnectionSet]] = [:]
        for e in edges { allowed[e.source, default: [:]][e.destination] = e.connections }
        let nodes = Set(reach.cluster.pods.indices.map { reach.nodeName(ofPod: $0, level: level) }).sorted()
        func pair(_ s: String, _ d: String) -> ConnectivityEdge {
            ConnectivityEdge(source: s, destination: d, connections: allowed[s]?[d] ?? .none)
        }
        var out: [ConnectivityEdge] = []
        for s in nodes {
            for d in nodes where s != d || level == .namespace { out.append(pair(s, d)) }
            for d in reach.externalDestinations { out.append(pair(s, d.externalName)) }
        }
        for s in reach.externalSources {
            for d in nodes { out.append(pair(s.externalName, d)) }
        }
        return out.sorted { ($0.source, $0.destination) < ($1.source, $1.destination) }
    }

    /// One explanation per pair (see `PairExplainer`).
    func explanations(for edges: [ConnectivityEdge], reach: Reachability) -> [Explanation] {
        let explainer = PairExplainer(reach, level: level)
        return edges.compactMap(explainer.explain)
    }
}
