import KubeReachCore

/// What `kubereach render` draws, decided before any DOT is written: the nodes (workloads,
/// groups of interchangeable workloads, namespaces, external ranges), the edges that remain
/// after merging and condensing, and the notes for the legend. Pure data; sorted.
public struct Diagram: Sendable, Equatable {
    public enum NodeKind: String, Sendable {
        case workload, group, namespace, external
    }

    public struct Node: Sendable, Equatable {
        /// The DOT identifier: the endpoint name for single nodes, a made-up one for groups.
        public var id: String
        public var kind: NodeKind
        /// The namespace cluster it is drawn in (nil at namespace level and for external ranges).
        public var cluster: String?
        /// Endpoints it stands for (one, or several for groups and merged ranges).
        public var members: [Endpoint]
        /// For groups: what every member allows to every other member.
        public var withinGroup: ConnectionSet?
        /// Set when it reaches every other workload (or group, or namespace) with the same connections;
        /// those edges are not drawn.
        public var reachesAll: ConnectionSet?
        /// Set when every other workload reaches it with the same connections.
        public var reachedByAll: ConnectionSet?
        public var highlighted = false
        public var focused = false
        /// Collapsed fans (`DiagramOptions.fanMinimum`): edges to (from) many nodes not drawn.
        public var fanOut: Fan? = nil
        public var fanIn: Fan? = nil
    }

    public struct Edge: Sendable, Equatable {
        public var from: String
        public var to: String
        public var connections: ConnectionSet
        /// The same connections are allowed back: drawn as one edge with two arrows.
        public var bothWays = false
        public var highlighted = false
    }

    public var level: AggregationLevel
    public var nodes: [Node]
    public var edges: [Edge]
    /// Lines for the legend (fallbacks taken, focus, path).
    public var notes: [String]
    /// Edge labels cost more layout time than everything else on large graphs (sfdp on a
    /// thousand nodes: about a minute with labels, a second without); when off, the
    /// connections go in the SVG tooltip instead.
    public var edgeLabels = true
    /// Pod and service CIDRs: external ranges inside them are labelled cluster addresses, not internet.
    public var clusterRanges: [IPRange] = []
    /// The largest picture, in inches each way (Graphviz `size`; 96 pixels an inch in PNG):
    /// a larger drawing is scaled down, so a tangle cannot take gigabytes. Nil: no cap.
    public var maxInches: Int? = Diagram.defaultMaxInches

    /// 60 inches: at most 5,760 × 5,760 pixels (about 130 MB of RGBA while rendering).
    public static let defaultMaxInches = 60

    /// Nodes drawn (a group counts once), to decide on fallbacks.
    public var drawnNodeCount: Int { nodes.count }
}

/// Choices for `DiagramBuilder.build`.
public struct DiagramOptions: Sendable {
    /// A path to draw thick and red, in order.
    public var highlight: [Endpoint] = []
    /// Endpoints drawn with a bold border (the `--focus` targets).
    public var focused: Set<Endpoint> = []
    /// Smallest group of interchangeable, mutually reachable workloads drawn as one node.
    public var minimumGroup = 3
    /// Draw "reaches all" / "reached by all" markers instead of edges (off when the diagram
    /// shows only part of the cluster, where "all" would mislead).
    public var markers = true
    /// Collapse fans of at least this many edges into a line on their node (nil: draw every
    /// edge). Set by the render pipeline when a diagram has too many edges to read.
    public var fanMinimum: Int? = nil
    public var notes: [String] = []
    /// Pod and service CIDRs (`Reachability.clusterNetworks`), named apart from the internet.
    public var clusterRanges: [IPRange] = []
    /// Merged: one external node per set of ranges a workload's lines join (`ListedEdge`);
    /// split: one per range, then ranges treated alike joined.
    public var externals = ExternalsMode.merged

    public init(
        highlight: [Endpoint] = [], focused: Set<Endpoint> = [], minimumGroup: Int = 3, markers: Bool = true, notes: [String] = []
    ) {
        self.highlight = highlight
        self.focused = focused
        self.minimumGroup = minimumGroup
        self.markers = markers
        self.notes = notes
    }
}
