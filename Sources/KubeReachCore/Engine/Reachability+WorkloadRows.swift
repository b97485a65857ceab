/// One workload's edges with every other workload, read from the simulation's rows when
/// asked, never the whole workload-pair list: `--keep-current` folds its halves holder by
/// holder, and at 5,000 workloads a half listed whole (nearly every pair allowed with the
/// other direction open) held about 25 M edges.
///
/// Each answer is what `Reachability.edges(level: .workload)` lists between workloads with the
/// holder at one end, in the same order (the peer by name) and with the same replica rule.
public struct WorkloadRows: Sendable {
    private let reach: Reachability
    private let nodes: NodeIndex
    /// Per workload rank (`nodes.names`), the identities holding its pods.
    private let identitiesOfNode: [[Int]]
    private let rankOf: [WorkloadRef: Int]
    private var pairs: PairEvaluator

    public init(_ reach: Reachability) {
        self.reach = reach
        nodes = NodeIndex(reach, level: .workload)
        var identitiesOfNode = [[Int]](repeating: [], count: nodes.names.count)
        for (identity, ranks) in nodes.ofIdentity.enumerated() { for r in ranks { identitiesOfNode[r].append(identity) } }
        self.identitiesOfNode = identitiesOfNode
        var rankOf: [WorkloadRef: Int] = [:]
        for (r, name) in nodes.names.enumerated() { if case .workload(let w) = name { rankOf[w] = r } }
        self.rankOf = rankOf
        pairs = PairEvaluator(reach)
    }

    /// The workloads `holder` has an edge with, by name, and the connections: the senders
    /// towards it for `.ingress`, the receivers of it for `.egress` (`holder` itself where
    /// two of its pods may connect).
    ///
    /// - Complexity: O(identities of the holder × (runs of their rows + identities)), plus a
    ///   row lookup per cell where the other end is isolated in the other direction.
    public mutating func edges(of holder: WorkloadRef, _ direction: PolicyDirection) -> [(peer: WorkloadRef, connections: ConnectionSet)] {
        guard let b = rankOf[holder] else { return [] }
        var acc = [UInt32](repeating: ConnectionTable.none, count: nodes.names.count)
        let identities = 0..<reach.identities.count
        for h in identitiesOfNode[b] {
            let own = direction == .ingress ? reach.ingressRowOfIdentity[h] : reach.egressRowOfIdentity[h]
            func cells(_ range: Range<Int>, _ cell: UInt32) {
                guard cell != ConnectionTable.none else { return }
                for p in range {
                    // The other end's cell towards the holder's identity: its egress row for a
                    // sender, its ingress row for a receiver.
                    let other = direction == .ingress ? reach.egressID(from: p, column: h) : reach.ingressID(to: p, column: h)
                    if other == ConnectionTable.none { continue }
                    let c = pairs.intersection(cell, other)
                    if c == ConnectionTable.none { continue }
                    for a in nodes.ofIdentity[p] where a != b || (p != h ? nodes.selfEdges : nodes.repeated[h].contains(b)) {
                        acc[a] = pairs.union(acc[a], c)
                    }
                }
            }
            if own < 0 {
                cells(identities, ConnectionTable.all)
            } else {
                (direction == .ingress ? reach.ingressRows : reach.egressRows)[Int(own)].forEachRun(in: identities, cells)
            }
        }
        return acc.indices.compactMap { a in
            guard acc[a] != ConnectionTable.none, case .workload(let w) = nodes.names[a] else { return nil }
            return (w, pairs.set(acc[a]))
        }
    }

    /// Every workload, by name.
    public var workloads: [WorkloadRef] {
        nodes.names.compactMap { if case .workload(let w) = $0 { w } else { nil } }
    }

    /// The holder's edges with external ranges, as `Reachability.edges(level: .workload)` lists
    /// them: towards each destination range, then from each source range, by range.
    ///
    /// - Complexity: O(identities of the holder × (runs + ranges)).
    public mutating func externalEdges(of holder: WorkloadRef) -> [ConnectivityEdge] {
        guard let b = rankOf[holder] else { return [] }
        var outbound = [UInt32](repeating: ConnectionTable.none, count: nodes.destinationRanks.count)
        var inbound = [UInt32](repeating: ConnectionTable.none, count: nodes.sourceRanks.count)
        let destinations = reach.destinationBase..<reach.destinationBase + outbound.count
        let sources = reach.sourceBase..<reach.sourceBase + inbound.count
        for h in identitiesOfNode[b] {
            for (row, columns, out) in [
                (reach.egressRowOfIdentity[h], destinations, true), (reach.ingressRowOfIdentity[h], sources, false),
            ] {
                func cells(_ range: Range<Int>, _ cell: UInt32) {
                    guard cell != ConnectionTable.none else { return }
                    for x in range {
                        let k = x - columns.lowerBound
                        if out { outbound[k] = pairs.union(outbound[k], cell) } else { inbound[k] = pairs.union(inbound[k], cell) }
                    }
                }
                if row < 0 {
                    cells(columns, ConnectionTable.all)
                } else {
                    (out ? reach.egressRows : reach.ingressRows)[Int(row)].forEachRun(in: columns, cells)
                }
            }
        }
        let w = nodes.names[b]
        var edges: [ConnectivityEdge] = []
        for (k, c) in outbound.enumerated() where c != ConnectionTable.none {
            edges.append(ConnectivityEdge(source: w, destination: nodes.names[nodes.destinationRanks[k]], connections: pairs.set(c)))
        }
        for (k, c) in inbound.enumerated() where c != ConnectionTable.none {
            edges.append(ConnectivityEdge(source: nodes.names[nodes.sourceRanks[k]], destination: w, connections: pairs.set(c)))
        }
        return edges
    }
}
