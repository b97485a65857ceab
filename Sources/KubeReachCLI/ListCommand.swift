import ArgumentParser
import KubeReachCore
import KubeReachRender

extension AggregationLevel: ExpressibleByArgument {}
extension ListFormat: ExpressibleByArgument {}
extension PairFormat: ExpressibleByArgument {}
extension GraphFormat: ExpressibleByArgument {}
extension ExplainSelection: ExpressibleByArgument {}
extension ExternalsMode: ExpressibleByArgument {}

/// `kubereach list`: every ordered pair with something allowed.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every connection the policies allow, one line per ordered pair.")

    @Argument(help: "Manifest files or directories ('-' for stdin).")
    var paths: [String] = []

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "Output format: txt, json, csv, md or dot.")
    var output: ListFormat = .txt

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

    @Option(
        name: .customLong("focus-conn"),
        help: "Only pairs allowing this port (8080, tcp/8080, udp/53; tcp-8080 as netpol-analyzer); prints pairs only.")
    var focusConn: String?

    @Flag(name: .customLong("explain"), help: "For every listed pair, the policies and rules behind it (txt).")
    var explain = false

    @Option(name: .customLong("explain-only"), help: "allow or deny: only the explanations of that verdict (implies --explain).")
    var explainOnly: ExplainSelection?

    @Option(
        help:
            "External ranges: merged (one line per pair and connections, the ranges joined as CIDRs) or split (one line per range). Default: merged for md, split otherwise."
    )
    var externals: ExternalsMode?

    enum FocusDirection: String, ExpressibleByArgument {
        case ingress, egress
    }

    func validate() throws {
        if output == .dot && externals == .merged {
            throw CLIError.usage("--externals merged does not apply to -o dot (netpol-analyzer's layout); kubereach render merges ranges")
        }
    }

    /// The focus options as a filter, or nil when none was given.
    func edgeFocus() throws -> EdgeFocus? {
        let split = { (list: [String]) throws -> [EndpointReference] in
            try list.flatMap { $0.split(separator: ",").map(String.init) }.map { try ReferenceOption.parse($0, option: "--focus") }
        }
        var connection: (NetworkProtocol, Int)? = nil
        if let focusConn {
            do { connection = try PortSpecifier.parse(focusConn).singlePort(on: nil) } catch {
                throw CLIError.usage("--focus-conn: \(error)")
            }
            guard connection != nil else { throw CLIError.usage("--focus-conn: give one port, such as tcp/8080, got '\(focusConn)'") }
        }
        if focus.isEmpty && (!focusPeer.isEmpty || focusDirection != nil) {
            throw CLIError.usage("--focus-peer and --focus-direction need --focus")
        }
        if focus.isEmpty && connection == nil { return nil }
        let direction = focusDirection.map { $0 == .ingress ? PolicyDirection.ingress : .egress }
        return EdgeFocus(nodes: try split(focus), peers: try split(focusPeer), direction: direction, connection: connection)
    }

    func run() throws {
        var progress = Progress(quiet: input.quiet)
        let loaded = try input.load(paths: paths, namespace: namespace)
        progress.done("loaded \(loaded.cluster.pods.count) pods and \(loaded.cluster.policies.count) policies")
        let reach = input.reachability(loaded.cluster, splitting: level == .workload)
        progress.done("compiled \(reach.identityCountForReport) pod identities")
        var edges = reach.edges(level: level)
        progress.done("computed \(edges.count) connections")
        let focusFilter = try edgeFocus()
        if let focusFilter {
            for unknown in focusFilter.unknownReferences(among: reach.groupEndpoints(level: level)) where !input.quiet {
                CommandIO.current.report(Diagnostic(.warning, "\(unknown) does not exist in the input"))
            }
        }
        if explain || explainOnly != nil {
            guard output == .txt else { throw CLIError.usage("--explain prints txt") }
            try emitExplanations(edges: edges, reach: reach, focus: focusFilter)
            return
        }
        if let focusFilter { edges = focusFilter.apply(edges) }
        edges = namespaceFiltered(edges)
        if let d = emptyNamespaceFilter(edges, cluster: reach.cluster), !input.quiet {
            CommandIO.current.report(d)
        }
        if reach.hasCiliumRuntimeRules && !input.quiet {
            for note in CiliumDecisionText.runtimeRuleNotes(reach.cluster) { CommandIO.current.report(Diagnostic(.note, note)) }
            for edge in edges {
                if let note = CiliumDecisionText.listNote(edge, reach.ciliumDecisions(for: edge)) {
                    CommandIO.current.report(Diagnostic(.note, note))
                }
            }
        }
        if let c = focusFilter?.connection {
            try emit(
                PairFormatter.render(
                    edges, as: output, title: "Permitted connections on \(c.proto.rawValue) \(c.port):",
                    focused: ConnectionSet(c.proto, PortSet(port: c.port))))
            return
        }
        // Streamed: a pod-level list can be tens of megabytes.
        let nodes = output == .dot ? nodeNames(reach, focus: focusFilter) : []
        let mode = externals ?? output.defaultExternals
        if let outFile {
            try AtomicFile.stream(to: outFile) { out in try EdgeFormatter.stream(edges, as: output, nodes: nodes, externals: mode, to: &out)
            }
        } else {
            var out = EdgeStream { CommandIO.current.out($0) }
            try EdgeFormatter.stream(edges, as: output, nodes: nodes, externals: mode, to: &out)
        }
    }

    /// Every node of the level (DOT shows nodes without edges), narrowed like the edges when
    /// a focus is given.
    private func nodeNames(_ reach: Reachability, focus: EdgeFocus?) -> [Endpoint] {
        let names = reach.groupEndpoints(level: level)
        guard let focus, !focus.nodes.isEmpty else { return Array(names) }
        return names.filter { EdgeFocus.names($0, among: focus.nodes) }
    }

    /// `--namespace`: only lines with an endpoint in that namespace.
    func namespaceFiltered(_ edges: [ConnectivityEdge]) -> [ConnectivityEdge] {
        guard let namespace else { return edges }
        return edges.filter { $0.source.namespace == namespace || $0.destination.namespace == namespace }
    }

    /// Why `-n` left nothing to print, said on stderr rather than as silent empty output:
    /// no such namespace in the input, or no connection touching it.
    func emptyNamespaceFilter(_ kept: [ConnectivityEdge], cluster: Cluster) -> Diagnostic? {
        guard let namespace, kept.isEmpty else { return nil }
        if !cluster.namespaces.contains(where: { $0.name == namespace }) && !cluster.pods.contains(where: { $0.namespace == namespace }) {
            let known = Set(cluster.pods.map(\.namespace)).union(cluster.namespaces.map(\.name)).sorted()
            return Diagnostic(
                .warning,
                "-n \(namespace): no namespace of that name in the input (namespaces: \(known.prefix(20).joined(separator: ", "))\(known.count > 20 ? ", ..." : "")))"
            )
        }
        return Diagnostic(.note, "-n \(namespace): no connection touches that namespace")
    }

    func emit(_ text: String) throws {
        if let outFile {
            try AtomicFile.write(text, to: outFile)
        } else {
            CommandIO.current.out(text)
        }
    }
}
