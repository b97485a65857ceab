import KubeReachCore

/// Pod Security restricted, "Capabilities": every container drops ALL and adds at most
/// NET_BIND_SERVICE.
struct PodSecurityCapabilitiesRestricted: LintRule {
    let id = "pss-capabilities-restricted"
    let severity = Diagnostic.Severity.error
    let summary = "Pod Security restricted: containers must drop ALL capabilities and add only NET_BIND_SERVICE"
    let hint = "set capabilities: {drop: [ALL]} (and add: [NET_BIND_SERVICE] if the container binds a low port)"

    var triggering: [String] {
        [
            Example.podSecurity("restricted", Example.restrictedContainer().replacing(", capabilities: {drop: [ALL]}", with: "")),
            Example.podSecurity(
                "restricted", Example.restrictedContainer().replacing("{drop: [ALL]}", with: "{drop: [ALL], add: [CHOWN]}")),
        ]
    }
    var nonTriggering: [String] {
        [
            Example.podSecurity(
                "restricted", Example.restrictedContainer().replacing("{drop: [ALL]}", with: "{drop: [ALL], add: [NET_BIND_SERVICE]}"))
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        context.podSecuritySites(atLeast: .restricted).flatMap { site in
            site.security.containers.flatMap { c -> [LintFinding] in
                var out: [LintFinding] = []
                let field = site.path(c) + ".securityContext.capabilities"
                if !c.context.capabilitiesDrop.contains("ALL") {
                    out.append(finding("container '\(c.name)' does not drop ALL", site: site, field: field + ".drop"))
                }
                let extra = c.context.capabilitiesAdd.filter { $0 != "NET_BIND_SERVICE" }
                if !extra.isEmpty {
                    out.append(finding("container '\(c.name)' adds \(extra.joined(separator: ", "))", site: site, field: field + ".add"))
                }
                return out
            }
        }
    }
}
