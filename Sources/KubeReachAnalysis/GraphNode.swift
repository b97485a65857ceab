import KubeReachCore

/// A vertex of the workload graph: a workload or an external address range (every range
/// its own vertex: ranges are sources and sinks, never transit). The attack graph adds
/// nodes, service accounts and secrets here.
public enum GraphNode: Hashable, Sendable, CustomStringConvertible {
    case endpoint(Endpoint)

    public var description: String {
        switch self {
        case .endpoint(let e): e.description
        }
    }

    public var endpoint: Endpoint? {
        switch self {
        case .endpoint(let e): e
        }
    }

    /// The namespace of a workload vertex.
    public var namespace: String? { endpoint?.namespace }
}
