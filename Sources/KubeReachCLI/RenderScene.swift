import KubeReachAnalysis
import KubeReachCore
import KubeReachRender

/// What `render` draws: the level (after the large-graph fallback), the edges and nodes
/// (narrowed by --focus), and the diagram options (highlighted path, notes).
struct RenderScene {
    var level: AggregationLevel
    var edges: [ConnectivityEdge] = []
    var nodes: [String] = []
    var options = DiagramOptions()

    init(reach: Reachability, request c: RenderRequest) throws {
        level = c.level
        // The graph (and its reference resolution) is built only when a reference is given.
        let graph = c.focus.isEmpty && c.pathFrom == nil ? nil : ReachabilityGraph(reach)
        var focus: [String] = []
        var path: [String] = []
        if let g = graph {
            focus = try c.focus.flatMap { try Self.resolve($0, in: g, role: "--focus") }.map { g.names[$0] }
            if let from = c.pathFrom, let to = c.pathTo {
                let found = g.shortestPaths(
                    from: try Self.resolve(from, in: g, role: "--path-from"), to: try Self.resolve(to, in: g, role: "--path-to"), k: 1)
                if let p = found.first {
                    path = p.nodes.map { g.names[$0] }
                    note("path: " + path.joined(separator: " -> "), quiet: c.quiet)
                } else {
                    note("no path from \(from) to \(to)", quiet: c.quiet)
                }
            }
        }
        if !focus.isEmpty { options.notes.append("only connections touching " + c.focus.joined(separator: ", ")) }
        var collected: AggregationLevel? = nil
        if level == .workload && c.maxNodes > 0 {
            if focus.isEmpty {
                // Counted without computing edges, which could be millions at workload level.
                let count = Set(reach.cluster.pods.indices.map { reach.nodeName(ofPod: $0, level: .workload) }).count
                if count > c.maxNodes { fallBack(count, c) }
            } else {
                try collect(reach, focus: focus, path: path)
                collected = .workload
                if nodes.count > c.maxNodes { fallBack(nodes.count, c) }
            }
        }
        if collected != level { try collect(reach, focus: focus, path: path) }
        options.highlight = Self.names(path, at: level)
        options.focused = Set(Self.names(focus, at: level))
        options.markers = focus.isEmpty
    }

    private mutating func fallBack(_ count: Int, _ c: RenderRequest) {
        note(
            "\(count) workloads is more than --max-nodes \(c.maxNodes): drawn by namespace (use --focus, --by namespace or --max-nodes 0)",
            quiet: c.quiet)
        level = .namespace
    }

    /// Every node and edge of the level, or only those touching the focus (and the hops of
    /// the path, so that it stays visible).
    private mutating func collect(_ reach: Reachability, focus: [String], path: [String]) throws {
        // Checked only when workloads are drawn: the check costs seconds on large clusters.
        if level == .workload {
            let conflicts = reach.workloadConflicts()
            if !conflicts.isEmpty { throw CLIError.invalidInput(conflicts.map { Diagnostic(.error, $0.description) }) }
        }
        let all = Set(reach.cluster.pods.indices.map { reach.nodeName(ofPod: $0, level: level) })
        edges = reach.edges(level: level)
        guard !focus.isEmpty else {
            nodes = Array(all)
            return
        }
        // External ranges are graph nodes of their own, named as in the edges.
        let wanted = Set(Self.names(focus, at: level))
        let steps = Self.names(path, at: level)
        let hops = Set(zip(steps, steps.dropFirst()).map { [$0, $1] })
        edges = edges.filter { wanted.contains($0.source) || wanted.contains($0.destination) || hops.contains([$0.source, $0.destination]) }
        nodes = Array(wanted.union(steps).intersection(all).union(edges.flatMap { [$0.source, $0.destination] }))
    }

    /// Workload names as names of the level (namespace: the part before `/`), without
    /// repeating a name twice in a row.
    static func names(_ workloads: [String], at level: AggregationLevel) -> [String] {
        guard level == .namespace else { return workloads }
        var out: [String] = []
        for w in workloads {
            let n = w.firstIndex(of: "/").map { String(w[..<$0]) } ?? w
            if out.last != n { out.append(n) }
        }
        return out
    }

    /// The graph nodes a reference (or a `key=value` selector) names; unknown is an error.
    static func resolve(_ text: String, in g: ReachabilityGraph, role: String) throws -> [Int] {
        guard let ref = NodeReference.parse(text) ?? NodeReference.parseSelector(text) else {
            throw CLIError.usage("\(role): expected internet, ns/*, ns/name, ns/Kind/name or key=value, got '\(text)'")
        }
        let found = g.nodes(ref)
        guard !found.isEmpty else { throw CLIError.notFound("\(role) \(ref) matches no workload") }
        return found
    }

    /// A line for the legend, and on stderr unless --quiet.
    mutating func note(_ text: String, quiet: Bool) {
        options.notes.append(text)
        if !quiet { CommandIO.current.report("note: \(text)", severity: "note") }
    }
}
