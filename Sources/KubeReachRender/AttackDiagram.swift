import KubeReachAttack
import KubeReachCore
import KubeReachGraphviz

/// `render --attack`: the joined attack graph as DOT, vertices shaped and edges coloured by
/// technique family as `attack-paths -o dot` draws them (`AttackPathDotWriter`), with a legend, rendered by the same in-process Graphviz and under the same
/// caps as the network diagram (sfdp past `maxNodes` vertices, the picture's size in inches).
public struct AttackDiagram: Sendable {
    public var dot: String
    public var layout: GraphvizRenderer.Layout
    /// What was left out or decided (also in the legend).
    public var notes: [String]

    /// - Parameters:
    ///   - maxNodes: past this many vertices, only those on a path from the internet to
    ///     cluster-admin or a node are drawn, then sfdp lays them out (0: no limit).
    ///   - maxEdges: past this many edges, edges carry no technique label (their colour and
    ///     tooltip still say it).
    public init(_ g: AttackGraph, maxNodes: Int, maxEdges: Int, layout chosen: GraphvizRenderer.Layout?) {
        var notes = ["cluster-admin's own edges (exec into every workload, a pod on every node) are not drawn"]
        var keep = Set(g.vertices.indices)
        if maxNodes > 0 && keep.count > maxNodes {
            keep = Self.onPathsFromInternet(g)
            notes.append("\(g.vertices.count) vertices: only those on a path from the internet to cluster-admin or a node (\(keep.count))")
        }
        let edges = g.edges.indices.filter { i in
            let e = g.edges[i]
            return keep.contains(e.from) && keep.contains(e.to) && g.vertices[e.from] != .clusterAdmin
        }
        let drawn = keep.filter { v in g.vertices[v] == .internet || edges.contains { g.edges[$0].from == v || g.edges[$0].to == v } }
        layout = chosen ?? .dot
        if chosen == nil && maxNodes > 0 && drawn.count > maxNodes {
            layout = .sfdp
            notes.append("\(drawn.count) vertices: laid out with sfdp (pass --layout to choose)")
        }
        let labelled = maxEdges == 0 || edges.count <= maxEdges
        if !labelled { notes.append("\(edges.count) edges: techniques in tooltips, not labels") }
        self.notes = notes
        dot = Self.write(g, vertices: drawn.sorted(), edges: edges, labelled: labelled, notes: notes)
    }

    /// The vertices the internet reaches that reach cluster-admin or a node.
    static func onPathsFromInternet(_ g: AttackGraph) -> Set<Int> {
        var incoming = [[Int]](repeating: [], count: g.vertices.count)
        for e in g.edges { incoming[e.to].append(e.from) }
        func closure(_ starts: [Int], _ next: (Int) -> [Int]) -> Set<Int> {
            var seen = Set(starts), stack = starts
            while let v = stack.popLast() { for w in next(v) where seen.insert(w).inserted { stack.append(w) } }
            return seen
        }
        let forward = closure(g.vertex(.internet).map { [$0] } ?? []) { v in g.outgoing[v].map { g.edges[$0].to } }
        let targets = g.vertices.indices.filter { g.vertices[$0] == .clusterAdmin || g.vertices[$0].isNode }
        return forward.intersection(closure(targets) { incoming[$0] })
    }

    static func write(_ g: AttackGraph, vertices: [Int], edges: [Int], labelled: Bool, notes: [String]) -> String {
        var out = "digraph \"kubereach-attack\" {\n"
        out += "\tgraph [rankdir=LR fontname=\"Helvetica\" fontsize=11 nodesep=0.25 ranksep=0.6"
        out += " size=\"\(Diagram.defaultMaxInches),\(Diagram.defaultMaxInches)\"]\n"
        out += "\tnode [fontname=\"Helvetica\" fontsize=10 style=\"rounded,filled\"]\n"
        out += "\tedge [fontname=\"Helvetica\" fontsize=8 arrowsize=0.7]\n"
        for v in vertices { out += "\t\(DotText.id(g.vertices[v].description)) [\(AttackPathDotWriter.shape(g.vertices[v]))]\n" }
        for i in edges {
            let e = g.edges[i], layer = AttackPathDotWriter.Family(e.technique)
            let tip = "\(e.technique.rawValue): \(e.why)" + (e.source.map { " (\(RBACText.source($0)))" } ?? "")
            var a = "color=\"\(layer.colour)\" fontcolor=\"\(layer.colour)\" tooltip=\(DotText.id(tip))"
            if labelled { a += " label=\(DotText.id(e.technique.rawValue))" }
            out += "\t\(DotText.id(g.vertices[e.from].description)) -> \(DotText.id(g.vertices[e.to].description)) [\(a)]\n"
        }
        out += "\tsubgraph \"cluster_legend\" {\n\t\tlabel=<<B>Legend</B>> style=\"rounded,dashed\" color=\"#9aa5b1\"\n"
        out += "\t\tnode [shape=plaintext style=\"\"]\n"
        var rows = AttackPathDotWriter.Family.allCases.map {
            "<TR><TD><FONT COLOR=\"\($0.colour)\">━━▶</FONT></TD><TD ALIGN=\"LEFT\">\(DotText.html($0.rawValue))</TD></TR>"
        }
        rows += notes.map { "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">\(DotText.html($0))</TD></TR>" }
        out += "\t\t\"legend\" [label=<<TABLE BORDER=\"0\" CELLSPACING=\"2\">\(rows.joined())</TABLE>>]\n\t}\n"
        return out + "}\n"
    }
}
