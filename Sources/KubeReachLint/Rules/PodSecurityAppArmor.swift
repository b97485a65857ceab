import KubeReachCore

/// Pod Security baseline, "AppArmor": the profile may be the runtime's default or a
/// localhost one, never Unconfined (field or pre-1.30 annotation).
struct PodSecurityAppArmor: LintRule {
    let id = "pss-apparmor"
    let severity = Diagnostic.Severity.error
    let summary = "Pod Security baseline: the AppArmor profile must not be Unconfined"
    let hint = "use appArmorProfile type RuntimeDefault or Localhost (or remove the unconfined annotation)"

    var triggering: [String] {
        [
            Example.podSecurity("baseline", "  containers: [{name: app, securityContext: {appArmorProfile: {type: Unconfined}}}]"),
            Example.podSecurity("baseline", "  securityContext: {appArmorProfile: {type: Unconfined}}\n  containers: [{name: app}]"),
        ]
    }
    var nonTriggering: [String] {
        [Example.podSecurity("baseline", "  containers: [{name: app, securityContext: {appArmorProfile: {type: RuntimeDefault}}}]")]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        context.podSecuritySites(atLeast: .baseline).flatMap { site in
            var out: [LintFinding] = []
            if site.security.context.appArmorProfile == "Unconfined" {
                out.append(
                    finding(
                        "the pod is unconfined by AppArmor", site: site,
                        field: "\(site.security.specPath).securityContext.appArmorProfile.type"))
            }
            for c in site.security.containers where c.context.appArmorProfile == "Unconfined" {
                out.append(
                    finding(
                        "container '\(c.name)' is unconfined by AppArmor", site: site,
                        field: site.path(c) + ".securityContext.appArmorProfile.type"))
            }
            return out
        }
    }
}
