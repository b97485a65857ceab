import KubeReachAnalysis
import KubeReachAttack
import KubeReachCore
import KubeReachRBAC

/// The cross-layer paths `exposure` and `report` show: the attack graph of the cluster,
/// from the internet and the exposure's entry points to cluster-admin and nodes.
enum AttackSection {
    static func paths(_ reach: Reachability, _ g: ReachabilityGraph, _ r: ExposureReport, limit: Int) -> CrossLayerPaths {
        let graph = AttackGraphBuilder(reach: reach, authorizer: RBACAuthorizer(reach.cluster.identity), network: g).build()
        let starts = r.entries.compactMap { e -> AttackVertex? in
            guard case .workload(let w) = g.nodes[e.node] else { return nil }
            return .workload(w)
        }
        return CrossLayerPaths(graph: graph, starts: starts, limit: limit)
    }
}
