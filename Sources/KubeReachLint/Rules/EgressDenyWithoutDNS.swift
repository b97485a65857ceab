import KubeReachCore

/// Pods isolated for egress with no rule allowing DNS: every name lookup fails.
struct EgressDenyWithoutDNS: LintRule {
    let id = "egress-deny-without-dns"
    let severity = Diagnostic.Severity.error
    let summary = "Pods are isolated for egress and no egress rule allows DNS (port 53)"
    let hint =
        "add an egress rule to the cluster DNS (namespaceSelector kubernetes.io/metadata.name: kube-system, podSelector k8s-app: kube-dns) on UDP and TCP 53"

    var triggering: [String] { [Example.dnsServer + Example.pod("web") + Example.denyAll] }
    var nonTriggering: [String] { [Example.dnsServer + Example.pod("web") + Example.denyAll + Example.allowDNS, Example.pod("web")] }

    func check(_ context: LintContext) -> [LintFinding] {
        var byPolicy: [String: (NetworkPolicy, [String])] = [:]
        for pod in context.cluster.pods {
            let policies = context.isolating(pod, .egress)
            guard let first = policies.min(by: { $0.qualifiedName < $1.qualifiedName }) else { continue }
            let dns = policies.contains { p in p.egress.contains { DNS.allows($0, .udp) || DNS.allows($0, .tcp) } }
            if !dns { byPolicy[first.qualifiedName, default: (first, [])].1.append(pod.workload.description) }
        }
        return byPolicy.values.map { policy, workloads in
            let names = Array(Set(workloads)).sorted()
            return finding(
                "\(names.count) workload(s) cannot resolve names: \(names.prefix(5).joined(separator: ", "))\(names.count > 5 ? ", ..." : "")",
                policy: policy, field: "spec.policyTypes")
        }
    }
}
