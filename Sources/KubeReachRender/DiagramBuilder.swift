import KubeReachCore

/// Condenses a connectivity list into a `Diagram` a person can read: external ranges treated
/// alike merged, interchangeable workloads grouped, "reaches everything" drawn as a marker
/// instead of N edges, a path highlighted, mutual edges drawn once.
public enum DiagramBuilder {
    /// - Parameters:
    ///   - edges: the connectivity list at `level` (as `Reachability.edges(level:)` gives it).
    ///   - nodes: every node of the level, so that isolated workloads are drawn too.
    public static func build(
        edges: [ConnectivityEdge], nodes: [Endpoint], level: AggregationLevel, options: DiagramOptions = .init()
    ) -> Diagram {
        let g = DiagramGraph(lines: ListedEdge.lines(edges, options.externals), nodes: nodes, level: level).mergingExternalTwins()
            .groupingTwins(minimum: options.minimumGroup)
        let markers = options.markers ? Markers(g) : Markers(count: g.vertices.count)
        let fans = options.markers ? options.fanMinimum.map { Fans(g, minimum: $0, markers: markers) } : nil
        let path = PathHighlight(g, path: options.highlight)
        var drawn: [Diagram.Edge] = []
        for (s, targets) in g.out.enumerated() {
            for (d, c) in targets {
                let lit = path.edges.contains([s, d])
                let condensed =
                    g.vertices[d].kind != .external && markers.reachesAll[s] != nil
                    || g.vertices[s].kind != .external && markers.reachedByAll[d] != nil
                if (condensed || fans?.hides(s, d, in: g) == true) && !lit { continue }
                drawn.append(Diagram.Edge(from: g.vertices[s].id, to: g.vertices[d].id, connections: g.table[c], highlighted: lit))
            }
        }
        let nodes = g.vertices.enumerated().map { v, x in
            Diagram.Node(
                id: x.id, kind: x.kind, cluster: x.cluster, members: x.members, withinGroup: x.withinGroup.map { g.table[$0] },
                reachesAll: markers.reachesAll[v].map { g.table[$0] }, reachedByAll: markers.reachedByAll[v].map { g.table[$0] },
                highlighted: path.nodes.contains(v), focused: x.members.contains { options.focused.contains($0) },
                fanOut: fans?.out[v], fanIn: fans?.inc[v])
        }
        var diagram = Diagram(
            level: level, nodes: nodes.sorted { DiagramGraph.bytewise($0.id, $1.id) }, edges: mergingMutual(drawn), notes: options.notes)
        diagram.clusterRanges = options.clusterRanges
        return diagram
    }

    /// A→B and B→A with the same connections (and the same highlighting) become one edge
    /// drawn with two arrows. Sorted by source, then destination.
    static func mergingMutual(_ edges: [Diagram.Edge]) -> [Diagram.Edge] {
        var byPair: [[String]: Diagram.Edge] = [:]
        for e in edges { byPair[[e.from, e.to]] = e }
        var out: [Diagram.Edge] = []
        for e in edges {
            if let back = byPair[[e.to, e.from]], back.connections == e.connections, back.highlighted == e.highlighted {
                guard DiagramGraph.bytewise(e.from, e.to) else { continue }
                var both = e
                both.bothWays = true
                out.append(both)
            } else {
                out.append(e)
            }
        }
        return out.sorted { $0.from != $1.from ? DiagramGraph.bytewise($0.from, $1.from) : DiagramGraph.bytewise($0.to, $1.to) }
    }
}

/// Which vertices reach (or are reached by) every other non-external vertex with one
/// connection set. Needs at least three others: below that a marker saves nothing.
struct Markers {
    var reachesAll: [Int?]
    var reachedByAll: [Int?]

    init(count: Int) {
        reachesAll = Array(repeating: nil, count: count)
        reachedByAll = Array(repeating: nil, count: count)
    }

    init(_ g: DiagramGraph) {
        self.init(count: g.vertices.count)
        let inside = g.vertices.indices.filter { g.vertices[$0].kind != .external }
        let others = inside.count - 1
        guard others >= 3 else { return }
        for v in inside {
            reachesAll[v] = Self.uniform(g.out[v], among: g, expected: others)
            reachedByAll[v] = Self.uniform(g.inc[v], among: g, expected: others)
        }
    }

    /// The one connection id on all `expected` non-external neighbours, else nil.
    private static func uniform(_ neighbours: [Int: Int], among g: DiagramGraph, expected: Int) -> Int? {
        var shared: Int? = nil
        var count = 0
        for (n, c) in neighbours where g.vertices[n].kind != .external {
            guard shared == nil || shared == c else { return nil }
            shared = c
            count += 1
        }
        return count == expected ? shared : nil
    }
}

/// The vertices and edges of a path (each step an endpoint, external ranges as themselves;
/// a merged external vertex lights up for any of its ranges).
struct PathHighlight {
    var nodes: Set<Int> = []
    var edges: Set<[Int]> = []

    init(_ g: DiagramGraph, path: [Endpoint]) {
        // With merged externals a range can be a member of several vertices: take the pair
        // with an edge between them.
        var vertexOf: [Endpoint: [Int]] = [:]
        for (v, x) in g.vertices.enumerated() { for m in x.members { vertexOf[m, default: []].append(v) } }
        for (u, w) in zip(path, path.dropFirst()) {
            let pairs = (vertexOf[u] ?? []).flatMap { a in (vertexOf[w] ?? []).map { (a, $0) } }
            guard let (a, b) = pairs.first(where: { $0 == $1 || g.out[$0][$1] != nil }) else { continue }
            nodes.formUnion([a, b])
            if a != b { edges.insert([a, b]) }
        }
    }
}
