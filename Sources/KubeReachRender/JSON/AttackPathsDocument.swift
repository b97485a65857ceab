import KubeReachAttack
import KubeReachCore

/// `kubereach attack-paths -o json`, version 1: every asked (from, to) pair exactly once,
/// in `paths` (its shortest path) or in `unreachable`.
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
            guard let path = p.path else {
                unreachable.append(Pair(from: p.from.description, to: p.to.description))
                continue
            }
            let steps = path.map { i -> Step in
                let e = a.graph.edges[i]
                return Step(
                    from: a.graph.vertices[e.from].description, to: a.graph.vertices[e.to].description, technique: e.technique.rawValue,
                    why: e.why,
                    source: e.source.map(RBACText.source))
            }
            paths.append(Path(from: p.from.description, to: p.to.description, steps: steps))
        }
    }
}
