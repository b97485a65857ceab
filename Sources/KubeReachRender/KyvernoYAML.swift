import KubeReachAnalysis
import KubeReachCore

/// A `NamespaceGeneratePolicy` as a Kyverno `ClusterPolicy` (kyverno.io/v1): per generated
/// policy one rule matching Namespaces (by name, or all but the excluded ones) whose
/// `generate` creates the NetworkPolicy in each, existing and new, kept in sync. The
/// NetworkPolicy body is `PolicyYAML`'s, so both exports carry the same spec.
public enum KyvernoYAML {
    public static func document(_ g: NamespaceGeneratePolicy) -> String {
        var out = """
            # Kyverno creates the kubereach default-deny set in every matching namespace, existing and new,
            # and keeps it as written here (synchronize: true).
            apiVersion: kyverno.io/v1
            kind: ClusterPolicy
            metadata:
              name: \(PolicyYAML.scalar(g.name))
              annotations:
                policies.kyverno.io/title: "Default deny per namespace (kubereach)"
                policies.kyverno.io/subject: "Namespace, NetworkPolicy"
            spec:
              rules:

            """
        for r in g.rules { out += rule(r, g) }
        return out
    }

    static func rule(_ r: GeneratedPolicy, _ g: NamespaceGeneratePolicy) -> String {
        var out = r.reason.split(separator: "\n").map { "  # \($0)\n" }.joined()
        out += "  - name: \(PolicyYAML.scalar("generate-" + r.policy.name))\n"
        out += "    match:\n      any:\n      - resources:\n          kinds:\n          - Namespace\n"
        if let names = g.namespaces { out += "          names:\n" + list(names, indent: 10) }
        if !g.excluded.isEmpty {
            out += "    exclude:\n      any:\n      - resources:\n          kinds:\n          - Namespace\n"
            out += "          names:\n" + list(g.excluded, indent: 10)
        }
        out += "    generate:\n      generateExisting: true\n      synchronize: true\n"
        out += "      apiVersion: networking.k8s.io/v1\n      kind: NetworkPolicy\n"
        out += "      name: \(PolicyYAML.scalar(r.policy.name))\n"
        out += "      namespace: \"{{request.object.metadata.name}}\"\n"
        out += "      data:\n"
        out += PolicyYAML.spec(r.policy).split(separator: "\n").map { "        \($0)\n" }.joined()
        return out
    }

    static func list(_ names: [String], indent: Int) -> String {
        names.map { String(repeating: " ", count: indent) + "- \(PolicyYAML.scalar($0))\n" }.joined()
    }
}
