import KubeReachCore

/// The smallest set of edges whose removal disconnects every source from every sink: a
/// minimum cut with unit capacities, the chokepoints of lateral movement.
///
/// Of all minimum cuts it returns the one whose source side is smallest: the nodes still
/// reachable from the sources in the residual graph of a maximum flow. That side is the same
/// for every maximum flow, so it is also invariant under every symmetry of the network, and
/// in particular a union of twin classes (`TwinClasses`). The flow therefore runs on the
/// graph of twin classes, where the edges between two classes become one edge whose capacity
/// is their number: on an open cluster (everything reaches everything) a few nodes instead
/// of thousands, and a few edges instead of millions.
public enum MinimumCut {
    /// - Parameters:
    ///   - outgoing: per node, the nodes its usable edges go to.
    ///   - sources: where paths start (a node that is also a sink counts as a source).
    ///   - sinks: where they end. Edges out of a sink or into a source are never cut.
    /// - Returns: the cut edges, sorted.
    /// - Complexity: O(edges) to build the twin classes, then Dinic's maximum flow on the class
    ///   graph: O(E √V) for the unit capacities of a graph without twins.
    public static func edges(outgoing: [[Int]], from sources: [Int], to sinks: [Int]) -> [(from: Int, to: Int)] {
        let n = outgoing.count
        var role = [UInt8](repeating: TwinClasses.other, count: n)
        for t in sinks { role[t] = TwinClasses.sink }
        for s in sources { role[s] = TwinClasses.source }
        // The flow network: no edge leaves a sink or enters a source; self-loops never cross a cut.
        var out = [[Int]](repeating: [], count: n), inc = [[Int]](repeating: [], count: n)
        for a in 0..<n where role[a] != TwinClasses.sink {
            var last = -1
            for b in sortedUnique(outgoing[a]) where b != a && role[b] != TwinClasses.source && b != last {
                out[a].append(b)
                inc[b].append(a)
                last = b
            }
        }
        let twins = TwinClasses(out: out, inc: inc, role: role)
        var flow = FlowNetwork(nodes: twins.count + 2)
        let source = twins.count, sink = twins.count + 1
        // Edges between classes, counted from one member: every member has the same neighbours.
        for (c, members) in twins.members.enumerated() {
            var capacity: [Int: Int] = [:]
            for b in out[members[0]] where twins.classOf[b] != c { capacity[twins.classOf[b], default: 0] += members.count }
            for d in capacity.keys.sorted() { flow.add(c, d, capacity[d]!) }
            if role[members[0]] == TwinClasses.source { flow.add(source, c, FlowNetwork.infinite) }
            if role[members[0]] == TwinClasses.sink { flow.add(c, sink, FlowNetwork.infinite) }
        }
        flow.maximize(from: source, to: sink)
        let side = flow.reachable(from: source)
        var cut: [(from: Int, to: Int)] = []
        for a in 0..<n where side[twins.classOf[a]] {
            for b in out[a] where !side[twins.classOf[b]] { cut.append((a, b)) }
        }
        return cut
    }

    /// The list sorted without duplicates (already so for `ReachabilityGraph`'s edges).
    static func sortedUnique(_ list: [Int]) -> [Int] {
        zip(list, list.dropFirst()).allSatisfy { $0 < $1 } ? list : Array(Set(list)).sorted()
    }
}

extension ReachabilityGraph {
    /// The minimum cut between `sources` and `sinks` over the usable edges (see `MinimumCut`).
    /// - Complexity: see `MinimumCut.edges`.
    public func minimumCut(from sources: [Int], to sinks: [Int], port: (NetworkProtocol, Int)? = nil) -> [(from: Int, to: Int)] {
        let sourceSet = Set(sources)
        // External ranges carry no flow onwards unless they are a source (never transit).
        let usableOut = outgoing.enumerated().map { a, edges in
            isExternal(a) && !sourceSet.contains(a) ? [] : edges.filter { usable($0, port) }.map(\.to)
        }
        return MinimumCut.edges(outgoing: usableOut, from: sources, to: sinks)
    }
}
