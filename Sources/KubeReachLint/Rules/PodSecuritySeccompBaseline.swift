import KubeReachCore

/// Pod Security baseline, "Seccomp": the profile must not be Unconfined.
struct PodSecuritySeccompBaseline: LintRule {
    let id = "pss-seccomp-baseline"
    let severity = Diagnostic.Severity.error
    let summary = "Pod Security baseline: the seccomp profile must not be Unconfined"
    let hint = "set seccompProfile type RuntimeDefault (or Localhost)"

    var triggering: [String] {
        [Example.podSecurity("baseline", "  securityContext: {seccompProfile: {type: Unconfined}}\n  containers: [{name: app}]")]
    }
    var nonTriggering: [String] {
        [Example.podSecurity("baseline", "  containers: [{name: app, securityContext: {seccompProfile: {type: RuntimeDefault}}}]")]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        context.podSecuritySites(atLeast: .baseline).flatMap { site in
            var out: [LintFinding] = []
            if site.security.context.seccompProfile == "Unconfined" {
                out.append(
                    finding(
                        "the pod is unconfined by seccomp", site: site,
                        field: "\(site.security.specPath).securityContext.seccompProfile.type"))
            }
            for c in site.security.containers where c.context.seccompProfile == "Unconfined" {
                out.append(
                    finding(
                        "container '\(c.name)' is unconfined by seccomp", site: site,
                        field: site.path(c) + ".securityContext.seccompProfile.type"))
            }
            return out
        }
    }
}
