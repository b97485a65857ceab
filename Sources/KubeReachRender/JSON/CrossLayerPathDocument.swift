import KubeReachAttack
import KubeReachCore

/// One cross-layer path of `exposure -o json` (`attackPaths`): its start, the target
/// (`cluster-admin` or `node`) and each step's technique, vertex reached and source.
public struct CrossLayerPathDocument: Codable, Sendable {
    public struct Hop: Codable, Sendable {
        public var technique: String
        public var to: String
        public var source: String?
    }

    public var from: String
    public var target: String
    public var hops: [Hop]

    static func all(_ c: CrossLayerPaths) -> [CrossLayerPathDocument] {
        c.paths.map { p in
            let g = c.graph
            return CrossLayerPathDocument(
                from: g.vertices[g.edges[p.edges[0]].from].description, target: p.target,
                hops: p.edges.map {
                    Hop(
                        technique: g.edges[$0].technique.rawValue, to: g.vertices[g.edges[$0].to].description,
                        source: g.edges[$0].source.map(RBACText.source))
                })
        }
    }
}
