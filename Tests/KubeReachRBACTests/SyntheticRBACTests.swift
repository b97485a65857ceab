import KubeReachCore
import KubeReachRBAC
import KubeReachSynthetic
import KubeReachYAML
import Testing

/// The benchmark's synthetic RBAC loads cleanly, with the sizes asked, and grants something.
@Suite struct SyntheticRBACTests {
    @Test func loadsWithTheSizesAsked() throws {
        let text = SyntheticRBAC(namespaces: 7, serviceAccounts: 40, roles: 50, bindings: 60, seed: 3).manifests()
        let r = try ManifestLoader.load([ManifestSource(name: "s.yaml", bytes: Array(text.utf8))])
        #expect(!r.diagnostics.contains { $0.severity == .error })
        let id = r.cluster.identity
        #expect(id.serviceAccounts.count == 40 && id.roles.count == 50 && id.bindings.count == 60)
        #expect(id.roles.contains { $0.aggregationSelectors != nil } && id.bindings.contains { $0.kind == .clusterRoleBinding })
        let authorizer = RBACAuthorizer(id)
        let exec = AccessRequest(verb: "create", target: .resource(group: "", resource: "pods", subresource: "exec"), namespace: "ns1")
        #expect(authorizer.whoCan(exec).count > 1, "some account may exec")
    }
}
