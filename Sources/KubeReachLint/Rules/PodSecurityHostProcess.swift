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
        context.podSecuritySites(atLeast: .baseline).flatMap { site in
            var out: [LintFinding] = []
            if site.security.context.windowsHostProcess == true {
                out.append(
                    finding(
                        "the pod is a HostProcess pod", site: site,
                        field: "\(site.security.specPath).securityContext.windowsOptions.hostProcess"))
            }
            for c in site.security.containers where c.context.windowsHostProcess == true {
                out.append(
                    finding(
                        "container '\(c.name)' is a HostProcess container", site: site,
                        field: site.path(c) + ".securityContext.windowsOptions.hostProcess"))
            }
            return out
        }
    }
}
