import KubeReachCore

/// Pod Security restricted (v1.23+), "Running as Non-root user": runAsUser must not be 0.
struct PodSecurityRunAsUser: LintRule {
    let id = "pss-run-as-user"
    let severity = Diagnostic.Severity.error
    let summary = "Pod Security restricted: runAsUser must not be 0"
    let hint = "set runAsUser to a non-zero UID (or remove it and set runAsNonRoot: true)"

    var triggering: [String] { [Example.podSecurity("restricted", "  securityContext: {runAsUser: 0}\n" + Example.restrictedContainer())] }
    var nonTriggering: [String] {
        [
            Example.podSecurity("restricted", "  securityContext: {runAsUser: 1000}\n" + Example.restrictedContainer()),
            Example.podSecurity("restricted", version: "v1.22", "  securityContext: {runAsUser: 0}\n" + Example.restrictedContainer()),
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        context.podSecuritySites(atLeast: .restricted, since: 23).flatMap {
            contextFindings($0, \.runAsUser, equals: 0, field: "runAsUser", "runs as UID 0")
        }
    }
}
