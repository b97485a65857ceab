import KubeReachAttack
import KubeReachCore
import KubeReachRBAC
import KubeReachYAML
import Testing

/// Root on a node holds the kubelet's identity (`system:node:NAME`, group `system:nodes`):
/// what RBAC grants it, limited as NodeRestriction limits it; the default `system:node`
/// ClusterRole is bound to no one.
@Suite struct KubeletIdentityTests {
    typealias F = AttackFixtures

    func graph(_ yaml: String, defaults: Bool = false) throws -> AttackGraph {
        var cluster = try ManifestLoader.load([ManifestSource(name: "t.yaml", bytes: Array(yaml.utf8))]).cluster
        if defaults { cluster.identity = cluster.identity.addingDefaults(try ManifestLoader.load([DefaultRBAC.source]).cluster.identity) }
        return AttackGraphBuilder(reach: Reachability(cluster: cluster), authorizer: RBACAuthorizer(cluster.identity)).build()
    }

    func outgoing(_ g: AttackGraph, _ id: String) -> [String] {
        guard let v = g.vertices.firstIndex(where: { $0.description == id }) else { return [] }
        return g.outgoing[v].map { "\(g.edges[$0].technique.rawValue) \(g.vertices[g.edges[$0].to])" }
    }

    @Test func rootOnANodeHoldsTheKubeletAndDefaultRBACGrantsItNothing() throws {
        let g = try graph(F.namespace() + F.node + F.web(), defaults: true)
        #expect(outgoing(g, "node:n1").contains("IDENTITY_ASSUME user:system:node:n1"))
        #expect(outgoing(g, "user:system:node:n1").isEmpty, "system:node is bound to no one: \(outgoing(g, "user:system:node:n1"))")
    }

    /// The pre-1.8 binding of `system:node` to `system:nodes`: pods/exec is not in it, and
    /// NodeRestriction keeps its pod creation and token requests to the node's own pods.
    @Test func nodeRestrictionLimitsAKubeletsRBAC() throws {
        let binding =
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: nodes}\n"
            + "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: system:node}\n"
            + "subjects: [{kind: Group, name: \"system:nodes\"}]\n---\n"
        let g = try graph(F.namespace() + F.node + F.db + F.web() + binding, defaults: true)
        let edges = outgoing(g, "user:system:node:n1")
        #expect(!edges.contains { $0.hasPrefix("POD_CREATE") }, "mirror pods carry no service account: \(edges)")
        #expect(edges.contains("SA_TOKEN_CREATE serviceaccount:app/db-sa"), "db runs on n1: \(edges)")
        #expect(!edges.contains("SA_TOKEN_CREATE serviceaccount:app/web-sa"), "web is not placed on n1: \(edges)")
    }
}
