import KubeReachCore

/// A vertex of the workload graph: a workload, or `internet` for every external range.
public enum GraphNode: Hashable, Sendable, CustomStringConvertible {
    case internet
    case endpoint(Endpoint)

    public var description: String {
        switch self {
        case .internet: "internet"
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
