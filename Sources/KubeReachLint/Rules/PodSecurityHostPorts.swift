import KubeReachCore

/// Pod Security baseline, "Host Ports": a hostPort opens the node's address to the container,
/// past most NetworkPolicy implementations.
struct PodSecurityHostPorts: LintRule {
    let id = "pss-host-ports"
    let severity = Diagnostic.Severity.error
    let summary = "Pod Security baseline: hostPort must be unset or 0"
    let hint = "remove hostPort and expose the container through a Service"

    var triggering: [String] {
        [Example.podSecurity("baseline", "  containers: [{name: app, ports: [{containerPort: 80, hostPort: 80}]}]")]
    }
    var nonTriggering: [String] { [Example.podSecurity("baseline", "  containers: [{name: app, ports: [{containerPort: 80}]}]")] }

    func check(_ context: LintContext) -> [LintFinding] {
        context.podSecuritySites(atLeast: .baseline).flatMap { site in
            site.security.containers.filter { !$0.hostPorts.isEmpty }.map { c in
                finding(
                    "container '\(c.name)' uses host port(s) \(c.hostPorts.map(String.init).joined(separator: ", "))", site: site,
                    field: site.path(c) + ".ports")
            }
        }
    }
}
