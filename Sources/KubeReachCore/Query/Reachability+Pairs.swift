extension Reachability {
    /// Connections between two resolved endpoints: the union over their pods' pairs (what
    /// some pod of one may exchange with some pod of the other). A single pod to itself is
    /// always allowed; distinct pods of one workload (replicas) are ordinary pairs.
    public func connections(from s: ResolvedEndpoint, to d: ResolvedEndpoint) -> ConnectionSet {
        switch (s, d) {
        case (.pods(let a, _), .pods(let b, _)):
            if a == b && a.count == 1 { return .all }
            var c = ConnectionSet.none
            for i in a { for j in b where i != j { c = c.union(connections(fromPod: i, toPod: j)) } }
            return c
        case (.external(let ip), .pods(let b, _)):
            guard let x = externalSourceIndex(of: ip) else { return .none }
            return b.reduce(ConnectionSet.none) { $0.union(connections(fromExternal: x, toPod: $1)) }
        case (.pods(let a, _), .external(let ip)):
            guard let x = externalDestinationIndex(of: ip) else { return .none }
            return a.reduce(ConnectionSet.none) { $0.union(connections(fromPod: $1, toExternal: x)) }
        case (.external, .external):
            return .none
        }
    }
}
