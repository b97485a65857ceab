import KubeReachCore

/// A CNP endpoint selector without `io.kubernetes.pod.namespace` selects in the policy's
/// namespace only; when it matches nothing there but pods elsewhere, the key was forgotten.
struct CiliumCrossNamespacePeer: LintRule {
    let id = "cilium-cross-namespace-peer"
    let severity = Diagnostic.Severity.warning
    let summary = "A CNP fromEndpoints/toEndpoints selector matches pods only in other namespaces, but is scoped to its own"
    let hint = "add k8s:io.kubernetes.pod.namespace: OTHER to the same selector (or use a CiliumClusterwideNetworkPolicy)"

    var triggering: [String] {
        [
            Example.pod("db", ns: "data", labels: "{app: db}") + Example.pod("api", ns: "shop", labels: "{app: api}")
                + CiliumLint.policy("p", ns: "data", "  endpointSelector: {}\n  ingress:\n  - fromEndpoints: [{matchLabels: {app: api}}]")
        ]
    }
    var nonTriggering: [String] {
        [
            Example.pod("db", ns: "data", labels: "{app: db}") + Example.pod("api", ns: "shop", labels: "{app: api}")
                + CiliumLint.policy(
                    "p", ns: "data",
                    "  endpointSelector: {}\n  ingress:\n  - fromEndpoints: [{matchLabels: {app: api, k8s:io.kubernetes.pod.namespace: shop}}]"
                )
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        CiliumLint.sites(context.cluster).flatMap { site -> [LintFinding] in
            guard let ns = site.policy.namespace else { return [] }
            let peer = site.direction == .ingress ? "fromEndpoints" : "toEndpoints"
            return site.rule.endpoints.enumerated().compactMap { i, selector in
                guard !selector.namesNamespace, !selector.selector.isEmpty else { return nil }
                let pods = context.cluster.pods.filter { !$0.hostNetwork && selector.selector.matches($0.labels) }
                let elsewhere = Set(pods.map(\.namespace)).subtracting([ns])
                guard !pods.contains(where: { $0.namespace == ns }), !elsewhere.isEmpty else { return nil }
                return finding(
                    "\(peer) \(selector) matches no pod in \(ns) but matches pods in \(elsewhere.sorted().joined(separator: ", "))",
                    cilium: site.policy, field: "\(site.path).\(peer)[\(i)]", at: site.rule.location)
            }
        }
    }
}
