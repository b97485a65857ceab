import KubeReachAnalysis
import KubeReachCore

extension AttackGraphBuilder {
    /// ENDPOINT_EXPLOIT: the source reaches a declared `containerPort` of the target, as the
    /// policies decide; the internet is every external range outside the cluster's networks.
    /// The foothold is the container that declares the port (the workload vertex when the pod
    /// has one container).
    mutating func addNetworkEdges() {
        let g = network ?? ReachabilityGraph(reach)
        for s in g.nodes.indices {
            let from: AttackVertex
            if g.isExternal(s) {
                guard !g.isClusterAddress(s) else { continue }
                from = .internet
            } else if case .workload(let w) = g.nodes[s] {
                from = .workload(w)
            } else {
                continue
            }
            for e in g.outgoing[s] {
                guard case .workload(let target) = g.nodes[e.to] else { continue }
                let ports = Set((podsOf[target] ?? []).flatMap(\.ports)).filter { e.connections.contains($0.proto, $0.port) }.sorted()
                guard !ports.isEmpty else { continue }
                let location = podsOf[target]?.first?.location
                for (vertex, served) in servingContainers(target, ports) {
                    let list = served.map { "\($0.proto.rawValue) \($0.port)" }.joined(separator: ", ")
                    graph.add(from, vertex, .endpointExploit, "reaches the declared port(s) \(list)", location)
                }
            }
        }
    }

    /// Which container serves which of `ports`: the workload itself for a one-container pod
    /// (or when no container's list names the port).
    private func servingContainers(_ w: WorkloadRef, _ ports: [ContainerPort]) -> [(AttackVertex, [ContainerPort])] {
        guard let containers = podsOf[w]?.first?.security?.containers, containers.count > 1 else { return [(.workload(w), ports)] }
        var out: [(AttackVertex, [ContainerPort])] = []
        var left = ports
        for c in containers {
            let served = ports.filter { c.ports.contains($0.port) }
            guard !served.isEmpty else { continue }
            out.append((.container(w, c.name), served))
            left.removeAll { c.ports.contains($0.port) }
        }
        if !left.isEmpty { out.append((.workload(w), left)) }
        return out
    }
}
