import KubeReachCore

/// Pod Security restricted, "Volume Types": only volumes that hold no node resource.
struct PodSecurityVolumeTypes: LintRule {
    let id = "pss-volume-types"
    let severity = Diagnostic.Severity.error
    let summary =
        "Pod Security restricted: only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret volumes"
    let hint = "use one of the allowed volume types (a PersistentVolumeClaim for storage)"

    static let allowed: Set<String> = [
        "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret",
    ]

    var triggering: [String] {
        [Example.podSecurity("restricted", "  volumes: [{name: data, nfs: {server: nfs, path: /}}]\n" + Example.restrictedContainer())]
    }
    var nonTriggering: [String] {
        [
            Example.podSecurity("restricted", "  volumes: [{name: data, emptyDir: {}}]\n" + Example.restrictedContainer()),
            Example.podSecurity("baseline", "  volumes: [{name: data, nfs: {server: nfs, path: /}}]\n  containers: [{name: app}]"),
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        context.podSecuritySites(atLeast: .restricted).flatMap { site in
            site.security.volumes.enumerated().filter { !Self.allowed.contains($0.element.type) }.map { i, v in
                finding("volume '\(v.name)' is of type \(v.type)", site: site, field: "\(site.security.specPath).volumes[\(i)]")
            }
        }
    }
}
