import KubeReachAttack
import KubeReachCore

/// Text, Markdown and JSON for `attack-paths`: each asked pair once, its shortest path step
/// by step (technique, why, file:line) and the alternatives `-k` asks for, or `unreachable`.
public enum AttackPathFormatter {
    public static func text(_ a: AttackPathsAnswer) -> String {
        let t = { (s: String) in TerminalText.escaped(s) }
        var out = ""
        for p in a.pairs {
            guard let first = p.paths.first else {
                out += "\(t(p.from.description)) -> \(t(p.to.description)): unreachable\n"
                continue
            }
            out += "\(t(p.from.description)) -> \(t(p.to.description)): \(first.count) step(s)\n"
            for (n, path) in p.paths.enumerated() {
                if n > 0 { out += "  alternative \(n): \(path.count) step(s)\n" }
                for e in path.map({ a.graph.edges[$0] }) {
                    out +=
                        "  \(t(a.graph.vertices[e.from].description)) -> \(t(a.graph.vertices[e.to].description))  \(e.technique.rawValue)\n"
                    out += "    \(t(e.why))\(e.source.map { "  \(RBACText.source($0))" } ?? "")\n"
                }
            }
        }
        return out
    }

    public static func markdown(_ a: AttackPathsAnswer) -> String {
        let m = { (s: String) in MarkdownEdgeFormatter.cell(s) }
        var out = "# Attack paths\n"
        for p in a.pairs {
            out += "\n## \(m(p.from.description)) → \(m(p.to.description))\n\n"
            guard !p.paths.isEmpty else {
                out += "Unreachable.\n"
                continue
            }
            for (n, path) in p.paths.enumerated() {
                out += n == 0 ? "Shortest path, \(path.count) step(s):\n\n" : "\nAlternative \(n), \(path.count) step(s):\n\n"
                out += "| # | from | to | technique | why | source |\n|---|---|---|---|---|---|\n"
                for (i, e) in path.map({ a.graph.edges[$0] }).enumerated() {
                    out +=
                        "| \(i + 1) | \(m(a.graph.vertices[e.from].description)) | \(m(a.graph.vertices[e.to].description)) | "
                        + "\(e.technique.rawValue) | \(m(e.why)) | \(e.source.map { m(RBACText.source($0)) } ?? "") |\n"
                }
            }
        }
        return out
    }

    public static func json(_ a: AttackPathsAnswer) -> String { JSONOutput.encode(AttackPathsDocument(a)) }
}
