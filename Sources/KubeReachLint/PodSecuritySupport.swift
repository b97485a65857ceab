import KubeReachCore

/// One pod spec checked against the Pod Security level its namespace enforces: one per
/// workload (replicas share a template), with the level and version that apply.
struct PodSecuritySite {
    var pod: Pod
    var security: PodSecurity
    var mode: PodSecurityMode
    /// The minor version the checks follow (`v1.29` → 29; `latest` → `Int.max`).
    var minor: Int

    /// `spec.containers[0]` and the like.
    func path(_ c: ContainerSecurity) -> String { "\(security.specPath).\(c.role.rawValue)[\(c.index)]" }

    /// A container's setting, or the pod's when the container leaves it unset.
    func effective<T>(_ c: ContainerSecurity, _ key: KeyPath<SecurityContext, T?>) -> T? {
        c.context[keyPath: key] ?? security.context[keyPath: key]
    }
}

extension LintContext {
    /// The pod specs in namespaces whose `pod-security.kubernetes.io/enforce` level is at
    /// least `level`, at a version of at least `v1.<since>`.
    func podSecuritySites(atLeast level: PodSecurityLevel, since: Int = 0) -> [PodSecuritySite] {
        var modes: [String: PodSecurityMode] = [:]
        for ns in cluster.namespaces { modes[ns.name] = ns.enforcedPodSecurity }
        var seen: Set<WorkloadRef> = []
        return cluster.pods.compactMap { pod in
            guard let security = pod.security, let mode = modes[pod.namespace], mode.level >= level,
                seen.insert(pod.workload).inserted
            else { return nil }
            let minor = PodSecuritySite.minor(of: mode.version)
            return minor >= since ? PodSecuritySite(pod: pod, security: security, mode: mode, minor: minor) : nil
        }
    }
}

extension PodSecuritySite {
    static func minor(of version: String) -> Int {
        guard version != "latest", version.hasPrefix("v1."), let n = Int(version.dropFirst(3)) else { return Int.max }
        return n
    }
}

extension LintRule {
    /// A finding at a pod spec's field: the workload's location, its name, the level broken.
    func finding(_ message: String, site: PodSecuritySite, field: String) -> LintFinding {
        let w = site.pod.workload
        return LintFinding(
            ruleID: id, severity: severity,
            message:
                "\(message): Pod Security \(site.mode.level.rawValue) (\(site.mode.version)) enforced in namespace \(site.pod.namespace) refuses it",
            hint: hint, location: site.pod.location, object: "\(w.kind) \(w.namespace)/\(w.name)", fieldPath: field)
    }
}

extension Example {
    /// A namespace enforcing `level` and one Pod in it with `spec` (indented two spaces).
    static func podSecurity(_ level: String, version: String = "latest", _ spec: String) -> String {
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  labels: {pod-security.kubernetes.io/enforce: \(level), pod-security.kubernetes.io/enforce-version: \(version)}\n---\n"
            + "apiVersion: v1\nkind: Pod\nmetadata: {name: app, namespace: apps}\nspec:\n\(spec)\n---\n"
    }

    /// A container spec that passes every restricted check, with `extra` securityContext fields.
    static func restrictedContainer(_ extra: String = "") -> String {
        "  containers:\n  - name: app\n    securityContext: {allowPrivilegeEscalation: false, runAsNonRoot: true, "
            + "seccompProfile: {type: RuntimeDefault}, capabilities: {drop: [ALL]}\(extra.isEmpty ? "" : ", " + extra)}"
    }
}

extension LintRule {
    /// Findings where the pod's or a container's securityContext sets `key` to `value`
    /// (`field` is the key's path inside a securityContext; `what` ends each message).
    func contextFindings<T: Equatable>(
        _ site: PodSecuritySite, _ key: KeyPath<SecurityContext, T?>, equals value: T, field: String, _ what: String
    ) -> [LintFinding] {
        var out: [LintFinding] = []
        if site.security.context[keyPath: key] == value {
            out.append(finding("the pod \(what)", site: site, field: "\(site.security.specPath).securityContext.\(field)"))
        }
        for c in site.security.containers where c.context[keyPath: key] == value {
            out.append(finding("container '\(c.name)' \(what)", site: site, field: site.path(c) + ".securityContext.\(field)"))
        }
        return out
    }
}
