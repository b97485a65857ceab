import KubeReachCore

/// The joined graph: network edges decided by the policy engine, identity edges decided by
/// RBAC and the pod specs, and container escapes to nodes. Vertices are interned; every
/// edge keeps its technique, reason and source.
public struct AttackGraph: Sendable {
    public private(set) var vertices: [AttackVertex] = []
    public private(set) var edges: [AttackEdge] = []
    public private(set) var outgoing: [[Int]] = []
    /// The workloads `exposure` lists as entry points (reached from outside the cluster, from
    /// every other namespace, or not isolated for ingress), in its order.
    public internal(set) var entryPoints: [AttackVertex] = []
    private var index: [AttackVertex: Int] = [:]
    private var seen: Set<EdgeKey> = []

    public init() {}

    public func vertex(_ v: AttackVertex) -> Int? { index[v] }

    /// The vertex's index, adding it when new.
    @discardableResult
    mutating func intern(_ v: AttackVertex) -> Int {
        if let i = index[v] { return i }
        vertices.append(v)
        outgoing.append([])
        index[v] = vertices.count - 1
        return vertices.count - 1
    }

    /// Adds an edge unless the same technique already joins the two vertices.
    mutating func add(_ from: AttackVertex, _ to: AttackVertex, _ technique: AttackTechnique, _ why: String, _ source: SourceLocation?) {
        let f = intern(from), t = intern(to)
        guard f != t, seen.insert(EdgeKey(from: f, to: t, technique: technique)).inserted else { return }
        edges.append(AttackEdge(from: f, to: t, technique: technique, why: why, source: source))
        outgoing[f].append(edges.count - 1)
    }

    /// The edges of one technique (for tests and documentation).
    public func edges(_ technique: AttackTechnique) -> [(from: AttackVertex, to: AttackVertex)] {
        edges.filter { $0.technique == technique }.map { (vertices[$0.from], vertices[$0.to]) }
    }

    /// The shortest path (fewest edges) from any of `sources` to any of `targets`, as edge
    /// indices; nil when none. Ties break on edge order, so the answer is stable. `avoiding`
    /// edges and `through`-less vertices are left out (Yen's spur searches).
    /// - Complexity: O(V + E).
    public func shortestPath(
        from sources: [Int], to targets: Set<Int>, avoidingEdges: Set<Int> = [], avoidingVertices: Set<Int> = []
    ) -> [Int]? {
        var via = [Int?](repeating: nil, count: vertices.count)
        var visited = Set(sources).union(avoidingVertices)
        var queue = sources.filter { !avoidingVertices.contains($0) }
        var head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            if targets.contains(v) {
                var path: [Int] = []
                var at = v
                while let e = via[at] {
                    path.append(e)
                    at = edges[e].from
                }
                return path.reversed()
            }
            for e in outgoing[v] where !avoidingEdges.contains(e) && visited.insert(edges[e].to).inserted {
                via[edges[e].to] = e
                queue.append(edges[e].to)
            }
        }
        return nil
    }

    /// The shortest path and up to `extra` more, loopless, in order of length then edge
    /// order (Yen's algorithm over the breadth-first search): deterministic.
    /// `distances` (from `distances(to: targets)`) finds the first path without a search.
    public func shortestPaths(from sources: [Int], to targets: Set<Int>, extra: Int, distances: [Int]? = nil) -> [[Int]] {
        guard let first = distances.map({ shortestPath(from: sources, distances: $0) }) ?? shortestPath(from: sources, to: targets)
        else { return [] }
        var found = [first]
        var candidates: [[Int]] = []
        while found.count <= extra {
            let last = found[found.count - 1]
            for i in last.indices {
                let root = Array(last[..<i])
                var cut: Set<Int> = []
                for p in found where p.count > i && Array(p[..<i]) == root { cut.insert(p[i]) }
                // A path leaves no vertex of its root twice: the root's vertices before the spur are out.
                let spurStarts = i == 0 ? sources : [edges[last[i - 1]].to]
                var out = Set(root.map { edges[$0].from })
                if i == 0 { out = [] }
                guard let spur = shortestPath(from: spurStarts, to: targets, avoidingEdges: cut, avoidingVertices: out) else { continue }
                let path = root + spur
                if !found.contains(path) && !candidates.contains(path) { candidates.append(path) }
            }
            guard let best = candidates.indices.min(by: { Self.precedes(candidates[$0], candidates[$1]) }) else { break }
            found.append(candidates.remove(at: best))
        }
        return found
    }

    /// Steps from every vertex to the nearest of `targets` (`Int.max`: none), by one
    /// backward breadth-first search: every start asked about the same targets shares it.
    /// - Complexity: O(V + E).
    public func distances(to targets: Set<Int>) -> [Int] {
        var incoming = [[Int]](repeating: [], count: vertices.count)
        for (i, e) in edges.enumerated() { incoming[e.to].append(i) }
        var dist = [Int](repeating: .max, count: vertices.count)
        var queue = targets.sorted()
        for t in queue { dist[t] = 0 }
        var head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            for e in incoming[v] where dist[edges[e].from] == .max {
                dist[edges[e].from] = dist[v] + 1
                queue.append(edges[e].from)
            }
        }
        return dist
    }

    /// The shortest path down `distances`: from the nearest source (the first of equals),
    /// each step the first edge in edge order that comes one step closer; nil when none.
    public func shortestPath(from sources: [Int], distances dist: [Int]) -> [Int]? {
        guard let start = sources.min(by: { dist[$0] < dist[$1] }), dist[start] != .max else { return nil }
        var path: [Int] = []
        var at = start
        while dist[at] > 0, let e = outgoing[at].first(where: { dist[edges[$0].to] == dist[at] - 1 }) {
            path.append(e)
            at = edges[e].to
        }
        return path
    }

    /// Shorter first, then by edge indices.
    static func precedes(_ l: [Int], _ r: [Int]) -> Bool { l.count != r.count ? l.count < r.count : l.lexicographicallyPrecedes(r) }
}

private struct EdgeKey: Hashable {
    var from: Int
    var to: Int
    var technique: AttackTechnique
}
