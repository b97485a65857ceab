import KubeReachAnalysis
import KubeReachCore

/// The chokepoints across layers: the minimum cut of the attack graph between the starts
/// and the targets, each cut edge with the smallest change that removes it.
public struct AttackCut: Sendable {
    public struct Chokepoint: Sendable {
        /// Index of the edge in the graph.
        public var edge: Int
        public var change: AttackChange
    }

    /// Every edge of the cut, by (from, to) in vertex order, then technique.
    public var chokepoints: [Chokepoint]
    /// True when no change to the manifests separates them (a start is a target, or only
    /// cluster-admin's own edges join them).
    public var uncuttable: Bool
}

extension AttackGraphBuilder {
    /// The minimum cut between `sources` and `targets`. Cutting the edges from one vertex to
    /// another costs one change per technique joining them; cluster-admin's own edges cannot
    /// be cut. Of the minimum cuts, the one nearest the starts.
    /// - Complexity: one maximum flow on the attack graph, then one policy explanation per
    ///   cut network edge.
    public func chokepoints(_ graph: AttackGraph, from sources: [Int], to targets: [Int]) -> AttackCut {
        var cost: [Pair: Int?] = [:]
        for e in graph.edges {
            let key = Pair(from: e.from, to: e.to)
            let cuttable = graph.vertices[e.from] != .clusterAdmin
            cost[key] = cuttable ? (cost[key] ?? 0).map { $0 + 1 } : .some(nil)
        }
        let arcs = cost.map { MinimumCut.Arc(from: $0.key.from, to: $0.key.to, capacity: $0.value) }
        guard let cut = MinimumCut.arcs(arcs, nodes: graph.vertices.count, from: sources, to: targets) else {
            return AttackCut(chokepoints: [], uncuttable: true)
        }
        let network = NetworkChanges(reach)
        var out: [AttackCut.Chokepoint] = []
        for arc in cut {
            for e in graph.outgoing[arc.from] where graph.edges[e].to == arc.to {
                guard let change = change(of: graph.edges[e], in: graph, network: network) else { continue }
                out.append(AttackCut.Chokepoint(edge: e, change: change))
            }
        }
        return AttackCut(chokepoints: out, uncuttable: false)
    }
}

private struct Pair: Hashable {
    var from: Int
    var to: Int
}
