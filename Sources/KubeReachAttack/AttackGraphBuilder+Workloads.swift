import KubeReachCore
import KubeReachRBAC

extension AttackGraphBuilder {
    /// From a foothold in a workload: its token (IDENTITY_ASSUME) and the container escapes
    /// to its nodes; from a node: the tokens of the pods on it (TOKEN_STEAL). A pod with
    /// several containers also gets one vertex per container (what a served port gives), with
    /// only that container's escapes, and SHARE_PS_NAMESPACE between them.
    mutating func addWorkloadEdges() {
        var traversals: [(from: AttackVertex, nodes: [AttackVertex], why: String, source: SourceLocation?)] = []
        for w in podsOf.keys.sorted() {
            let pods = podsOf[w] ?? []
            let vertex = AttackVertex.workload(w), nodes = placement(w)
            for p in pods {
                guard let sa = mountedToken(p) else { continue }
                graph.add(
                    vertex, sa, .identityAssume, "the service account token is mounted (automountServiceAccountToken or a projected token)",
                    p.location)
                for node in nodes { graph.add(node, sa, .tokenSteal, "\(w) runs there with its token mounted", p.location) }
            }
            guard let p = pods.first, let s = p.security else { continue }
            var footholds: [(AttackVertex, [ContainerSecurity])] = [(vertex, s.containers)]
            if s.containers.count > 1 {
                for c in s.containers {
                    let v = AttackVertex.container(w, c.name)
                    footholds.append((v, [c]))
                    if let sa = mountedToken(p, container: c) {
                        graph.add(v, sa, .identityAssume, "the service account token is mounted in container \(c.name)", p.location)
                    }
                    guard s.shareProcessNamespace else { continue }
                    for other in s.containers where other.name != c.name {
                        graph.add(
                            v, .container(w, other.name), .sharePsNamespace,
                            "\(s.specPath).shareProcessNamespace: /proc/PID/root reaches container \(other.name)", p.location)
                    }
                }
            }
            for (from, containers) in footholds {
                for (technique, why) in containers.flatMap({ escapes(s, $0, token: mountedToken(p, container: $0), in: p.namespace) }) {
                    if technique == .hostTraverse {
                        traversals.append((from, nodes, why, p.location))
                    } else {
                        for node in nodes { graph.add(from, node, technique, why, p.location) }
                    }
                }
            }
        }
        // EXPLOIT_HOST_TRAVERSE: the tokens a node holds, read through the kubelet's pod directory.
        for t in traversals {
            for node in t.nodes {
                guard let n = graph.vertex(node) else { continue }
                for e in graph.outgoing[n] where graph.edges[e].technique == .tokenSteal {
                    graph.add(t.from, graph.vertices[graph.edges[e].to], .hostTraverse, t.why, t.source)
                }
            }
        }
    }

    /// The escapes one container allows, with the field that allows each (KubeHound's
    /// conditions). `token` is the account whose token the container holds (CE_VAR_LOG_SYMLINK
    /// reads the logs with it).
    func escapes(_ s: PodSecurity, _ c: ContainerSecurity, token: AttackVertex?, in namespace: String) -> [(AttackTechnique, String)] {
        var out: [(AttackTechnique, String)] = []
        let at = "\(s.specPath).\(c.role.rawValue)[\(c.index)]"
        // `CAP_SYS_MODULE` and `sys_module` are the same capability to the runtime; `ALL` adds every one.
        var caps = Set(
            c.context.capabilitiesAdd.map { $0.uppercased().hasPrefix("CAP_") ? String($0.uppercased().dropFirst(4)) : $0.uppercased() })
        if caps.contains("ALL") { caps.formUnion(["SYS_MODULE", "SYS_PTRACE", "SYS_ADMIN"]) }
        if c.context.privileged == true {
            out.append((.privilegedMount, "\(at).securityContext.privileged: mount the node's disk"))
            if s.hostPID { out.append((.nsenter, "\(at) is privileged with hostPID: nsenter into PID 1")) }
        }
        if c.context.privileged == true || caps.contains("SYS_MODULE") {
            out.append((.moduleLoad, "\(at) may load kernel modules (privileged or SYS_MODULE)"))
        }
        if s.hostPID && caps.contains("SYS_PTRACE") {
            out.append((.sysPtrace, "\(at) has SYS_PTRACE with hostPID: inject into host processes"))
        }
        let root = Self.mayRunAsRoot(s, c)
        for m in c.volumeMounts {
            guard let raw = s.volumes.first(where: { $0.name == m.name })?.hostPath else { continue }
            let path = Self.normalized(raw),
                mount = "\(at) mounts the node's \(path)\(m.readOnly ? " read-only" : " writable") at \(m.mountPath)"
            if !m.readOnly && Self.sensitiveHostPaths.contains(path) { out.append((.hostWrite, mount)) }
            if !m.readOnly && root && Self.corePatternPaths.contains(path) {
                out.append((.corePattern, mount + " as root: write /proc/sys/kernel/core_pattern"))
            }
            if Self.hostReadPaths.contains(path) { out.append((.hostRead, mount + ": read the node's SSH keys and credentials")) }
            if Self.kubeletPodPaths.contains(path) {
                out.append((.hostTraverse, mount + ": read the tokens under /var/lib/kubelet/pods"))
            }
            if !m.readOnly && root && Self.varLogPaths.contains(path), case .serviceAccount(let ns, let name)? = token,
                let (why, _) = grant(.serviceAccount(namespace: ns, name: name), "get", "pods", sub: "log", in: namespace)
            {
                out.append((.varLogSymlink, mount + " as root; a symlink in /var/log read through the kubelet's logs (\(why))"))
            }
        }
        return out
    }

    /// Whether the container may run as uid 0: `runAsUser: 0`, or no uid and no `runAsNonRoot: true`
    /// (the image's user decides, which may be root).
    static func mayRunAsRoot(_ s: PodSecurity, _ c: ContainerSecurity) -> Bool {
        let user = c.context.runAsUser ?? s.context.runAsUser
        return user == 0 || (user == nil && (c.context.runAsNonRoot ?? s.context.runAsNonRoot) != true)
    }

    /// A hostPath without its trailing slashes (`/var/log/` is `/var/log`).
    static func normalized(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        return String(p)
    }

    /// Host directories whose write access is root on the node (files, cron, kubelet, runtime sockets).
    static let sensitiveHostPaths: Set<String> = [
        "/", "/etc", "/root", "/var", "/var/lib", "/var/lib/kubelet", "/var/run", "/run", "/var/run/docker.sock",
        "/run/containerd/containerd.sock", "/var/run/containerd/containerd.sock", "/var/run/crio/crio.sock", "/usr", "/bin", "/sbin",
    ]
    /// CE_UMH_CORE_PATTERN: `/proc/sys/kernel` or a parent (KubeHound's list).
    static let corePatternPaths: Set<String> = ["/", "/proc", "/proc/sys", "/proc/sys/kernel"]
    /// CE_VAR_LOG_SYMLINK: `/var/log` or a parent (KubeHound's list).
    static let varLogPaths: Set<String> = ["/", "/var", "/var/log"]
    /// EXPLOIT_HOST_READ: where SSH keys and credentials are, even read-only (KubeHound's list).
    static let hostReadPaths: Set<String> = ["/", "/home", "/root", "/root/.ssh", "/proc", "/etc"]
    /// EXPLOIT_HOST_TRAVERSE: `/var/lib/kubelet/pods` or a parent, even read-only (KubeHound's list).
    static let kubeletPodPaths: Set<String> = ["/", "/var", "/var/lib", "/var/lib/kubelet", "/var/lib/kubelet/pods"]
}
