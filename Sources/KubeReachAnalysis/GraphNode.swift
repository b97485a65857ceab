import KubeReachCore

/// A vertex of the workload graph: a workload, `internet` for the external ranges outside
/// the cluster networks, or `cluster-addresses` for those inside them (addresses of pods and
/// Services the input does not hold; only when pod or service CIDRs are known).
public enum GraphNode: Hashable, Sendable, CustomStringConvertible {
    case internet
    case clusterAddresses
    case endpoint(Endpoint)

    public var description: String {
        switch self {
        case .internet: "internet"
        case .clusterAddresses: "cluster-addresses"
        case .endpoint(let e): e.description
        }
    }

    public var endpoint: Endpoint? {
        if case .endpoint(let e) = self { return e }
        return nil
    }

    /// The namespace of a workload vertex.
    public var namespace: String? { endpoint?.namespace }
}
