import KubeReachCore

/// Pod Security baseline, "Sysctls": only the namespaced sysctls known to be safe, a list
/// that grew with Kubernetes versions (the namespace's enforce-version picks it).
struct PodSecuritySysctls: LintRule {
    let id = "pss-sysctls"
    let severity = Diagnostic.Severity.error
    let summary = "Pod Security baseline: only safe sysctls may be set"
    let hint = "remove the sysctl, or set it on the node"

    /// The safe set at a minor version.
    static func safe(minor: Int) -> Set<String> {
        var s: Set<String> = [
            "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies",
            "net.ipv4.ping_group_range",
        ]
        if minor >= 27 { s.insert("net.ipv4.ip_local_reserved_ports") }
        if minor >= 29 {
            s.formUnion([
                "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes",
            ])
        }
        if minor >= 32 { s.formUnion(["net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"]) }
        return s
    }

    var triggering: [String] {
        [
            Example.podSecurity(
                "baseline", "  securityContext: {sysctls: [{name: kernel.msgmax, value: \"1\"}]}\n  containers: [{name: app}]"),
            Example.podSecurity(
                "baseline", version: "v1.28",
                "  securityContext: {sysctls: [{name: net.ipv4.tcp_fin_timeout, value: \"5\"}]}\n  containers: [{name: app}]"),
        ]
    }
    var nonTriggering: [String] {
        [
            Example.podSecurity(
                "baseline", version: "v1.29",
                "  securityContext: {sysctls: [{name: net.ipv4.tcp_fin_timeout, value: \"5\"}]}\n  containers: [{name: app}]")
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        context.podSecuritySites(atLeast: .baseline).flatMap { site in
            let safe = Self.safe(minor: site.minor)
            return site.security.sysctls.enumerated().filter { !safe.contains($0.element) }.map { i, name in
                finding(
                    "sysctl \(name) is not in the safe set", site: site,
                    field: "\(site.security.specPath).securityContext.sysctls[\(i)].name")
            }
        }
    }
}
