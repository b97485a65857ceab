import KubeReachCore

extension Reachability {
    /// Connections between a pod named `from` and one named `to`, or between a pod and an
    /// address written as text: what the table-driven tests ask, by name. nil when neither
    /// form applies.
    public func connections(named from: String, _ to: String) -> ConnectionSet? {
        func pod(_ name: String) -> Int? { cluster.pods.firstIndex { $0.name == name } }
        switch (pod(from), pod(to), IPAddress(from), IPAddress(to)) {
        case (let s?, let d?, _, _): return connections(fromPod: s, toPod: d)
        case (let s?, nil, _, let ip?): return externalDestinationIndex(of: ip).map { connections(fromPod: s, toExternal: $0) }
        case (nil, let d?, let ip?, _): return externalSourceIndex(of: ip).map { connections(fromExternal: $0, toPod: d) }
        default: return nil
        }
    }
}
