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
        case workload, namespace
    }

    @Argument(help: "Manifest files or directories ('-' for stdin).")
    var paths: [String] = []

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "Output format: dot, svg or png.")
    var output: Format = .svg

    @Option(name: .customLong("by"), help: "Draw workloads (in namespace boxes) or namespaces.")
    var level: Level = .workload

    @Option(help: "Only these nodes and their neighbours: internet, ns/*, ns/name or ns/Kind/name (repeatable).")
    var focus: [String] = []

    @Option(name: .customLong("path-from"), help: "Highlight the shortest path from here (internet, ns/*, ns/name, ns/Kind/name).")
    var pathFrom: String?

    @Option(name: .customLong("path-to"), help: "... to here.")
    var pathTo: String?

    @Option(help: "Graphviz layout: dot, sfdp or neato (default: dot, sfdp past --max-nodes).")
    var layout: GraphvizRenderer.Layout?

    @Option(name: .customLong("max-nodes"), help: "Past this many nodes, draw namespaces instead of workloads, then use sfdp (0: no limit).")
    var maxNodes: Int = 150

    @Option(name: .customLong("out"), help: "Write to this file (whole or not at all) instead of stdout.")
    var outFile: String?

    /// Past this many edges, labels are left out: they dominate layout time and overlap anyway.
    static let maxLabelledEdges = 400

    func validate() throws {
        if (pathFrom == nil) != (pathTo == nil) { throw CLIError.usage("--path-from and --path-to go together") }
        if maxNodes < 0 { throw CLIError.usage("--max-nodes must be 0 or more") }
    }

    func run() throws {
        if output == .png && outFile == nil && CommandIO.current.outIsTerminal {
            throw CLIError.usage("refusing to write PNG to a terminal: use --out FILE or redirect stdout")
        }
        var progress = Progress(quiet: input.quiet)
        let loaded = try input.load(paths: paths)
        let reach = Reachability(cluster: loaded.cluster, options: input.evaluationOptions)
        progress.done("compiled \(reach.identityCountForReport) pod identities")
        var scene = try RenderScene(reach: reach, command: self)
        progress.done("computed \(scene.edges.count) connections")
        var diagram = DiagramBuilder.build(edges: scene.edges, nodes: scene.nodes, level: scene.level, options: scene.options)
        var chosen = layout ?? .dot
        if layout == nil && maxNodes > 0 && diagram.drawnNodeCount > maxNodes {
            chosen = .sfdp
            scene.note("\(diagram.drawnNodeCount) nodes: laid out with sfdp (pass --layout to choose)", quiet: input.quiet)
            diagram.notes = scene.options.notes
        }
        if diagram.edges.count > Self.maxLabelledEdges {
            diagram.edgeLabels = false
            scene.note("\(diagram.edges.count) edges: connections in tooltips, not labels (see kubereach list)", quiet: input.quiet)
            diagram.notes = scene.options.notes
        }
        progress.done("condensed to \(diagram.drawnNodeCount) nodes and \(diagram.edges.count) edges")
        let dot = DiagramDotWriter.render(diagram)
        guard output != .dot else {
            if let outFile { return try AtomicFile.write(dot, to: outFile) }
            return CommandIO.current.out(dot)
        }
        let bytes: [UInt8]
        do {
            bytes = try GraphvizRenderer.render(dot: dot, layout: chosen, format: output == .png ? .png : .svg)
        } catch {
            throw CLIError.render(error.description)
        }
        progress.done("rendered \(output.rawValue) with \(chosen.rawValue)")
        try emit(bytes)
    }

    private func emit(_ bytes: [UInt8]) throws {
        if let outFile {
            try AtomicFile.write(bytes: bytes, to: outFile)
        } else {
            CommandIO.current.outBytes(bytes)
        }
    }
}
