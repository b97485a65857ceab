import KubeReachCore

extension Diagram {
    /// A collapsed fan: "X is reached by 40 of 52 workloads" drawn as a line on X instead of
    /// 40 edges (every workload to DNS, the internet to many). Only when the diagram is
    /// too busy to read otherwise; the notes name each fan, `kubereach list --focus` lists it.
    public struct Fan: Sendable, Equatable {
        /// Nodes at the other end (workloads, groups or namespaces; never external ranges).
        public var count: Int
        /// Nodes it could have been: every other node that is not an external range.
        public var of: Int
        /// The connections every edge of the fan allows, or nil when they differ.
        public var connections: ConnectionSet?

        public init(count: Int, of: Int, connections: ConnectionSet?) {
            self.count = count
            self.of = of
            self.connections = connections
        }

        /// `reached by 40 of 52 workloads: UDP 53` (`verb`: "reaches" or "reached by").
        func text(_ verb: String, noun: String) -> String {
            "\(verb) \(count) of \(of) \(noun)" + (connections.map { ": \($0.description)" } ?? " (connections vary)")
        }
    }
}

/// The fans of a graph: vertices with at least `minimum` edges to or from non-external
/// vertices that no exact marker already covers.
struct Fans {
    var out: [Diagram.Fan?]
    var inc: [Diagram.Fan?]

    init(count: Int) {
        out = Array(repeating: nil, count: count)
        inc = Array(repeating: nil, count: count)
    }

    init(_ g: DiagramGraph, minimum: Int, markers: Markers) {
        self.init(count: g.vertices.count)
        let inside = g.vertices.count { $0.kind != .external }
        for v in g.vertices.indices {
            let of = inside - (g.vertices[v].kind == .external ? 0 : 1)
            if markers.reachesAll[v] == nil { out[v] = Self.fan(g.out[v], g, minimum: minimum, of: of) }
            if markers.reachedByAll[v] == nil { inc[v] = Self.fan(g.inc[v], g, minimum: minimum, of: of) }
        }
    }

    private static func fan(_ neighbours: [Int: Int], _ g: DiagramGraph, minimum: Int, of: Int) -> Diagram.Fan? {
        var count = 0
        var shared: Int? = nil
        var uniform = true
        for (n, c) in neighbours where g.vertices[n].kind != .external {
            count += 1
            if shared == nil { shared = c } else if shared != c { uniform = false }
        }
        guard count >= minimum else { return nil }
        return Diagram.Fan(count: count, of: of, connections: uniform ? shared.map { g.table[$0] } : nil)
    }

    /// Whether the edge s→d is one of a collapsed fan (edges between a fan's vertex and an
    /// external range are never part of it).
    func hides(_ s: Int, _ d: Int, in g: DiagramGraph) -> Bool {
        out[s] != nil && g.vertices[d].kind != .external || inc[d] != nil && g.vertices[s].kind != .external
    }
}
