import ArgumentParser
import KubeReachCore
import KubeReachRender

extension NetworkProtocol: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
}

/// `kubereach eval SRC DST`: the verdict for one pair, with exit code 0 allowed, 1 denied.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Can SRC reach DST? Prints the verdict and the allowed connections; exit 0 allowed, 1 denied, 2 error.")

    @Argument(help: "Source: ns/name, ns/Kind/name, name (with -n) or an IP address.")
    var source: String

    @Argument(help: "Destination, in the same forms.")
    var destination: String

    @Argument(help: "Manifest files or directories ('-' for stdin).")
    var paths: [String] = []

    @OptionGroup var input: InputOptions

    @Option(help: "Destination port to check (1-65535).")
    var port: Int?

    @Option(name: .customLong("protocol"), help: "Protocol to check: TCP (default), UDP or SCTP.")
    var proto: NetworkProtocol?

    @Option(name: .shortAndLong, help: "Namespace for references without one.")
    var namespace: String = "default"

    @Option(name: .shortAndLong, help: "Output format: txt or json.")
    var output: OutputFormat = .txt

    func run() throws { _ = try evaluate() }

    func evaluate() throws -> ExitStatus {
        if let port, !(1...65535).contains(port) { throw CLIError.usage("--port must be in 1-65535, got \(port)") }
        guard output == .txt || output == .json else { throw CLIError.usage("eval prints txt or json") }
        let src = try reference(source), dst = try reference(destination)
        let loaded = try input.load(paths: paths)
        let cluster = loaded.cluster
        guard let s = cluster.resolve(src) else { throw CLIError.notFound("source \(src) not found in the input") }
        guard let d = cluster.resolve(dst) else { throw CLIError.notFound("destination \(dst) not found in the input") }
        var options = input.evaluationOptions
        for case .external(let ip) in [s, d] as [ResolvedEndpoint] { options.extraFamilies.insert(ip.family) }
        let reach = Reachability(cluster: cluster, options: options)
        let conns = try PairQuery(reach: reach).connections(from: s, to: d)
        let query = queried
        let allowed = query.map { conns.contains($0.proto, $0.port) || ($0.port == 0 && !conns[$0.proto].isEmpty) }
            ?? !conns.isEmpty
        CommandIO.current.out(render(source: name(s), destination: name(d), conns: conns, allowed: allowed))
        return allowed ? .success : .negative
    }

    /// The single protocol/port asked for, if any (port 0: any port of the protocol).
    private var queried: (proto: NetworkProtocol, port: Int)? {
        if port == nil && proto == nil { return nil }
        return (proto ?? .tcp, port ?? 0)
    }

    private func reference(_ text: String) throws -> EndpointReference {
        do { return try EndpointReference.parse(text, defaultNamespace: namespace) } catch {
            throw CLIError.usage(error.description)
        }
    }

    private func name(_ e: ResolvedEndpoint) -> String {
        switch e {
        case .pods(_, let name): name
        case .external(let ip): "\(ip)[External]"
        }
    }

    private func render(source: String, destination: String, conns: ConnectionSet, allowed: Bool) -> String {
        let verdict = allowed ? "allowed" : "denied"
        let asked = queried.map { $0.port == 0 ? " on \($0.proto.rawValue)" : " on \($0.proto.rawValue) \($0.port)" } ?? ""
        if output == .json {
            let q = queried.map { "{\"protocol\": \"\($0.proto.rawValue)\", \"port\": \($0.port == 0 ? "null" : String($0.port))}" } ?? "null"
            let ports = conns.portRanges.map {
                "{\"protocol\": \"\($0.proto.rawValue)\", \"from\": \($0.range.lowerBound), \"to\": \($0.range.upperBound)}"
            }
            return """
                {
                  "src": \(JSONText.quote(source)),
                  "dst": \(JSONText.quote(destination)),
                  "query": \(q),
                  "allowed": \(allowed),
                  "conn": \(JSONText.quote(conns.description)),
                  "ports": [\(ports.joined(separator: ", "))]
                }

                """
        }
        return "\(verdict)\(asked): \(source) => \(destination)\nallowed connections: \(conns.description)\n"
    }
}

/// Connections between two resolved endpoints: the union over their pods' pairs (a pod to
/// itself is always allowed; two external endpoints are not a question policies answer).
struct PairQuery {
    let reach: Reachability

    func connections(from s: ResolvedEndpoint, to d: ResolvedEndpoint) throws -> ConnectionSet {
        switch (s, d) {
        case (.pods(let a, _), .pods(let b, _)):
            // The same single pod: self traffic. Otherwise only distinct pods (replicas too).
            if a == b && a.count == 1 { return .all }
            var c = ConnectionSet.none
            for i in a { for j in b where i != j { c = c.union(reach.connections(fromPod: i, toPod: j)) } }
            return c
        case (.external(let ip), .pods(let b, _)):
            guard let x = reach.externalSourceIndex(of: ip) else { return .none }
            return b.reduce(ConnectionSet.none) { $0.union(reach.connections(fromExternal: x, toPod: $1)) }
        case (.pods(let a, _), .external(let ip)):
            guard let x = reach.externalDestinationIndex(of: ip) else { return .none }
            return a.reduce(ConnectionSet.none) { $0.union(reach.connections(fromPod: $1, toExternal: x)) }
        case (.external, .external):
            throw CLIError.usage("both endpoints are external addresses; at least one must be a pod or workload")
        }
    }
}
