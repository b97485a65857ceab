import KubeReachCore

extension AttackGraphBuilder {
    /// From a foothold in a workload: its token (IDENTITY_ASSUME) and the container escapes
    /// to its nodes; from a node: the tokens of the pods on it (TOKEN_STEAL).
    mutating func addWorkloadEdges() {
        for w in podsOf.keys.sorted() {
            let pods = podsOf[w] ?? []
            let vertex = AttackVertex.workload(w)
            for p in pods {
                guard let sa = mountedToken(p) else { continue }
                graph.add(
                    vertex, sa, .identityAssume, "the service account token is mounted (automountServiceAccountToken or a projected token)",
                    p.location)
                for node in placement(w) { graph.add(node, sa, .tokenSteal, "\(w) runs there with its token mounted", p.location) }
            }
            guard let p = pods.first, let s = p.security else { continue }
            for (technique, why) in escapes(s) {
                for node in placement(w) { graph.add(vertex, node, technique, why, p.location) }
            }
        }
    }

    /// The container escapes a pod spec allows, with the field that allows each (KubeHound's conditions).
    func escapes(_ s: PodSecurity) -> [(AttackTechnique, String)] {
        var out: [(AttackTechnique, String)] = []
        for c in s.containers {
            let at = "\(s.specPath).\(c.role.rawValue)[\(c.index)]"
            let caps = Set(c.context.capabilitiesAdd)
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
            for m in c.volumeMounts where !m.readOnly {
                guard let v = s.volumes.first(where: { $0.name == m.name }), let path = v.hostPath, Self.sensitiveHostPaths.contains(path)
                else {
                    continue
                }
                out.append((.hostWrite, "\(at) mounts the node's \(path) writable at \(m.mountPath)"))
            }
        }
        return out
    }

    /// Host directories whose write access is root on the node (files, cron, kubelet, runtime sockets).
    static let sensitiveHostPaths: Set<String> = [
        "/", "/etc", "/root", "/var", "/var/lib", "/var/lib/kubelet", "/var/run", "/run", "/var/run/docker.sock",
        "/run/containerd/containerd.sock", "/var/run/containerd/containerd.sock", "/var/run/crio/crio.sock", "/usr", "/bin", "/sbin",
    ]
}
