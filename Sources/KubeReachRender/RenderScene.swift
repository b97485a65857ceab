import KubeReachAnalysis
import KubeReachCore

/// What `render` draws: the level (after the large-graph fallback), the edges and nodes
/// (narrowed by --focus), and the diagram options (highlighted path, notes).
struct RenderScene {
    var level: AggregationLevel
    var edges: [ConnectivityEdge] = []
    var nodes: [Endpoint] = []
    var options = DiagramOptions()
    /// The resolved `--focus` targets and `--path-*` hops, kept to redraw at another level.
    private var focus: [Endpoint] = []
    private var path: [Endpoint] = []

    init(reach: Reachability, request c: RenderRequest) throws(RenderError) {
        level = c.level
        // The graph (and its reference resolution) is built only when a reference is given.
        let graph = c.focus.isEmpty && c.pathFrom == nil ? nil : ReachabilityGraph(reach)
        if let g = graph {
            for ref in c.focus { focus += try Self.resolve(ref, in: g, role: "--focus").map { g.nodes[$0] } }
            if let from = c.pathFrom, let to = c.pathTo {
                let found = g.shortestPaths(
                    from: try Self.resolve(from, in: g, role: "--path-from"), to: try Self.resolve(to, in: g, role: "--path-to"), k: 1)
                if let p = found.first {
                    path = p.nodes.map { g.nodes[$0] }
                    options.notes.append("path: " + path.map(\.description).joined(separator: " -> "))
                } else {
                    options.notes.append("no path from \(from) to \(to)")
                }
            }
        }
        if !focus.isEmpty { options.notes.append("only connections touching " + c.focus.map(\.description).joined(separator: ", ")) }
        var collected: AggregationLevel? = nil
        if level == .workload && c.maxNodes > 0 {
            if focus.isEmpty {
                // Counted without computing edges, which could be millions at workload level.
                let count = reach.groupEndpoints(level: .workload).count
                if count > c.maxNodes { fallBack(count, c) }
            } else {
                collect(reach, focus: focus, path: path)
                collected = .workload
                if nodes.count > c.maxNodes { fallBack(nodes.count, c) }
            }
        }
        if collected != level { collect(reach, focus: focus, path: path) }
        options.highlight = Self.steps(path, at: level)
        options.focused = Set(Self.steps(focus, at: level, reach: reach))
        options.markers = focus.isEmpty
        options.clusterRanges = reach.clusterNetworks.ranges
        options.externals = c.externals
    }

    /// The workload diagram has more than `--max-edges` edges even with its fans collapsed:
    /// draw namespaces instead (the focus and path follow).
    mutating func fallBackOnEdges(_ count: Int, fanned: Int, _ c: RenderRequest, reach: Reachability) {
        let also = fanned < count ? " (\(fanned) with fans collapsed)" : ""
        options.notes.append(
            "\(count) edges between workloads\(also) is more than --max-edges \(c.maxEdges): drawn by namespace (use --focus, or --max-edges 0)"
        )
        level = .namespace
        collect(reach, focus: focus, path: path)
        options.highlight = Self.steps(path, at: level)
        options.focused = Set(Self.steps(focus, at: level, reach: reach))
    }

    private mutating func fallBack(_ count: Int, _ c: RenderRequest) {
        options.notes.append(
            "\(count) workloads is more than --max-nodes \(c.maxNodes): drawn by namespace (use --focus, --by namespace or --max-nodes 0)")
        level = .namespace
    }

    /// Every node and edge of the level, or only those touching the focus (and the hops of
    /// the path, so that it stays visible).
    private mutating func collect(_ reach: Reachability, focus: [Endpoint], path: [Endpoint]) {
        let all = reach.groupEndpoints(level: level)
        edges = reach.edges(level: level)
        guard !focus.isEmpty else {
            nodes = Array(all)
            return
        }
        // External ranges are graph vertices of their own, the same endpoints as in the edges.
        let wanted = Set(Self.steps(focus, at: level, reach: reach))
        let steps = Self.steps(path, at: level)
        let hops = Set(zip(steps, steps.dropFirst()).map { [$0, $1] })
        let touches = { (n: Endpoint) in wanted.contains(n) }
        edges = edges.filter { touches($0.source) || touches($0.destination) || hops.contains([$0.source, $0.destination]) }
        nodes = Array(wanted.union(steps).intersection(all).union(edges.flatMap { [$0.source, $0.destination] }))
    }

    /// Graph vertices as endpoints of the level (a workload's namespace at namespace level,
    /// its pods at pod level when `reach` is given), without repeating one twice in a row.
    static func steps(_ nodes: [Endpoint], at level: AggregationLevel, reach: Reachability? = nil) -> [Endpoint] {
        var out: [Endpoint] = []
        for n in nodes {
            var list = [n]
            if level == .namespace, let ns = n.namespace { list = [.namespace(ns)] }
            if level == .pod, let reach, case .workload(let w) = n {
                let pods = reach.cluster.pods.indices.filter { reach.cluster.pods[$0].workload == w }.map {
                    reach.endpoint(ofPod: $0, level: .pod)
                }
                if !pods.isEmpty { list = pods }
            }
            for e in list where out.isEmpty || out.last! != e { out.append(e) }
        }
        return out
    }

    /// The graph nodes a reference names; unknown is an error.
    static func resolve(_ ref: EndpointReference, in g: ReachabilityGraph, role: String) throws(RenderError) -> [Int] {
        let found = g.nodes(ref)
        guard !found.isEmpty else { throw .noMatch(role: role, reference: ref) }
        return found
    }
}
