import KubeReachCore
import Testing

/// Loading CNPs, CCNPs and the objects carrying Cilium's cluster facts: every field the
/// model has, runtime-only and L7 fields recorded, problems located.
@Suite struct CiliumLoaderTests {
    static let cnp = """
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: p, namespace: ns}
        spec:
          endpointSelector: {matchLabels: {app: web}}
          ingress:
          - fromEndpoints: [{matchLabels: {"k8s:app": api}}]
            fromEntities: [host, kube-apiserver]
            fromCIDRSet: [{cidr: 10.0.0.0/8, except: [10.1.0.0/16]}, {cidrGroupRef: corp}]
            toPorts:
            - ports: [{port: "80"}, {port: http, protocol: TCP}, {port: "8000", endPort: 8100, protocol: UDP}]
              rules: {http: [{method: GET}]}
          egressDeny:
          - toCIDR: [1.1.1.1/32]
          enableDefaultDeny: {ingress: false}
        specs:
        - endpointSelector: {}
          egress:
          - toFQDNs: [{matchName: example.com}]
            toPorts: [{ports: [{port: "443"}]}]
        """

    @Test func readsSpecAndSpecs() throws {
        let r = try load(Self.cnp)
        let p = try #require(r.cluster.ciliumPolicies.first)
        #expect(p.namespace == "ns" && p.specs.count == 2)
        let rule = try #require(p.specs[0].ingress.first)
        #expect(rule.endpoints.first?.selector.matchLabels.first?.key == "app")
        #expect(rule.entities == [.host, .kubeAPIServer])
        #expect(rule.cidrs.count == 2)
        #expect(rule.ports?.map(\.proto) == [.any, .tcp, .udp])
        #expect(rule.ports?[1].name == "http" && rule.ports?[2].endPort == 8100)
        #expect(rule.l7 == ["L7 http"])
        #expect(p.specs[0].defaultDenyIngress == false && p.specs[0].defaultDeny(.egress))
        #expect(p.specs[1].egress.first?.runtime == ["toFQDNs"])
        #expect(r.diagnostics.contains { $0.message.contains("cidrGroupRef 'corp'") })
    }

    @Test func clusterwideAndHostPolicies() throws {
        let r = try load(
            """
            apiVersion: cilium.io/v2
            kind: CiliumClusterwideNetworkPolicy
            metadata: {name: host-fw}
            spec:
              nodeSelector: {}
              ingress: [{fromEntities: [cluster]}]
            """)
        let p = try #require(r.cluster.ciliumPolicies.first)
        #expect(p.isClusterwide && p.specs.first?.endpointSelector == nil)
        #expect(r.diagnostics.contains { $0.message.contains("host policy") && $0.fieldPath == "spec.nodeSelector" })
    }

    @Test(arguments: [
        ("fromRequires", "ingress: [{fromRequires: [{matchLabels: {a: b}}]}]", "spec.ingress[0].fromRequires"),
        ("unknown entity", "egress: [{toEntities: [moon]}]", "spec.egress[0].toEntities[0]"),
        (
            "L7 in a deny", "ingressDeny: [{toPorts: [{ports: [{port: \"80\"}], rules: {http: [{}]}}]}]",
            "spec.ingressDeny[0].toPorts[0].rules"
        ),
        ("bad protocol", "egress: [{toPorts: [{ports: [{port: \"80\", protocol: ICMP}]}]}]", "spec.egress[0].toPorts[0].ports[0].protocol"),
        ("port out of range", "egress: [{toPorts: [{ports: [{port: \"70000\"}]}]}]", "spec.egress[0].toPorts[0].ports[0].port"),
        ("unknown ICMP name", "egress: [{icmps: [{fields: [{type: Ping}]}]}]", "spec.egress[0].icmps[0].fields[0].type"),
        (
            "ICMP name of the other family", "egress: [{icmps: [{fields: [{type: PacketTooBig}]}]}]",
            "spec.egress[0].icmps[0].fields[0].type"
        ),
        ("ICMP type out of range", "egress: [{icmps: [{fields: [{type: 256}]}]}]", "spec.egress[0].icmps[0].fields[0].type"),
        ("ICMP family", "egress: [{icmps: [{fields: [{type: 8, family: IPv5}]}]}]", "spec.egress[0].icmps[0].fields[0].family"),
        ("ICMP type missing", "egress: [{icmps: [{fields: [{family: IPv4}]}]}]", "spec.egress[0].icmps[0].fields[0].type"),
    ])
    func refusedAtTheField(_ c: (String, String, String)) {
        let text =
            "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: ns}\nspec:\n  endpointSelector: {}\n  \(c.1)\n"
        let found = errors(text)
        #expect(found.contains { $0.fieldPath == c.2 }, "\(c.0): \(found.map { "\($0.fieldPath ?? "") \($0.message)" })")
    }

    @Test func unknownFieldsAreLocated() throws {
        let r = try load(
            "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: ns}\nspec:\n  endpointSelector: {}\n  ingres: []\n  egress: [{toEndpoint: [{}]}]\n"
        )
        #expect(r.diagnostics.contains { $0.fieldPath == "spec.ingres" && $0.message.contains("did you mean 'ingress'") })
        #expect(r.diagnostics.contains { $0.fieldPath == "spec.egress[0].toEndpoint" })
    }

    @Test func clusterFacts() throws {
        let r = try load(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: cilium-config, namespace: kube-system}
            data: {enable-policy: always, policy-cidr-match-mode: nodes, cluster-name: c1, allow-localhost: policy}
            ---
            apiVersion: cilium.io/v2
            kind: CiliumNode
            metadata: {name: node1}
            ---
            apiVersion: cilium.io/v2
            kind: CiliumCIDRGroup
            metadata: {name: corp}
            spec: {externalCIDRs: [192.168.0.0/16]}
            ---
            apiVersion: v1
            kind: Endpoints
            metadata: {name: kubernetes, namespace: default}
            subsets: [{addresses: [{ip: 172.20.0.1}]}]
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: other, namespace: kube-system}
            """)
        let f = r.cluster.cilium
        #expect(f.enforcement == .always && f.cidrMatchesNodes && f.clusterName == "c1" && !f.allowLocalhost)
        #expect(f.agentNodes == ["node1"] && f.cidrGroups["corp"]?.count == 1)
        #expect(f.apiServerAddresses == [IPAddress("172.20.0.1")!])
        #expect(r.skippedKinds["ConfigMap"] == 1)
        #expect(r.cluster.isCiliumActive)
    }

    @Test func podPlacementAndServiceAccount() throws {
        let r = try load(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: a, namespace: ns}
            spec: {nodeName: n1, serviceAccountName: sa, containers: [{name: c}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d, namespace: ns}
            spec:
              selector: {matchLabels: {app: d}}
              template:
                metadata: {labels: {app: d}}
                spec: {serviceAccountName: robot, containers: [{name: c}]}
            """)
        let a = try #require(r.cluster.pods.first { $0.name == "a" })
        #expect(a.nodeName == "n1" && a.serviceAccount == "sa")
        #expect(r.cluster.pods.first { $0.workload.name == "d" }?.serviceAccount == "robot")
    }

    @Test func icmpFields() throws {
        let r = try load(
            """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: p, namespace: ns}
            spec:
              endpointSelector: {}
              egress:
              - icmps:
                - fields: [{type: 8}, {type: EchoRequest, family: IPv6}, {type: "3", family: IPv4}]
                toPorts: [{ports: [{port: "53", protocol: UDP}]}]
              - icmps: [{fields: [{type: EchoReply}]}]
              - icmps: []
                toPorts: []
            """)
        let rules = try #require(r.cluster.ciliumPolicies.first?.specs.first?.egress)
        #expect(rules[0].icmps == [CiliumICMPField(type: 8), CiliumICMPField(family: .v6, type: 128), CiliumICMPField(type: 3)])
        #expect(rules[0].connections(destinationPorts: nil).others.contains(.v6, type: 128, code: 4))
        #expect(!rules[0].connections(destinationPorts: nil).others.contains(.v4, type: 0, code: 0))
        #expect(rules[0].connections(destinationPorts: nil).contains(.udp, 53))
        // EchoReply is type 0, Cilium's wildcard: every ICMP type, said where it is written.
        #expect(rules[1].connections(destinationPorts: nil).others.contains(.v4, type: 13, code: 0))
        #expect(r.diagnostics.contains { $0.fieldPath == "spec.egress[1].icmps[0].fields[0].type" && $0.message.contains("wildcard") })
        // Empty lists are as if not written: an L3-only rule, every protocol.
        #expect(rules[2].isL3Only && rules[2].connections(destinationPorts: nil) == .all)
    }

    @Test func toPortsEntryWithoutPortsCoversNothing() throws {
        let r = try load(
            "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: ns}\nspec:\n  endpointSelector: {}\n  ingressDeny: [{toPorts: [{}]}]\n"
        )
        let rule = try #require(r.cluster.ciliumPolicies.first?.specs.first?.ingressDeny.first)
        #expect(rule.connections(destinationPorts: nil).isEmpty)
        #expect(r.diagnostics.contains { $0.fieldPath == "spec.ingressDeny[0].toPorts[0]" && $0.message.contains("covers no port") })
    }
}
