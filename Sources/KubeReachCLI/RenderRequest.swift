import KubeReachCore
import KubeReachGraphviz
import KubeReachRender

/// What to draw, independent of the command that asks: `render` fills it from its options,
/// `report` with the defaults, so both draw the same diagram and take the same fallbacks.
struct RenderRequest {
    var level: AggregationLevel = .workload
    var focus: [String] = []
    var pathFrom: String?
    var pathTo: String?
    /// Past this many workloads, namespaces are drawn; past this many nodes, sfdp (0: no limit).
    var maxNodes = 150
    var layout: GraphvizRenderer.Layout?
    var quiet = false
}

/// A diagram ready for Graphviz: the condensed diagram, its DOT and the layout chosen.
struct DrawnDiagram {
    var diagram: Diagram
    var dot: String
    var layout: GraphvizRenderer.Layout
    /// Edges and nodes before condensing (the scene), for progress lines.
    var sceneEdgeCount: Int

    /// Past this many edges, labels are left out: they dominate layout time and overlap anyway.
    static let maxLabelledEdges = 400

    /// The render pipeline: scene (focus, path, namespace fallback), diagram, layout choice
    /// (sfdp past `maxNodes` nodes), label cut-off, DOT. Notes go to stderr unless quiet and
    /// into the legend.
    init(reach: Reachability, request: RenderRequest) throws {
        var scene = try RenderScene(reach: reach, request: request)
        sceneEdgeCount = scene.edges.count
        diagram = DiagramBuilder.build(edges: scene.edges, nodes: scene.nodes, level: scene.level, options: scene.options)
        layout = request.layout ?? .dot
        if request.layout == nil && request.maxNodes > 0 && diagram.drawnNodeCount > request.maxNodes {
            layout = .sfdp
            scene.note("\(diagram.drawnNodeCount) nodes: laid out with sfdp (pass --layout to choose)", quiet: request.quiet)
            diagram.notes = scene.options.notes
        }
        if diagram.edges.count > Self.maxLabelledEdges {
            diagram.edgeLabels = false
            scene.note("\(diagram.edges.count) edges: connections in tooltips, not labels (see kubereach list)", quiet: request.quiet)
            diagram.notes = scene.options.notes
        }
        dot = DiagramDotWriter.render(diagram)
    }

    /// SVG or PNG bytes through the in-process renderer; Graphviz failures as `CLIError.render`.
    func render(_ format: GraphvizRenderer.Format) throws -> [UInt8] {
        do {
            return try GraphvizRenderer.render(dot: dot, layout: layout, format: format)
        } catch {
            throw CLIError.render(error.description)
        }
    }
}
