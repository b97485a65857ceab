import KubeReachCore
import KubeReachYAML
import Testing

/// ClusterNetworkPolicy (v1alpha2) manifests: what is read into the tiered model, what the
/// schema refuses (at its field path), and the peers that fail closed or wait for runtime.
@Suite struct ClusterNetworkPolicyLoaderTests {
    static func cnp(_ name: String = "a", tier: String = "Admin", priority: String = "10", spec: String) -> String {
        """
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata:
          name: \(name)
        spec:
          tier: \(tier)
          priority: \(priority)
          subject:
            namespaces:
              matchLabels: {team: x}
        \(spec)
        """
    }

    static let rule = "  ingress:\n  - action: Deny\n    from: [{namespaces: {}}]"

    @Test func everyPeerAndProtocolKindIsRead() throws {
        let text = Self.cnp(
            spec: """
                  ingress:
                  - name: from-monitoring
                    action: Accept
                    from:
                    - namespaces: {matchLabels: {team: mon}}
                    - pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: prom}}}
                    protocols:
                    - udp: {destinationPort: {number: 53}}
                    - tcp: {destinationPort: {range: {start: 8000, end: 8080}}}
                    - destinationNamedPort: metrics
                  egress:
                  - action: Pass
                    to:
                    - networks: ["10.0.0.0/8", "2001:db8::/32"]
                    - nodes: {matchLabels: {role: infra}}
                  - name: api
                    action: Accept
                    to: [{domainNames: [api.example.com, "*.example.org"]}]
                    protocols: [{sctp: {destinationPort: {number: 9}}}]
                """)
        let r = try load(text)
        let p = try #require(r.cluster.adminPolicies.first)
        #expect(p.api == .v1alpha2 && p.tier == .admin && p.priority == 10 && p.kind == "ClusterNetworkPolicy")
        #expect(p.ingress[0].action == .allow && p.ingress[0].action.word(p.api) == "Accept")
        #expect(p.ingress[0].ports == [.number(.udp, 53), .range(.tcp, 8000, 8080), .named("metrics")])
        #expect(p.egress[0].action == .pass && p.egress[0].peers.count == 2)
        #expect(p.egress[1].peers == [.domainNames(["api.example.com", "*.example.org"])])
        #expect(r.diagnostics.contains { $0.fieldPath == "spec.egress[1]" && $0.message.contains("decided at runtime") })
    }

    @Test func severalBaselinesAreRead() throws {
        let r = try load(
            Self.cnp("b1", tier: "Baseline", priority: "5", spec: Self.rule) + "\n---\n"
                + Self.cnp("b2", tier: "Baseline", priority: "1", spec: Self.rule))
        #expect(r.cluster.orderedBaselinePolicies.map(\.name) == ["b2", "b1"])
        #expect(!r.diagnostics.contains { $0.severity == .error })
    }

    @Test(arguments: [
        (Self.cnp(priority: "1001", spec: Self.rule), "spec.priority", "outside 0-1000"),
        (Self.cnp(priority: "-1", spec: Self.rule), "spec.priority", "outside 0-1000"),
        (Self.cnp(tier: "Middle", spec: Self.rule), "spec.tier", "Admin or Baseline"),
        (
            Self.cnp(spec: "  ingress:\n  - action: Allow\n    from: [{namespaces: {}}]"), "spec.ingress[0].action",
            "renamed Allow to Accept"
        ),
        (Self.cnp(spec: "  ingress:\n  - action: Accept\n    from: []"), "spec.ingress[0].from", "at least one peer"),
        (
            Self.cnp(spec: "  egress:\n  - action: Deny\n    to: [{namespaces: {}, pods: {namespaceSelector: {}, podSelector: {}}}]"),
            "spec.egress[0].to[0]", "exactly one"
        ),
        (
            Self.cnp(
                spec:
                    "  ingress:\n  - action: Deny\n    from: [{namespaces: {}}]\n    protocols: [{tcp: {destinationPort: {range: {start: 90, end: 90}}}}]"
            ),
            "spec.ingress[0].protocols[0].tcp.destinationPort.range", "less than end"
        ),
        (
            Self.cnp(
                spec:
                    "  ingress:\n  - action: Deny\n    from: [{namespaces: {}}]\n    protocols: [{tcp: {destinationPort: {number: 80}}, udp: {destinationPort: {number: 80}}}]"
            ),
            "spec.ingress[0].protocols[0]", "exactly one"
        ),
        (
            Self.cnp(spec: "  ingress:\n  - action: Deny\n    from: [{namespaces: {}}]\n    protocols: [{tcp: {}}]"),
            "spec.ingress[0].protocols[0].tcp", "needs destinationPort"
        ),
        (
            Self.cnp(
                spec: "  ingress:\n  - action: Deny\n    from: [{namespaces: {}}]\n    protocols: [{tcp: {destinationPort: {number: 0}}}]"),
            "spec.ingress[0].protocols[0].tcp.destinationPort.number", "outside 1-65535"
        ),
        (
            Self.cnp(
                spec: "  egress:\n  - action: Accept\n    to: [{networks: [\"10.0.0.0/8\"]}]\n    protocols: [{destinationNamedPort: http}]"
            ),
            "spec.egress[0]", "destinationNamedPort cannot be used"
        ),
        (
            Self.cnp(spec: "  ingress:\n  - action: Deny\n    from: [{networks: [\"10.0.0.0/8\"]}]"), "spec.ingress[0].from[0].networks",
            "a newer API version"
        ),
        (
            Self.cnp(spec: "  egress:\n  - action: Accept\n    to: [{domainNames: [\"bad..name\"]}]"),
            "spec.egress[0].to[0].domainNames[0]", "invalid domain"
        ),
        (
            Self.cnp(spec: "  subject:\n    namespaces: {}\n    pods: {namespaceSelector: {}, podSelector: {}}").replacingOccurrences(
                of: "  subject:\n    namespaces:\n      matchLabels: {team: x}\n", with: ""), "spec.subject", "exactly one"
        ),
        (Self.cnp(spec: Self.rule).replacingOccurrences(of: "  priority: 10\n", with: ""), "spec.priority", "required"),
    ])
    func schemaViolationsAreReportedAtTheirPath(_ text: String, _ path: String, _ message: String) {
        let found = (try? load(text, keepGoing: true).diagnostics) ?? errors(text)
        #expect(found.contains { $0.fieldPath == path && $0.message.contains(message) }, "\(found.map(\.description))")
    }

    @Test func tooManyRulesAreRefused() {
        let rules = String(repeating: "  - action: Deny\n    from: [{namespaces: {}}]\n", count: 26)
        let found = errors(Self.cnp(spec: "  ingress:\n" + rules))
        #expect(found.contains { $0.fieldPath == "spec.ingress" && $0.message.contains("at most 25") })
    }

    @Test(arguments: [("Accept", AdminAction.allow, false), ("Deny", .deny, true), ("Pass", .deny, true)])
    func unknownPeersFailClosed(_ written: String, _ read: AdminAction, _ denyAll: Bool) throws {
        let r = try load(
            Self.cnp(
                spec:
                    "  egress:\n  - action: \(written)\n    to: [{futurePeer: {x: 1}}]\n    protocols: [{tcp: {destinationPort: {number: 80}}}]"
            ))
        let rule = try #require(r.cluster.adminPolicies.first?.egress.first)
        #expect(rule.action == read)
        #expect(rule.ports.isEmpty == denyAll)
        #expect(r.diagnostics.contains { $0.severity == .warning && $0.fieldPath == "spec.egress[0].to[0].futurePeer" })
    }

    @Test func anpAndCNPAtOnePriorityCollide() throws {
        let anp = AdminPolicyLoaderTests.anp("legacy", priority: "10", spec: "  ingress:\n  - action: Deny\n    from: [{namespaces: {}}]")
        let r = try load(anp + "\n---\n" + Self.cnp("new", spec: Self.rule))
        #expect(r.diagnostics.contains { $0.message.contains("collide") && $0.message.contains("share priority 10") })
        #expect(r.diagnostics.contains { $0.message.contains("v1alpha1 and v1alpha2") })
        #expect(r.cluster.orderedAdminPolicies.map(\.name) == ["new", "legacy"])
    }

    @Test func antreaClusterNetworkPolicyStaysUnevaluated() throws {
        let r = try load("apiVersion: crd.antrea.io/v1beta1\nkind: ClusterNetworkPolicy\nmetadata: {name: x}\nspec: {priority: 5}")
        #expect(r.cluster.adminPolicies.isEmpty)
        #expect(r.diagnostics.contains { $0.message.contains("ClusterNetworkPolicy object(s) present") })
    }
}
