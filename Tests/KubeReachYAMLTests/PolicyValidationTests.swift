import KubeReachCore
import KubeReachYAML
import Testing

/// Every invalid-policy error names the field path and the file line (the policy's spec
/// starts on line 7 of `policyYAML`).
@Suite struct PolicyValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var spec: String
        var path: String
        var line: Int
        var message: String
        var testDescription: String { name }
    }

    static let peerCases: [Case] = [
        Case(
            name: "invalid CIDR", spec: "  ingress:\n  - from:\n    - ipBlock: {cidr: 10.0.0.0/33}",
            path: "spec.ingress[0].from[0].ipBlock.cidr", line: 9, message: "invalid CIDR"),
        Case(
            name: "CIDR without prefix", spec: "  egress:\n  - to:\n    - ipBlock: {cidr: 10.0.0.1}",
            path: "spec.egress[0].to[0].ipBlock.cidr", line: 9, message: "missing /prefix"),
        Case(
            name: "cidr missing", spec: "  ingress:\n  - from:\n    - ipBlock: {except: [10.0.0.0/16]}",
            path: "spec.ingress[0].from[0].ipBlock.cidr", line: 9, message: "cidr is required"),
        Case(
            name: "ipBlock as a string", spec: "  ingress:\n  - from:\n    - ipBlock: 10.0.0.0/8", path: "spec.ingress[0].from[0].ipBlock",
            line: 9, message: "ipBlock must be a map"),
        Case(
            name: "invalid except", spec: "  ingress:\n  - from:\n    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0]}",
            path: "spec.ingress[0].from[0].ipBlock.except[0]", line: 9, message: "invalid CIDR"),
        Case(
            name: "except outside cidr",
            spec: "  ingress:\n  - from:\n    - ipBlock:\n        cidr: 10.0.0.0/8\n        except: [11.0.0.0/16]",
            path: "spec.ingress[0].from[0].ipBlock.except[0]", line: 11, message: "is not inside cidr"),
        Case(
            name: "second except outside cidr",
            spec:
                "  ingress:\n  - from:\n    - ipBlock:\n        cidr: 10.0.0.0/8\n        except:\n        - 10.1.0.0/16\n        - 12.0.0.0/16",
            path: "spec.ingress[0].from[0].ipBlock.except[1]", line: 13, message: "is not inside cidr"),
        Case(
            name: "except equal to cidr", spec: "  ingress:\n  - from:\n    - ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/8]}",
            path: "spec.ingress[0].from[0].ipBlock.except[0]", line: 9, message: "is not inside cidr"),
        Case(
            name: "except other family", spec: "  egress:\n  - to:\n    - ipBlock: {cidr: 10.0.0.0/8, except: ['::/64']}",
            path: "spec.egress[0].to[0].ipBlock.except[0]", line: 9, message: "same IP family"),
        Case(
            name: "ipBlock with selector", spec: "  ingress:\n  - from:\n    - ipBlock: {cidr: 10.0.0.0/8}\n      podSelector: {}",
            path: "spec.ingress[0].from[0]", line: 9, message: "both ipBlock"),
        Case(
            name: "ipBlock with namespaceSelector",
            spec: "  egress:\n  - to:\n    - namespaceSelector: {}\n      ipBlock: {cidr: 10.0.0.0/8}", path: "spec.egress[0].to[0]",
            line: 9, message: "both ipBlock"),
        Case(name: "empty peer", spec: "  ingress:\n  - from:\n    - {}", path: "spec.ingress[0].from[0]", line: 9, message: "empty peer"),
        Case(
            name: "second peer empty", spec: "  ingress:\n  - from:\n    - podSelector: {}\n    - {}", path: "spec.ingress[0].from[1]",
            line: 10, message: "empty peer"),
        Case(
            name: "peer as a string", spec: "  ingress:\n  - from:\n    - frontend", path: "spec.ingress[0].from[0]", line: 9,
            message: "a peer must be a map"),
    ]

    static let portCases: [Case] = [
        Case(
            name: "endPort with named port", spec: "  ingress:\n  - ports:\n    - {port: http, endPort: 90}",
            path: "spec.ingress[0].ports[0].endPort", line: 9, message: "endPort cannot be used with a named port"),
        Case(
            name: "endPort below port", spec: "  ingress:\n  - ports:\n    - {port: 10, endPort: 1}",
            path: "spec.ingress[0].ports[0].endPort", line: 9, message: "between port"),
        Case(
            name: "endPort above 65535", spec: "  ingress:\n  - ports:\n    - port: 80\n      endPort: 70000",
            path: "spec.ingress[0].ports[0].endPort", line: 10, message: "between port"),
        Case(
            name: "endPort without port", spec: "  egress:\n  - ports:\n    - {endPort: 90}", path: "spec.egress[0].ports[0].endPort",
            line: 9, message: "needs a numeric port"),
        Case(
            name: "unknown protocol", spec: "  ingress:\n  - ports:\n    - {port: 80, protocol: ICMP}",
            path: "spec.ingress[0].ports[0].protocol", line: 9, message: "unsupported protocol"),
        Case(
            name: "lower-case protocol", spec: "  ingress:\n  - ports:\n    - {port: 80, protocol: tcp}",
            path: "spec.ingress[0].ports[0].protocol", line: 9, message: "unsupported protocol"),
        Case(
            name: "port out of range", spec: "  ingress:\n  - ports:\n    - {port: 70000}", path: "spec.ingress[0].ports[0].port", line: 9,
            message: "outside 1-65535"),
        Case(
            name: "port zero", spec: "  ingress:\n  - ports:\n    - {port: 0}", path: "spec.ingress[0].ports[0].port", line: 9,
            message: "outside 1-65535"),
        Case(
            name: "quoted number is a bad port name", spec: "  ingress:\n  - ports:\n    - {port: '80'}",
            path: "spec.ingress[0].ports[0].port", line: 9, message: "invalid named port"),
        Case(
            name: "port name too long", spec: "  ingress:\n  - ports:\n    - {port: abcdefghijklmnop}",
            path: "spec.ingress[0].ports[0].port", line: 9, message: "invalid named port"),
        Case(
            name: "port name with double dash", spec: "  ingress:\n  - ports:\n    - {port: a--b}", path: "spec.ingress[0].ports[0].port",
            line: 9, message: "invalid named port"),
        Case(
            name: "port name upper case", spec: "  ingress:\n  - ports:\n    - {port: HTTP}", path: "spec.ingress[0].ports[0].port",
            line: 9, message: "invalid named port"),
        Case(
            name: "port name with trailing dash", spec: "  ingress:\n  - ports:\n    - {port: http-}",
            path: "spec.ingress[0].ports[0].port", line: 9, message: "invalid named port"),
        Case(
            name: "port as a boolean", spec: "  ingress:\n  - ports:\n    - {port: true}", path: "spec.ingress[0].ports[0].port", line: 9,
            message: "found a boolean"),
        Case(
            name: "port as a fraction", spec: "  ingress:\n  - ports:\n    - {port: 80.5}", path: "spec.ingress[0].ports[0].port", line: 9,
            message: "found a fraction"),
        Case(
            name: "port of wrong type", spec: "  ingress:\n  - ports:\n    - port: [1]", path: "spec.ingress[0].ports[0].port", line: 9,
            message: "expected a port number or name"),
        Case(
            name: "endPort as a string", spec: "  ingress:\n  - ports:\n    - {port: 80, endPort: '90'}",
            path: "spec.ingress[0].ports[0].endPort", line: 9, message: "expected an integer"),
        Case(
            name: "port entry as a string", spec: "  ingress:\n  - ports:\n    - http", path: "spec.ingress[0].ports[0]", line: 9,
            message: "a port entry must be a map"),
    ]

    static let selectorCases: [Case] = [
        Case(
            name: "bad operator", spec: "  podSelector:\n    matchExpressions:\n    - {key: app, operator: Equals, values: [a]}",
            path: "spec.podSelector.matchExpressions[0].operator", line: 9, message: "unknown operator"),
        Case(
            name: "In without values", spec: "  podSelector:\n    matchExpressions:\n    - {key: app, operator: In}",
            path: "spec.podSelector.matchExpressions[0].values", line: 9, message: "needs at least one value"),
        Case(
            name: "NotIn with empty values", spec: "  podSelector:\n    matchExpressions:\n    - {key: app, operator: NotIn, values: []}",
            path: "spec.podSelector.matchExpressions[0].values", line: 9, message: "needs at least one value"),
        Case(
            name: "Exists with values", spec: "  podSelector:\n    matchExpressions:\n    - {key: app, operator: Exists, values: [a]}",
            path: "spec.podSelector.matchExpressions[0].values", line: 9, message: "must have no values"),
        Case(
            name: "DoesNotExist with values",
            spec: "  podSelector:\n    matchExpressions:\n    - key: app\n      operator: DoesNotExist\n      values: [a]",
            path: "spec.podSelector.matchExpressions[0].values", line: 11, message: "must have no values"),
        Case(
            name: "expression without key", spec: "  podSelector:\n    matchExpressions:\n    - {operator: Exists}",
            path: "spec.podSelector.matchExpressions[0].key", line: 9, message: "key is required"),
        Case(
            name: "bad expression key",
            spec: "  ingress:\n  - from:\n    - namespaceSelector:\n        matchExpressions:\n        - {key: 'a b', operator: Exists}",
            path: "spec.ingress[0].from[0].namespaceSelector.matchExpressions[0].key", line: 11, message: "invalid label key"),
        Case(
            name: "bad expression value",
            spec: "  podSelector:\n    matchExpressions:\n    - key: app\n      operator: In\n      values: [ok, '-x']",
            path: "spec.podSelector.matchExpressions[0].values[1]", line: 11, message: "invalid label value"),
        Case(
            name: "bad label key", spec: "  podSelector:\n    matchLabels: {'-app': x}", path: "spec.podSelector.matchLabels.-app", line: 8,
            message: "invalid label key"),
        Case(
            name: "label key with two slashes", spec: "  podSelector:\n    matchLabels:\n      a/b/c: x",
            path: "spec.podSelector.matchLabels.a/b/c", line: 9, message: "invalid label key"),
        Case(
            name: "bad label value", spec: "  podSelector:\n    matchLabels: {app: 'a b'}", path: "spec.podSelector.matchLabels.app",
            line: 8, message: "invalid label value"),
        Case(
            name: "label value too long",
            spec: "  ingress:\n  - from:\n    - podSelector:\n        matchLabels: {app: \(String(repeating: "a", count: 64))}",
            path: "spec.ingress[0].from[0].podSelector.matchLabels.app", line: 10, message: "at most 63"),
        Case(
            name: "matchLabels as a list", spec: "  podSelector:\n    matchLabels: [a]", path: "spec.podSelector.matchLabels", line: 8,
            message: "expected a map"),
        Case(name: "selector as a string", spec: "  podSelector: app=web", path: "spec.podSelector", line: 7, message: "must be a map"),
    ]

    static let structureCases: [Case] = [
        Case(name: "ingress as a map", spec: "  ingress: {from: []}", path: "spec.ingress", line: 7, message: "expected a list"),
        Case(name: "egress as a map", spec: "  egress:\n    to: []", path: "spec.egress", line: 8, message: "expected a list"),
        Case(name: "rule as a list", spec: "  ingress:\n  - [a]", path: "spec.ingress[0]", line: 8, message: "a rule must be a map"),
        Case(
            name: "from as a map", spec: "  ingress:\n  - from: {podSelector: {}}", path: "spec.ingress[0].from", line: 8,
            message: "expected a list"),
        Case(
            name: "unknown policy type", spec: "  policyTypes: [Ingress, Sideways]", path: "spec.policyTypes[1]", line: 7,
            message: "unknown policy type"),
        Case(
            name: "policyTypes as a string", spec: "  policyTypes: Ingress", path: "spec.policyTypes", line: 7, message: "expected a list"),
        Case(name: "spec as a list", spec: "  - ingress", path: "spec", line: 7, message: "expected a map"),
    ]

    @Test(arguments: peerCases + portCases + selectorCases + structureCases)
    func invalidPolicyIsReportedAtItsField(_ c: Case) throws {
        let errs = errors(policyYAML(c.spec))
        let e = try #require(errs.first { $0.fieldPath == c.path }, "got: \(errs.map(\.description))")
        #expect(e.severity == .error)
        #expect(e.location?.line == c.line, "\(e)")
        #expect(e.location?.file == "test.yaml")
        #expect(e.object == "NetworkPolicy ns/p")
        #expect(e.message.contains(c.message), "\(e.message)")
    }

    @Test func everyErrorOfAPolicyIsReported() {
        let errs = errors(policyYAML("  ingress:\n  - from:\n    - {}\n    - ipBlock: {cidr: bad}\n    ports:\n    - {port: 0}"))
        #expect(
            errs.map(\.fieldPath) == ["spec.ingress[0].from[0]", "spec.ingress[0].from[1].ipBlock.cidr", "spec.ingress[0].ports[0].port"])
    }
}
