import KubeReachCore

/// Pod Security baseline, "Host Namespaces": a pod sharing the node's network, PID or IPC
/// namespace sees (and can reach) what the node does.
struct PodSecurityHostNamespaces: LintRule {
    let id = "pss-host-namespaces"
    let severity = Diagnostic.Severity.error
    let summary = "Pod Security baseline: hostNetwork, hostPID and hostIPC must not be true"
    let hint = "remove hostNetwork/hostPID/hostIPC, or run the pod in a namespace that enforces privileged"

    var triggering: [String] { [Example.podSecurity("baseline", "  hostPID: true\n  containers: [{name: app}]")] }
    var nonTriggering: [String] {
        [
            Example.podSecurity("baseline", "  hostPID: false\n  containers: [{name: app}]"),
            Example.podSecurity("privileged", "  hostPID: true\n  containers: [{name: app}]"),
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        context.podSecuritySites(atLeast: .baseline).flatMap { site in
            [("hostNetwork", site.security.hostNetwork), ("hostPID", site.security.hostPID), ("hostIPC", site.security.hostIPC)]
                .filter(\.1).map { finding("\($0.0): true", site: site, field: "\(site.security.specPath).\($0.0)") }
        }
    }
}
