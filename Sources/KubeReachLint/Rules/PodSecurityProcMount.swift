import KubeReachCore

/// Pod Security baseline, "/proc Mount Type": an Unmasked /proc shows the node's kernel knobs.
struct PodSecurityProcMount: LintRule {
    let id = "pss-proc-mount"
    let severity = Diagnostic.Severity.error
    let summary = "Pod Security baseline: procMount must be Default"
    let hint = "remove securityContext.procMount (or set it to Default)"

    var triggering: [String] { [Example.podSecurity("baseline", "  containers: [{name: app, securityContext: {procMount: Unmasked}}]")] }
    var nonTriggering: [String] { [Example.podSecurity("baseline", "  containers: [{name: app, securityContext: {procMount: Default}}]")] }

    func check(_ context: LintContext) -> [LintFinding] {
        context.podSecuritySites(atLeast: .baseline).flatMap { site in
            site.security.containers.filter { ($0.context.procMount ?? "Default") != "Default" }.map { c in
                finding(
                    "container '\(c.name)' mounts /proc \(c.context.procMount ?? "")", site: site,
                    field: site.path(c) + ".securityContext.procMount")
            }
        }
    }
}
