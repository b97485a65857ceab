import KubeReachCore

/// The smallest set of edges whose removal disconnects every source from every sink: a
/// minimum cut with unit capacities (Edmonds–Karp), the chokepoints of lateral movement.
extension ReachabilityGraph {
    /// - Complexity: O(cut size × edges): one breadth-first augmenting path per cut edge.
    public func minimumCut(from sources: [Int], to sinks: [Int], port: (NetworkProtocol, Int)? = nil) -> [(from: Int, to: Int)] {
        let n = names.count, source = n, sink = n + 1
        // Residual capacities on the usable edges, plus infinite super-source/sink edges.
        var capacity: [Int: [Int: Int]] = [:]
        func add(_ a: Int, _ b: Int, _ c: Int) { capacity[a, default: [:]][b, default: 0] += c }
        let sinkSet = Set(sinks), sourceSet = Set(sources)
        // External ranges carry no flow onwards unless they are a source (never transit).
        for a in 0..<n where !sinkSet.contains(a) && (sourceSet.contains(a) || !isExternal(a)) {
            for e in outgoing[a] where e.to != a && usable(e, port) && !sourceSet.contains(e.to) { add(a, e.to, 1) }
        }
        let infinite = Int.max / 4
        for s in sources { add(source, s, infinite) }
        for t in sinks { add(t, sink, infinite) }
        func augmentingPath() -> [Int: Int]? {
            var parent: [Int: Int] = [source: source], queue = [source], head = 0
            while head < queue.count {
                let a = queue[head]
                head += 1
                for (b, c) in capacity[a] ?? [:] where c > 0 && parent[b] == nil {
                    parent[b] = a
                    if b == sink { return parent }
                    queue.append(b)
                }
            }
            return nil
        }
        while let parent = augmentingPath() {
            var b = sink
            while b != source {
                let a = parent[b]!
                capacity[a]![b]! -= 1
                add(b, a, 1)
                b = a
            }
        }
        // Nodes still reachable from the source in the residual graph: the source side.
        var side: Set<Int> = [source], queue = [source]
        while let a = queue.popLast() {
            for (b, c) in capacity[a] ?? [:] where c > 0 && side.insert(b).inserted { queue.append(b) }
        }
        var cut: [(Int, Int)] = []
        for a in 0..<n where side.contains(a) && !sinkSet.contains(a) && (sourceSet.contains(a) || !isExternal(a)) {
            for e in outgoing[a] where e.to != a && usable(e, port) && !side.contains(e.to) && !sourceSet.contains(e.to) { cut.append((a, e.to)) }
        }
        return cut.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }
}
