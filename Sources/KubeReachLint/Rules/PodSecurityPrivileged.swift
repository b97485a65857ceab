import KubeReachCore

/// Pod Security baseline, "Privileged Containers": a privileged container has every device
/// and capability of the node; escaping it is trivial.
struct PodSecurityPrivileged: LintRule {
    let id = "pss-privileged"
    let severity = Diagnostic.Severity.error
    let summary = "Pod Security baseline: containers must not be privileged"
    let hint = "remove securityContext.privileged: true (add the one capability the container needs instead)"

    var triggering: [String] { [Example.podSecurity("baseline", "  containers: [{name: app, securityContext: {privileged: true}}]")] }
    var nonTriggering: [String] { [Example.podSecurity("baseline", "  containers: [{name: app, securityContext: {privileged: false}}]")] }

    func check(_ context: LintContext) -> [LintFinding] {
        context.podSecuritySites(atLeast: .baseline).flatMap { site in
            site.security.containers.filter { $0.context.privileged == true }.map {
                finding("container '\($0.name)' is privileged", site: site, field: site.path($0) + ".securityContext.privileged")
            }
        }
    }
}
