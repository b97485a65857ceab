import KubeReachCore
import KubeReachTestSupport
import Testing

/// Cilium's connectivity test at L3/L4 (cilium-cli `connectivity/builder` and
/// `connectivity/manifests`): its client/echo/world topology, each policy scenario loaded
/// from YAML, and the verdicts the upstream expectations state.
@Suite struct CiliumConnectivityTests {
    /// A connection the test makes and whether upstream expects it to pass.
    struct Probe: CustomStringConvertible {
        var from: String
        var to: String
        var proto: NetworkProtocol = .tcp
        var port: Int
        var allowed: Bool

        var description: String { "\(from) -> \(to) \(proto.rawValue)/\(port)" }
    }

    struct Scenario: CustomTestStringConvertible, Sendable {
        var name: String
        var policies: String
        var probes: [Probe]

        var testDescription: String { name }
    }

    static let scenarios: [Scenario] = [
        Scenario(
            name: "no-policies", policies: "",
            probes: [
                Probe(from: "client", to: "echo-same-node", port: 8080, allowed: true),
                Probe(from: "client2", to: "echo-other-node", port: 8080, allowed: true),
                Probe(from: "client", to: "1.1.1.1", port: 443, allowed: true),
            ]),
        Scenario(
            name: "client-egress-to-echo (pod-to-pod on 8080 and DNS only)", policies: CiliumScenarioYAML.clientEgressToEcho,
            probes: [
                Probe(from: "client", to: "echo-same-node", port: 8080, allowed: true),
                Probe(from: "client", to: "echo-other-node", port: 8080, allowed: true),
                Probe(from: "client", to: "echo-same-node", port: 9090, allowed: false),
                Probe(from: "client", to: "coredns", proto: .udp, port: 53, allowed: true),
                Probe(from: "client", to: "1.1.1.1", port: 443, allowed: false),
                Probe(from: "echo-same-node", to: "client", port: 8080, allowed: true),
            ]),
        Scenario(
            name: "echo-ingress-from-other-client", policies: CiliumScenarioYAML.echoIngressFromOtherClient,
            probes: [
                Probe(from: "client2", to: "echo-same-node", port: 8080, allowed: true),
                Probe(from: "client", to: "echo-same-node", port: 8080, allowed: false),
                Probe(from: "client", to: "client2", port: 8080, allowed: true),
            ]),
        Scenario(
            name: "echo-ingress-from-other-client-deny (allow all, deny client2 to echo)",
            policies: CiliumScenarioYAML.allowAll + CiliumScenarioYAML.echoIngressFromOtherClientDeny,
            probes: [
                Probe(from: "client", to: "echo-same-node", port: 8080, allowed: true),
                Probe(from: "client2", to: "echo-same-node", port: 8080, allowed: false),
                Probe(from: "client", to: "client2", port: 8080, allowed: true),
            ]),
        Scenario(
            name: "client-egress-to-cidr-deny (allow all egress, deny 1.0.0.0/8)",
            policies: CiliumScenarioYAML.allowAllEgress + CiliumScenarioYAML.clientEgressToCIDRDeny,
            probes: [
                Probe(from: "client", to: "1.1.1.1", port: 443, allowed: false),
                Probe(from: "client", to: "1.0.0.1", port: 443, allowed: false),
                Probe(from: "client", to: "echo-other-node", port: 8080, allowed: true),
            ]),
        Scenario(
            name: "all-ingress-deny (pod-to-pod denied, egress to world allowed)", policies: CiliumScenarioYAML.denyAllIngress,
            probes: [
                Probe(from: "client", to: "echo-same-node", port: 8080, allowed: false),
                Probe(from: "client", to: "1.1.1.1", port: 443, allowed: true),
                Probe(from: "10.0.0.1", to: "echo-same-node", port: 8080, allowed: true),
                Probe(from: "10.0.0.2", to: "echo-same-node", port: 8080, allowed: false),
            ]),
        Scenario(
            name: "all-egress-deny", policies: CiliumScenarioYAML.denyAllEgress,
            probes: [
                Probe(from: "client", to: "echo-same-node", port: 8080, allowed: false),
                Probe(from: "client", to: "1.1.1.1", port: 443, allowed: false),
            ]),
        Scenario(
            name: "all-entities-deny (allow all egress, deny every entity)",
            policies: CiliumScenarioYAML.allowAllEgress + CiliumScenarioYAML.denyAllEntities,
            probes: [
                Probe(from: "client", to: "echo-same-node", port: 8080, allowed: false),
                Probe(from: "client", to: "1.1.1.1", port: 443, allowed: false),
            ]),
        Scenario(
            name: "allow-all-except-world", policies: CiliumScenarioYAML.allowAllExceptWorld,
            probes: [
                Probe(from: "client", to: "echo-other-node", port: 8080, allowed: true),
                Probe(from: "client", to: "1.1.1.1", port: 443, allowed: false),
                Probe(from: "client", to: "10.0.0.2", port: 10250, allowed: true),
                Probe(from: "1.1.1.1", to: "echo-same-node", port: 8080, allowed: false),
            ]),
        Scenario(
            name: "client-egress-to-entities-world", policies: CiliumScenarioYAML.clientEgressToEntitiesWorld,
            probes: [
                Probe(from: "client", to: "1.1.1.1", port: 80, allowed: true),
                Probe(from: "client", to: "echo-same-node", port: 8080, allowed: false),
            ]),
        Scenario(
            name: "to-cidr-external (1.0.0.0/8 except 1.1.1.1)", policies: CiliumScenarioYAML.clientEgressToCIDRExcept,
            probes: [
                Probe(from: "client", to: "1.0.0.1", port: 443, allowed: true),
                Probe(from: "client", to: "1.1.1.1", port: 443, allowed: false),
            ]),
        Scenario(
            name: "host-entity-egress (host is the client's own node only)", policies: CiliumScenarioYAML.allowHostEntity,
            probes: [
                Probe(from: "client", to: "10.0.0.1", port: 10250, allowed: true),
                Probe(from: "client", to: "10.0.0.2", port: 10250, allowed: false),
            ]),
    ]

    @Test(arguments: scenarios)
    func scenario(_ s: Scenario) throws {
        let result = try load([("topology.yaml", CiliumScenarioYAML.topology), ("policies.yaml", s.policies)])
        let engine = Reachability(cluster: result.cluster)
        for probe in s.probes {
            let got = try #require(engine.connections(named: probe.from, probe.to), "\(probe)")
            #expect(
                got.contains(probe.proto, probe.port) == probe.allowed,
                "\(s.name): \(probe) expected \(probe.allowed ? "allowed" : "denied")")
        }
    }
}
