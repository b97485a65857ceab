import KubeReachAttack
import KubeReachCore

/// Text for `attack-paths --what-if` (what became of each asked pair, with the path that
/// remains) and `--chokepoints` (each edge of the minimum cut, with its change).
public enum AttackChangeFormatter {
    public static func whatIf(_ w: AttackWhatIf, files: [String]) -> String {
        var out = "what-if \(files.map(TerminalText.escaped).joined(separator: ", ")):\n"
        for (i, status) in w.statuses.enumerated() {
            let b = w.before.pairs[i], a = w.after.pairs[i]
            out += "  \(TerminalText.escaped(a.from.description)) -> \(TerminalText.escaped(a.to.description)): \(status.rawValue)"
            switch status {
            case .cut: out += " (was \(b.path!.count) step(s))\n    was: \(chain(b.path!, w.before.graph))\n"
            case .remains, .opened: out += ", \(a.path!.count) step(s)\n    now: \(chain(a.path!, w.after.graph))\n"
            case .unreachable: out += "\n"
            }
        }
        return out
    }

    public static func chokepoints(_ cut: AttackCut, _ a: AttackPathsAnswer) -> String {
        let asked =
            "\(a.pairs.map(\.from.description).uniqued.joined(separator: ", ")) and \(a.pairs.map(\.to.description).uniqued.joined(separator: ", "))"
        if cut.uncuttable { return "chokepoints: no change to the manifests separates \(TerminalText.escaped(asked))\n" }
        if cut.chokepoints.isEmpty { return "chokepoints: none (no path joins \(TerminalText.escaped(asked)))\n" }
        var out = "chokepoints: \(cut.chokepoints.count) change(s) cut every path between \(TerminalText.escaped(asked))\n"
        for c in cut.chokepoints {
            let e = a.graph.edges[c.edge]
            let t = { (v: Int) in TerminalText.escaped(a.graph.vertices[v].description) }
            out += "  \(t(e.from)) -> \(t(e.to))  \(e.technique.rawValue)\n"
            out += "    change: \(TerminalText.escaped(c.change.text))\(c.change.location.map { "  \(RBACText.source($0))" } ?? "")\n"
        }
        return out
    }

    /// `internet -[ENDPOINT_EXPLOIT]-> web/frontend[Deployment] -[...]-> ...` on one line.
    static func chain(_ path: [Int], _ g: AttackGraph) -> String {
        guard let first = path.first else { return "" }
        return TerminalText.escaped(g.vertices[g.edges[first].from].description)
            + path.map { " -[\(g.edges[$0].technique.rawValue)]-> \(TerminalText.escaped(g.vertices[g.edges[$0].to].description))" }
            .joined()
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    fileprivate var uniqued: [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
