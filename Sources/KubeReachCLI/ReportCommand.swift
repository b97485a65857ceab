import ArgumentParser
import Foundation
import KubeReachAnalysis
import KubeReachCore
import KubeReachLint
import KubeReachRender

/// `kubereach report`: one self-contained HTML page with the summary, the diagram, the
/// connectivity table (sortable, filterable, explanations on click), exposure and lint.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML report: summary, diagram, connectivity table, exposure and lint findings.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html
    }

    @Argument(help: "Manifest files or directories ('-' for stdin).")
    var paths: [String] = []

    @OptionGroup var input: InputOptions

    /// HTML is the only format; the option stays (hidden) for scripts that spell it out.
    @Option(name: .shortAndLong, help: .hidden)
    var output: Format = .html

    @Option(name: .customLong("out"), help: "Write to this file (whole or not at all) instead of stdout.")
    var outFile: String?

    @Option(help: "The page title (default: \"Network policy report\" and the input paths).")
    var title: String?

    @Flag(help: "Show when the report was generated (off by default: the same input gives the same bytes).")
    var timestamp = false

    @Option(
        name: .customLong("max-nodes"),
        help: "Diagram: past this many workloads draw namespaces, past this many nodes use sfdp (0: no limit).")
    var maxNodes: Int = RenderRequest.defaultMaxNodes

    @Option(
        name: .customLong("max-edges"),
        help: "Diagram: past this many edges collapse fans into markers, then draw namespaces (0: no limit).")
    var maxEdges: Int = RenderRequest.reportMaxEdges

    @Option(name: .customLong("max-rows"), help: "Connectivity table: at most this many pairs (the count says how many there are).")
    var maxRows: Int = 20_000

    @Option(name: .customLong("max-explained"), help: "Explain (on click) at most this many pairs, the first in the table.")
    var maxExplained: Int = 2_000

    @Option(name: .customLong("by"), help: "Diagram and connectivity table: workload (default), pod or namespace.")
    var level: RenderCommand.Level = .workload

    @Option(help: "Diagram and table: merged (one line per pair and connections, ranges joined as CIDRs) or split external ranges.")
    var externals: ExternalsMode = .merged

    @Option(help: "Crown jewels for the exposure section: workloads with these labels (key=value,...; repeatable).")
    var sensitive: [String] = []

    func validate() throws {
        if maxNodes < 0 || maxEdges < 0 || maxRows < 0 || maxExplained < 0 {
            throw CLIError.usage("--max-nodes, --max-edges, --max-rows and --max-explained must be 0 or more")
        }
    }

    func run() throws {
        let selectors = try sensitive.map { text -> [String: String] in
            try ReferenceOption.selector(text, option: "--sensitive")
        }
        var progress = Progress(quiet: input.quiet)
        let loaded = try input.load(paths: paths)
        let reach = input.reachability(loaded.cluster, splitting: level == .workload)
        input.noteInternetScope(reach)
        progress.done("compiled \(reach.identityCountForReport) pod identities")
        let edges = reach.edges(level: level.aggregation)
        let workloads = reach.groupEndpoints(level: .workload).count
        progress.done("computed \(edges.count) connections")
        let findings = Linter.run(LintContext(cluster: loaded.cluster, skippedKinds: loaded.skippedKinds, options: input.evaluationOptions))
        let graph = ReachabilityGraph(reach, workloadEdges: level.aggregation == .workload ? edges : nil)
        let exposure = graph.exposure(reach, sensitive: selectors.isEmpty ? ReachabilityGraph.defaultSensitive : selectors)
        progress.done("linted and analysed exposure")
        var content = ReportContent(
            title: title ?? "Network policy report: " + (paths + input.files).joined(separator: " "),
            timestamp: timestamp ? Date().formatted(.iso8601) : nil,
            summary: ReportSummary(cluster: loaded.cluster, workloads: workloads, edges: [], findings: findings),
            svg: nil, edges: edges, externals: externals, rowLimit: maxRows, exposure: (graph, exposure), findings: findings)
        content.summary = ReportSummary(cluster: loaded.cluster, workloads: workloads, lines: content.lines, findings: findings)
        content.explanations = Self.explanations(
            for: content.lines.prefix(min(maxRows, maxExplained)), reach: reach, level: level.aggregation)
        content.level = level.aggregation
        content.attack = AttackSection.paths(reach, graph, exposure, limit: 10)
        progress.done("explained \(content.explanations.count) pairs")
        drawDiagram(reach, into: &content)
        progress.done("drew the diagram")
        let html = HTMLReport.render(content)
        if let outFile { try AtomicFile.write(html, to: outFile) } else { CommandIO.current.out(html) }
    }

    /// The render pipeline with its defaults (namespace fallback, sfdp, label cut-off). A
    /// Graphviz failure is shown in the report rather than losing the rest of it.
    private func drawDiagram(_ reach: Reachability, into content: inout ReportContent) {
        do {
            var request = RenderRequest(level: level.aggregation, maxNodes: maxNodes, maxEdges: maxEdges, externals: externals)
            request.notesInLegend = false
            let drawn = try DrawnDiagram(reach: reach, request: request)
            if !input.quiet { for note in drawn.notes { CommandIO.current.report(Diagnostic(.note, note)) } }
            content.diagramNotes = drawn.diagram.notes
            content.svg = String(decoding: try drawn.render(.svg), as: UTF8.self)
        } catch {
            content.diagramProblem = "\(error)"
            if !input.quiet { CommandIO.current.report(Diagnostic(.warning, "report without a diagram: \(error)")) }
        }
    }
}
