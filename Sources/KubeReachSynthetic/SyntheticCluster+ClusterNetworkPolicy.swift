/// The admin guardrails of a synthetic cluster in either API version, with the same
/// connectivity: v1alpha1 writes the ANPs and one BANP holding every baseline rule;
/// v1alpha2 writes Admin ClusterNetworkPolicies and one Baseline CNP per baseline rule
/// (all with the subject `namespaces: {}`, so first match across them in priority order is
/// first match down the BANP's list).
extension SyntheticCluster {
    /// Baseline rules, in order: (direction key, rule in v1alpha1 flow style).
    static let baselineRules: [(key: String, rule: String)] = [
        ("ingress", "{name: no-cross-env, action: Deny, from: [{namespaces: {matchLabels: {env: dev}}}]}"),
        ("egress", "{name: no-link-local, action: Deny, to: [{networks: [169.254.0.0/16]}]}"),
        ("ingress", "{name: from-system, action: Allow, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]}"),
        (
            "egress",
            "{name: no-staging-db, action: Deny, to: [{pods: {namespaceSelector: {matchLabels: {env: staging}}, podSelector: {matchLabels: {tier: db}}}}], ports: [{portNumber: {protocol: TCP, port: 5432}}]}"
        ),
        (
            "ingress",
            "{name: no-batch, action: Deny, from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {tier: batch}}}}], ports: [{portRange: {start: 8080, end: 8082}}]}"
        ),
    ]

    /// The baseline tier: the BANP (v1alpha1) or `count` Baseline CNPs (v1alpha2).
    func baselineTier(count: Int) -> String {
        let rules = (0..<max(1, count)).map { Self.baselineRules[$0 % Self.baselineRules.count] }
        guard size.clusterNetworkPolicies else {
            var spec = ""
            for key in ["ingress", "egress"] where rules.contains(where: { $0.key == key }) {
                spec += "  \(key):\n" + rules.filter { $0.key == key }.map { "  - \($0.rule)\n" }.joined()
            }
            return
                "---\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: default}\nspec:\n  subject: {namespaces: {}}\n"
                + spec
        }
        return rules.enumerated().map { i, r in
            Self.toV1alpha2(
                "---\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: baseline\(i)}\nspec:\n  priority: \(i)\n  subject: {namespaces: {}}\n  \(r.key):\n  - \(r.rule)\n"
            )
        }.joined()
    }

    /// One generated v1alpha1 admin policy rewritten in v1alpha2 words: the kind and tier,
    /// `Accept` for `Allow`, `protocols` for `ports`. Only the forms this generator writes are
    /// rewritten; a test compares the connectivity of both versions.
    static func toV1alpha2(_ text: String) -> String {
        let baseline = text.contains("kind: BaselineAdminNetworkPolicy")
        var t = text.replacing("policy.networking.k8s.io/v1alpha1", with: "policy.networking.k8s.io/v1alpha2")
        t = t.replacing(
            baseline ? "kind: BaselineAdminNetworkPolicy" : "kind: AdminNetworkPolicy", with: "kind: ClusterNetworkPolicy")
        t = t.replacing("spec:\n  priority:", with: "spec:\n  tier: \(baseline ? "Baseline" : "Admin")\n  priority:")
        t = t.replacing("action: Allow", with: "action: Accept")
        t = t.replacing("{namedPort: metrics}", with: "{destinationNamedPort: metrics}")
        for proto in ["TCP", "UDP"] {
            t = t.replacing(
                "{portNumber: {protocol: \(proto), port: 53}}", with: "{\(proto.lowercased()): {destinationPort: {number: 53}}}")
        }
        t = t.replacing("{portNumber: {protocol: TCP, port: 5432}}", with: "{tcp: {destinationPort: {number: 5432}}}")
        for (a, b) in [(5000, 6000), (8080, 8082)] {
            t = t.replacing("{portRange: {start: \(a), end: \(b)}}", with: "{tcp: {destinationPort: {range: {start: \(a), end: \(b)}}}}")
        }
        return t.replacing("ports: [", with: "protocols: [")
    }
}
