import KubeReachAttack
import KubeReachCore

/// Text and JSON for `attack-paths`: each asked pair once, its shortest path step by step
/// (technique, why, file:line), or `unreachable`.
public enum AttackPathFormatter {
    public static func text(_ a: AttackPathsAnswer) -> String {
        let t = { (s: String) in TerminalText.escaped(s) }
        var out = ""
        for p in a.pairs {
            guard let path = p.path else {
                out += "\(t(p.from.description)) -> \(t(p.to.description)): unreachable\n"
                continue
            }
            out += "\(t(p.from.description)) -> \(t(p.to.description)): \(path.count) step(s)\n"
            for e in path.map({ a.graph.edges[$0] }) {
                out += "  \(t(a.graph.vertices[e.from].description)) -> \(t(a.graph.vertices[e.to].description))  \(e.technique.rawValue)\n"
                out += "    \(t(e.why))\(e.source.map { "  \(RBACText.source($0))" } ?? "")\n"
            }
        }
        return out
    }

    public static func json(_ a: AttackPathsAnswer) -> String { JSONOutput.encode(AttackPathsDocument(a)) }
}
