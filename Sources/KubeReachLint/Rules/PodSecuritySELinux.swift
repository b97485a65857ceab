import KubeReachCore

/// Pod Security baseline, "SELinux": no custom SELinux user or role, and only the
/// container types (`container_engine_t` from v1.31).
struct PodSecuritySELinux: LintRule {
    let id = "pss-selinux"
    let severity = Diagnostic.Severity.error
    let summary = "Pod Security baseline: seLinuxOptions may not set user or role, and type only to a container type"
    let hint = "remove seLinuxOptions.user/role; type may be container_t, container_init_t, container_kvm_t (or container_engine_t)"

    var triggering: [String] {
        [Example.podSecurity("baseline", "  containers: [{name: app, securityContext: {seLinuxOptions: {type: spc_t}}}]")]
    }
    var nonTriggering: [String] {
        [
            Example.podSecurity(
                "baseline", "  containers: [{name: app, securityContext: {seLinuxOptions: {type: container_t, level: \"s0:c1\"}}}]")
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        context.podSecuritySites(atLeast: .baseline).flatMap { site in
            var types: Set<String> = ["", "container_t", "container_init_t", "container_kvm_t"]
            if site.minor >= 31 { types.insert("container_engine_t") }
            let contexts =
                [(site.security.context, "\(site.security.specPath).securityContext", "the pod")]
                + site.security.containers.map { ($0.context, site.path($0) + ".securityContext", "container '\($0.name)'") }
            return contexts.flatMap { ctx, path, who -> [LintFinding] in
                var out: [LintFinding] = []
                if let t = ctx.seLinuxType, !types.contains(t) {
                    out.append(finding("\(who) sets SELinux type \(t)", site: site, field: path + ".seLinuxOptions.type"))
                }
                if let u = ctx.seLinuxUser, !u.isEmpty {
                    out.append(finding("\(who) sets SELinux user \(u)", site: site, field: path + ".seLinuxOptions.user"))
                }
                if let r = ctx.seLinuxRole, !r.isEmpty {
                    out.append(finding("\(who) sets SELinux role \(r)", site: site, field: path + ".seLinuxOptions.role"))
                }
                return out
            }
        }
    }
}
