import KubeReachCore

extension ConnectivitySnapshot {
    /// The snapshot with some addresses taken out of every external range (edges to a range
    /// that becomes empty disappear), so that two sides can be compared without them.
    public func removingAddresses(_ addresses: [IPAddress]) -> ConnectivitySnapshot {
        guard !addresses.isEmpty else { return self }
        var pieces: [String: [IPRange]] = [:], ranges: [String: IPRange] = [:]
        for (name, r) in externalRanges {
            let kept = r.subtracting(addresses)
            pieces[name] = kept
            for k in kept { ranges[k.externalName] = k }
        }
        let names = { (n: String) in pieces[n].map { $0.map(\.externalName) } ?? [n] }
        let list = edges.flatMap { e in
            names(e.source).flatMap { s in names(e.destination).map { ConnectivityEdge(source: s, destination: $0, connections: e.connections) } }
        }
        return ConnectivitySnapshot(nodes: nodes, edges: list, externalRanges: ranges)
    }
}
