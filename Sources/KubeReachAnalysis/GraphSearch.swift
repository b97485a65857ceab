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
    /// External ranges are reached but never expanded unless they are a start: they are
    /// sources and sinks, not transit.
    /// - Complexity: O(nodes + edges).
    public func blastRadius(from starts: [Int], reverse: Bool = false, maxHops: Int = .max, port: (NetworkProtocol, Int)? = nil)
        -> [Reached]
    {
        var parent = [Int?](repeating: nil, count: names.count)
        var parentEdge = [ConnectionSet?](repeating: nil, count: names.count)
        var dist = [Int](repeating: -1, count: names.count)
        var queue = starts
        for s in starts { dist[s] = 0 }
        var head = 0
        while head < queue.count {
            let n = queue[head]
            head += 1
            guard dist[n] < maxHops, dist[n] == 0 || !isExternal(n) else { continue }
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
    /// algorithm over breadth-first shortest paths, from a virtual root linked to every
    /// source), ranked by length then by names. An external range is only a path's first or
    /// last node, never transit. A source that is also a target with a self edge (replicas
    /// of one workload reaching each other) is a one-hop path `W → W`.
    public func shortestPaths(from sources: [Int], to targets: [Int], k: Int, maxHops: Int = .max, port: (NetworkProtocol, Int)? = nil)
        -> [ReachPath]
    {
        let root = names.count
        var isTarget = [Bool](repeating: false, count: root + 1)
        for t in targets { isTarget[t] = true }
        // The usable edges once, as plain lists (self edges apart): each search walks them all.
        let adjacent = outgoing.enumerated().map { v, edges in edges.filter { $0.to != v && usable($0, port) }.map(\.to) } + [sources]
        /// A shortest path from `start` to a target, avoiding `banned` nodes and the edges
        /// from `start` to `bannedNext` (Yen's spur: every banned edge leaves the spur node).
        func bfs(_ start: Int, banned: Set<Int>, bannedNext: Set<Int>) -> [Int]? {
            var parent = [Int](repeating: -1, count: root + 1), seen = [Bool](repeating: false, count: root + 1)
            for b in banned { seen[b] = true }
            seen[start] = true
            var queue = [start], head = 0
            while head < queue.count {
                let n = queue[head]
                head += 1
                // A path has at least one hop: a start (or a source) is never its own end.
                if n != start && n != root && parent[n] != root && isTarget[n] {
                    var path = [n], cur = n
                    while parent[cur] >= 0 {
                        cur = parent[cur]
                        path.append(cur)
                    }
                    return path.reversed()
                }
                // An external range goes on only as the path's first node (right after the root).
                guard n == root || !isExternal(n) || n == start || parent[n] == root else { continue }
                for m in adjacent[n] where !seen[m] && !(n == start && bannedNext.contains(m)) {
                    seen[m] = true
                    parent[m] = n
                    queue.append(m)
                }
            }
            return nil
        }
        /// Paths through the root: the root dropped, each hop with what it allows.
        func make(_ withRoot: [Int]) -> ReachPath {
            let nodes = Array(withRoot.dropFirst())
            return ReachPath(
                nodes: nodes, hops: zip(nodes, nodes.dropFirst()).map { s, d in outgoing[s].first { $0.to == d }!.connections })
        }
        func rank(_ p: [Int]) -> (Int, String) { (p.count, p.dropFirst().map { names[$0] }.joined(separator: ">")) }
        let loops = sources.filter { s in isTarget[s] && outgoing[s].contains { $0.to == s && usable($0, port) } }
            .map { [root, $0, $0] }
        let simple = simplePaths(root: root, k: k, maxHops: maxHops, rank: rank, bfs: { bfs($0, banned: $1, bannedNext: $2) })
        let all = maxHops < 1 ? simple : (loops + simple).sorted { rank($0) < rank($1) }
        return all.prefix(k).map(make)
    }

    /// Yen's loop over `bfs` (shortest path from a node avoiding banned nodes, and the edges
    /// from it to the banned next nodes).
    private func simplePaths(
        root: Int, k: Int, maxHops: Int, rank: ([Int]) -> (Int, String), bfs: (Int, Set<Int>, Set<Int>) -> [Int]?
    ) -> [[Int]] {
        guard let first = bfs(root, [], []), first.count - 2 <= maxHops else { return [] }
        var found = [first], candidates: [[Int]] = []
        while found.count < k {
            let last = found[found.count - 1]
            for i in 0..<(last.count - 1) {
                let prefix = Array(last[...i])
                var bannedNext = Set<Int>()
                for p in found where p.count > i + 1 && Array(p[...i]) == prefix { bannedNext.insert(p[i + 1]) }
                guard let spur = bfs(last[i], Set(prefix.dropLast()), bannedNext) else { continue }
                let candidate = Array(prefix.dropLast()) + spur
                if candidate.count - 2 <= maxHops && !found.contains(candidate) && !candidates.contains(candidate) {
                    candidates.append(candidate)
                }
            }
            guard !candidates.isEmpty else { break }
            candidates.sort { rank($0) < rank($1) }
            found.append(candidates.removeFirst())
        }
        return found
    }
}
