import KubeReachCore

/// One path: the nodes in order and, per hop, what the edge allows.
public struct ReachPath: Sendable, Hashable {
    public var nodes: [Int]
    public var hops: [ConnectionSet]
}

/// A node reached from (or reaching) the start, with its distance and one shortest path.
public struct Reached: Sendable {
    public var node: Int
    public var hops: Int
    public var path: ReachPath
}

extension ReachabilityGraph {
    /// Whether an edge is usable: it allows something, or the given protocol/port.
    func usable(_ e: Edge, _ port: (NetworkProtocol, Int)?) -> Bool {
        port.map { e.connections.contains($0.0, $0.1) } ?? !e.connections.isEmpty
    }

    /// Breadth-first reachability from `starts` (forward, or backward with `reverse`).
    /// - Complexity: O(nodes + edges).
    public func blastRadius(from starts: [Int], reverse: Bool = false, maxHops: Int = .max, port: (NetworkProtocol, Int)? = nil) -> [Reached] {
        var parent = [Int?](repeating: nil, count: names.count)
        var parentEdge = [ConnectionSet?](repeating: nil, count: names.count)
        var dist = [Int](repeating: -1, count: names.count)
        var queue = starts
        for s in starts { dist[s] = 0 }
        var head = 0
        while head < queue.count {
            let n = queue[head]
            head += 1
            guard dist[n] < maxHops else { continue }
            for e in (reverse ? incoming[n] : outgoing[n]) where dist[e.to] < 0 && usable(e, port) {
                dist[e.to] = dist[n] + 1
                parent[e.to] = n
                parentEdge[e.to] = e.connections
                queue.append(e.to)
            }
        }
        return queue.filter { dist[$0] > 0 }.map { n in
            var nodes = [n], hops: [ConnectionSet] = []
            var cur = n
            while let p = parent[cur] {
                hops.append(parentEdge[cur]!)
                nodes.append(p)
                cur = p
            }
            // Forward paths read start → node; reverse ones node → start, as traffic flows.
            let path = reverse ? ReachPath(nodes: nodes, hops: hops) : ReachPath(nodes: nodes.reversed(), hops: hops.reversed())
            return Reached(node: n, hops: dist[n], path: path)
        }
    }

    /// Up to `k` shortest simple paths from any of `sources` to any of `targets` (Yen's
    /// algorithm over breadth-first shortest paths), ranked by length then by names.
    public func shortestPaths(from sources: [Int], to targets: [Int], k: Int, maxHops: Int = .max, port: (NetworkProtocol, Int)? = nil) -> [ReachPath] {
        let targetSet = Set(targets)
        var found: [ReachPath] = []
        var candidates: [ReachPath] = []
        func bfs(_ starts: [Int], banned: Set<Int>, bannedEdges: Set<[Int]>) -> [Int]? {
            var parent = [Int: Int](), seen = Set(starts)
            var queue = starts, head = 0
            while head < queue.count {
                let n = queue[head]
                head += 1
                // A path has at least one hop: a start is never its own end.
                if parent[n] != nil && targetSet.contains(n) {
                    var path = [n], cur = n
                    while let p = parent[cur] { path.append(p); cur = p }
                    return path.reversed()
                }
                for e in outgoing[n] where !seen.contains(e.to) && !banned.contains(e.to) && !bannedEdges.contains([n, e.to]) && usable(e, port) {
                    seen.insert(e.to)
                    parent[e.to] = n
                    queue.append(e.to)
                }
            }
            return nil
        }
        func make(_ nodes: [Int]) -> ReachPath {
            ReachPath(nodes: nodes, hops: zip(nodes, nodes.dropFirst()).map { s, d in outgoing[s].first { $0.to == d }!.connections })
        }
        guard let first = bfs(sources, banned: [], bannedEdges: []), first.count - 1 <= maxHops else { return [] }
        found.append(make(first))
        while found.count < k {
            let last = found[found.count - 1].nodes
            for i in 0..<(last.count - 1) {
                let root = Array(last[...i])
                var bannedEdges = Set<[Int]>()
                for p in found where p.nodes.count > i && Array(p.nodes[...i]) == root { bannedEdges.insert([p.nodes[i], p.nodes[i + 1]]) }
                guard let spur = bfs([last[i]], banned: Set(root.dropLast()), bannedEdges: bannedEdges) else { continue }
                let total = root.dropLast() + spur
                let candidate = make(Array(total))
                if candidate.nodes.count - 1 <= maxHops && !found.contains(candidate) && !candidates.contains(candidate) { candidates.append(candidate) }
            }
            guard !candidates.isEmpty else { break }
            candidates.sort { ($0.nodes.count, $0.nodes.map { names[$0] }.joined(separator: ">")) < ($1.nodes.count, $1.nodes.map { names[$0] }.joined(separator: ">")) }
            found.append(candidates.removeFirst())
        }
        return found
    }
}
