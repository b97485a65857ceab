import ArgumentParser
import KubeReachAnalysis
import KubeReachCore
import KubeReachRender

/// Options shared by the lateral-movement commands.
struct GraphOptions: ParsableArguments {
    @Option(name: .customLong("max-hops"), help: "Longest path considered.")
    var maxHops: Int = 16

    /// With a port, only hops that allow it are followed.
    @OptionGroup var ports: PortQueryOptions

    @Option(name: .shortAndLong, help: "Output format: txt, json or md.")
    var output: GraphFormat = .txt

    /// The port every hop must allow; a port name is refused (hops have no single destination).
    func asked() throws -> (NetworkProtocol, Int)? { try ports.question(on: nil).asked }

    func graph(_ input: InputOptions, paths: [String]) throws -> ReachabilityGraph {
        let cluster = try input.load(paths: paths).cluster
        let reach = input.reachability(cluster)
        input.noteInternetScope(reach)
        return ReachabilityGraph(reach)
    }

    /// The nodes a reference (or a selector) names; an unknown reference is an error.
    func nodes(_ g: ReachabilityGraph, ref: String?, selector: String?, role: String) throws -> [Int] {
        let parsed: EndpointReference
        if let selector {
            parsed = .selector(try ReferenceOption.selector(selector, option: role + "-selector"))
        } else if let ref {
            parsed = try ReferenceOption.parse(ref, option: role, selectors: true)
        } else {
            throw CLIError.usage("\(role): expected internet, ns/*, ns/name, ns/Kind/name or a key=value selector")
        }
        let found = g.nodes(parsed)
        guard !found.isEmpty else { throw CLIError.notFound("\(role) \(parsed) matches no workload\(g.cluster.didYouMean(parsed))") }
        return found
    }
}

/// `kubereach paths`: the K shortest multi-hop paths between two sets of workloads.
struct PathsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paths", abstract: "The K shortest multi-hop paths from --from to --to, with what each hop allows.")

    @Argument(help: "Manifest files or directories ('-' for stdin).")
    var paths: [String] = []

    @OptionGroup var input: InputOptions
    @OptionGroup var graph: GraphOptions

    @Option(help: "Start: internet, ns/*, ns/name or ns/Kind/name.") var from: String?
    @Option(help: "End, in the same forms.") var to: String?
    @Option(name: .customLong("from-selector"), help: "Start: workloads with these labels (key=value,...).") var fromSelector: String?
    @Option(name: .customLong("to-selector"), help: "End: workloads with these labels (key=value,...).") var toSelector: String?
    @Option(name: .customShort("k"), help: "How many paths (at least 1).") var k: Int = 3

    func validate() throws {
        guard k >= 1 else { throw ValidationError("-k must be at least 1, got \(k)") }
    }

    func run() throws {
        let g = try graph.graph(input, paths: paths)
        let sources = try graph.nodes(g, ref: from, selector: fromSelector, role: "--from")
        let targets = try graph.nodes(g, ref: to, selector: toSelector, role: "--to")
        let found = g.shortestPaths(from: sources, to: targets, k: k, maxHops: graph.maxHops, port: try graph.asked())
        let title = "paths from \(fromSelector ?? from ?? "") to \(toSelector ?? to ?? "")"
        CommandIO.current.out(PathFormatter.paths(g, found, title: title, as: graph.output))
    }
}

/// `kubereach blast-radius`: everything reachable from a workload (or that can reach it).
struct BlastRadiusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blast-radius",
        abstract: "Everything reachable from REF, with hop counts and one shortest path each (--reverse: what can reach REF).")

    @Argument(help: "internet, ns/*, ns/name or ns/Kind/name.")
    var target: String

    @Argument(help: "Manifest files or directories ('-' for stdin).")
    var paths: [String] = []

    @OptionGroup var input: InputOptions
    @OptionGroup var graph: GraphOptions

    @Flag(help: "Everything that can reach REF instead.") var reverse = false

    func run() throws {
        let g = try graph.graph(input, paths: paths)
        let starts = try graph.nodes(g, ref: target, selector: nil, role: "REF")
        let reached = g.blastRadius(from: starts, reverse: reverse, maxHops: graph.maxHops, port: try graph.asked())
        let title = reverse ? "can reach \(target)" : "reachable from \(target)"
        CommandIO.current.out(PathFormatter.radius(g, reached, title: title, as: graph.output))
    }
}

/// `kubereach exposure`: entry points, crown jewels, the paths between them and the chokepoints.
struct ExposureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exposure", abstract: "Entry points, crown jewels, every path between them, and the minimum cut that severs them.")

    @Argument(help: "Manifest files or directories ('-' for stdin).")
    var paths: [String] = []

    @OptionGroup var input: InputOptions

    @Option(
        help:
            "Crown jewels: workloads with these labels (key=value,...; repeatable). Default: tier=db or app.kubernetes.io/component=database."
    )
    var sensitive: [String] = []

    @Option(name: .customShort("k"), help: "How many paths to list.") var k: Int = 10

    @Option(
        name: .customLong("max-chokepoints"),
        help: "List and explain at most this many edges of the minimum cut (its size is always given).")
    var maxChokepoints: Int = ReachabilityGraph.defaultMaxChokepoints

    @Option(name: .shortAndLong, help: "Output format: txt, json or md.")
    var output: GraphFormat = .txt

    func run() throws {
        guard maxChokepoints >= 0 else { throw CLIError.usage("--max-chokepoints must be 0 or more") }
        let selectors = try sensitive.map { text -> [String: String] in
            try ReferenceOption.selector(text, option: "--sensitive")
        }
        let reach = input.reachability(try input.load(paths: paths).cluster)
        input.noteInternetScope(reach)
        let g = ReachabilityGraph(reach)
        warnUnmatched(selectors, in: g)
        let report = g.exposure(
            reach, sensitive: selectors.isEmpty ? ReachabilityGraph.defaultSensitive : selectors, k: max(1, k),
            maxChokepoints: maxChokepoints)
        CommandIO.current.out(
            PathFormatter.exposure(g, report, as: output, attack: AttackSection.paths(reach, g, report, limit: max(1, k))))
    }

    /// The crown-jewel selectors given (OR-ed) that select no workload, each a warning.
    private func warnUnmatched(_ selectors: [[String: String]], in g: ReachabilityGraph) {
        for (text, labels) in zip(sensitive, selectors) where g.nodes(.selector(labels)).isEmpty {
            CommandIO.current.report(Diagnostic(.warning, "--sensitive \(text) matches no workload"))
        }
    }
}
