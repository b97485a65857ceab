/// The address ranges the cluster itself assigns: pod CIDRs (`--pod-cidr`, or Nodes'
/// `spec.podCIDR(s)`) and service CIDRs (`--service-cidr`). An address inside them that no
/// loaded pod holds is a cluster address (a pod or Service not in the input), not the
/// internet. They change no answer: they only cut the external ranges at their bounds, so
/// that every range is wholly inside or outside them, and name those ranges.
public struct ClusterNetworks: Sendable, Hashable {
    public var podCIDRs: [CIDR]
    public var serviceCIDRs: [CIDR]

    public init(podCIDRs: [CIDR] = [], serviceCIDRs: [CIDR] = []) {
        self.podCIDRs = podCIDRs
        self.serviceCIDRs = serviceCIDRs
    }

    public var isEmpty: Bool { podCIDRs.isEmpty && serviceCIDRs.isEmpty }

    /// Every range, pods then services.
    public var ranges: [IPRange] { (podCIDRs + serviceCIDRs).map(\.range) }

    /// Whether `range` lies wholly inside one pod or service CIDR.
    public func contains(_ range: IPRange) -> Bool { ranges.contains { $0.contains(range) } }

    /// Whether an address lies inside one pod or service CIDR.
    public func contains(_ address: IPAddress) -> Bool { ranges.contains { $0.contains(address) } }

    /// These and the pod CIDRs of the cluster's Node objects, without repeats.
    public func adding(nodesOf cluster: Cluster) -> ClusterNetworks {
        var out = self
        for cidr in cluster.nodes.flatMap(\.podCIDRs) where !out.podCIDRs.contains(cidr) { out.podCIDRs.append(cidr) }
        return out
    }
}
