import KubeReachCore

/// The connectivity list as Graphviz DOT, in netpol-analyzer's layout: one cluster per
/// namespace holding its nodes (every node, with or without edges), external ranges as
/// red nodes, one edge per listed pair labelled with its connections. Sorted; identifiers
/// escaped.
enum DotEdgeFormatter {
    static func render(_ edges: [ConnectivityEdge], nodes: [Endpoint]) -> String {
        let inEdges = edges.flatMap { [$0.source, $0.destination] }
        let all = Set(nodes).union(inEdges)
        let external = all.filter(\.isExternal).sortedByName()
        var byNamespace: [String: [Endpoint]] = [:]
        for n in all { if let ns = n.namespace { byNamespace[ns, default: []].append(n) } }
        var out = "digraph {\n"
        for ns in byNamespace.keys.sorted(by: bytewise) {
            out +=
                "\tsubgraph \(quote("cluster_\(ns.replacing("-", with: "_"))[namespace]")) {\n\t\tcolor=\"black\"\n\t\tfontcolor=\"black\"\n"
            for n in byNamespace[ns]!.sortedByName() {
                out += "\t\t\(quote(n.description)) [label=\(quote(n.localName)) color=\"blue\" fontcolor=\"blue\"]\n"
            }
            out += "\t\tlabel=\(quote("\(ns)[namespace]"))\n\t}\n"
        }
        for n in external { out += "\t\(quote(n.description)) [label=\(quote(n.description)) color=\"red2\" fontcolor=\"red2\"]\n" }
        for e in edges {
            let weight = e.source < e.destination || e.source == e.destination ? "0.5" : "1"
            out +=
                "\t\(quote(e.source.description)) -> \(quote(e.destination.description)) [label=\(quote(e.connections.description)) color=\"gold2\" fontcolor=\"darkgreen\" weight=\(weight)]\n"
        }
        return out + "}\n"
    }

    static func bytewise(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    /// The one DOT escaper, shared with the diagrams.
    static func quote(_ s: String) -> String { DotText.id(s) }
}
