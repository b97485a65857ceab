import KubeReachCore
import KubeReachYAML
import Testing

/// The loader keeps the two annotations lint reads and drops the rest; a malformed
/// `annotations` still never decides whether an object loads.
@Suite struct AnnotationTests {
    static let namespace = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          annotations:
            net.beta.kubernetes.io/network-policy: '{"ingress": {"isolation": "DefaultDeny"}}'
            kubereach.io/lint-disable: namespace-without-policy
            kubectl.kubernetes.io/last-applied-configuration: '{"big": "blob"}'
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: p
          namespace: shop
          annotations: {kubereach.io/lint-disable: "allow-all-rule,pod-not-selected", team: payments}
        spec:
          podSelector: {}
        """

    @Test func keepsOnlyTheAnnotationsLintReads() throws {
        let cluster = try load(Self.namespace).cluster
        #expect(
            cluster.namespaces.first { $0.name == "shop" }?.annotations == [
                Annotations.legacyIsolation: "{\"ingress\": {\"isolation\": \"DefaultDeny\"}}",
                Annotations.lintDisable: "namespace-without-policy",
            ])
        #expect(cluster.policies.first?.annotations == [Annotations.lintDisable: "allow-all-rule,pod-not-selected"])
    }

    @Test(arguments: ["annotations: [a, b]", "annotations: text", "annotations: {kubereach.io/lint-disable: [a]}", "annotations:"])
    func malformedAnnotationsAreIgnored(_ line: String) throws {
        let yaml = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  \(line)\n"
        let result = try load(yaml)
        #expect(result.cluster.namespaces.map(\.name) == ["shop"])
        #expect(result.cluster.namespaces.first?.annotations == [:])
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
    }
}
