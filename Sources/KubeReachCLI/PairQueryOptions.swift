import ArgumentParser
import KubeReachCore
import KubeReachYAML

/// Two endpoints resolved against a loaded cluster, with the evaluation options they need.
struct ResolvedPair {
    var cluster: Cluster
    var options: EvaluationOptions
    var source: ResolvedEndpoint
    var destination: ResolvedEndpoint
    /// The Service the destination named (`ns/Service/name` or its ClusterIP); the
    /// destination is then its backend pods.
    var service: Service? = nil
    /// The ClusterIP the destination was given as, if any.
    var serviceAddress: IPAddress? = nil

    var sourceName: String { source.endpoint.description }
    var destinationName: String {
        guard let service else { return destination.endpoint.description }
        return service.displayName + (serviceAddress.map { " (\($0))" } ?? "")
    }
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

    @Option(
        name: .shortAndLong,
        help: "Namespace for references without one (default: default; live cluster: the context's, and the namespace read without -A).")
    var namespace: String?

    subscript<T>(dynamicMember path: KeyPath<PortQueryOptions, T>) -> T { ports[keyPath: path] }

    var asked: (NetworkProtocol, Int)? { ports.asked }

    func resolve(_ source: String, _ destination: String, input: InputOptions, paths: [String]) throws -> ResolvedPair {
        let ns = try input.defaultNamespace(given: namespace, paths: paths)
        let src = try reference(source, ns), dst = try reference(destination, ns)
        let named = [src, dst].compactMap { ref -> String? in if case .object(let n?, _, _) = ref { n } else { nil } }
        let cluster = try input.load(paths: paths, namespace: ns, mentioning: named).cluster
        if let service = Self.service(src, in: cluster) {
            throw CLIError.usage("\(service.displayName) is a Service: traffic starts at pods; name a workload or pod as the source")
        }
        guard let s = cluster.resolve(src) else { throw CLIError.notFound("source \(src) not found in the input") }
        let service = Self.service(dst, in: cluster)
        if let service, !service.selectsPods {
            throw CLIError.usage(
                "\(service.displayName) has \(service.type == "ExternalName" ? "type ExternalName" : "no selector"): its endpoints are not in the input; name the pods or addresses behind it"
            )
        }
        guard
            let d = service.map({ .pods(cluster.backends(of: $0), endpoint: .service(namespace: $0.namespace, name: $0.name)) })
                ?? cluster.resolve(dst)
        else {
            throw CLIError.notFound("destination \(dst) not found in the input")
        }
        if case .external = s, case .external = d {
            throw CLIError.usage("both endpoints are external addresses; at least one must be a pod or workload")
        }
        var options = input.evaluationOptions
        for case .external(let ip) in [s, d] as [ResolvedEndpoint] { options.extraFamilies.insert(ip.family) }
        var address: IPAddress? = nil
        if case .address(let ip) = dst { address = ip }
        return ResolvedPair(
            cluster: cluster, options: options, source: s, destination: d, service: service, serviceAddress: service == nil ? nil : address)
    }

    /// The Service a reference names, unless the address is a pod's (pods come first).
    private static func service(_ ref: EndpointReference, in cluster: Cluster) -> Service? {
        if case .address(let ip) = ref, cluster.pods.contains(where: { $0.ips.contains(ip) }) { return nil }
        return cluster.service(for: ref)
    }

    private func reference(_ text: String, _ defaultNamespace: String) throws -> EndpointReference {
        do { return try EndpointReference.parse(text, defaultNamespace: defaultNamespace) } catch {
            throw CLIError.usage(error.description)
        }
    }
}
