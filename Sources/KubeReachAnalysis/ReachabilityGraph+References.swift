import KubeReachCore

extension ReachabilityGraph {
    /// The vertices a reference names (empty when none): `internet` (every external range
    /// outside the cluster networks), `cluster-addresses` (those inside), `ns/*`, a workload or pod name (a pod stands for its workload), an IP address (the
    /// workload holding it, or the external ranges holding it), or a label selector
    /// (workloads with a pod carrying those labels).
    public func nodes(_ ref: EndpointReference) -> [Int] {
        nodes.indices.filter { n in
            switch (ref, nodes[n]) {
            case (.internet, let e) where e.isExternal: return !isClusterAddress(n)
            case (.clusterAddresses, let e) where e.isExternal: return isClusterAddress(n)
            case (.selector(let labels), _):
                return podsOfNode[n].contains { p in labels.allSatisfy { cluster.pods[p].labels[$0.key] == $0.value } }
            case (.address(let ip), let e) where e.isExternal:
                // The external range holding an address no loaded pod has.
                return ref.matches(e) && !cluster.pods.contains { $0.ips.contains(ip) }
            case (.address(let ip), _): return podsOfNode[n].contains { cluster.pods[$0].ips.contains(ip) }
            case (.object(let ns, let kind, let name), let e):
                if ref.matches(e) { return true }
                // A pod named by its own name stands for its workload.
                guard kind == nil || EndpointReference.kind(kind!, means: "Pod") else { return false }
                return podsOfNode[n].contains { p in cluster.pods[p].name == name && (ns == nil || cluster.pods[p].namespace == ns) }
            case (_, let e): return ref.matches(e)
            }
        }
    }
}
