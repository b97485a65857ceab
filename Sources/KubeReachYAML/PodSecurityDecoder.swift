import KubeReachCore

/// The security facts of a pod spec (`PodSecurity`): node selector, host
/// namespaces, securityContexts, volumes, host ports. Unknown keys inside the
/// securityContexts are warned about at their path: a misspelt `priviliged:` must not read
/// as "not privileged" silently.
enum PodSecurityDecoder {
    static func read(_ spec: Field, annotations: [String: String]) -> PodSecurity {
        let context = spec.child("securityContext")
        context.warnUnknownKeys(podContextKeys)
        var out = PodSecurity(
            specPath: spec.path, automountToken: spec.child("automountServiceAccountToken").bool(),
            nodeSelector: spec.child("nodeSelector").stringMap() ?? [:],
            hostNetwork: spec.child("hostNetwork").bool() ?? false, hostPID: spec.child("hostPID").bool() ?? false,
            hostIPC: spec.child("hostIPC").bool() ?? false, shareProcessNamespace: spec.child("shareProcessNamespace").bool() ?? false,
            context: securityContext(context),
            sysctls: (context.child("sysctls").sequence() ?? []).compactMap { $0.child("name").string() },
            volumes: (spec.child("volumes").sequence() ?? []).compactMap(volume))
        for role in [ContainerSecurity.Role.container, .initContainer, .ephemeral] {
            for (i, c) in (spec.child(role.rawValue).sequence() ?? []).enumerated() {
                var container = container(c, role: role, index: i)
                if container.context.appArmorProfile == nil, let value = annotations[appArmorAnnotationPrefix + container.name] {
                    container.context.appArmorProfile = appArmorType(annotation: value)
                }
                out.containers.append(container)
            }
        }
        return out
    }

    private static func container(_ c: Field, role: ContainerSecurity.Role, index: Int) -> ContainerSecurity {
        let context = c.child("securityContext")
        context.warnUnknownKeys(containerContextKeys)
        let hostPorts = (c.child("ports").sequence() ?? []).compactMap { p -> Int? in
            guard let n = p.child("hostPort").int(), n != 0 else { return nil }
            if !(1...65535).contains(n) { p.sink.error("hostPort \(n) is outside 1-65535", at: p.child("hostPort")) }
            return n
        }
        let mounts = (c.child("volumeMounts").sequence() ?? []).compactMap { m -> VolumeMount? in
            guard let name = m.child("name").string() else { return nil }
            return VolumeMount(name: name, mountPath: m.child("mountPath").string() ?? "", readOnly: m.child("readOnly").bool() ?? false)
        }
        var out = ContainerSecurity(
            name: c.child("name").string() ?? "", role: role, index: index, context: securityContext(context), hostPorts: hostPorts,
            volumeMounts: mounts)
        // Checked where the pod's ports are read (PodSpecDecoder): here only which container declares each.
        out.ports = (c.child("ports").sequence() ?? []).compactMap { $0.child("containerPort").int() }
        return out
    }

    private static func securityContext(_ f: Field) -> SecurityContext {
        // Absent (or null): every field below is absent too, and nothing is warned about.
        if f.isMissing { return SecurityContext() }
        let caps = f.child("capabilities")
        caps.warnUnknownKeys(["add", "drop"])
        let seccomp = f.child("seccompProfile"), appArmor = f.child("appArmorProfile"), seLinux = f.child("seLinuxOptions")
        seccomp.warnUnknownKeys(["type", "localhostProfile"])
        appArmor.warnUnknownKeys(["type", "localhostProfile"])
        seLinux.warnUnknownKeys(["user", "role", "type", "level"])
        f.child("windowsOptions").warnUnknownKeys(["gmsaCredentialSpecName", "gmsaCredentialSpec", "runAsUserName", "hostProcess"])
        return SecurityContext(
            privileged: f.child("privileged").bool(), allowPrivilegeEscalation: f.child("allowPrivilegeEscalation").bool(),
            capabilitiesAdd: strings(caps.child("add")), capabilitiesDrop: strings(caps.child("drop")),
            runAsUser: f.child("runAsUser").int(),
            runAsNonRoot: f.child("runAsNonRoot").bool(), seccompProfile: seccomp.child("type").string(),
            appArmorProfile: appArmor.child("type").string(), seLinuxType: seLinux.child("type").string(),
            seLinuxUser: seLinux.child("user").string(), seLinuxRole: seLinux.child("role").string(),
            procMount: f.child("procMount").string(), windowsHostProcess: f.child("windowsOptions").child("hostProcess").bool())
    }

    /// A volume's source type is its one key besides `name`.
    private static func volume(_ v: Field) -> PodVolume? {
        guard let name = v.child("name").string(), let entries = v.entries() else { return nil }
        let type = entries.first { $0.key != "name" }?.key ?? "unknown"
        let sources = v.child("projected").child("sources").sequence() ?? []
        return PodVolume(
            name: name, type: type, hostPath: v.child("hostPath").child("path").string(),
            projectsServiceAccountToken: sources.contains { !$0.child("serviceAccountToken").isMissing })
    }

    private static func strings(_ f: Field) -> [String] { f.stringList() }

    /// The pre-1.30 annotation's value as the field's type (`runtime/default` → `RuntimeDefault`).
    static func appArmorType(annotation value: String) -> String {
        if value == "unconfined" { return "Unconfined" }
        if value == "runtime/default" { return "RuntimeDefault" }
        return value.hasPrefix("localhost/") ? "Localhost" : value
    }

    static let appArmorAnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/"

    static let podContextKeys: Set<String> = [
        "runAsUser", "runAsGroup", "runAsNonRoot", "fsGroup", "fsGroupChangePolicy", "supplementalGroups", "supplementalGroupsPolicy",
        "seccompProfile", "seLinuxOptions", "seLinuxChangePolicy", "sysctls", "windowsOptions", "appArmorProfile",
    ]
    static let containerContextKeys: Set<String> = [
        "allowPrivilegeEscalation", "appArmorProfile", "capabilities", "privileged", "procMount", "readOnlyRootFilesystem", "runAsGroup",
        "runAsNonRoot", "runAsUser", "seLinuxOptions", "seccompProfile", "windowsOptions",
    ]
}
