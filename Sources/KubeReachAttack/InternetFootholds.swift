import KubeReachCore
import KubeReachRBAC

/// A workload the internet reaches on a declared port, with what a foothold in it gives at
/// once: container escapes to its node, and a mounted token with every right cluster-wide.
/// `lint`'s riskiest single findings; cheaper than the whole graph (no pod-to-pod edges).
public struct InternetFoothold: Sendable {
    public var pod: Pod
    /// `TCP 8080, TCP 9090`
    public var ports: String
    public var escapes: [Escape]
    /// The mounted token's account when it may do everything cluster-wide, and the grant.
    public var adminToken: AdminToken?

    public struct Escape: Sendable {
        public var technique: AttackTechnique
        public var why: String
    }

    public struct AdminToken: Sendable {
        public var account: String
        public var why: String
    }
}

extension AttackGraphBuilder {
    /// One per workload the policies let an internet address reach on a declared port.
    /// - Complexity: O(pods × external source ranges) connection lookups.
    public func internetFootholds() -> [InternetFoothold] {
        let networks = reach.clusterNetworks
        let internet = reach.externalSources.indices.filter { !networks.contains(reach.externalSources[$0]) }
        var seen: Set<WorkloadRef> = []
        var out: [InternetFoothold] = []
        for (i, pod) in cluster.pods.enumerated() where !pod.ports.isEmpty && !seen.contains(pod.workload) {
            let open = Set(
                internet.flatMap { x in pod.ports.filter { reach.connections(fromExternal: x, toPod: i).contains($0.proto, $0.port) } })
            guard !open.isEmpty else { continue }
            seen.insert(pod.workload)
            // The foothold is the container serving an open port (the only one, in a one-container pod).
            let escapes =
                pod.security.map { s in
                    s.containers.filter { c in s.containers.count == 1 || open.contains { c.ports.contains($0.port) } }
                        .flatMap { c in self.escapes(s, c, token: mountedToken(pod, container: c), in: pod.namespace) }
                        .map { InternetFoothold.Escape(technique: $0.0, why: $0.1) }
                } ?? []
            var admin: InternetFoothold.AdminToken? = nil
            if case .serviceAccount(let ns, let name)? = mountedToken(pod),
                let (why, _) = grant(.serviceAccount(namespace: ns, name: name), "*", "*", group: "*", in: nil)
            {
                admin = InternetFoothold.AdminToken(account: "\(ns)/\(name)", why: why)
            }
            let ports = open.sorted().map { "\($0.proto.rawValue) \($0.port)" }.joined(separator: ", ")
            out.append(InternetFoothold(pod: pod, ports: ports, escapes: escapes, adminToken: admin))
        }
        return out
    }
}
