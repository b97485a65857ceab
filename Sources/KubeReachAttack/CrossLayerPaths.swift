import KubeReachCore

/// The cross-layer paths `exposure` and `report` show: from the internet and every entry
/// point to cluster-admin and to root on a node, each start's shortest path, shortest first.
public struct CrossLayerPaths: Sendable {
    public struct Path: Sendable {
        /// `cluster-admin` or `node`.
        public var target: String
        /// Edge indices in `graph`, from the start to the target.
        public var edges: [Int]
    }

    public var graph: AttackGraph
    /// Per target, at most `limit` paths; the internet's first when it has one.
    public var paths: [Path]
    /// How many starts reach each target (more than listed past the limit).
    public var reaching: [String: Int]

    /// - Parameter starts: the entry points beside the internet (workloads).
    /// - Complexity: one backward breadth-first search per target, O(V + E), then the paths.
    public init(graph: AttackGraph, starts: [AttackVertex], limit: Int) {
        self.graph = graph
        let sources = ([AttackVertex.internet] + starts).compactMap(graph.vertex)
        var seen: Set<Int> = []
        let unique = sources.filter { seen.insert($0).inserted }
        var paths: [Path] = [], reaching: [String: Int] = [:]
        let targets: [(String, [Int])] = [
            ("cluster-admin", graph.vertex(.clusterAdmin).map { [$0] } ?? []),
            ("node", graph.vertices.indices.filter { graph.vertices[$0].isNode }),
        ]
        for (name, sinks) in targets {
            let toward = graph.nextEdgeToward(Set(sinks))
            // Stable: the internet first when it reaches, then by length, then input order.
            let found = unique.enumerated().compactMap { i, s -> (rank: [Int], path: [Int])? in
                var path: [Int] = [], at = s
                while let e = toward[at] {
                    path.append(e)
                    at = graph.edges[e].to
                }
                return sinks.contains(at) && !path.isEmpty ? ([graph.vertices[s] == .internet ? 0 : 1, path.count, i], path) : nil
            }
            reaching[name] = found.count
            let ranked = found.sorted { $0.rank.lexicographicallyPrecedes($1.rank) }
            paths += ranked.prefix(limit).map { Path(target: name, edges: $0.path) }
        }
        self.paths = paths
        self.reaching = reaching
    }
}

extension AttackGraph {
    /// Per vertex, the first edge of a shortest path to `targets` (nil at a target and where
    /// none leads there).
    /// - Complexity: O(V + E).
    func nextEdgeToward(_ targets: Set<Int>) -> [Int?] {
        var incoming = [[Int]](repeating: [], count: vertices.count)
        for (i, e) in edges.enumerated() { incoming[e.to].append(i) }
        var next = [Int?](repeating: nil, count: vertices.count)
        var done = targets, queue = targets.sorted(), head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            for e in incoming[v] where done.insert(edges[e].from).inserted {
                next[edges[e].from] = e
                queue.append(edges[e].from)
            }
        }
        return next
    }
}
