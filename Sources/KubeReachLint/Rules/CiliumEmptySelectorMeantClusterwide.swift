import KubeReachCore

/// `endpointSelector: {}` in a CiliumNetworkPolicy selects every endpoint of the policy's
/// namespace only. When that namespace holds no endpoint while others do, or the policy's
/// name says it is for the whole cluster, it was meant as a CiliumClusterwideNetworkPolicy.
struct CiliumEmptySelectorMeantClusterwide: LintRule {
    let id = "cilium-empty-selector-meant-clusterwide"
    let severity = Diagnostic.Severity.warning
    let summary = "A CNP with endpointSelector: {} applies to its own namespace only, yet looks meant for the whole cluster"
    let hint = "make it a CiliumClusterwideNetworkPolicy (no namespace) if every namespace is meant, or rename it"

    var triggering: [String] {
        [
            Example.pod("web", ns: "shop") + CiliumLint.policy("default-deny", ns: "default", "  endpointSelector: {}\n  ingress:\n  - {}"),
            Example.pod("web", ns: "shop") + CiliumLint.policy("cluster-default-deny", "  endpointSelector: {}\n  ingress:\n  - {}"),
        ]
    }
    var nonTriggering: [String] {
        [
            Example.pod("web", ns: "shop") + CiliumLint.policy("default-deny", "  endpointSelector: {}\n  ingress:\n  - {}"),
            Example.pod("web", ns: "shop")
                + CiliumLint.policy("cluster-default-deny", ns: nil, "  endpointSelector: {}\n  ingress:\n  - {}"),
        ]
    }

    /// Words in a policy name that say it is meant for every namespace.
    static let clusterWords = ["cluster", "global", "all-namespaces", "allnamespaces"]

    func check(_ context: LintContext) -> [LintFinding] {
        let pods = context.cluster.pods.filter { !$0.hostNetwork }
        let populated = Set(pods.map(\.namespace))
        return context.cluster.ciliumPolicies.flatMap { policy -> [LintFinding] in
            guard let ns = policy.namespace else { return [] }
            return policy.specs.enumerated().compactMap { si, spec -> LintFinding? in
                guard spec.endpointSelector?.selector.isEmpty == true else { return nil }
                let others = populated.subtracting([ns])
                let reason: String
                if !populated.contains(ns) && !others.isEmpty {
                    reason =
                        "\(ns) holds no pod while \(others.count) other namespace(s) do (\(others.sorted().prefix(3).joined(separator: ", ")))"
                } else if let word = Self.clusterWords.first(where: { policy.name.lowercased().contains($0) }) {
                    reason = "its name says '\(word)'"
                } else {
                    return nil
                }
                let base = policy.specs.count > 1 || si > 0 ? "specs[\(si)]" : "spec"
                return finding(
                    "endpointSelector: {} selects the endpoints of \(ns) only, but \(reason)", cilium: policy,
                    field: "\(base).endpointSelector", at: spec.location)
            }
        }
    }
}
