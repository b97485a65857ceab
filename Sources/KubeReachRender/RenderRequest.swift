import KubeReachCore
import KubeReachGraphviz

/// What to draw, independent of the command that asks: `render` fills it from its options,
/// `report` with the defaults, so both draw the same diagram and take the same fallbacks.
public struct RenderRequest: Sendable {
    public var level: AggregationLevel = .workload
    public var focus: [EndpointReference] = []
    public var pathFrom: EndpointReference?
    public var pathTo: EndpointReference?
    /// Past this many workloads, namespaces are drawn; past this many nodes, sfdp (0: no limit).
    public var maxNodes = RenderRequest.defaultMaxNodes
    public var layout: GraphvizRenderer.Layout?
    /// Past this many drawn edges, fans are collapsed, then namespaces drawn (0: no limit).
    public var maxEdges = RenderRequest.defaultMaxEdges
    public var externals = ExternalsMode.merged
    /// Whether the notes go in the legend too (the report shows them above the picture,
    /// where a long note does not widen it).
    public var notesInLegend = true

    public static let defaultMaxNodes = 150
    /// About what a person can follow on one screen; more is a tangle whatever the layout.
    public static let defaultMaxEdges = 150
    /// The report's diagram is shown at page width, above the table: it falls back sooner.
    public static let reportMaxEdges = 60

    public init(
        level: AggregationLevel = .workload, focus: [EndpointReference] = [], pathFrom: EndpointReference? = nil,
        pathTo: EndpointReference? = nil, maxNodes: Int = RenderRequest.defaultMaxNodes, layout: GraphvizRenderer.Layout? = nil,
        maxEdges: Int = RenderRequest.defaultMaxEdges, externals: ExternalsMode = .merged
    ) {
        self.level = level
        self.focus = focus
        self.pathFrom = pathFrom
        self.pathTo = pathTo
        self.maxNodes = maxNodes
        self.layout = layout
        self.maxEdges = maxEdges
        self.externals = externals
    }
}

/// Why a diagram could not be drawn.
public enum RenderError: Error, Sendable, CustomStringConvertible {
    /// A `--focus` or `--path-*` reference names nothing (`role`: the option).
    case noMatch(role: String, reference: EndpointReference)
    /// Graphviz's own message.
    case graphviz(String)

    /// One error a line.
    public var diagnostics: [Diagnostic] { [Diagnostic(.error, description)] }

    public var description: String {
        switch self {
        case .noMatch(let role, let ref): "\(role) \(ref) matches no workload"
        case .graphviz(let message): message
        }
    }
}

/// A diagram ready for Graphviz: the condensed diagram, its DOT and the layout chosen.
public struct DrawnDiagram: Sendable {
    public var diagram: Diagram
    public var dot: String
    public var layout: GraphvizRenderer.Layout
    /// Edges and nodes before condensing (the scene), for progress lines.
    public var sceneEdgeCount: Int
    /// What the pipeline decided (fallbacks, focus, path), also in the legend: for stderr.
    public var notes: [String] { diagram.notes }

    /// Past this many edges, labels are left out: they dominate layout time and overlap anyway.
    static let maxLabelledEdges = 400

    /// The render pipeline: scene (focus, path, namespace fallback on nodes), diagram, past
    /// `maxEdges` fans collapsed and then namespaces drawn (`DiagramCondenser`), layout
    /// choice (sfdp past `maxNodes` nodes), label cut-off, DOT.
    public init(reach: Reachability, request: RenderRequest) throws(RenderError) {
        var scene = try RenderScene(reach: reach, request: request)
        sceneEdgeCount = scene.edges.count
        diagram = DiagramCondenser.diagram(&scene, request: request, reach: reach)
        layout = request.layout ?? .dot
        if request.layout == nil && request.maxNodes > 0 && diagram.drawnNodeCount > request.maxNodes {
            layout = .sfdp
            scene.options.notes.append("\(diagram.drawnNodeCount) nodes: laid out with sfdp (pass --layout to choose)")
        }
        if diagram.edges.count > Self.maxLabelledEdges {
            diagram.edgeLabels = false
            scene.options.notes.append("\(diagram.edges.count) edges: connections in tooltips, not labels (see kubereach list)")
        }
        diagram.notes = scene.options.notes
        dot = DiagramDotWriter.render(diagram, notesInLegend: request.notesInLegend)
    }

    /// SVG or PNG bytes through the in-process renderer.
    public func render(_ format: GraphvizRenderer.Format) throws(RenderError) -> [UInt8] {
        do {
            return try GraphvizRenderer.render(dot: dot, layout: layout, format: format)
        } catch {
            throw .graphviz(error.description)
        }
    }
}
