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
    /// `--port`/`--protocol`, a port name resolved on the destination.
    var question = PortQuestion()

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

/// `--port` and `--protocol`: one destination port (or a whole protocol) asked about, in
/// the one port notation (`PortSpecifier`); a port name resolves on the destination.
struct PortQueryOptions: ParsableArguments {
    @Option(help: "Destination port: 8080, tcp/8080, udp/53, or a container port name of the destination (metrics).")
    var port: String?

    @Option(name: .customLong("protocol"), help: "Protocol: TCP (default), UDP or SCTP.")
    var proto: NetworkProtocol?

    /// The port as written, with `--protocol` folded in; nil when nothing was asked.
    func specifier() throws -> PortSpecifier? {
        guard let port else { return proto.map { PortSpecifier(proto: $0, port: .every) } }
        var s: PortSpecifier
        do { s = try PortSpecifier.parse(port) } catch { throw ValidationError("--port: \(error.description)") }
        if let proto {
            if let written = s.proto, written != proto {
                throw ValidationError("--port \(port) says \(written.rawValue) but --protocol says \(proto.rawValue)")
            }
            s.proto = proto
        }
        if case .range(let r) = s.port, r.count > 1 { throw ValidationError("--port: ask about one port, not a range (\(port))") }
        return s
    }

    /// Run by argument-parser after parsing, for every command that uses this group.
    func validate() throws { _ = try specifier() }

    /// The question, a port name resolved on the destination's pods (`pods` nil: there is
    /// no single destination, so a name is a usage error).
    func question(on pods: [Pod]?) throws -> PortQuestion {
        guard let s = try specifier() else { return PortQuestion() }
        do {
            guard let (p, n) = try s.singlePort(on: pods) else { return PortQuestion(proto: s.proto) }
            if case .name(let name) = s.port { return PortQuestion(proto: p, port: n, name: name) }
            return PortQuestion(proto: p, port: n)
        } catch {
            throw CLIError.usage("--port: \(error.description)")
        }
    }
}

/// The question shared by `eval` and `explain`: which port, which protocol, which namespace
/// for bare names.
struct PairQueryOptions: ParsableArguments {
    @OptionGroup var ports: PortQueryOptions

    @Option(
        name: .shortAndLong,
        help: "Namespace for references without one (default: default; live cluster: the context's, and the namespace read without -A).")
    var namespace: String?

    func resolve(_ source: String, _ destination: String, input: InputOptions, paths: [String]) throws -> ResolvedPair {
        let ns = try input.defaultNamespace(given: namespace, paths: paths)
        let src = try reference(source, ns), dst = try reference(destination, ns)
        let named = [src, dst].compactMap { ref -> String? in if case .object(let n?, _, _) = ref { n } else { nil } }
        let cluster = try input.load(paths: paths, namespace: ns, mentioning: named).cluster
        if let service = Self.service(src, in: cluster) {
            throw CLIError.usage("\(service.displayName) is a Service: traffic starts at pods; name a workload or pod as the source")
        }
        guard let s = cluster.resolve(src) else {
            throw CLIError.notFound("source \(src) not found in the input\(cluster.didYouMean(src))")
        }
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
            throw CLIError.notFound("destination \(dst) not found in the input\(cluster.didYouMean(dst))")
        }
        if case .external = s, case .external = d {
            throw CLIError.usage("both endpoints are external addresses; at least one must be a pod or workload")
        }
        var options = input.evaluationOptions
        for case .external(let ip) in [s, d] as [ResolvedEndpoint] { options.extraFamilies.insert(ip.family) }
        var address: IPAddress? = nil
        if case .address(let ip) = dst { address = ip }
        return ResolvedPair(
            cluster: cluster, options: options, source: s, destination: d, service: service, serviceAddress: service == nil ? nil : address,
            question: try question(toward: d, service: service, in: cluster))
    }

    /// The port question, a name resolved on the Service's own port names or else on the
    /// destination's container ports (an external destination has none).
    private func question(toward d: ResolvedEndpoint, service: Service?, in cluster: Cluster) throws -> PortQuestion {
        if let service, let spec = try ports.specifier(), case .name(let n) = spec.port {
            let named = service.ports.filter { $0.name == n && (spec.proto == nil || spec.proto == $0.proto) }
            guard named.count == 1, let p = named.first else {
                let names = service.ports.compactMap(\.name).joined(separator: ", ")
                throw CLIError.usage(
                    "--port: \(service.displayName) has no port named '\(n)' (its named ports: \(names.isEmpty ? "none" : names))")
            }
            return PortQuestion(proto: p.proto, port: p.port, name: n)
        }
        if case .external = d { return try ports.question(on: nil) }
        return try ports.question(on: d.podIndices.map { cluster.pods[$0] })
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
