import KubeReachCore

/// Connection sets interned to small integers, so that comparing edges is comparing ints.
struct ConnectionInterner {
    private(set) var sets: [ConnectionSet] = []
    private var index: [ConnectionSet: Int] = [:]

    mutating func id(_ c: ConnectionSet) -> Int {
        if let known = index[c] { return known }
        sets.append(c)
        index[c] = sets.count - 1
        return sets.count - 1
    }

    mutating func union(_ a: Int, _ b: Int) -> Int { a == b ? a : id(sets[a].union(sets[b])) }

    subscript(id: Int) -> ConnectionSet { sets[id] }
}

/// The graph a diagram is condensed from: vertices with the endpoints they stand for, edges
/// as interned connection ids in both directions. Vertices stay in byte order of their ids,
/// so every greedy step is deterministic.
struct DiagramGraph {
    struct Vertex {
        var id: String
        var kind: Diagram.NodeKind
        var cluster: String?
        var members: [Endpoint]
        var withinGroup: Int?
    }

    var vertices: [Vertex]
    var out: [[Int: Int]]
    var inc: [[Int: Int]]
    var table: ConnectionInterner

    /// One vertex per endpoint (given nodes and edge ends), one edge per listed pair.
    init(edges: [ConnectivityEdge], nodes: [Endpoint], level: AggregationLevel) {
        self.init(lines: edges.map(ListedEdge.init), nodes: nodes, level: level)
    }

    /// One vertex per name (given nodes and line ends: a merged line's external end is one
    /// vertex standing for all its ranges), one edge per line.
    init(lines: [ListedEdge], nodes: [Endpoint], level: AggregationLevel) {
        var byID: [String: Vertex] = [:]
        func add(_ id: String, _ members: @autoclosure () -> [Endpoint]) {
            guard byID[id] == nil else { return }
            let members = members()
            guard let first = members.first else { return }
            byID[id] = Vertex(id: id, kind: Self.kind(of: first), cluster: level == .namespace ? nil : first.namespace, members: members)
        }
        for n in nodes { add(n.description, [n]) }
        for e in lines {
            add(e.source, Array(Set(e.members.map(\.source))).sortedByName())
            add(e.destination, Array(Set(e.members.map(\.destination))).sortedByName())
        }
        vertices = byID.values.sorted { Self.bytewise($0.id, $1.id) }
        var rank: [String: Int] = [:]
        for (i, v) in vertices.enumerated() { rank[v.id] = i }
        out = Array(repeating: [:], count: vertices.count)
        inc = Array(repeating: [:], count: vertices.count)
        table = ConnectionInterner()
        for e in lines {
            guard let s = rank[e.source], let d = rank[e.destination], s != d, !e.connections.isEmpty else { continue }
            let c = out[s][d].map { table.union($0, table.id(e.connections)) } ?? table.id(e.connections)
            out[s][d] = c
            inc[d][s] = c
        }
    }

    static func bytewise(_ a: String, _ b: String) -> Bool { DotEdgeFormatter.bytewise(a, b) }

    static func kind(of e: Endpoint) -> Diagram.NodeKind {
        switch e {
        case .external, .address: .external
        case .namespace: .namespace
        case .pod, .workload, .service: .workload
        }
    }

    /// Merges each set of vertex indices into the vertex `merge` makes of them. Edges inside
    /// a set vanish; parallel edges become one with the union of their connections.
    func contracted(_ sets: [[Int]], merge: ([Vertex]) -> Vertex) -> DiagramGraph {
        var representative = Array(vertices.indices)
        for set in sets {
            for v in set { representative[v] = set.min() ?? v }
        }
        var newIndex = [Int](repeating: -1, count: vertices.count)
        var kept: [Vertex] = []
        var setOf: [Int: [Int]] = [:]
        for set in sets { if let m = set.min() { setOf[m] = set } }
        for v in vertices.indices where representative[v] == v {
            newIndex[v] = kept.count
            kept.append(setOf[v].map { merge($0.sorted().map { vertices[$0] }) } ?? vertices[v])
        }
        var g = self
        g.vertices = kept
        g.out = Array(repeating: [:], count: kept.count)
        g.inc = Array(repeating: [:], count: kept.count)
        for (s, targets) in out.enumerated() {
            let ns = newIndex[representative[s]]
            for (d, c) in targets {
                let nd = newIndex[representative[d]]
                if ns == nd { continue }
                let merged = g.out[ns][nd].map { g.table.union($0, c) } ?? c
                g.out[ns][nd] = merged
                g.inc[nd][ns] = merged
            }
        }
        return g
    }

    /// External ranges that touch the same nodes with the same connections become one node
    /// (policies cut address space into many ranges that are treated alike).
    func mergingExternalTwins() -> DiagramGraph {
        var bySignature: [[Int]: [Int]] = [:]
        var order: [[Int]] = []
        for v in vertices.indices where vertices[v].kind == .external {
            let sig =
                out[v].sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] } + [-1]
                + inc[v].sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] }
            if bySignature[sig] == nil { order.append(sig) }
            bySignature[sig, default: []].append(v)
        }
        let sets = order.compactMap { bySignature[$0] }.filter { $0.count > 1 }
        return contracted(sets) { parts in
            var first = parts[0]
            first.members = Array(Set(parts.flatMap(\.members))).sortedByName()
            return first
        }
    }
}
