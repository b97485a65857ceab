import KubeReachCore
import KubeReachYAML
import Testing

/// Calico policies, tiers and network sets: what is read, what Calico's API server would
/// refuse (located at its field path), and that they are no longer reported as not evaluated.
@Suite struct CalicoLoaderTests {
    static func policy(_ kind: String = "NetworkPolicy", group: String = "projectcalico.org/v3", spec: String) -> String {
        """
        apiVersion: \(group)
        kind: \(kind)
        metadata:
          name: p
          namespace: shop
        spec:
        \(spec)
        """
    }

    @Test func readsEveryRuleField() throws {
        let r = try load(
            Self.policy(
                spec: """
                      tier: security
                      order: 12.5
                      selector: app == 'web' && !has(debug)
                      ingress:
                      - action: Allow
                        protocol: TCP
                        source:
                          selector: role in {'fe', 'be'}
                          namespaceSelector: global()
                          nets: [10.0.0.0/8, 192.168.1.1]
                          notNets: [10.1.0.0/16]
                          serviceAccounts: {names: [api], selector: tier == 'x'}
                        destination:
                          ports: [80, '8000:8080', http]
                          notPorts: [8081]
                      - action: Pass
                        notProtocol: 17
                      egress:
                      - action: Deny
                        protocol: ICMP
                        icmp: {type: 8}
                      - action: Log
                    """))
        let p = try #require(r.cluster.calico.policies.first)
        #expect(p.scope == .namespaced("shop") && p.tier == "security" && p.order == 12.5)
        #expect(p.selector == .and([.equals("app", "web"), .not(.has("debug"))]))
        #expect(p.types == [.ingress, .egress])
        let allow = p.ingress[0]
        #expect(allow.action == .allow && allow.proto == .tcp)
        #expect(allow.source.selector == .inSet("role", ["be", "fe"]) && allow.source.namespaceSelector == .global)
        #expect(allow.source.nets.map(\.description) == ["10.0.0.0/8", "192.168.1.1/32"])
        #expect(allow.source.serviceAccountNames == ["api"] && allow.source.serviceAccountSelector == .equals("tier", "x"))
        #expect(allow.destination.ports == [.range(80, 80), .range(8000, 8080), .named("http")])
        #expect(allow.destination.notPorts == [.range(8081, 8081)])
        #expect(p.ingress[1].notProto == .udp)
        #expect(p.egress[0].icmpConditions == ["spec.egress[0].icmp"])
        #expect(p.egress[0].icmp == CalicoICMPMatch(type: 8) && p.egress[0].notICMP == nil)
        #expect(p.egress[1].action == .log)
        // Evaluated now: no load says it is not.
        #expect(!r.diagnostics.contains { $0.message.contains("does not evaluate") })
    }

    /// `types` as Calico defaults it: Ingress unless there are only egress rules.
    static let typeDefaults: [(String, Set<PolicyDirection>)] = [
        ("ingress: [{action: Allow}]", [.ingress]),
        ("egress: [{action: Allow}]", [.egress]),
        ("ingress: [{action: Allow}]\n  egress: [{action: Allow}]", [.ingress, .egress]),
        ("selector: all()", [.ingress]),
        ("types: []\n  egress: [{action: Deny}]", [.egress]),
        ("types: [Egress]", [.egress]),
    ]

    @Test(arguments: typeDefaults)
    func defaultsTypes(_ spec: String, _ expected: Set<PolicyDirection>) throws {
        let r = try load(Self.policy("GlobalNetworkPolicy", spec: "  " + spec))
        #expect(r.cluster.calico.policies.first?.types == expected)
    }

    /// (spec, field path of the error, part of the message)
    static let refused: [(String, String, String)] = [
        ("selector: app == web", "spec.selector", "col 8: expected a quoted string"),
        ("selector: global()", "spec.selector", "global() can only be used"),
        ("ingress: [{action: Accept}]", "spec.ingress[0].action", "Allow, Deny, Pass or Log"),
        ("ingress: [{protocol: TCP}]", "spec.ingress[0].action", "action is required"),
        ("ingress: [{action: Allow, destination: {ports: [80]}}]", "spec.ingress[0].destination.ports", "protocol to be TCP"),
        ("ingress: [{action: Allow, protocol: ICMP, destination: {ports: [80]}}]", "spec.ingress[0].destination.ports", "protocol"),
        ("ingress: [{action: Allow, protocol: TCP, destination: {ports: ['90:80']}}]", "spec.ingress[0].destination.ports[0]", "lo:hi"),
        ("ingress: [{action: Allow, protocol: TCP, destination: {ports: [70000]}}]", "spec.ingress[0].destination.ports[0]", "0-65535"),
        ("ingress: [{action: Allow, protocol: 300}]", "spec.ingress[0].protocol", "1-255"),
        ("ingress: [{action: Allow, protocol: tcp}]", "spec.ingress[0].protocol", "got 'tcp'"),
        ("ingress: [{action: Allow, icmp: {type: 8}}]", "spec.ingress[0].icmp", "requires protocol ICMP"),
        ("ingress: [{action: Allow, protocol: ICMP, icmp: {code: 1}}]", "spec.ingress[0].icmp", "code specified without"),
        ("ingress: [{action: Allow, protocol: ICMP, ipVersion: 6}]", "spec.ingress[0].protocol", "requires ipVersion 4"),
        ("ingress: [{action: Allow, ipVersion: 5}]", "spec.ingress[0].ipVersion", "4 or 6"),
        ("ingress: [{action: Deny, http: {methods: [GET]}}]", "spec.ingress[0].http", "only valid on Allow"),
        ("ingress: [{action: Allow, source: {nets: [10.0.0.0/33]}}]", "spec.ingress[0].source.nets[0]", "invalid CIDR"),
        (
            "ingress: [{action: Allow, source: {services: {name: db}, selector: all()}}]", "spec.ingress[0].source.services",
            "cannot be combined"
        ),
        ("order: fast", "spec.order", "expected a number"),
        ("types: [Both]", "spec.types[0]", "Ingress or Egress"),
    ]

    @Test(arguments: refused)
    func refusesWithPath(_ spec: String, _ path: String, _ message: String) {
        let found = errors(Self.policy(spec: "  " + spec))
        #expect(
            found.contains { $0.fieldPath == path && $0.message.contains(message) },
            "\(found.map { "\($0.fieldPath ?? "-"): \($0.message)" })")
    }

    /// An empty selector text in an entity rule is no condition (libcalico-go skips it), not `all()`.
    @Test func emptyEntitySelectorsAreNoCondition() throws {
        let r = try load(Self.policy(spec: "  ingress: [{action: Allow, source: {selector: '', notSelector: '', namespaceSelector: ''}}]"))
        let source = try #require(r.cluster.calico.policies.first?.ingress.first?.source)
        #expect(source.selector == nil && source.notSelector == nil && source.namespaceSelector == nil)
    }

    @Test func keepsWhatItCannotModelAsFacts() throws {
        let r = try load(
            Self.policy(
                "GlobalNetworkPolicy",
                spec: """
                      preDNAT: true
                      applyOnForward: true
                      ingress: [{action: Allow, protocol: TCP, http: {paths: [{exact: /}]}}]
                      selectr: app == 'x'
                    """))
        let p = try #require(r.cluster.calico.policies.first)
        #expect(p.scope == .global)
        #expect(p.hostOnlyFields == ["spec.preDNAT", "spec.applyOnForward"])
        #expect(p.ingress[0].layer7Fields == ["spec.ingress[0].http"])
        #expect(r.diagnostics.contains { $0.fieldPath == "spec.selectr" && $0.message.contains("did you mean 'selector'") })
    }

    @Test func tiersSetsAndTheCRDGroup() throws {
        let r = try load(
            """
            apiVersion: projectcalico.org/v3
            kind: Tier
            metadata: {name: security}
            spec: {order: 100, defaultAction: Pass}
            ---
            apiVersion: crd.projectcalico.org/v1
            kind: GlobalNetworkSet
            metadata: {name: partners, labels: {kind: partner}}
            spec: {nets: [203.0.113.0/24]}
            ---
            apiVersion: projectcalico.org/v3
            kind: NetworkSet
            metadata: {name: office, namespace: shop}
            spec: {nets: ['2001:db8::/32']}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p, namespace: shop}
            spec: {podSelector: {}}
            ---
            \(Self.policy(group: "crd.projectcalico.org/v1", spec: "  selector: all()"))
            """)
        let calico = r.cluster.calico
        #expect(calico.tiers == [CalicoTier(name: "security", order: 100, defaultAction: .pass, location: calico.tiers.first?.location)])
        #expect(calico.orderedTiers.map(\.name) == ["security", "default"])
        #expect(calico.networkSets.map(\.namespace) == [nil, "shop"])
        #expect(calico.networkSets.first?.labels == ["kind": "partner"])
        // The Kubernetes and the Calico NetworkPolicy of one name are two objects.
        #expect(r.cluster.policies.count == 1 && calico.policies.count == 1)
    }

    @Test func tierAndPolicyOrder() {
        let tiers = [
            CalicoTier(name: "b", order: nil), CalicoTier(name: "a", order: nil), CalicoTier(name: "z", order: 1),
            CalicoTier(name: "c", order: 1), CalicoTier(name: "default", order: 1_000_000), CalicoTier(name: "neg", order: -5),
        ]
        #expect(tiers.sorted(by: CalicoTier.evaluationOrder).map(\.name) == ["neg", "c", "z", "default", "a", "b"])
    }
}

/// Equal orders: Calico falls back to names, so each later policy or tier is reported at its
/// `spec.order` with the one it ties with and where that is; unset orders and different
/// tiers are no tie.
@Suite struct CalicoOrderTieTests {
    static func policy(_ name: String, _ kind: String = "GlobalNetworkPolicy", tier: String? = nil, order: String?) -> String {
        """
        ---
        apiVersion: projectcalico.org/v3
        kind: \(kind)
        metadata: {name: \(name)\(kind == "NetworkPolicy" ? ", namespace: shop" : "")}
        spec:
          selector: all()\(tier.map { "\n  tier: \($0)" } ?? "")\(order.map { "\n  order: \($0)" } ?? "")

        """
    }

    static let tiers = """
        ---
        apiVersion: projectcalico.org/v3
        kind: Tier
        metadata: {name: security}
        spec: {order: 100}
        ---
        apiVersion: projectcalico.org/v3
        kind: Tier
        metadata: {name: platform}
        spec: {order: 100}

        """

    static func ties(_ text: String) throws -> [Diagnostic] {
        try load(text).diagnostics.filter { $0.message.contains("ties with") }
    }

    @Test func policiesOfOneTierWithOneOrder() throws {
        let found = try Self.ties(
            Self.tiers + Self.policy("b", tier: "security", order: "10") + Self.policy("a", "NetworkPolicy", tier: "security", order: "10")
                + Self.policy("c", tier: "platform", order: "10") + Self.policy("d", tier: "security", order: nil)
                + Self.policy("e", tier: "security", order: nil) + Self.policy("f", tier: "security", order: "10.5"))
        let policyTies = found.filter { $0.object?.contains("Policy") == true }
        #expect(policyTies.count == 1, "\(found)")
        let tie = try #require(policyTies.first)
        #expect(tie.object == "GlobalNetworkPolicy b")
        #expect(tie.fieldPath == "spec.order")
        #expect(tie.location?.line == 12)
        #expect(
            tie.message
                == "order 10 ties with NetworkPolicy shop/a (test.yaml:20:1) in tier security: Calico then evaluates them by name, a first")
    }

    @Test func tiersWithOneOrder() throws {
        let found = try Self.ties(Self.tiers)
        #expect(found.count == 1)
        #expect(found.first?.object == "Tier security")
        #expect(found.first?.message.hasPrefix("order 100 ties with Tier platform (test.yaml:") == true)
        #expect(found.first?.message.hasSuffix(": Calico then orders the tiers by name, platform first") == true)
    }

    /// A user tier at 1,000,000 ties with Calico's own default tier, written or not; it is the
    /// one reported, whichever name comes first.
    @Test func tierAtTheBuiltInDefaultTiersOrder() throws {
        func tier(_ name: String, _ order: String) -> String {
            "---\napiVersion: projectcalico.org/v3\nkind: Tier\nmetadata: {name: \(name)}\nspec: {order: \(order)}\n"
        }
        for (name, first) in [("app", "app"), ("zone", "default")] {
            let found = try Self.ties(tier(name, "1000000") + tier("other", "5"))
            #expect(found.map(\.object) == ["Tier \(name)"], "\(found)")
            #expect(found.first?.fieldPath == "spec.order")
            #expect(found.first?.location?.line == 2)
            #expect(
                found.first?.message
                    == "order 1000000 ties with Calico's built-in Tier default: Calico then orders the tiers by name, \(first) first")
        }
        #expect(try Self.ties(tier("app", "999999") + tier("other", "5")).isEmpty)
        let written = try Self.ties(tier("app", "1000000") + tier("default", "1000000"))
        #expect(written.count == 1)
        #expect(written.first?.message.hasPrefix("order 1000000 ties with Tier app (test.yaml:") == true, "\(written)")
    }

    @Test func defaultTierAtTheNetworkPoliciesOrder() throws {
        let knp =
            "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: k, namespace: shop}\nspec: {podSelector: {}}\n"
        let found = try Self.ties(knp + Self.policy("a", order: "1000") + Self.policy("b", order: "999"))
        #expect(found.map(\.object) == ["GlobalNetworkPolicy a"])
        #expect(found.first?.message.contains("ties with the Kubernetes NetworkPolicies (default tier, order 1000)") == true)
        #expect(try Self.ties(Self.policy("a", order: "1000")).isEmpty)
    }
}
