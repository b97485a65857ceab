import KubeReachCore

/// Pod Security restricted, "Running as Non-root": `runAsNonRoot: true` on the pod (and no
/// container setting it false) or on every container.
struct PodSecurityRunAsNonRoot: LintRule {
    let id = "pss-run-as-non-root"
    let severity = Diagnostic.Severity.error
    let summary = "Pod Security restricted: runAsNonRoot must be true for every container"
    let hint = "set securityContext.runAsNonRoot: true on the pod (or on each container)"

    var triggering: [String] {
        [
            Example.podSecurity(
                "restricted",
                "  containers: [{name: app, securityContext: {allowPrivilegeEscalation: false, seccompProfile: {type: RuntimeDefault}, capabilities: {drop: [ALL]}}}]"
            ),
            Example.podSecurity(
                "restricted",
                "  securityContext: {runAsNonRoot: true}\n"
                    + Example.restrictedContainer("runAsNonRoot: false").replacing("runAsNonRoot: true, ", with: "")),
        ]
    }
    var nonTriggering: [String] {
        [
            Example.podSecurity("restricted", Example.restrictedContainer()),
            Example.podSecurity(
                "restricted",
                "  securityContext: {runAsNonRoot: true}\n" + Example.restrictedContainer().replacing("runAsNonRoot: true, ", with: "")),
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        context.podSecuritySites(atLeast: .restricted).flatMap { site in
            site.security.containers.filter { site.effective($0, \.runAsNonRoot) != true }.map { c in
                finding(
                    "container '\(c.name)' may run as root (runAsNonRoot is not true)", site: site,
                    field: site.path(c) + ".securityContext.runAsNonRoot")
            }
        }
    }
}
