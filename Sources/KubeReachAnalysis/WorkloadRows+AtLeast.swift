import KubeReachCore

extension WorkloadRows {
    /// Whether this simulation allows at least everything `before` (a workload-level list in
    /// `Reachability.edges`' order) does: `ConnectivitySnapshot.allowsAtLeast` with this side
    /// read one source workload at a time, never listed whole. `false` may also mean "not
    /// shown here" (edges in another order); the caller then makes the diff.
    ///
    /// - Complexity: one row per source of `before`, plus every workload's external edges.
    public mutating func allowsAtLeast(_ before: ConnectivitySnapshot) -> Bool {
        var source: WorkloadRef?, row: [(peer: WorkloadRef, connections: ConnectionSet)] = [], k = 0
        for e in before.edges {
            switch (e.source, e.destination) {
            case (.workload(let s), .workload(let d)):
                if s != source {
                    row = edges(of: s, .egress)
                    source = s
                    k = 0
                }
                // Both in name order: `before`'s destinations are found in turn in the row.
                while k < row.count && row[k].peer != d { k += 1 }
                guard k < row.count else { return false }
                let c = row[k].connections
                if c != e.connections && !e.connections.subtracting(c).isEmpty { return false }
                k += 1
            case (.external, _), (_, .external): continue
            default: return false
            }
        }
        var external: [ConnectivityEdge] = []
        for w in workloads { external += externalEdges(of: w) }
        guard let mine = ExternalCover(external), let theirs = ExternalCover(before.edges) else { return false }
        return mine.covers(theirs)
    }
}
