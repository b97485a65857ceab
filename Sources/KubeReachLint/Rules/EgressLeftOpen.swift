import KubeReachCore

/// Pods isolated for ingress but not for egress: a compromised pod can still reach
/// everything, the internet and the cloud metadata address included.
struct EgressLeftOpen: LintRule {
    let id = "ingress-only-isolation"
    let severity = Diagnostic.Severity.warning
    let summary = "Workloads are isolated for ingress but their egress is wide open"
    let hint = "add egress isolation (policyTypes: [Egress]) with the destinations they need, DNS included"

    var triggering: [String] { [Example.pod("web") + Example.policy("p", "  podSelector: {}\n  policyTypes: [Ingress]")] }
    var nonTriggering: [String] { [Example.pod("web") + Example.denyAll + Example.allowDNS] }

    func check(_ context: LintContext) -> [LintFinding] {
        var open: [String: Set<String>] = [:]
        for pod in context.cluster.pods where !context.isolating(pod, .ingress).isEmpty && context.isolating(pod, .egress).isEmpty {
            open[pod.namespace, default: []].insert(pod.workload.description)
        }
        return open.keys.sorted().map { ns in
            let names = open[ns]!.sorted()
            return finding(
                "\(names.count) workload(s) in \(ns) have open egress: \(names.prefix(5).joined(separator: ", "))\(names.count > 5 ? ", ..." : "")",
                namespace: ns, at: context.cluster.namespaces.first { $0.name == ns }?.location)
        }
    }
}
