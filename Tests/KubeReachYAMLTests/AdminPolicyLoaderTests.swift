import KubeReachCore
import KubeReachYAML
import Testing

/// AdminNetworkPolicy and BaselineAdminNetworkPolicy manifests: what is read, and what the
/// API server's schema refuses (reported at its field path, never read as "match all").
@Suite struct AdminPolicyLoaderTests {
    static func anp(_ name: String = "a", priority: String = "10", spec: String) -> String {
        """
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata:
          name: \(name)
        spec:
          priority: \(priority)
          subject:
            namespaces:
              matchLabels: {team: x}
        \(spec)
        """
    }

    static let banp = """
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: BaselineAdminNetworkPolicy
        metadata:
          name: default
        spec:
          subject:
            pods:
              namespaceSelector: {}
              podSelector: {matchLabels: {app: db}}
          ingress:
          - name: deny-all
            action: Deny
            from:
            - namespaces: {}
        """

    @Test func everyPeerAndPortKindIsRead() throws {
        let text =
            Self.anp(
                spec: """
                      ingress:
                      - name: from-monitoring
                        action: Allow
                        from:
                        - namespaces: {matchLabels: {team: mon}}
                        - pods:
                            namespaceSelector: {}
                            podSelector: {matchLabels: {app: prom}}
                        ports:
                        - portNumber: {protocol: UDP, port: 53}
                        - portRange: {start: 8000, end: 8080}
                        - namedPort: metrics
                      egress:
                      - action: Pass
                        to:
                        - networks: ["10.0.0.0/8", "2001:db8::/32"]
                        - nodes: {matchLabels: {role: infra}}
                    """) + "\n---\n" + Self.banp
        let r = try load(text)
        let anp = try #require(r.cluster.adminPolicies.first { $0.tier == .admin })
        #expect(anp.priority == 10)
        #expect(anp.ingress.count == 1 && anp.ingress[0].action == .allow && anp.ingress[0].name == "from-monitoring")
        #expect(anp.ingress[0].peers.count == 2)
        #expect(anp.ingress[0].ports == [.number(.udp, 53), .range(.tcp, 8000, 8080), .named("metrics")])
        #expect(anp.egress[0].name == "egress[0]" && anp.egress[0].action == .pass)
        guard case .networks(let cidrs) = anp.egress[0].peers[0] else {
            Issue.record("networks peer")
            return
        }
        #expect(cidrs.map(\.description) == ["10.0.0.0/8", "2001:db8::/32"])
        #expect(r.cluster.orderedBaselinePolicies.first?.ingress.first?.action == .deny)
        // No Node object was loaded: the nodes peer matches nothing, and the load says so.
        #expect(r.diagnostics.contains { $0.message.contains("nodes peer matches nothing") })
        #expect(!r.diagnostics.contains { $0.message.contains("no NetworkPolicy found") && $0.severity == .error })
    }

    @Test(arguments: [
        (Self.anp(priority: "1001", spec: "  ingress: []"), "spec.priority", "outside 0-1000"),
        (Self.anp(spec: "  ingress:\n  - action: Maybe\n    from: [{namespaces: {}}]"), "spec.ingress[0].action", "Allow, Deny or Pass"),
        (Self.anp(spec: "  ingress:\n  - action: Allow\n    from: []"), "spec.ingress[0].from", "at least one peer"),
        (
            Self.anp(spec: "  ingress:\n  - action: Allow\n    from: [{networks: [\"10.0.0.0/8\"]}]"), "spec.ingress[0].from[0].networks",
            "unknown field"
        ),
        (
            Self.anp(spec: "  egress:\n  - action: Deny\n    to: [{namespaces: {sameLabels: [team]}}]"),
            "spec.egress[0].to[0].namespaces.sameLabels", "older API"
        ),
        (
            Self.anp(spec: "  egress:\n  - action: Deny\n    to: [{namespaces: {}, pods: {namespaceSelector: {}, podSelector: {}}}]"),
            "spec.egress[0].to[0]", "exactly one"
        ),
        (
            Self.anp(spec: "  egress:\n  - action: Deny\n    to: [{networks: [\"10.0.0.0/33\"]}]"), "spec.egress[0].to[0].networks[0]",
            "invalid CIDR"
        ),
        (
            Self.anp(spec: "  ingress:\n  - action: Deny\n    from: [{namespaces: {}}]\n    ports: [{portRange: {start: 90, end: 80}}]"),
            "spec.ingress[0].ports[0].portRange", "after end"
        ),
        (
            Self.anp(spec: "  ingress:\n  - action: Deny\n    from: [{namespaces: {}}]\n    ports: [{portNumber: {port: 70000}}]"),
            "spec.ingress[0].ports[0].portNumber.port", "outside 1-65535"
        ),
        (Self.banp.replacingOccurrences(of: "name: default", with: "name: other"), "metadata.name", "named 'default'"),
        (Self.banp.replacingOccurrences(of: "action: Deny", with: "action: Pass"), "spec.ingress[0].action", "Allow or Deny"),
    ])
    func schemaViolationsAreErrorsAtTheirPath(_ text: String, _ path: String, _ message: String) {
        let found = errors(text)
        #expect(found.contains { $0.fieldPath == path && $0.message.contains(message) }, "\(found.map(\.description))")
    }

    @Test func samePriorityWarnsAndMissingSelectorsAreReadAsEmpty() throws {
        let spec = "  ingress:\n  - action: Deny\n    from: [{pods: {namespaceSelector: {matchLabels: {team: y}}}}]"
        let r = try load(Self.anp("a", priority: "5", spec: spec) + "\n---\n" + Self.anp("b", priority: "5", spec: spec))
        #expect(r.diagnostics.contains { $0.severity == .warning && $0.message.contains("share priority 5") })
        #expect(r.diagnostics.contains { $0.severity == .warning && $0.fieldPath == "spec.ingress[0].from[0].pods.podSelector" })
        #expect(r.cluster.adminPolicies.count == 2)
    }

    @Test func twoBaselinesAreRefused() {
        let found = errors([("a.yaml", Self.banp), ("b.yaml", Self.banp)], strict: true)
        #expect(found.contains { $0.message.contains("duplicate object") })
    }

    @Test func nodesAreReadWithTheirAddresses() throws {
        let r = try load(
            """
            apiVersion: v1
            kind: Node
            metadata: {name: n1, labels: {role: infra}}
            status:
              addresses:
              - {type: InternalIP, address: 10.0.0.5}
              - {type: Hostname, address: n1.example}
              - {type: InternalIP, address: "fd00::5"}
            """)
        #expect(r.cluster.nodes.map(\.name) == ["n1"])
        #expect(r.cluster.nodes[0].addresses.map(\.description) == ["10.0.0.5", "fd00::5"])
        #expect(r.cluster.nodes[0].labels == ["role": "infra"])
    }
}
