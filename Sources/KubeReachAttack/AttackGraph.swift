import KubeReachCore

/// The joined graph: network edges decided by the policy engine, identity edges decided by
/// RBAC and the pod specs, and container escapes to nodes. Vertices are interned; every
/// edge keeps its technique, reason and source.
public struct AttackGraph: Sendable {
    public private(set) var vertices: [AttackVertex] = []
    public private(set) var edges: [AttackEdge] = []
    public private(set) var outgoing: [[Int]] = []
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

    /// The shortest path and up to `extra` more, loopless, in order of length (Yen's
    /// algorithm over breadth-first search, from a virtual vertex before the sources, so a
    /// start that is already a target counts as a path of no steps): deterministic.
    /// `distances` (from `distances(to: targets)`) finds the first path without a search.
    public func shortestPaths(from sources: [Int], to targets: Set<Int>, extra: Int, distances: [Int]? = nil) -> [[Int]] {
        guard let first = distances.map({ shortestPath(from: sources, distances: $0) }) ?? shortestPath(from: sources, to: targets)
        else { return [] }
        let start = { (p: [Int]) in p.first.map { self.edges[$0].from } ?? sources.first { targets.contains($0) }! }
        var found: [(start: Int, edges: [Int])] = [(start(first), first)]
        var candidates: [(start: Int, edges: [Int])] = []
        while found.count <= extra {
            let last = found[found.count - 1]
            for i in 0...last.edges.count {
                let spur: (start: Int, edges: [Int])?
                if i == 0 {
                    // Deviate at the virtual vertex: another start.
                    let used = Set(found.map(\.start))
                    spur = shortestPath(from: sources.filter { !used.contains($0) }, to: targets).map { (start($0), $0) }
                } else {
                    let root = Array(last.edges[..<(i - 1)])
                    let at = i == 1 ? last.start : edges[root[root.count - 1]].to
                    var cut: Set<Int> = []
                    for p in found where p.start == last.start && p.edges.count > i - 1 && Array(p.edges[..<(i - 1)]) == root {
                        cut.insert(p.edges[i - 1])
                    }
                    let out = Set(root.map { edges[$0].from })
                    spur = shortestPath(from: [at], to: targets, avoidingEdges: cut, avoidingVertices: out).map { (last.start, root + $0) }
                }
                guard let path = spur, !found.contains(where: { $0 == path }), !candidates.contains(where: { $0 == path }) else { continue }
                candidates.append(path)
            }
            guard let best = candidates.indices.min(by: { Self.precedes(candidates[$0], candidates[$1]) }) else { break }
            found.append(candidates.remove(at: best))
        }
        return found.map(\.edges)
    }

    /// Shorter first, then by start and edge indices.
    static func precedes(_ l: (start: Int, edges: [Int]), _ r: (start: Int, edges: [Int])) -> Bool {
        if l.edges.count != r.edges.count { return l.edges.count < r.edges.count }
        return l.start != r.start ? l.start < r.start : l.edges.lexicographicallyPrecedes(r.edges)
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

}

private struct EdgeKey: Hashable {
    var from: Int
    var to: Int
    var technique: AttackTechnique
}
