import KubeReachAttack
import KubeReachCore

/// `kubereach attack-paths -o json`, version 1: every asked (from, to) pair exactly once,
/// in `paths` (its shortest path in `steps`, the next ones asked with `-k` in
/// `alternatives`) or in `unreachable`.
public struct AttackPathsDocument: Encodable, Sendable {
    public struct Step: Encodable, Sendable {
        public var from: String
        public var to: String
        public var technique: String
        public var why: String
        public var source: String?
    }

    public struct Path: Encodable, Sendable {
        public var from: String
        public var to: String
        public var steps: [Step]
        /// Up to K more paths, loopless, shortest first (absent without `-k`).
        public var alternatives: [[Step]]?
    }

    public struct Pair: Encodable, Sendable {
        public var from: String
        public var to: String
    }

    public var version = JSONOutput.version
    public var paths: [Path] = []
    public var unreachable: [Pair] = []

    public init(_ a: AttackPathsAnswer) {
        for p in a.pairs {
            guard let first = p.paths.first else {
                unreachable.append(Pair(from: p.from.description, to: p.to.description))
                continue
            }
            let more = p.paths.dropFirst().map { Self.steps($0, a.graph) }
            paths.append(
                Path(
                    from: p.from.description, to: p.to.description, steps: Self.steps(first, a.graph),
                    alternatives: more.isEmpty ? nil : Array(more)))
        }
    }

    static func steps(_ path: [Int], _ graph: AttackGraph) -> [Step] {
        path.map { i -> Step in
            let e = graph.edges[i]
            return Step(
                from: graph.vertices[e.from].description, to: graph.vertices[e.to].description, technique: e.technique.rawValue, why: e.why,
                source: e.source.map(RBACText.source))
        }
    }
}
