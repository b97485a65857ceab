import KubeReachAttack
import KubeReachCore

/// The cross-layer section of `exposure` (txt, md) and `report` (HTML): from the internet
/// and the entry points to cluster-admin and to a node, each path as a chain of techniques.
public enum CrossLayerFormatter {
    public static func section(_ c: CrossLayerPaths, as format: GraphFormat) -> String {
        let md = format == .md
        var out =
            md
            ? "\n## Attack paths across layers (network, RBAC, node escapes)\n"
            : "Attack paths across layers (network, RBAC, node escapes), from the internet and the entry points:\n"
        for target in ["cluster-admin", "node"] {
            let paths = c.paths.filter { $0.target == target }
            let n = c.reaching[target] ?? 0
            let head = "to \(target): \(n == 0 ? "none" : "\(n) start(s) reach it\(n > paths.count ? ", the first \(paths.count)" : "")")"
            out += md ? "\n### \(head.prefix(1).uppercased() + head.dropFirst())\n\n" : "  \(head)\n"
            for (i, p) in paths.enumerated() {
                let chain = AttackChangeFormatter.chain(p.edges, c.graph), n = p.edges.count
                let steps = "(\(n) step\(n == 1 ? "" : "s"))"
                out +=
                    md
                    ? "\(i + 1). \(steps) `\(chain.replacing("`", with: "'"))`\n"
                    : "    \(i + 1). \(steps) \(chain)\n"
            }
        }
        return out
    }

    /// The report's section: each path drawn as boxes joined by technique arrows (the reason
    /// and file:line on hover).
    static func html(_ c: CrossLayerPaths?) -> String {
        var out = "<section id=\"attack\"><h2>Attack paths across layers</h2>\n"
        guard let c else { return out + "<p class=\"note\">Not computed.</p></section>\n" }
        out +=
            "<p>From the internet and the entry points, through the network, RBAC and node escapes (<code>kubereach attack-paths</code>).</p>\n"
        let v = { (i: Int) in "<span class=\"av\">\(HTMLText.escape(c.graph.vertices[i].description))</span>" }
        for target in ["cluster-admin", "node"] {
            let paths = c.paths.filter { $0.target == target }
            out += "<h3>To \(target) (\(c.reaching[target] ?? 0))</h3>\n"
            out += HTMLReport.list(
                paths.map { p in
                    "<div class=\"attack-path\">" + v(c.graph.edges[p.edges[0]].from)
                        + p.edges.map { i in
                            let e = c.graph.edges[i]
                            let tip = e.why + (e.source.map { " (\(RBACText.source($0)))" } ?? "")
                            return "<span class=\"at\" title=\"\(HTMLText.escape(tip))\">\(e.technique.rawValue)</span>" + v(e.to)
                        }.joined() + "</div>"
                }, ordered: true)
        }
        return out + "</section>\n"
    }
}
