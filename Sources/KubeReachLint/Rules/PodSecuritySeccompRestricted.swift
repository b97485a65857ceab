import KubeReachCore

/// Pod Security restricted, "Seccomp": a RuntimeDefault or Localhost profile, set on the
/// pod or on every container.
struct PodSecuritySeccompRestricted: LintRule {
    let id = "pss-seccomp-restricted"
    let severity = Diagnostic.Severity.error
    let summary = "Pod Security restricted: every container needs seccompProfile RuntimeDefault or Localhost"
    let hint = "set securityContext.seccompProfile.type: RuntimeDefault on the pod"

    var triggering: [String] {
        [
            Example.podSecurity(
                "restricted",
                "  containers: [{name: app, securityContext: {allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: {drop: [ALL]}}}]"
            )
        ]
    }
    var nonTriggering: [String] {
        [
            Example.podSecurity("restricted", Example.restrictedContainer()),
            Example.podSecurity(
                "restricted",
                "  securityContext: {seccompProfile: {type: Localhost, localhostProfile: p.json}}\n"
                    + Example.restrictedContainer().replacing("seccompProfile: {type: RuntimeDefault}, ", with: "")),
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        context.podSecuritySites(atLeast: .restricted).flatMap { site in
            site.security.containers.compactMap { c in
                let profile = site.effective(c, \.seccompProfile)
                guard profile != "RuntimeDefault" && profile != "Localhost" else { return nil }
                return finding(
                    "container '\(c.name)' has seccomp profile \(profile ?? "unset")", site: site,
                    field: site.path(c) + ".securityContext.seccompProfile.type")
            }
        }
    }
}
