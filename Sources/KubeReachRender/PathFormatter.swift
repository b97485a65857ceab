import KubeReachAnalysis
import KubeReachAttack
import KubeReachCore

/// Paths and blast radius as readable lines, JSON or Markdown.
public enum PathFormatter {
    static func name(_ g: ReachabilityGraph, _ n: Int) -> String {
        TerminalText.escaped(g.names[n]) + (g.hostNetwork.contains(n) ? " (hostNetwork)" : "")
    }

    /// `a -[TCP 80]-> b -[UDP 53]-> c`
    public static func line(_ g: ReachabilityGraph, _ p: ReachPath) -> String {
        var out = name(g, p.nodes[0])
        for (i, hop) in p.hops.enumerated() { out += " -[\(hop.description)]-> " + name(g, p.nodes[i + 1]) }
        return out
    }

    public static func paths(_ g: ReachabilityGraph, _ paths: [ReachPath], title: String, as format: GraphFormat) -> String {
        switch format {
        case .json: return JSONOutput.encode(PathsDocument(g, paths))
        case .md:
            return "**\(title)**\n\n| # | hops | path |\n|---|---|---|\n"
                + paths.enumerated().map {
                    "| \($0.offset + 1) | \($0.element.hops.count) | `\(line(g, $0.element).replacing("|", with: "\\|"))` |\n"
                }.joined()
        default:
            if paths.isEmpty { return "\(title): no path\n" }
            return "\(title):\n"
                + paths.enumerated().map {
                    "\($0.offset + 1). (\($0.element.hops.count) hop\($0.element.hops.count == 1 ? "" : "s")) \(line(g, $0.element))\n"
                }.joined()
        }
    }

    public static func radius(_ g: ReachabilityGraph, _ reached: [Reached], title: String, as format: GraphFormat) -> String {
        switch format {
        case .json:
            return JSONOutput.encode(BlastRadiusDocument(g, reached))
        case .md:
            return "**\(title)**: \(reached.count) reachable\n\n| hops | node | one shortest path |\n|---|---|---|\n"
                + reached.map { "| \($0.hops) | `\(name(g, $0.node))` | `\(line(g, $0.path).replacing("|", with: "\\|"))` |\n" }.joined()
        default:
            return "\(title): \(reached.count) reachable\n"
                + reached.map { "  \($0.hops)  \(name(g, $0.node))  via  \(line(g, $0.path))\n" }.joined()
        }
    }
}

extension PathFormatter {
    /// The exposure report: entry points, crown jewels, ranked paths, chokepoints.
    /// With `attack`, the cross-layer paths follow (a section, or `attackPaths` in JSON).
    public static func exposure(_ g: ReachabilityGraph, _ r: ExposureReport, as format: GraphFormat, attack: CrossLayerPaths? = nil)
        -> String
    {
        if format == .json { return JSONOutput.encode(ExposureDocument(g, r, attack: attack)) }
        return exposureText(g, r, as: format) + (attack.map { CrossLayerFormatter.section($0, as: format) } ?? "")
    }

    static func exposureText(_ g: ReachabilityGraph, _ r: ExposureReport, as format: GraphFormat) -> String {
        let code = { (s: String) in format == .md ? "`\(s.replacing("|", with: "\\|"))`" : s }
        var out = format == .md ? "## Entry points\n\n" : "Entry points (\(r.entries.count)):\n"
        for e in r.entries { out += "  - \(code(name(g, e.node))): \(e.reasons.joined(separator: "; "))\n" }
        out += format == .md ? "\n## Crown jewels\n\n" : "Crown jewels (\(r.crownJewels.count)):\n"
        for j in r.crownJewels { out += "  - \(code(name(g, j)))\n" }
        out +=
            format == .md ? "\n## Paths to crown jewels, shortest first\n\n" : "Paths to crown jewels, shortest first (\(r.paths.count)):\n"
        for (i, p) in r.paths.enumerated() {
            out += "  \(i + 1). (\(p.hops.count) hop\(p.hops.count == 1 ? "" : "s")) \(code(line(g, p)))\n"
        }
        if r.paths.isEmpty {
            return out
                + (r.crownJewels.isEmpty
                    ? "No crown jewels: give --sensitive key=value.\n" : "No entry point reaches a crown jewel: nothing to cut.\n")
        }
        if format == .md {
            out += "\n## Chokepoints (a minimum cut)\n\n" + (r.cutSize > r.chokepoints.count ? cutTooLarge(r) + ":\n\n" : "")
        } else {
            out +=
                r.cutSize > r.chokepoints.count
                ? "Chokepoints: \(cutTooLarge(r)):\n" : "Chokepoints: cutting these \(r.cutSize) edge(s) cuts every path:\n"
        }
        for c in r.chokepoints {
            out += "  - \(code("\(name(g, c.from)) -> \(name(g, c.to))")) [\(c.connections.description)]: \(c.change)\n"
        }
        return out
    }

    /// Said instead of listing a cut larger than the limit.
    public static func cutTooLarge(_ r: ExposureReport) -> String {
        "no cut smaller than \(r.cutSize) edges (entry points reach the crown jewels almost everywhere: isolate the crown jewels first); the first \(r.chokepoints.count)"
    }
}
