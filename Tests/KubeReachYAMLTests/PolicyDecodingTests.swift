import KubeReachCore
import KubeReachYAML
import Testing

/// Valid policies: defaults, warnings and locations.
@Suite struct PolicyDecodingTests {
    @Test func validPolicyLoadsWithDefaults() throws {
        let r = try load(
            policyYAML(
                "  podSelector: {}\n  egress:\n  - to:\n    - namespaceSelector: {}\n    ports:\n    - {port: dns, protocol: UDP}\n    - {port: 8000, endPort: 8100}\n    - protocol: SCTP"
            ))
        let p = try #require(r.cluster.policies.first)
        #expect(p.affectsIngress && p.affectsEgress && !p.policyTypesWritten)
        #expect(
            p.egress[0].ports == [
                PolicyPort(proto: .udp, port: .name("dns")), PolicyPort(proto: .tcp, port: .number(8000), endPort: 8100),
                PolicyPort(proto: .sctp),
            ])
        #expect(p.egress[0].peers == [.selector(pods: nil, namespaces: .everything)])
    }

    @Test func missingPodSelectorSelectsEveryPodAndIngressIsTheDefaultType() throws {
        let r = try load(policyYAML("  egress: []"))
        let p = try #require(r.cluster.policies.first)
        #expect(p.podSelector == .everything)
        #expect(p.affectsIngress && !p.affectsEgress && !p.policyTypesWritten)
    }

    /// The API server defaults a zero-length `policyTypes` exactly like an absent one.
    @Test func emptyPolicyTypesIsDefaultedLikeAnAbsentList() throws {
        let ingressOnly = try #require(try load(policyYAML("  policyTypes: []")).cluster.policies.first)
        #expect(ingressOnly.affectsIngress && !ingressOnly.affectsEgress)
        #expect(ingressOnly.policyTypesSource == .empty && !ingressOnly.policyTypesWritten)
        let both = try #require(try load(policyYAML("  policyTypes: []\n  egress: [{}]")).cluster.policies.first)
        #expect(both.affectsIngress && both.affectsEgress)
        let json =
            #"{"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "p", "namespace": "ns"}, "spec": {"podSelector": {}, "policyTypes": []}}"#
        let fromJSON = try #require(try load(json, name: "p.json").cluster.policies.first)
        #expect(fromJSON.affectsIngress && fromJSON.policyTypesSource == .empty)
    }

    @Test func writtenPolicyTypesAreTakenAsWritten() throws {
        let r = try load(policyYAML("  policyTypes: [Egress]\n  ingress: [{}]"))
        let p = try #require(r.cluster.policies.first)
        #expect(!p.affectsIngress && p.affectsEgress && p.policyTypesWritten)
        #expect(p.ingress == [PolicyRule(peers: [], ports: [], location: p.ingress.first?.location)])
    }

    @Test func selectorsAndPeersAreDecoded() throws {
        let r = try load(
            policyYAML(
                """
                  podSelector:
                    matchLabels: {app: db}
                    matchExpressions:
                    - {key: tier, operator: In, values: [b, a, b]}
                  ingress:
                  - from:
                    - podSelector: {matchLabels: {app: web}}
                      namespaceSelector: {matchExpressions: [{key: team, operator: Exists}]}
                    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
                """))
        let p = try #require(r.cluster.policies.first)
        #expect(
            p.podSelector
                == LabelSelector(
                    matchLabels: ["app": "db"], matchExpressions: [LabelRequirement(key: "tier", op: .in, values: ["a", "b"])]))
        #expect(
            p.ingress[0].peers == [
                .selector(
                    pods: LabelSelector(matchLabels: ["app": "web"]),
                    namespaces: LabelSelector(matchExpressions: [LabelRequirement(key: "team", op: .exists)])),
                .ipBlock(IPBlock(cidr: try CIDR.parse("10.0.0.0/8"), except: [try CIDR.parse("10.1.0.0/16")])),
            ])
    }

    @Test func nullRuleAndPortEntryMeanEverything() throws {
        let r = try load(policyYAML("  ingress:\n  -\n  - ports:\n    -"))
        let p = try #require(r.cluster.policies.first)
        #expect(p.ingress.map(\.peers) == [[], []])
        #expect(p.ingress[1].ports == [PolicyPort()])
    }

    /// kubectl reads unquoted scalars as YAML 1.1: `0x50` is 80, `80.0` is 80.
    @Test(arguments: [("0x50", 80), ("80.0", 80), ("0o120", 80), ("8_080", 8080), ("+443", 443)])
    func numericPortSpellings(text: String, port: Int) throws {
        let r = try load(policyYAML("  ingress:\n  - ports:\n    - port: \(text)"))
        #expect(r.cluster.policies.first?.ingress[0].ports == [PolicyPort(port: .number(port))])
    }

    @Test func locationsAreTheRuleAndTheDocument() throws {
        let text =
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: ns}\n---\n"
            + policyYAML("  ingress:\n  - {}\n  -   from: [{podSelector: {}}]")
        let r = try load(text)
        let p = try #require(r.cluster.policies.first)
        #expect(p.location == SourceLocation(file: "test.yaml", documentIndex: 1, line: 5, column: 1))
        #expect(p.ingress.map { $0.location?.line } == [12, 13])
        #expect(p.ingress[1].location?.column == 7)
    }

    @Test(arguments: [("10.1.2.3/8", "10.0.0.0/8"), ("fd00::1/64", "fd00::/64")])
    func hostBitsWarn(cidr: String, masked: String) throws {
        let r = try load(policyYAML("  ingress:\n  - from:\n    - ipBlock:\n        cidr: '\(cidr)'"))
        let w = try #require(r.diagnostics.first { $0.message.contains("host bits") })
        #expect(w.severity == .warning)
        #expect(w.fieldPath == "spec.ingress[0].from[0].ipBlock.cidr")
        #expect(w.location?.line == 10)
        #expect(w.message.contains(masked))
        #expect(r.cluster.policies.count == 1)
    }

    @Test func hostBitsInExceptWarn() throws {
        let r = try load(policyYAML("  ingress:\n  - from:\n    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.1/16]}"))
        #expect(r.diagnostics.contains { $0.severity == .warning && $0.fieldPath == "spec.ingress[0].from[0].ipBlock.except[0]" })
    }

    @Test func namedPortTowardsIPBlockWarns() throws {
        let r = try load(policyYAML("  egress:\n  - to:\n    - ipBlock: {cidr: 0.0.0.0/0}\n    ports: [{port: http}]"))
        #expect(r.diagnostics.contains { $0.severity == .warning && $0.fieldPath == "spec.egress[0].ports" })
    }

    @Test func namedPortFromIPBlockInIngressIsFine() throws {
        let r = try load(policyYAML("  ingress:\n  - from:\n    - ipBlock: {cidr: 0.0.0.0/0}\n    ports: [{port: http}]"))
        #expect(!r.diagnostics.contains { $0.fieldPath == "spec.ingress[0].ports" })
    }

    @Test func unknownFieldsAreIgnored() throws {
        let r = try load(
            policyYAML("  ingress:\n  - from: [{podSelector: {}, somethingNew: [1, {a: b}]}]\n    future: true\n  status: {x: 1}"))
        #expect(r.cluster.policies.count == 1)
    }

    @Test func policyWithoutNamespaceLivesInDefault() throws {
        let r = try load("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec: {}\n")
        let p = try #require(r.cluster.policies.first)
        #expect(p.namespace == "default")
        #expect(!p.namespaceWritten)
    }

    @Test func extensionsGroupNetworkPolicyIsRead() throws {
        let r = try load("apiVersion: extensions/v1beta1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: a}\nspec: {}\n")
        #expect(r.cluster.policies.count == 1)
    }
}
