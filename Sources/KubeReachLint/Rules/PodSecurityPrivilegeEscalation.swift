import KubeReachCore

/// Pod Security restricted, "Privilege Escalation": every container must set
/// `allowPrivilegeEscalation: false` (setuid binaries could otherwise gain privileges).
struct PodSecurityPrivilegeEscalation: LintRule {
    let id = "pss-privilege-escalation"
    let severity = Diagnostic.Severity.error
    let summary = "Pod Security restricted: every container must set allowPrivilegeEscalation: false"
    let hint = "set securityContext.allowPrivilegeEscalation: false in each container"

    var triggering: [String] {
        [
            Example.podSecurity(
                "restricted",
                "  containers: [{name: app, securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}, capabilities: {drop: [ALL]}}}]"
            )
        ]
    }
    var nonTriggering: [String] { [Example.podSecurity("restricted", Example.restrictedContainer())] }

    func check(_ context: LintContext) -> [LintFinding] {
        context.podSecuritySites(atLeast: .restricted).flatMap { site in
            site.security.containers.filter { $0.context.allowPrivilegeEscalation != false }.map { c in
                finding(
                    "container '\(c.name)' \(c.context.allowPrivilegeEscalation == true ? "allows" : "does not forbid") privilege escalation",
                    site: site,
                    field: site.path(c) + ".securityContext.allowPrivilegeEscalation")
            }
        }
    }
}
