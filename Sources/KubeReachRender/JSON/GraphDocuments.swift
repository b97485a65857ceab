import KubeReachAnalysis
import KubeReachAttack
import KubeReachCore

/// One path of the workload graph: its vertices and what each hop allows.
public struct PathDocument: Codable, Sendable, Equatable {
    public struct Hop: Codable, Sendable, Equatable {
        public var from: String
        public var to: String
        public var conn: String
    }

    public var length: Int
    public var nodes: [String]
    public var hops: [Hop]

    init(_ g: ReachabilityGraph, _ p: ReachPath) {
        length = p.hops.count
        nodes = p.nodes.map { g.names[$0] }
        hops = p.hops.enumerated().map { i, c in Hop(from: g.names[p.nodes[i]], to: g.names[p.nodes[i + 1]], conn: c.description) }
    }
}

/// `paths -o json`.
public struct PathsDocument: Codable, Sendable {
    public var version = JSONOutput.version
    public var paths: [PathDocument]

    public init(_ g: ReachabilityGraph, _ paths: [ReachPath]) { self.paths = paths.map { PathDocument(g, $0) } }
}

/// `blast-radius -o json`: every vertex reached, nearest first, with one shortest path.
public struct BlastRadiusDocument: Codable, Sendable {
    public struct Reach: Codable, Sendable {
        public var node: String
        public var hops: Int
        public var hostNetwork: Bool
        public var path: PathDocument
    }

    public var version = JSONOutput.version
    public var reached: [Reach]

    public init(_ g: ReachabilityGraph, _ reached: [Reached]) {
        self.reached = reached.map {
            Reach(node: g.names[$0.node], hops: $0.hops, hostNetwork: g.hostNetwork.contains($0.node), path: PathDocument(g, $0.path))
        }
    }
}

/// `exposure -o json`: entry points, crown jewels, ranked paths and the chokepoints.
public struct ExposureDocument: Codable, Sendable {
    public struct Entry: Codable, Sendable {
        public var node: String
        public var reasons: [String]
    }

    public struct Chokepoint: Codable, Sendable {
        public var from: String
        public var to: String
        public var conn: String
        public var change: String
    }

    public var version = JSONOutput.version
    public var entryPoints: [Entry]
    public var crownJewels: [String]
    public var paths: [PathDocument]
    public var chokepoints: [Chokepoint]
    /// The size of the minimum cut (more than `chokepoints` when past `--max-chokepoints`).
    public var cutSize: Int
    /// The attack graph's paths from the internet and the entry points to cluster-admin and nodes.
    public var attackPaths: [CrossLayerPathDocument]?

    public init(_ g: ReachabilityGraph, _ r: ExposureReport, attack: CrossLayerPaths? = nil) {
        cutSize = r.cutSize
        attackPaths = attack.map(CrossLayerPathDocument.all)
        entryPoints = r.entries.map { Entry(node: g.names[$0.node], reasons: $0.reasons) }
        crownJewels = r.crownJewels.map { g.names[$0] }
        paths = r.paths.map { PathDocument(g, $0) }
        chokepoints = r.chokepoints.map {
            Chokepoint(from: g.names[$0.from], to: g.names[$0.to], conn: $0.connections.description, change: $0.change)
        }
    }
}
