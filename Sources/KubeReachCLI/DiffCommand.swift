import ArgumentParser
import KubeReachAnalysis
import KubeReachCore
import KubeReachGraphviz
import KubeReachInput
import KubeReachRender
import KubeReachYAML

/// The list formats of `DiffFormatter`, plus the diff drawn as a graph (`DiffDotWriter`).
enum DiffOutput: String, ExpressibleByArgument, CaseIterable {
    case txt, md, json, csv, dot, svg
}

/// `kubereach diff OLD NEW`: what a change to the manifests does to connectivity.
/// Exit 0, or with `--fail-on-widen` 1 when something is newly allowed; 2 on errors.
struct DiffCommand: StatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare the connectivity of two inputs: pairs added, removed, widened or narrowed.",
        discussion: "OLD and NEW are a file or directory, or git:REV:path for that path at a git revision.")

    @Argument(help: "The input before the change: a path, or git:REV:path.")
    var old: String

    @Argument(help: "The input after the change: a path, or git:REV:path.")
    var new: String

    @OptionGroup var input: SideInputOptions

    @Option(name: .shortAndLong, help: "Output format: txt, md, json, csv, or a graph: dot or svg.")
    var output: DiffOutput = .txt

    @Option(name: .customLong("by"), help: "Aggregation level: workload, pod or namespace.")
    var level: AggregationLevel = .workload

    @Flag(name: .customLong("fail-on-widen"), help: "Exit 1 when NEW allows anything OLD did not (added or widened).")
    var failOnWiden = false

    @Option(name: .customLong("repo"), help: "Run git in this directory for git:REV:path (default: the current one).")
    var repo: String?

    @Option(name: .customLong("out"), help: "Write to this file (whole or not at all) instead of stdout.")
    var outFile: String?

    func evaluate() throws -> ExitStatus {
        try InputOptions.readsStandardInputOnce([old, new])
        let before = try load(old), after = try load(new)
        let sides = ConnectivityComparison(old: before.cluster, new: after.cluster, options: input.evaluationOptions, level: level)
        input.report(sides.notes.old.map { Self.onSide($0, old) } + sides.notes.new.map { Self.onSide($0, new) })
        let oldSide = sides.old, newSide = sides.new, diff = sides.diff
        if let format = DiffFormat(rawValue: output.rawValue) {
            let text = DiffFormatter.render(diff, as: format, old: old, new: new, level: level)
            if let outFile { try AtomicFile.write(text, to: outFile) } else { CommandIO.current.out(text) }
        } else {
            let nodes = oldSide.nodes.union(newSide.nodes)
            try emitGraph(
                DiffDotWriter.render(diff, new: newSide, nodes: nodes, level: level), large: nodes.count > RenderRequest.defaultMaxNodes)
        }
        return failOnWiden && diff.widens ? .negative : .success
    }

    /// DOT as text, or SVG drawn in process (sfdp for large graphs, as `render` does).
    private func emitGraph(_ dot: String, large: Bool) throws {
        guard output == .svg else {
            if let outFile { return try AtomicFile.write(dot, to: outFile) }
            return CommandIO.current.out(dot)
        }
        let bytes: [UInt8]
        do {
            bytes = try GraphvizRenderer.render(dot: dot, layout: large ? .sfdp : .dot, format: .svg)
        } catch {
            throw CLIError.render(error.description)
        }
        if let outFile { try AtomicFile.write(bytes: bytes, to: outFile) } else { CommandIO.current.outBytes(bytes) }
    }

    /// One side: a git revision's blobs or paths on disk, loaded with the shared options.
    private func load(_ side: String) throws -> LoadResult {
        do {
            if let git = try GitSource.parse(side) {
                return try input.load(sources: git.read(in: repo, environment: RunContext.current.environment))
            }
        } catch let error as GitSourceError {
            throw CLIError.invalidInput(error.diagnostics)
        }
        return try input.load(paths: [side])
    }

    /// A diagnostic of one side, prefixed with the side's name.
    private static func onSide(_ d: Diagnostic, _ side: String) -> Diagnostic {
        var d = d
        d.message = "\(side): " + d.message
        return d
    }
}
