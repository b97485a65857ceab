import KubeReachCore
import KubeReachYAML
import Testing

/// Issue 13 point 8: an object defined twice is treated as `kubectl apply` would treat it.
/// Identical definitions (formatting and key order aside) merge silently; a different later
/// one replaces the earlier with a warning naming both places; `--strict` refuses both.
@Suite struct DuplicateObjectTests {
    static let namespace = "apiVersion: v1\nkind: Namespace\nmetadata: {name: sock-shop}\n"
    static let sameNamespaceOtherFormatting = "# again\nkind: Namespace\napiVersion: v1\nmetadata:\n  name: sock-shop\n"
    static let labelledNamespace = "apiVersion: v1\nkind: Namespace\nmetadata: {name: sock-shop, labels: {team: shop}}\n"

    @Test func identicalNamespaceInTwoFilesMergesSilently() throws {
        let r = try load([("a.yaml", Self.namespace), ("b.yaml", Self.sameNamespaceOtherFormatting)])
        #expect(r.cluster.namespaces.filter { $0.name == "sock-shop" }.count == 1)
        #expect(!r.diagnostics.contains { $0.message.contains("defined again") || $0.message.contains("duplicate") })
    }

    @Test func differentLaterDefinitionWinsWithAWarningNamingBoth() throws {
        let r = try load([("a.yaml", Self.namespace), ("b.yaml", Self.labelledNamespace)])
        let ns = try #require(r.cluster.namespaces.first { $0.name == "sock-shop" })
        #expect(ns.labels["team"] == "shop")
        #expect(r.cluster.namespaces.filter { $0.name == "sock-shop" }.count == 1)
        let w = try #require(r.diagnostics.first { $0.message.contains("defined again") })
        #expect(w.severity == .warning)
        #expect(w.location?.file == "b.yaml")
        #expect(w.message.contains("a.yaml:1:1"))
    }

    @Test func laterPolicyReplacesTheEarlierInPlace() throws {
        let p1 =
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: a}\nspec: {policyTypes: [Ingress]}\n"
        let p2 = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: a}\nspec: {policyTypes: [Egress]}\n"
        let q = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: q, namespace: a}\nspec: {}\n"
        let r = try load([("1.yaml", p1), ("2.yaml", q), ("3.yaml", p2)])
        #expect(r.cluster.policies.map(\.name) == ["p", "q"])
        #expect(r.cluster.policies[0].affectsEgress && !r.cluster.policies[0].affectsIngress)
    }

    @Test func aQuotedNumberIsNoIdenticalDuplicate() {
        let plain = policyYAML("  ingress:\n  - ports:\n    - {port: 80}")
        let quoted = policyYAML("  ingress:\n  - ports:\n    - {port: '80'}")
        // The second is invalid ('80' is no port name): it must not merge away silently.
        #expect(errors([("a.yaml", plain), ("b.yaml", quoted)]).contains { $0.message.contains("invalid named port") })
    }

    @Test func strictKeepsTheRefusal() {
        let errs = errors([("a.yaml", Self.namespace), ("b.yaml", Self.namespace)], strict: true)
        #expect(errs.count == 1)
        #expect(errs.first?.message.contains("duplicate object") == true)
    }
}
