import KubeReachCore

/// A `--from` or `--to` argument of `attack-paths`: `internet`, `cluster-admin`, `node`
/// (any node), `node:NAME`, `serviceaccount:NS/NAME`, `secret:NS/NAME`, `user:NAME`,
/// `group:NAME`, or a workload (`ns/name`, `ns/Kind/name`: its containers too).
public struct AttackReference: Hashable, Sendable, CustomStringConvertible {
    public let description: String
    let match: Match

    enum Match: Hashable, Sendable {
        case vertex(AttackVertex)
        case anyNode
        case workload(namespace: String, name: String, kind: String?)
    }

    /// A reference to one vertex, named by its id (the default starts `exposure` finds).
    public static func vertex(_ v: AttackVertex) -> AttackReference { AttackReference(description: v.description, match: .vertex(v)) }

    public static func parse(_ text: String) throws(AttackReferenceError) -> AttackReference {
        let m: Match
        switch text {
        case "internet": m = .vertex(.internet)
        case "cluster-admin": m = .vertex(.clusterAdmin)
        case "node": m = .anyNode
        case "node:*": m = .vertex(.node(nil))
        default:
            if text.hasPrefix("node:") {
                m = .vertex(.node(String(text.dropFirst(5))))
            } else if let (ns, name) = pair(text, prefix: "serviceaccount:") {
                m = .vertex(.serviceAccount(namespace: ns, name: name))
            } else if let (ns, name) = pair(text, prefix: "secret:") {
                m = .vertex(.secret(namespace: ns, name: name))
            } else if text.hasPrefix("user:"), text.count > 5 {
                m = .vertex(.user(String(text.dropFirst(5))))
            } else if text.hasPrefix("group:"), text.count > 6 {
                m = .vertex(.group(String(text.dropFirst(6))))
            } else {
                let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2 || parts.count == 3, !parts.contains(where: \.isEmpty) else {
                    throw AttackReferenceError(
                        "'\(text)' is not internet, cluster-admin, node, node:NAME, serviceaccount:NS/NAME, secret:NS/NAME, user:NAME, group:NAME, ns/name or ns/Kind/name"
                    )
                }
                m = .workload(namespace: parts[0], name: parts.last!, kind: parts.count == 3 ? parts[1] : nil)
            }
        }
        return AttackReference(description: text, match: m)
    }

    private static func pair(_ text: String, prefix: String) -> (String, String)? {
        guard text.hasPrefix(prefix) else { return nil }
        let parts = text.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// The vertices this reference names in `graph` (empty: not in the input).
    public func vertices(in graph: AttackGraph) -> [Int] {
        switch match {
        case .vertex(let v): return graph.vertex(v).map { [$0] } ?? []
        case .anyNode: return graph.vertices.indices.filter { graph.vertices[$0].isNode }
        case .workload(let ns, let name, let kind):
            // The workload and, for a pod of several containers, each container.
            return graph.vertices.indices.filter {
                guard let w = graph.vertices[$0].workload else { return false }
                return w.namespace == ns && w.name == name && (kind == nil || kind == w.kind)
            }
        }
    }
}

public struct AttackReferenceError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// The answer of `attack-paths`: for every asked (from, to) pair, its shortest path and up
/// to K more, or nothing.
public struct AttackPathsAnswer: Sendable {
    public struct Pair: Sendable {
        public var from: AttackReference
        public var to: AttackReference
        /// Edge indices of each path, the shortest first; empty when unreachable.
        public var paths: [[Int]]
        /// The shortest path; nil when unreachable.
        public var path: [Int]? { paths.first }
    }

    public var graph: AttackGraph
    public var pairs: [Pair]

    /// `extra`: how many paths after the shortest to give per pair (`-k`).
    public init(graph: AttackGraph, from: [AttackReference], to: [AttackReference], extra: Int = 0) {
        self.graph = graph
        // One backward search per target serves every start.
        let targets = to.map { Set($0.vertices(in: graph)) }
        let distances = targets.map { graph.distances(to: $0) }
        pairs = from.flatMap { f in
            let sources = f.vertices(in: graph)
            return to.indices.map { i in
                Pair(
                    from: f, to: to[i],
                    paths: graph.shortestPaths(from: sources, to: targets[i], extra: extra, distances: distances[i]))
            }
        }
    }

    public var anyPath: Bool { pairs.contains { !$0.paths.isEmpty } }
}
