import KubeReachCore

/// Pod Security baseline, "Capabilities": only the runtime's default capabilities may be
/// added; SYS_ADMIN, SYS_PTRACE, SYS_MODULE, NET_ADMIN... open container escapes.
struct PodSecurityCapabilitiesBaseline: LintRule {
    let id = "pss-capabilities-baseline"
    let severity = Diagnostic.Severity.error
    let summary = "Pod Security baseline: capabilities.add may only hold the default capabilities"
    let hint =
        "add only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT"

    static let allowed: Set<String> = [
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP",
        "SETUID", "SYS_CHROOT",
    ]

    var triggering: [String] {
        [Example.podSecurity("baseline", "  containers: [{name: app, securityContext: {capabilities: {add: [SYS_ADMIN]}}}]")]
    }
    var nonTriggering: [String] {
        [Example.podSecurity("baseline", "  containers: [{name: app, securityContext: {capabilities: {add: [NET_BIND_SERVICE, CHOWN]}}}]")]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        context.podSecuritySites(atLeast: .baseline).flatMap { site in
            site.security.containers.compactMap { c in
                let extra = c.context.capabilitiesAdd.filter { !Self.allowed.contains($0) }
                guard !extra.isEmpty else { return nil }
                return finding(
                    "container '\(c.name)' adds \(extra.joined(separator: ", "))", site: site,
                    field: site.path(c) + ".securityContext.capabilities.add")
            }
        }
    }
}
