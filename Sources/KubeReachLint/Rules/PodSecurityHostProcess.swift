import KubeReachCore

/// Pod Security baseline, "HostProcess": a Windows HostProcess container runs on the host.
struct PodSecurityHostProcess: LintRule {
    let id = "pss-host-process"
    let severity = Diagnostic.Severity.error
    let summary = "Pod Security baseline: windowsOptions.hostProcess must not be true"
    let hint = "remove windowsOptions.hostProcess, or run the pod in a namespace that enforces privileged"

    var triggering: [String] {
        [Example.podSecurity("baseline", "  securityContext: {windowsOptions: {hostProcess: true}}\n  containers: [{name: app}]")]
    }
    var nonTriggering: [String] {
        [Example.podSecurity("baseline", "  containers: [{name: app, securityContext: {windowsOptions: {hostProcess: false}}}]")]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        context.podSecuritySites(atLeast: .baseline).flatMap {
            contextFindings($0, \.windowsHostProcess, equals: true, field: "windowsOptions.hostProcess", "runs as a Windows HostProcess")
        }
    }
}
