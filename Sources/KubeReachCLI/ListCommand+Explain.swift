import KubeReachAnalysis
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
            pairs = reach.everyPair(level: level, edges: edges).filter { !scope.isSubset(of: $0.connections) }
            if var nodeFocus = focus {
                nodeFocus.connection = nil  // the connection was the scope: it is denied here
                pairs = nodeFocus.apply(pairs)
            }
        } else {
            pairs = focus?.apply(edges) ?? edges
        }
        pairs = namespaceFiltered(pairs)
        let text = ExplainListFormatter.text(
            explanations(for: pairs, reach: reach), only: explainOnly, scope: explainOnly == nil ? .all : scope)
        try emit(text)
    }

    /// One explanation per pair (see `PairExplainer`).
    func explanations(for edges: [ConnectivityEdge], reach: Reachability) -> [Explanation] {
        let explainer = PairExplainer(reach, level: level)
        return edges.compactMap(explainer.explain)
    }
}
