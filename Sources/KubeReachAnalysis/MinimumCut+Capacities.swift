extension MinimumCut {
    /// One arc of a weighted cut problem: cutting it costs `capacity`; `nil` never cuts it.
    public struct Arc: Sendable, Hashable {
        public var from: Int
        public var to: Int
        public var capacity: Int?

        public init(from: Int, to: Int, capacity: Int?) {
            self.from = from
            self.to = to
            self.capacity = capacity
        }
    }

    /// The minimum cut of a graph whose arcs cost different amounts (the attack graph: an
    /// arc of two techniques takes two changes; cluster-admin's own arcs cannot be cut), on
    /// the same maximum flow as `edges(outgoing:from:to:)`, without twin classes (the graph
    /// is one vertex per workload, account and node, not per address range).
    /// - Returns: the arcs crossing from the source side (smallest, as there) to the rest,
    ///   sorted; empty when no source reaches a sink, nil when only uncuttable arcs join them.
    /// - Complexity: Dinic's maximum flow, O(V² E).
    public static func arcs(_ arcs: [Arc], nodes n: Int, from sources: [Int], to sinks: [Int]) -> [Arc]? {
        let isSource = Set(sources), isSink = Set(sinks).subtracting(sources)
        var flow = FlowNetwork(nodes: n + 2)
        let source = n, sink = n + 1
        // No arc leaves a sink or enters a source, as in the unit-capacity cut.
        let usable = arcs.filter { $0.from != $0.to && !isSink.contains($0.from) && !isSource.contains($0.to) }
        if joinedUncut(usable, nodes: n, isSource, isSink) { return nil }
        for a in usable { flow.add(a.from, a.to, a.capacity ?? FlowNetwork.infinite) }
        for s in isSource { flow.add(source, s, FlowNetwork.infinite) }
        for t in isSink { flow.add(t, sink, FlowNetwork.infinite) }
        flow.maximize(from: source, to: sink)
        let side = flow.reachable(from: source)
        if side[sink] { return nil }
        let cut = usable.filter { side[$0.from] && !side[$0.to] }
        if cut.contains(where: { $0.capacity == nil }) { return nil }
        return cut.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    }

    /// Whether uncuttable arcs alone lead from a source to a sink (the flow would be infinite).
    static func joinedUncut(_ arcs: [Arc], nodes n: Int, _ sources: Set<Int>, _ sinks: Set<Int>) -> Bool {
        var next = [[Int]](repeating: [], count: n)
        for a in arcs where a.capacity == nil { next[a.from].append(a.to) }
        var seen = sources, stack = Array(sources)
        while let a = stack.popLast() {
            if sinks.contains(a) { return true }
            for b in next[a] where seen.insert(b).inserted { stack.append(b) }
        }
        return false
    }
}
