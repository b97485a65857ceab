import KubeReachAnalysis
import KubeReachCore

extension AttackGraphBuilder {
    /// ENDPOINT_EXPLOIT: the source reaches a declared `containerPort` of the target, as the
    /// policies decide; the internet is every external range outside the cluster's networks.
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
                let list = ports.map { "\($0.proto.rawValue) \($0.port)" }.joined(separator: ", ")
                graph.add(
                    from, .workload(target), .endpointExploit, "reaches the declared port(s) \(list)",
                    podsOf[target]?.first?.location)
            }
        }
    }
}
