import ArgumentParser
import KubeReachCore
import KubeReachRender

extension AggregationLevel: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

/// `kubereach list`: every ordered pair with something allowed.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every connection the policies allow, one line per ordered pair.")

    @Argument(help: "Manifest files or directories ('-' for stdin).")
    var paths: [String] = []

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "Output format: txt, json, csv or md.")
    var output: OutputFormat = .txt

    @Option(name: .customLong("by"), help: "Aggregation level: workload, pod or namespace.")
    var level: AggregationLevel = .workload

    @Option(name: .shortAndLong, help: "Only lines with an endpoint in this namespace.")
    var namespace: String?

    @Option(name: .customLong("out"), help: "Write to this file (whole or not at all) instead of stdout.")
    var outFile: String?

    func run() throws {
        let loaded = try input.load(paths: paths)
        let reach = Reachability(cluster: loaded.cluster, options: input.evaluationOptions)
        if level == .workload {
            let conflicts = reach.workloadConflicts()
            if !conflicts.isEmpty {
                throw CLIError.invalidInput(conflicts.map { Diagnostic(.error, $0.description) })
            }
        }
        var edges = reach.edges(level: level)
        if let namespace {
            let prefix = level == .namespace ? namespace : namespace + "/"
            edges = edges.filter {
                [$0.source, $0.destination].contains { level == .namespace ? $0 == prefix : $0.hasPrefix(prefix) }
            }
        }
        let text = EdgeFormatter.render(edges, as: output)
        if let outFile {
            try AtomicFile.write(text, to: outFile)
        } else {
            CommandIO.current.out(text)
        }
    }
}
