import KubeReachCore

/// The connectivity list as Graphviz DOT, in netpol-analyzer's layout: one cluster per
/// namespace holding its nodes (every node, with or without edges), external ranges as
/// red nodes, one edge per listed pair labelled with its connections. Sorted; identifiers
/// escaped.
enum DotEdgeFormatter {
    static func render(_ edges: [ConnectivityEdge], nodes: [String]) -> String {
        let inEdges = edges.flatMap { [$0.source, $0.destination] }
        let all = Set(nodes).union(inEdges)
        let external = all.filter { IPRange.isExternalName($0) }.sorted(by: bytewise)
        var byNamespace: [String: [String]] = [:]
        for n in all where !IPRange.isExternalName(n) {
            let ns = n.firstIndex(of: "/").map { String(n[..<$0]) } ?? n
            byNamespace[ns, default: []].append(n)
        }
        var out = "digraph {\n"
        for ns in byNamespace.keys.sorted(by: bytewise) {
            out += "\tsubgraph \(quote("cluster_\(ns.replacing("-", with: "_"))[namespace]")) {\n\t\tcolor=\"black\"\n\t\tfontcolor=\"black\"\n"
            for n in byNamespace[ns]!.sorted(by: bytewise) {
                let label = n.firstIndex(of: "/").map { String(n[n.index(after: $0)...]) } ?? n
                out += "\t\t\(quote(n)) [label=\(quote(label)) color=\"blue\" fontcolor=\"blue\"]\n"
            }
            out += "\t\tlabel=\(quote("\(ns)[namespace]"))\n\t}\n"
        }
        for n in external { out += "\t\(quote(n)) [label=\(quote(n)) color=\"red2\" fontcolor=\"red2\"]\n" }
        for e in edges {
            let weight = bytewise(e.source, e.destination) || e.source == e.destination ? "0.5" : "1"
            out += "\t\(quote(e.source)) -> \(quote(e.destination)) [label=\(quote(e.connections.description)) color=\"gold2\" fontcolor=\"darkgreen\" weight=\(weight)]\n"
        }
        return out + "}\n"
    }

    static func bytewise(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    /// A DOT quoted identifier: backslashes and quotes escaped, line breaks as `\n`.
    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": break
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}
