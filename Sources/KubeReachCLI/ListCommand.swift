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

    @Option(name: .shortAndLong, help: "Output format: txt, json, csv, md or dot.")
    var output: OutputFormat = .txt

    @Option(name: .customLong("by"), help: "Aggregation level: workload, pod or namespace.")
    var level: AggregationLevel = .workload

    @Option(name: .shortAndLong, help: "Only lines with an endpoint in this namespace.")
    var namespace: String?

    @Option(name: .customLong("out"), help: "Write to this file (whole or not at all) instead of stdout.")
    var outFile: String?

    @Option(name: .customLong("focus"), help: "Only lines touching these nodes (name or ns/name; comma-separated, repeatable).")
    var focus: [String] = []

    @Option(name: .customLong("focus-peer"), help: "With --focus: the other end must be one of these.")
    var focusPeer: [String] = []

    @Option(name: .customLong("focus-direction"), help: "With --focus: ingress (into the focus) or egress (out of it).")
    var focusDirection: FocusDirection?

    @Option(name: .customLong("focus-conn"), help: "Only pairs allowing this protocol-port (e.g. tcp-8080); prints pairs only.")
    var focusConn: String?

    @Flag(name: .customLong("explain"), help: "For every listed pair, the policies and rules behind it (txt).")
    var explain = false

    enum FocusDirection: String, ExpressibleByArgument {
        case ingress, egress
    }

    /// The focus options as a filter, or nil when none was given.
    func edgeFocus() throws -> EdgeFocus? {
        let split = { (list: [String]) in list.flatMap { $0.split(separator: ",").map(String.init) } }
        var connection: (NetworkProtocol, Int)? = nil
        if let focusConn {
            guard let c = EdgeFocus.parseConnection(focusConn) else {
                throw CLIError.usage("--focus-conn expects PROTOCOL-PORT such as tcp-8080, got '\(focusConn)'")
            }
            connection = c
        }
        if focus.isEmpty && (!focusPeer.isEmpty || focusDirection != nil) {
            throw CLIError.usage("--focus-peer and --focus-direction need --focus")
        }
        if focus.isEmpty && connection == nil { return nil }
        let direction = focusDirection.map { $0 == .ingress ? PolicyDirection.ingress : .egress }
        return EdgeFocus(nodes: split(focus), peers: split(focusPeer), direction: direction, connection: connection)
    }

    func run() throws {
        var progress = Progress(quiet: input.quiet)
        let loaded = try input.load(paths: paths, namespace: namespace)
        progress.done("loaded \(loaded.cluster.pods.count) pods and \(loaded.cluster.policies.count) policies")
        let reach = Reachability(cluster: loaded.cluster, options: input.evaluationOptions)
        progress.done("compiled \(reach.identityCountForReport) pod identities")
        if level == .workload {
            let conflicts = reach.workloadConflicts()
            if !conflicts.isEmpty {
                throw CLIError.invalidInput(conflicts.map { Diagnostic(.error, $0.description) })
            }
        }
        var edges = reach.edges(level: level)
        progress.done("computed \(edges.count) connections")
        let focusFilter = try edgeFocus()
        if let focusFilter {
            let names = reach.cluster.pods.indices.map { reach.nodeName(ofPod: $0, level: level) }
            for unknown in focusFilter.unknownNames(among: names) where !input.quiet {
                CommandIO.current.report("warning: \(unknown) does not exist in the input", severity: "warning")
            }
            edges = focusFilter.apply(edges)
        }
        if let namespace {
            let prefix = level == .namespace ? namespace : namespace + "/"
            edges = edges.filter {
                [$0.source, $0.destination].contains { level == .namespace ? $0 == prefix : $0.hasPrefix(prefix) }
            }
        }
        if explain {
            try emit(ExplainListFormatter.text(explanations(for: edges, reach: reach)))
            return
        }
        let text = focusFilter?.connection.map { c in
            PairFormatter.render(
                edges, as: output, title: "Permitted connections on \(c.proto.rawValue) \(c.port):",
                focused: ConnectionSet(c.proto, PortSet(port: c.port)))
        } ?? EdgeFormatter.render(edges, as: output, nodes: output == .dot ? nodeNames(reach, focus: focusFilter) : [])
        try emit(text)
    }

    /// Every node of the level (DOT shows nodes without edges), narrowed like the edges when
    /// a focus is given.
    private func nodeNames(_ reach: Reachability, focus: EdgeFocus?) -> [String] {
        let names = Set(reach.cluster.pods.indices.map { reach.nodeName(ofPod: $0, level: level) })
        guard let focus, !focus.nodes.isEmpty else { return Array(names) }
        return names.filter { EdgeFocus.names($0, among: focus.nodes) }
    }

    private func emit(_ text: String) throws {
        if let outFile {
            try AtomicFile.write(text, to: outFile)
        } else {
            CommandIO.current.out(text)
        }
    }

    /// One explanation per listed pair, through a representative pod of each group (the
    /// workload consistency check guarantees they stand for all) or the range's first address.
    private func explanations(for edges: [ConnectivityEdge], reach: Reachability) throws -> [Explanation] {
        guard output == .txt else { throw CLIError.usage("--explain prints txt") }
        let explainer = Explainer(cluster: reach.cluster, options: reach.options)
        var podOf: [String: Int] = [:]
        for i in reach.cluster.pods.indices { podOf[reach.nodeName(ofPod: i, level: level)] = podOf[reach.nodeName(ofPod: i, level: level)] ?? i }
        let ranges = Dictionary((reach.externalSources + reach.externalDestinations).map { ($0.externalName, $0) }, uniquingKeysWith: { a, _ in a })
        func endpoint(_ name: String) -> Explainer.Endpoint? {
            if let i = podOf[name] { return .pod(i) }
            return ranges[name].map { .external($0.first) }
        }
        return edges.compactMap { e in
            guard var s = endpoint(e.source), let d = endpoint(e.destination) else { return nil }
            // Two pods of one group (pod level shows replicas): pick a different source pod.
            if case .pod(let a) = s, case .pod(let b) = d, a == b,
                let other = reach.cluster.pods.indices.first(where: { $0 != a && reach.nodeName(ofPod: $0, level: level) == e.source })
            {
                s = .pod(other)
            }
            return explainer.explain(s, d, sourceName: e.source, destinationName: e.destination)
        }
    }
}
