import KubeReachAnalysis
import KubeReachAttack
import KubeReachCore
import KubeReachRBAC

/// The cross-layer paths `exposure` and `report` show: the attack graph of the cluster,
/// from the internet and the exposure's entry points to cluster-admin and nodes.
enum AttackSection {
    static func paths(_ reach: Reachability, _ g: ReachabilityGraph, _ r: ExposureReport, limit: Int) -> CrossLayerPaths {
        let graph = AttackGraphBuilder(reach: reach, authorizer: RBACAuthorizer(reach.cluster.identity), network: g).build()
        return CrossLayerPaths(graph: graph, starts: entryPoints(g, r), limit: limit)
    }

    /// `attack-paths`' starts when none is given: the internet and every entry point.
    static func defaultStarts(_ reach: Reachability, _ g: ReachabilityGraph) -> [AttackReference] {
        [.vertex(.internet)] + entryPoints(g, g.exposure(reach, sensitive: [])).map(AttackReference.vertex)
    }

    /// The workloads `exposure` lists as entry points (reached from outside the cluster, from
    /// every other namespace, or not isolated for ingress), in its order.
    static func entryPoints(_ g: ReachabilityGraph, _ r: ExposureReport) -> [AttackVertex] {
        r.entries.compactMap { e -> AttackVertex? in
            guard case .workload(let w) = g.nodes[e.node] else { return nil }
            return .workload(w)
        }
    }
}
