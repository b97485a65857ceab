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
        context.podSecuritySites(atLeast: .baseline).flatMap {
            contextFindings($0, \.seccompProfile, equals: "Unconfined", field: "seccompProfile.type", "is unconfined by seccomp")
        }
    }
}
