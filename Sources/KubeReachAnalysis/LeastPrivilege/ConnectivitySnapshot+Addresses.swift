import KubeReachCore

extension ConnectivitySnapshot {
    /// The snapshot with some addresses taken out of every external range (edges to a range
    /// that becomes empty disappear), so that two sides can be compared without them.
    public func removingAddresses(_ addresses: [IPAddress]) -> ConnectivitySnapshot {
        guard !addresses.isEmpty else { return self }
        var pieces: [IPRange: [IPRange]] = [:]
        for r in externalRanges { pieces[r] = r.subtracting(addresses) }
        let ranges = Set(pieces.values.joined())
        let names = { (e: Endpoint) in e.externalRange.map { pieces[$0, default: [$0]].map(Endpoint.external) } ?? [e] }
        let list = edges.flatMap { e in
            names(e.source).flatMap { s in
                names(e.destination).map { ConnectivityEdge(source: s, destination: $0, connections: e.connections) }
            }
        }
        return ConnectivitySnapshot(nodes: nodes, edges: list, externalRanges: ranges)
    }
}
