import KubeReachCore
import KubeReachYAML
import Testing

/// Every invalid-policy error names the field path and the file line.
@Suite struct PolicyValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var spec: String
        var path: String
        var line: Int
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "invalid CIDR", spec: "  ingress:\n  - from:\n    - ipBlock: {cidr: 10.0.0.0/33}", path: "spec.ingress[0].from[0].ipBlock.cidr", line: 9, message: "invalid CIDR"),
        Case(name: "except outside cidr", spec: "  ingress:\n  - from:\n    - ipBlock:\n        cidr: 10.0.0.0/8\n        except: [11.0.0.0/16]", path: "spec.ingress[0].from[0].ipBlock.except[0]", line: 11, message: "not strictly inside"),
        Case(name: "except equal to cidr", spec: "  ingress:\n  - from:\n    - ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/8]}", path: "spec.ingress[0].from[0].ipBlock.except[0]", line: 9, message: "not strictly inside"),
        Case(name: "except other family", spec: "  egress:\n  - to:\n    - ipBlock: {cidr: 10.0.0.0/8, except: ['::/64']}", path: "spec.egress[0].to[0].ipBlock.except[0]", line: 9, message: "same IP family"),
        Case(name: "bad operator", spec: "  podSelector:\n    matchExpressions:\n    - {key: app, operator: Equals, values: [a]}", path: "spec.podSelector.matchExpressions[0].operator", line: 9, message: "unknown operator"),
        Case(name: "In without values", spec: "  podSelector:\n    matchExpressions:\n    - {key: app, operator: In}", path: "spec.podSelector.matchExpressions[0].values", line: 9, message: "needs at least one value"),
        Case(name: "Exists with values", spec: "  podSelector:\n    matchExpressions:\n    - {key: app, operator: Exists, values: [a]}", path: "spec.podSelector.matchExpressions[0].values", line: 9, message: "must have no values"),
        Case(name: "bad label key", spec: "  podSelector:\n    matchLabels: {'-app': x}", path: "spec.podSelector.matchLabels.-app", line: 8, message: "invalid label key"),
        Case(name: "bad label value", spec: "  podSelector:\n    matchLabels: {app: 'a b'}", path: "spec.podSelector.matchLabels.app", line: 8, message: "invalid label value"),
        Case(name: "ipBlock with selector", spec: "  ingress:\n  - from:\n    - ipBlock: {cidr: 10.0.0.0/8}\n      podSelector: {}", path: "spec.ingress[0].from[0]", line: 9, message: "both ipBlock"),
        Case(name: "empty peer", spec: "  ingress:\n  - from:\n    - {}", path: "spec.ingress[0].from[0]", line: 9, message: "empty peer"),
        Case(name: "endPort with named port", spec: "  ingress:\n  - ports:\n    - {port: http, endPort: 90}", path: "spec.ingress[0].ports[0].endPort", line: 9, message: "named port"),
        Case(name: "endPort below port", spec: "  ingress:\n  - ports:\n    - {port: 10, endPort: 1}", path: "spec.ingress[0].ports[0].endPort", line: 9, message: "between port"),
        Case(name: "unknown protocol", spec: "  ingress:\n  - ports:\n    - {port: 80, protocol: ICMP}", path: "spec.ingress[0].ports[0].protocol", line: 9, message: "unsupported protocol"),
        Case(name: "port out of range", spec: "  ingress:\n  - ports:\n    - {port: 70000}", path: "spec.ingress[0].ports[0].port", line: 9, message: "1-65535"),
        Case(name: "quoted number is a bad port name", spec: "  ingress:\n  - ports:\n    - {port: '80'}", path: "spec.ingress[0].ports[0].port", line: 9, message: "invalid named port"),
        Case(name: "port of wrong type", spec: "  ingress:\n  - ports:\n    - port: [1]", path: "spec.ingress[0].ports[0].port", line: 9, message: "expected a string"),
        Case(name: "ingress as a map", spec: "  ingress: {from: []}", path: "spec.ingress", line: 7, message: "expected a list"),
        Case(name: "unknown policy type", spec: "  policyTypes: [Ingress, Sideways]", path: "spec.policyTypes[1]", line: 7, message: "unknown policy type"),
    ]

    @Test(arguments: cases)
    func invalidPolicyIsReportedAtItsField(_ c: Case) throws {
        let errs = errors(policyYAML(c.spec))
        let e = try #require(errs.first { $0.fieldPath == c.path }, "got: \(errs.map(\.description))")
        #expect(e.location?.line == c.line, "\(e)")
        #expect(e.location?.file == "test.yaml")
        #expect(e.object == "NetworkPolicy ns/p")
        #expect(e.message.contains(c.message), "\(e.message)")
    }

    @Test func validPolicyLoadsWithDefaults() throws {
        let r = try load(policyYAML("  podSelector: {}\n  egress:\n  - to:\n    - namespaceSelector: {}\n    ports:\n    - {port: dns, protocol: UDP}\n    - {port: 8000, endPort: 8100}\n    - protocol: SCTP"))
        let p = try #require(r.cluster.policies.first)
        #expect(p.affectsIngress && p.affectsEgress && !p.policyTypesWritten)
        #expect(p.egress[0].ports == [
            PolicyPort(proto: .udp, port: .name("dns")), PolicyPort(proto: .tcp, port: .number(8000), endPort: 8100), PolicyPort(proto: .sctp),
        ])
        #expect(p.egress[0].peers == [.selector(pods: nil, namespaces: .everything)])
    }

    @Test func hostBitsWarn() throws {
        let r = try load(policyYAML("  ingress:\n  - from:\n    - ipBlock: {cidr: 10.1.2.3/8}"))
        #expect(r.diagnostics.contains { $0.severity == .warning && $0.message.contains("host bits") })
    }

    @Test func namedPortTowardsIPBlockWarns() throws {
        let r = try load(policyYAML("  egress:\n  - to:\n    - ipBlock: {cidr: 0.0.0.0/0}\n    ports: [{port: http}]"))
        #expect(r.diagnostics.contains { $0.severity == .warning && $0.fieldPath == "spec.egress[0].ports" })
    }

    @Test func namedPortFromIPBlockInIngressIsFine() throws {
        let r = try load(policyYAML("  ingress:\n  - from:\n    - ipBlock: {cidr: 0.0.0.0/0}\n    ports: [{port: http}]"))
        #expect(!r.diagnostics.contains { $0.fieldPath == "spec.ingress[0].ports" })
    }
}
