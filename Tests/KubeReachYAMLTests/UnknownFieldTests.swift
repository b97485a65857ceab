import KubeReachCore
import KubeReachYAML
import Testing

/// A misspelt key changes a policy's meaning without a word from the decoder: `fromm` leaves
/// a rule without peers (every source allowed). Each unknown key is a warning at its path,
/// with the known key it was probably meant to be.
@Suite struct UnknownFieldTests {
    @Test(
        arguments: [
            ("  ingress:\n  - fromm: [{podSelector: {}}]", "spec.ingress[0].fromm", "did you mean 'from'?"),
            ("  ingres: [{}]", "spec.ingres", "did you mean 'ingress'?"),
            (
                "  ingress:\n  - from: [{podSelector: {}, namespaceSelectr: {}}]", "spec.ingress[0].from[0].namespaceSelectr",
                "did you mean 'namespaceSelector'?"
            ),
            ("  ingress:\n  - ports: [{port: 80, endport: 90}]", "spec.ingress[0].ports[0].endport", "did you mean 'endPort'?"),
            ("  podSelector: {matchLabel: {app: web}}", "spec.podSelector.matchLabel", "did you mean 'matchLabels'?"),
            (
                "  egress:\n  - to: [{ipBlock: {cidr: 10.0.0.0/8, excepts: [10.1.0.0/16]}}]", "spec.egress[0].to[0].ipBlock.excepts",
                "did you mean 'except'?"
            ),
            ("  colour: blue", "spec.colour", nil),
        ] as [(String, String, String?)])
    func unknownKeyWarnsAtItsPath(_ spec: String, _ path: String, _ suggestion: String?) throws {
        let r = try load(policyYAML(spec))
        let warning = try #require(r.diagnostics.first { $0.fieldPath == path }, "\(r.diagnostics.map(\.description))")
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("is ignored"))
        if let suggestion { #expect(warning.message.contains(suggestion)) } else { #expect(!warning.message.contains("did you mean")) }
    }

    @Test func knownKeysStaySilent() throws {
        let r = try load(
            policyYAML(
                "  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Ingress]\n  ingress:\n  - from: [{namespaceSelector: {}, podSelector: {}}]\n    ports: [{protocol: TCP, port: 80, endPort: 90}]"
            ))
        #expect(!r.diagnostics.contains { $0.message.contains("unknown field") })
    }
}
