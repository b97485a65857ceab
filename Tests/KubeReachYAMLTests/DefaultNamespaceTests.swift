import KubeReachCore
import KubeReachYAML
import Testing

/// Issue 13 point 7: `--default-namespace NS` places objects without `metadata.namespace`,
/// as `kubectl apply -n NS` does; objects that name a namespace keep it.
@Suite struct DefaultNamespaceTests {
    static let manifests = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: argocd-server}
        spec: {template: {metadata: {labels: {app: server}}}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny}
        spec: {podSelector: {}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: elsewhere, namespace: other}
        """

    @Test func objectsWithoutNamespaceGoToTheDefaultNamespace() throws {
        let r = try ManifestLoader.load(
            [ManifestSource(name: "install.yaml", bytes: Array(Self.manifests.utf8))], options: LoadOptions(defaultNamespace: "argocd"))
        #expect(r.cluster.pods.map(\.qualifiedName).sorted() == ["argocd/argocd-server", "other/elsewhere"])
        #expect(r.cluster.policies.map(\.namespace) == ["argocd"])
        #expect(r.cluster.policies[0].namespaceWritten == false)
    }

    @Test func withoutTheOptionTheyGoToDefault() throws {
        let r = try load(Self.manifests)
        #expect(r.cluster.pods.map(\.namespace).sorted() == ["default", "other"])
    }
}
