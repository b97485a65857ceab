import KubeReachCore

/// Pod Security baseline, "HostPath Volumes": a hostPath volume reads (or writes) the node's files.
struct PodSecurityHostPath: LintRule {
    let id = "pss-host-path"
    let severity = Diagnostic.Severity.error
    let summary = "Pod Security baseline: hostPath volumes are not allowed"
    let hint = "use an emptyDir, a PersistentVolumeClaim or a CSI volume instead of hostPath"

    var triggering: [String] {
        [Example.podSecurity("baseline", "  volumes: [{name: logs, hostPath: {path: /var/log}}]\n  containers: [{name: app}]")]
    }
    var nonTriggering: [String] {
        [Example.podSecurity("baseline", "  volumes: [{name: logs, emptyDir: {}}]\n  containers: [{name: app}]")]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        context.podSecuritySites(atLeast: .baseline).flatMap { site in
            site.security.volumes.enumerated().filter { $0.element.type == "hostPath" }.map { i, v in
                finding(
                    "volume '\(v.name)' mounts the node's \(v.hostPath ?? "path")", site: site,
                    field: "\(site.security.specPath).volumes[\(i)].hostPath")
            }
        }
    }
}
