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
        context.podSecuritySites(atLeast: .baseline).flatMap {
            contextFindings($0, \.appArmorProfile, equals: "Unconfined", field: "appArmorProfile.type", "is unconfined by AppArmor")
        }
    }
}
