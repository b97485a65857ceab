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
    /// indices; nil when none. Ties break on edge order, so the answer is stable.
    /// - Complexity: O(V + E).
    public func shortestPath(from sources: [Int], to targets: Set<Int>) -> [Int]? {
        var via = [Int?](repeating: nil, count: vertices.count)
        var visited = Set(sources)
        var queue = sources
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
            for e in outgoing[v] where visited.insert(edges[e].to).inserted {
                via[edges[e].to] = e
                queue.append(edges[e].to)
            }
        }
        return nil
    }
}

private struct EdgeKey: Hashable {
    var from: Int
    var to: Int
    var technique: AttackTechnique
}
