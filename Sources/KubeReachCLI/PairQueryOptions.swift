import ArgumentParser
import KubeReachCore
import KubeReachYAML

/// Two endpoints resolved against a loaded cluster, with the evaluation options they need.
struct ResolvedPair {
    var cluster: Cluster
    var options: EvaluationOptions
    var source: ResolvedEndpoint
    var destination: ResolvedEndpoint

    var sourceName: String { source.endpoint.description }
    var destinationName: String { destination.endpoint.description }
}

/// The arguments `eval` and `explain` share: the two endpoints, the inputs, the question.
struct PairArguments: ParsableArguments {
    @Argument(help: "Source: ns/name, ns/Kind/name, name (with -n) or an IP address.")
    var source: String

    @Argument(help: "Destination, in the same forms.")
    var destination: String

    @Argument(help: "Manifest files or directories ('-' for stdin).")
    var paths: [String] = []

    @OptionGroup var input: InputOptions
    @OptionGroup var query: PairQueryOptions

    func resolve() throws -> ResolvedPair { try query.resolve(source, destination, input: input, paths: paths) }
}

/// `--port` and `--protocol`: one destination port (or a whole protocol) asked about.
struct PortQueryOptions: ParsableArguments {
    @Option(help: "Destination port to check (1-65535).")
    var port: Int?

    @Option(name: .customLong("protocol"), help: "Protocol: TCP (default), UDP or SCTP.")
    var proto: NetworkProtocol?

    /// The single protocol/port asked about, when a port was given.
    var asked: (NetworkProtocol, Int)? { port.map { (proto ?? .tcp, $0) } }

    /// Run by argument-parser after parsing, for every command that uses this group.
    func validate() throws {
        if let port, !(1...65535).contains(port) { throw ValidationError("--port must be in 1-65535, got \(port)") }
    }

    /// ` on TCP 8080`, ` on UDP` (any port), or empty (anything at all).
    var askedText: String {
        if let port { return " on \((proto ?? .tcp).rawValue) \(port)" }
        return proto.map { " on \($0.rawValue)" } ?? ""
    }

    func isAllowed(_ conns: ConnectionSet) -> Bool {
        if let (p, n) = asked { return conns.contains(p, n) }
        if let proto { return !conns[proto].isEmpty }
        return !conns.isEmpty
    }
}

/// The question shared by `eval` and `explain`: which port, which protocol, which namespace
/// for bare names.
@dynamicMemberLookup
struct PairQueryOptions: ParsableArguments {
    @OptionGroup var ports: PortQueryOptions

    @Option(name: .shortAndLong, help: "Namespace for references without one (default: default; live cluster: the context's, and the namespace read without -A).")
    var namespace: String?

    subscript<T>(dynamicMember path: KeyPath<PortQueryOptions, T>) -> T { ports[keyPath: path] }

    var asked: (NetworkProtocol, Int)? { ports.asked }


    func resolve(_ source: String, _ destination: String, input: InputOptions, paths: [String]) throws -> ResolvedPair {
        let ns = try input.defaultNamespace(given: namespace, paths: paths)
        let src = try reference(source, ns), dst = try reference(destination, ns)
        let named = [src, dst].compactMap { ref -> String? in if case .object(let n?, _, _) = ref { n } else { nil } }
        let cluster = try input.load(paths: paths, namespace: ns, mentioning: named).cluster
        guard let s = cluster.resolve(src) else { throw CLIError.notFound("source \(src) not found in the input") }
        guard let d = cluster.resolve(dst) else { throw CLIError.notFound("destination \(dst) not found in the input") }
        if case .external = s, case .external = d {
            throw CLIError.usage("both endpoints are external addresses; at least one must be a pod or workload")
        }
        var options = input.evaluationOptions
        for case .external(let ip) in [s, d] as [ResolvedEndpoint] { options.extraFamilies.insert(ip.family) }
        return ResolvedPair(cluster: cluster, options: options, source: s, destination: d)
    }

    private func reference(_ text: String, _ defaultNamespace: String) throws -> EndpointReference {
        do { return try EndpointReference.parse(text, defaultNamespace: defaultNamespace) } catch {
            throw CLIError.usage(error.description)
        }
    }
}
