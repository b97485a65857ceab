import ArgumentParser
import KubeReachAnalysis
import KubeReachCore
import KubeReachGraphviz
import KubeReachRender

extension GraphvizRenderer.Layout: ExpressibleByArgument {}

/// `kubereach render`: the allowed connections as a diagram (DOT, or SVG/PNG drawn in process).
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the allowed connections as a diagram: DOT, or SVG/PNG rendered with Graphviz.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, svg, png
    }

    enum Level: String, ExpressibleByArgument, CaseIterable {
        case workload, pod, namespace

        var aggregation: AggregationLevel {
            switch self {
            case .workload: .workload
            case .pod: .pod
            case .namespace: .namespace
            }
        }
    }

    @Argument(help: "Manifest files or directories ('-' for stdin).")
    var paths: [String] = []

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "Output format: dot, svg or png.")
    var output: Format = .svg

    @Option(name: .customLong("by"), help: "Draw workloads (in namespace boxes), pods (in namespace boxes) or namespaces.")
    var level: Level = .workload

    @Option(help: "Only these nodes and their neighbours: internet, ns/*, ns/name or ns/Kind/name (repeatable).")
    var focus: [String] = []

    @Option(name: .customLong("path-from"), help: "Highlight the shortest path from here (internet, ns/*, ns/name, ns/Kind/name).")
    var pathFrom: String?

    @Option(name: .customLong("path-to"), help: "... to here.")
    var pathTo: String?

    @Option(help: "Graphviz layout: dot, sfdp or neato (default: dot, sfdp past --max-nodes).")
    var layout: GraphvizRenderer.Layout?

    @Option(
        name: .customLong("max-nodes"), help: "Past this many nodes, draw namespaces instead of workloads, then use sfdp (0: no limit).")
    var maxNodes: Int = RenderRequest.defaultMaxNodes

    @Option(
        name: .customLong("max-edges"),
        help: "Past this many edges, collapse fans into markers, then draw namespaces instead of workloads (0: no limit).")
    var maxEdges: Int = RenderRequest.defaultMaxEdges

    @Option(help: "External ranges: merged (one node per set of ranges a workload's lines join) or split (one per range).")
    var externals: ExternalsMode = .merged

    @Option(name: .customLong("out"), help: "Write to this file (whole or not at all) instead of stdout.")
    var outFile: String?

    @Flag(help: "Draw the attack graph (network, RBAC and node escapes joined; edges coloured by technique) instead.")
    var attack = false

    func validate() throws {
        if attack && (!focus.isEmpty || pathFrom != nil || level != .workload) {
            throw CLIError.usage("--attack draws the whole attack graph: not with --focus, --path-from or --by")
        }
        if (pathFrom == nil) != (pathTo == nil) { throw CLIError.usage("--path-from and --path-to go together") }
        if maxNodes < 0 || maxEdges < 0 { throw CLIError.usage("--max-nodes and --max-edges must be 0 or more") }
        if level == .pod && pathFrom != nil { throw CLIError.usage("--path-from and --path-to draw workloads or namespaces, not --by pod") }
    }

    /// The options as a request shared with `report`.
    func request() throws -> RenderRequest {
        let ref = { (text: String, option: String) in try ReferenceOption.parse(text, option: option, selectors: true) }
        return RenderRequest(
            level: level.aggregation, focus: try focus.map { try ref($0, "--focus") },
            pathFrom: try pathFrom.map { try ref($0, "--path-from") }, pathTo: try pathTo.map { try ref($0, "--path-to") },
            maxNodes: maxNodes, layout: layout, maxEdges: maxEdges, externals: externals)
    }

    func run() throws {
        if output == .png && outFile == nil && CommandIO.current.outIsTerminal {
            throw CLIError.usage("refusing to write PNG to a terminal: use --out FILE or redirect stdout")
        }
        var progress = Progress(quiet: input.quiet)
        let loaded = try input.load(paths: paths)
        let reach = input.reachability(loaded.cluster, splitting: level == .workload)
        input.noteInternetScope(reach)
        progress.done("compiled \(reach.identityCountForReport) pod identities")
        if attack { return try drawAttack(reach) }
        let drawn = try DrawnDiagram(reach: reach, request: request())
        if !input.quiet { for note in drawn.notes { CommandIO.current.report(Diagnostic(.note, note)) } }
        progress.done(
            "condensed \(drawn.sceneEdgeCount) connections to \(drawn.diagram.drawnNodeCount) nodes and \(drawn.diagram.edges.count) edges")
        guard output != .dot else {
            if let outFile { return try AtomicFile.write(drawn.dot, to: outFile) }
            return CommandIO.current.out(drawn.dot)
        }
        let bytes = try drawn.render(output == .png ? .png : .svg)
        progress.done("rendered \(output.rawValue) with \(drawn.layout.rawValue)")
        try emit(bytes)
    }

    func emit(_ bytes: [UInt8]) throws {
        if let outFile {
            try AtomicFile.write(bytes: bytes, to: outFile)
        } else {
            CommandIO.current.outBytes(bytes)
        }
    }
}
