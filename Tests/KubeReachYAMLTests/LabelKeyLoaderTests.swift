import KubeReachCore
import KubeReachYAML
import Testing

/// Issue 13 point 10: a label key with a 253-character DNS-subdomain prefix is valid in a
/// policy selector as it is on a Namespace (one validation, the API server's rules).
@Suite struct LabelKeyLoaderTests {
    static let prefix = [84, 84, 83].map { String(repeating: "p", count: $0) }.joined(separator: ".")

    @Test func longPrefixKeyInSelectorIsAccepted() throws {
        let key = "\(Self.prefix)/tier"
        let yaml = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: ns
              labels: {\(key): web}
            ---
            \(policyYAML("  podSelector:\n    matchLabels: {\(key): web}\n  ingress:\n  - from:\n    - namespaceSelector:\n        matchExpressions:\n        - {key: \(key), operator: Exists}"))
            """
        let result = try load(yaml)
        #expect(result.cluster.policies.count == 1)
        #expect(result.cluster.policies[0].podSelector.matchLabels == [LabelPair(key: key, value: "web")])
    }

    @Test func prefixOver253IsRefused() {
        let key = "\(Self.prefix)q/tier"
        let errs = errors(policyYAML("  podSelector:\n    matchLabels: {\(key): web}"))
        #expect(errs.contains { $0.message.contains("invalid label key") && $0.message.contains("253") })
    }

    @Test func namespaceNameOf63IsAcceptedAnd64Refused() {
        let ok = String(repeating: "n", count: 63)
        #expect(errors("apiVersion: v1\nkind: Namespace\nmetadata: {name: \(ok)}\n").isEmpty)
        #expect(errors("apiVersion: v1\nkind: Namespace\nmetadata: {name: \(ok)n}\n").contains { $0.message.contains("invalid name") })
    }
}
